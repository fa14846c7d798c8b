"""Word and punctuation tokens with character offsets.

The rule engine does not tokenise the whole document: it scans for lexicon entries
first and only looks at the words right next to a candidate (see :func:`token_before`
and :func:`token_after`). :func:`tokenize` exists for the benchmark metrics and for
users who want the same token boundaries the rules use.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

#: A word: letters, marks and digits, with internal apostrophes ("don’t", "1000’s").
WORD = r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*"
_TOKEN_RE = regex.compile(rf"{WORD}|\S")
_WORD_RE = regex.compile(WORD)
_NEXT_RE = regex.compile(rf"\s*({WORD}|\S)")
_PREV_RE = regex.compile(rf"({WORD}|\S)\s*\Z")
_WORDCHAR_RE = regex.compile(r"[\p{L}\p{M}\p{N}]")


class Token(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return bool(_WORDCHAR_RE.match(self.text))


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word and single-character punctuation tokens.

    >>> [t.text for t in tokenize("90 p.c of 1000’s")]
    ['90', 'p', '.', 'c', 'of', '1000’s']
    """
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def count_words(text: str) -> int:
    """Number of word tokens in ``text``."""
    return sum(1 for _ in _WORD_RE.finditer(text))


def token_after(text: str, pos: int) -> Token | None:
    """The first token that starts at or after ``pos`` (skipping white space)."""
    m = _NEXT_RE.match(text, pos)
    return Token(m.start(1), m.end(1), m.group(1)) if m else None


def token_before(text: str, pos: int, window: int = 80) -> Token | None:
    """The last token that ends at or before ``pos`` (skipping white space)."""
    lo = max(0, pos - window)
    m = _PREV_RE.search(text, lo, pos)
    if not m:
        return None
    return Token(m.start(1), m.end(1), m.group(1))


def is_word_char(ch: str) -> bool:
    return bool(_WORDCHAR_RE.match(ch))
