"""The lexicon's automaton: every entry found in a text with one Aho-Corasick pass.

The automaton walks a folded copy of the text (lowercase, straight apostrophes, any
white space as a plain space) of the same length, so match positions are positions in
the text. The cost of the pass grows with the text, not with the size of the lexicon;
only the few places where an entry matches are looked at further (word boundaries,
case).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import NamedTuple

import ahocorasick

from ..text.fold import fold, fold_same_length
from ..text.tokens import SEPARATORS, continues_word, is_word_char
from .entry import Entry


class Hit(NamedTuple):
    """An entry found at ``text[start:end]``."""

    start: int
    end: int
    entry: Entry


def _case_matches(surface: str, entry: Entry) -> bool:
    if not entry.case_sensitive:
        return True
    if surface.replace("’", "'").split() == entry.spun.replace("’", "'").split():
        return True
    letters = [c for c in surface if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class _Key(NamedTuple):
    """What the automaton stores for one folded key: all that ``find`` needs per match,
    worked out once when the automaton is built instead of at every match."""

    length: int
    check_before: bool  # the key starts with a word character, so the text before it must not continue the word
    check_after: bool
    entries: tuple[Entry, ...]
    case_sensitive: bool  # some entry must be checked against the text's casing


class Scanner:
    """All lexicon hits in a text, at word boundaries and in the right case."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        by_key: dict[str, list[Entry]] = {}
        for entry in entries:
            by_key.setdefault(fold(entry.spun), []).append(entry)
        self._automaton = ahocorasick.Automaton()
        for key, group in by_key.items():
            info = _Key(
                len(key),
                is_word_char(key[0]),
                is_word_char(key[-1]),
                tuple(group),
                any(e.case_sensitive for e in group),
            )
            self._automaton.add_word(key, info)
        self._empty = not by_key
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, lo: int = 0, hi: int | None = None) -> list[Hit]:
        """Every hit inside ``text[lo:hi]``, in order of start position (overlapping hits
        included). Word boundaries are checked against the whole text, so a window cut in
        the middle of a word finds nothing there."""
        hi = len(text) if hi is None else hi
        if self._empty or lo >= hi:
            return []
        hits: list[Hit] = []
        append, new = hits.append, tuple.__new__  # Hit(...) without the call to its Python __new__
        size = len(text)
        for last, (length, check_before, check_after, entries, cased) in self._automaton.iter(
            fold_same_length(text[lo:hi])
        ):
            end = lo + last + 1
            start = end - length
            # Most matches sit between a space and a space or punctuation: a set lookup
            # settles those without the full word-boundary check.
            if check_before and start and text[start - 1] not in SEPARATORS and continues_word(text, start - 1, -1):
                continue
            if check_after and end < size and text[end] not in SEPARATORS and continues_word(text, end, 1):
                continue
            if cased:
                surface = text[start:end]
                for entry in entries:
                    if _case_matches(surface, entry):
                        append(new(Hit, (start, end, entry)))
            else:
                for entry in entries:
                    append(new(Hit, (start, end, entry)))
        if len(hits) > 1:
            # By start, then longest first; hits at the same span keep their order. Two
            # stable sorts on plain fields are cheaper than one on a computed key.
            hits.sort(key=_END, reverse=True)
            hits.sort(key=_START)
        return hits


_START, _END = itemgetter(0), itemgetter(1)
