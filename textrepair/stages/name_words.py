"""Which lexicon hits could cut into a name: a test by words, before any name is looked for.

The lexicon stage leaves a hit alone where its repair would change a word of a name
written correctly around it ("White Home Office": "Home" belongs to "Home Office"). To
find those it reads the words next to each capitalised hit and looks for names around
it. Most capitalised hits ("However", "Native") change no word that any name has, and
then no name can be cut: :meth:`NameWords.may_cut` says so from the hit's own text.

Why the test is safe: a name is found at word boundaries, and so is a hit, and the part
of the hit a repair changes is widened to whole words. A name that overlaps that part
either shares one of its words (a word of the hit's changed part is a word of the
name), or the changed part holds no word at all and lies inside the name (its
characters are the name's: "&" in "AT&T").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..lexicon.entry import Entry
from ..text.edits import changed_part
from ..text.fold import FOLDED, fold
from ..text.tokens import is_word_char

_ASCII_WORD = re.compile(r"[0-9A-Za-z]+")  # words of ASCII text, as is_word_char splits it


def words_of(text: str) -> list[str]:
    """The runs of word characters (:func:`~textrepair.text.tokens.is_word_char`) in ``text``.

    >>> words_of("secretary-general's office")
    ['secretary', 'general', 's', 'office']
    """
    if text.isascii():
        return _ASCII_WORD.findall(text)
    out, run = [], ""
    for ch in text:
        if is_word_char(ch):
            run += ch
        elif run:
            out.append(run)
            run = ""
    return [*out, run] if run else out


class NameWords:
    """The words and characters the names are written with, as the scanner folds them."""

    def __init__(self, names: Sequence[Entry]) -> None:
        keys = [fold(e.spun) for e in names]
        self.words = frozenset(w for key in keys for w in words_of(key))
        self.chars = frozenset("".join(keys)) | FOLDED

    @classmethod
    def of(cls, names: Sequence[Entry], reach: int) -> NameWords | None:
        """The test for ``names``, or None where it would not be safe: a name that starts
        or ends with something other than a word character is not bounded by words, and a
        name longer than ``reach`` may be found only around another hit (the lexicon stage
        reads names ``reach`` characters around a hit), so the test would change what is
        found."""
        for e in names:
            if not e.spun or not is_word_char(e.spun[0]) or not is_word_char(e.spun[-1]) or len(e.spun) > reach:
                return None
        return cls(names)

    def risky(self, entry: Entry) -> bool:
        """Whether a hit of ``entry`` could ever change a word of a name, whatever its
        casing, white space and apostrophes: some word of its spun wording is a word of a
        name, or what its repair changes holds no word. A hit's text folds into the
        entry's wording character for character, so its words are the entry's, and what
        its repair changes is at least what the entry's does."""
        key = fold(entry.spun)
        if len(key) != len(entry.spun) or not key.isascii():
            return True  # white space folded together, or characters that lowercase by their context
        words = words_of(key)
        if not self.words.isdisjoint(words):
            return True
        if not set(words) <= set(words_of(entry.canonical.lower())):
            return False  # a word of its own is changed: what changes holds a word, and no name's
        lo, hi, _, _ = changed_part(key, entry.canonical.lower())
        return not _ASCII_WORD.search(key, lo, hi)

    def may_cut(self, surface: str, canonical: str) -> bool:
        """Whether a hit on ``surface`` (not in lower case) repaired into ``canonical``
        could change a word of a name around it."""
        return _may_cut(self, surface, canonical)


@lru_cache(maxsize=8192)
def _may_cut(guard: NameWords, surface: str, canonical: str) -> bool:
    old = surface.lower()
    if len(old) != len(surface):
        return True  # a character that lowercases to two: positions shift, no telling
    lo, hi, _, _ = changed_part(old, canonical.lower())
    if lo >= hi:
        return True  # only the case changes: a name may straddle the spot
    part = old[lo:hi]
    if not part.isascii():
        return True
    found = words_of(part)
    if found:
        return not guard.words.isdisjoint(found)
    return not guard.chars.isdisjoint(part)
