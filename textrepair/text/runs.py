"""Runs of words in text: reading the words around a match, and a spaced copy of a text
whose words can be split off by position.

The expression stage reads runs of words around a trigger word; these helpers do so
without tokenising the whole text.
"""

from __future__ import annotations

import codecs

import regex

from .tokens import WORD


def words_around(text: str, start: int, end: int, before: int, after: int) -> list[tuple[int, int]] | None:
    """The spans of ``before`` words, the word at ``start:end`` and ``after`` words, when
    they follow each other separated by single spaces; None otherwise."""
    spans = [(start, end)]
    if before:
        m = _BEFORE[before].match(text, 0, start)  # a reverse pattern: matched backwards from start
        if m is None:
            return None
        spans[:0] = [m.span(g) for g in range(1, before + 1)]
    if after:
        m = _AFTER[after].match(text, end)
        if m is None:
            return None
        spans.extend(m.span(g) for g in range(1, after + 1))
    return spans


_NON_WORD = regex.compile(r"[^\p{L}\p{M}\p{N}']")
_WORD_CHAR = regex.compile(r"[\p{L}\p{M}\p{N}]")
#: For bytes.translate: ASCII letters, digits and the apostrophe stay, the rest is a space.
_ASCII_SPACED = bytes(c if chr(c).isalnum() or c == ord("'") else ord(" ") for c in range(128)) + b" " * 128
_NON_WORD_ERRORS = "textrepair.text.runs.non_word"
_QUOTES_AND_DASHES = "“”‘–—"  # not word characters, and frequent in news text


def _non_word_to_spaces(error: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: a run of non-ASCII characters that are not word
    characters (curly quotes, dashes) becomes as many spaces; a word character
    ("é") stops the encoding, so that the caller falls back to the full pattern."""
    if not isinstance(error, UnicodeEncodeError) or _WORD_CHAR.search(error.object, error.start, error.end):
        raise error
    return " " * (error.end - error.start), error.end


codecs.register_error(_NON_WORD_ERRORS, _non_word_to_spaces)


def spaced(text: str) -> str:
    """``text`` padded by a space, with "’" made "'" and every other character that is
    not a letter, mark, digit or apostrophe made a space (so lengths, hence offsets,
    are kept).

    Most news text is ASCII but for its quotes and dashes: then a byte table does the
    work (several times faster than the pattern); text with a non-ASCII letter takes
    the pattern. The commonest quotes and dashes are made spaces first, each by one
    scan of the text, rather than by the error handler, one call per quote.
    """
    plain = text.replace("’", "'")
    for mark in _QUOTES_AND_DASHES:
        plain = plain.replace(mark, " ")
    try:
        return " " + plain.encode("ascii", _NON_WORD_ERRORS).translate(_ASCII_SPACED).decode("ascii") + " "
    except UnicodeEncodeError:
        return " " + _NON_WORD.sub(" ", plain) + " "


MAX_WORDS = 8
#: ``_BEFORE[n]``: n words, each followed by one space, read backwards from where the
#: match is anchored (and not starting inside a word); ``_AFTER[n]``: n words, each
#: after one space.
_BEFORE = [regex.compile(r"(?r)(?<![\p{L}\p{M}\p{N}'’-])" + f"({WORD}) " * n) for n in range(MAX_WORDS)]
_AFTER = [regex.compile(f" ({WORD})" * n + r"(?![\p{L}\p{M}\p{N}]|-\w)") for n in range(MAX_WORDS)]


def widen(text: str, pos: int, step: int) -> int:
    """``pos`` moved out of the word it cuts, then past the next word in direction
    ``step`` (-1: left, 1: right), staying inside the text."""
    for _ in range(2):  # the cut word, then one more
        while 0 < pos < len(text) and (text[pos - 1] if step < 0 else text[pos]).isspace():
            pos += step
        while 0 < pos < len(text) and not (text[pos - 1] if step < 0 else text[pos]).isspace():
            pos += step
    return max(0, min(len(text), pos))


def in_compound(text: str, start: int, end: int) -> bool:
    """Whether the run is hyphenated to a word before or after it ("rare-earths deal")."""
    return (start > 1 and text[start - 1] == "-" and text[start - 2].isalnum()) or (
        end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum()
    )


def may_start_with_capital(text: str, pos: int) -> bool:
    """Whether ``pos`` starts the text, a line, a sentence or a quotation."""
    while pos > 0 and text[pos - 1] in " \t":  # walk back rather than copy the text before pos
        pos -= 1
    return pos == 0 or text[pos - 1] in '.!?\n"“‘:'
