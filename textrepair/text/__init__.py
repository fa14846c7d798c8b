"""Text primitives every stage shares: tokens with offsets, folding, casing, articles, edits,
a buffer for long texts.

Nothing here knows about spinners; everything above builds on it.
"""
