"""Word and punctuation tokens with character offsets.

The stages do not tokenise the whole document: the lexicon stage scans for entries
first and only looks at the words right next to a hit (see :func:`token_before`,
:func:`token_after` and :class:`Neighbours`). :func:`tokenize` exists for the benchmark
metrics and for users who want the same token boundaries the rules use.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

#: A word: letters, marks and digits, with internal apostrophes ("don’t", "1000’s").
WORD = r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*"
_TOKEN_RE = regex.compile(rf"{WORD}|\S")
WORD_RE = regex.compile(WORD)
_NEXT_RE = regex.compile(rf"\s*({WORD}|\S)")
_WORDCHAR_RE = regex.compile(r"[\p{L}\p{M}\p{N}]")
#: Characters that never continue a word (white space, and punctuation other than the
#: apostrophes of "don’t"): a quick test before :func:`continues_word`.
SEPARATORS = frozenset(' \t\n\r\u00a0.,;:!?"()[]{}<>/-–—“”…')
_ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


class Token(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        first = self.text[:1]
        return first.isalnum() if first.isascii() else bool(_WORDCHAR_RE.match(first))


#: ``Token(...)`` without the call to its Python ``__new__``: the neighbours of every hit
#: are made here, and a named tuple's own ``__new__`` costs more than the rest of the lookup.
_new = tuple.__new__


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word and single-character punctuation tokens.

    >>> [t.text for t in tokenize("90 p.c of 1000’s")]
    ['90', 'p', '.', 'c', 'of', '1000’s']
    """
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def count_words(text: str) -> int:
    """Number of word tokens in ``text``."""
    return sum(1 for _ in WORD_RE.finditer(text))


def token_after(text: str, pos: int) -> Token | None:
    """The first token that starts at or after ``pos`` (skipping white space)."""
    # The usual case first, without the regex: an ASCII word after at most one space,
    # ending where a separator (which no word contains) or the text begins.
    size = len(text)
    start = pos + 1 if pos < size and text[pos] == " " else pos
    if start < size and text[start] in _ASCII_ALNUM:
        end = start + 1
        while end < size and text[end] in _ASCII_ALNUM:
            end += 1
        if end == size or text[end] in SEPARATORS:
            return _new(Token, (start, end, text[start:end]))
    m = _NEXT_RE.match(text, pos)
    if m is None:
        return None
    start, end = m.span(1)
    return _new(Token, (start, end, text[start:end]))


def token_before(text: str, pos: int) -> Token | None:
    """The last token that ends at or before ``pos`` (skipping white space).

    Walks backwards character by character: a regex anchored at ``pos`` would be
    retried at every start position before it.
    """
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return None
    start = end - 1
    if is_word_char(text[start]):
        while True:
            while start and text[start - 1] in _ASCII_ALNUM:  # the usual case, without a call per character
                start -= 1
            if not start or text[start - 1] in SEPARATORS or not continues_word(text, start - 1, -1):
                break
            start -= 1
    return _new(Token, (start, end, text[start:end]))


_UNKNOWN = Token(-1, -1, "")  # a position not looked up yet


class Neighbours:
    """:func:`token_before` and :func:`token_after` for one text, each position looked up
    once. The stages ask for the same neighbours several times per hit (context,
    article, casing); a text that changes needs a new instance."""

    __slots__ = ("_after", "_before", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._before: dict[int, Token | None] = {}
        self._after: dict[int, Token | None] = {}

    def before(self, pos: int) -> Token | None:
        token = self._before.get(pos, _UNKNOWN)
        if token is _UNKNOWN:
            token = self._before[pos] = token_before(self.text, pos)
        return token

    def after(self, pos: int) -> Token | None:
        token = self._after.get(pos, _UNKNOWN)
        if token is _UNKNOWN:
            token = self._after[pos] = token_after(self.text, pos)
        return token


def continues_word(text: str, i: int, step: int) -> bool:
    """Whether the character at ``i`` extends the word beside it: a letter, mark or
    digit, or an apostrophe with one of those after it in direction ``step`` ("don’t")."""
    if not 0 <= i < len(text):
        return False
    ch = text[i]
    if ch.isalnum() or (not ch.isascii() and _WORDCHAR_RE.match(ch)):  # is_word_char(), inlined: called per hit
        return True
    j = i + step
    return ch in "'’" and 0 <= j < len(text) and is_word_char(text[j])


def is_word_char(ch: str) -> bool:
    """A letter, mark or digit: what words are made of."""
    return ch.isalnum() or (not ch.isascii() and bool(_WORDCHAR_RE.match(ch)))
