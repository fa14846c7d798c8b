"""The test of an entry's context constraints (``prev=``, ``next=``, ``not_prev=``,
``not_next=``) against the tokens next to a match.

One test serves the lexicon stage, which asks it at every hit, and the lexicon's own
validation, which asks whether an entry could fire inside another's canonical wording:
the two can never disagree.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

from ..text.fold import fold
from ..text.tokens import Token
from .entry import Context

_SENTENCE_END = {".", "!", "?"}
_OPENERS = {"“", '"', "‘", "(", "[", "'"}

# The same few words come up again and again, so folding a neighbouring token is remembered.
_folded = lru_cache(maxsize=8192)(fold)


def token_is(token: Token | None, item: str, gap: str) -> bool:
    """Whether ``token`` (None: no token) is ``item``, a folded word or a token class
    (``<punct>``, ``<start>``...); ``gap`` is the text between it and the match."""
    if item == "<end>":
        return token is None or "\n" in gap
    if item == "<start>":
        return token is None or "\n" in gap or token.text in _SENTENCE_END or token.text in _OPENERS
    if token is None:
        return False
    if item == "<punct>":
        return not token.is_word
    if item == "<cap>":
        return token.is_word and token.text[:1].isupper()
    if item == "<lower>":
        return token.is_word and token.text[:1].islower()
    if item == "<num>":
        return token.text[:1].isdigit()
    return fold(token.text) == item


@cache
def _split(items: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A context list split into plain words and token classes ("<punct>"), once per list."""
    return frozenset(i for i in items if not i.startswith("<")), tuple(i for i in items if i.startswith("<"))


_Side = tuple[frozenset[str], tuple[str, ...]]  # a context list: its plain words, its token classes


def _side(items: frozenset[str]) -> _Side | None:
    return _split(items) if items else None


def _side_matches(side: _Side, token: Token | None, text: str, lo: int, hi: int) -> bool:
    """Whether ``token`` (None: no token) is one of the words or token classes of a
    context list; ``text[lo:hi]`` is the gap between it and the match."""
    words, classes = side
    if words and token is not None and _folded(token.text) in words:
        return True
    if classes:
        gap = text[lo:hi]
        for item in classes:
            if token_is(token, item, gap):
                return True
    return False


class ContextCheck(NamedTuple):
    """An entry's context constraints, each list split into words and token classes once."""

    prev: _Side | None
    next: _Side | None
    not_prev: _Side | None
    not_next: _Side | None

    @classmethod
    def of(cls, context: Context) -> ContextCheck | None:
        """The test for ``context``, or None when it constrains nothing."""
        if not context:
            return None
        return cls(_side(context.prev), _side(context.next), _side(context.not_prev), _side(context.not_next))

    def holds(self, text: str, start: int, end: int, prev: Token | None, nxt: Token | None) -> bool:
        """Whether the constraints hold for a match ``text[start:end]`` between tokens
        ``prev`` and ``nxt`` (None: no token there)."""
        lo = prev.end if prev else start  # the gap before the match: empty when there is no token
        hi = nxt.start if nxt else end
        if self.prev is not None and not _side_matches(self.prev, prev, text, lo, start):
            return False
        if self.next is not None and not _side_matches(self.next, nxt, text, end, hi):
            return False
        if self.not_prev is not None and _side_matches(self.not_prev, prev, text, lo, start):
            return False
        return not (self.not_next is not None and _side_matches(self.not_next, nxt, text, end, hi))


def word_fits(word: str, items: frozenset[str]) -> bool:
    """Whether a neighbouring ``word`` is one of the words or token classes of a context
    list, as the test would judge it right next to a match."""
    return _side_matches(_split(items), Token(0, len(word), word), word, 0, 0)


def context_holds(context: Context, text: str, start: int, end: int, prev: Token | None, nxt: Token | None) -> bool:
    """Whether ``context`` holds for a match ``text[start:end]`` between tokens ``prev`` and ``nxt``."""
    check = ContextCheck.of(context)
    return check is None or check.holds(text, start, end, prev, nxt)
