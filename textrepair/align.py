"""Align a text with a lightly changed copy of it, in time linear in their length.

The Unicode step needs to know which characters ftfy changed on a line. A full edit
distance alignment (``Levenshtein.opcodes``) gives the minimal changes, but its cost
grows with the product of the two lengths: on a one-megabyte line with a change every
few words it takes a minute. The changes ftfy makes are local (a mojibake sequence, an
entity, a control character), with untouched text between them, so the two strings can
be cut into pieces at places where they are in step (the middle of a stretch of
identical characters, found by aligning a bounded window), and each piece aligned on its
own. Windows and pieces are bounded in size, so the total cost is linear. The result is
a minimal alignment wherever the changes are local, though where two alignments are
equally good it may choose another one than a whole-line alignment would.

A line short enough to align at once (:data:`WHOLE_LIMIT`) is aligned at once, so the
usual news paragraph gets exactly the alignment it always got.
"""

from __future__ import annotations

from itertools import pairwise

from rapidfuzz.distance import Levenshtein

#: Strings this long or shorter (both together) are aligned in one call.
WHOLE_LIMIT = 8192
#: Cut points are found by aligning a window of ``_WINDOW`` characters of ``before``
#: with the matching stretch of ``after`` (its length in proportion to what is left of
#: both, plus ``_MARGIN``). The alignment near the window's end is unreliable, since the
#: two windows need not end at corresponding places, so the cut is taken near its middle:
#: in the middle of the identical stretch of at least ``_MIN_RUN`` characters closest to it.
_WINDOW = 4096
_MARGIN = 64
_MIN_RUN = 8

Span = tuple[int, int, int, int]
"""``(start, end, new_start, new_end)``: ``before[start:end]`` became ``after[new_start:new_end]``."""


def _cut_in_window(a: str, b: str) -> tuple[int, int]:
    """A place ``(i, j)`` near the middle of ``a`` where an alignment of ``a`` with ``b``
    (two windows that start at corresponding places) passes through identical text."""
    middle = len(a) // 2
    # The windows are aligned back to front: where several alignments are equally good,
    # Levenshtein.opcodes puts unmatched characters at the start of its strings, which
    # is then the window's end, where the two windows need not correspond. (Aligned front
    # to back, a text that repeats itself could come out shifted by one repetition.)
    equal = []
    for op in Levenshtein.opcodes(a[::-1], b[::-1]):
        start, end = len(a) - op.src_end, len(a) - op.src_start
        if op.tag == "equal" and start < 3 * len(a) // 4 and end > len(a) // 4:
            equal.append((start, end, len(b) - op.dest_end))
    candidates = [run for run in equal if run[1] - run[0] >= _MIN_RUN] or equal
    if not candidates:  # nothing in common: cut both in proportion
        return middle, middle * len(b) // max(1, len(a))
    start, end, new_start = min(candidates, key=lambda run: abs((run[0] + run[1]) // 2 - middle))
    half = (end - start) // 2
    return start + half, new_start + half


def _cuts(a: str, b: str) -> list[tuple[int, int]]:
    """Positions ``(i, j)`` where ``a[:i]`` and ``b[:j]`` correspond, from ``(0, 0)`` to the
    ends; consecutive cuts are at most ``_WINDOW`` characters of ``a`` apart, and the
    stretches of ``b`` between them are bounded in the same proportion."""
    cuts = [(0, 0)]
    i = j = 0
    while len(a) - i + len(b) - j > WHOLE_LIMIT:
        left_a, left_b = len(a) - i, len(b) - j
        if not left_a or not left_b:  # the rest is one insertion or deletion
            break
        width_a = min(left_a, _WINDOW)
        width_b = min(left_b, width_a * left_b // max(1, left_a) + _MARGIN)
        di, dj = _cut_in_window(a[i : i + width_a], b[j : j + width_b])
        if di == 0 and dj == 0:  # no progress: step over the first character of each
            di, dj = min(1, left_a), min(1, left_b)
        i, j = i + di, j + dj
        cuts.append((i, j))
    cuts.append((len(a), len(b)))
    return cuts


def changed_spans(before: str, after: str) -> list[Span]:
    """The non-equal operations of an edit-distance alignment of ``before`` with ``after``,
    in order; exactly ``Levenshtein.opcodes``' for strings up to :data:`WHOLE_LIMIT`.

    >>> changed_spans("AT&amp;T", "AT&T")
    [(3, 7, 3, 3)]
    """
    if len(before) + len(after) <= WHOLE_LIMIT:
        pieces = [(0, 0, len(before), len(after))]
    else:
        cuts = _cuts(before, after)
        pieces = [(i, j, k, m) for (i, j), (k, m) in pairwise(cuts) if (i, j) != (k, m)]
    spans: list[Span] = []
    for i, j, k, m in pieces:
        for op in Levenshtein.opcodes(before[i:k], after[j:m]):
            if op.tag != "equal":
                spans.append((op.src_start + i, op.src_end + i, op.dest_start + j, op.dest_end + j))
    return spans
