"""Folding: the one way text is compared with lexicon entries.

Lexicon entries are looked up by a folded key (lowercase, straight apostrophes, single
spaces); the scanner walks a folded copy of the text that keeps every offset.
"""

from __future__ import annotations

_FOLDS = (("’", "'"), ("\n", " "), ("\t", " "), ("\r", " "), ("\u00a0", " "), ("\u2028", " "), ("\u2029", " "))
#: The characters :func:`fold_same_length` replaces by another (besides lowercasing).
FOLDED = frozenset(old for old, _ in _FOLDS)


def fold(text: str) -> str:
    """The key lexicon entries are looked up by: lowercase, straight apostrophes, single spaces.

    >>> fold("White  Home’s")
    "white home's"
    """
    return " ".join(text.replace("’", "'").lower().split())


def fold_same_length(text: str) -> str:
    """``text`` lowercased, with straight apostrophes and any white space as a plain space,
    character for character, so that a position in the result is a position in ``text``."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters ("İ") lowercase to two; keep those as they are
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for old, new in _FOLDS:  # a few str.replace calls beat str.translate's per-character lookups
        if old in lowered:
            lowered = lowered.replace(old, new)
    return lowered
