"""Words as the tortured search (:mod:`textrepair.stages.tortured_search`) reads them,
and its data files.

A phrase is words (letters, marks and digits, with inner apostrophes) joined by a space
or a hyphen; each word is read as its lemma key (:func:`textrepair.stages.expressions.key`)
at most once per document.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..resources import data_lines, wordlist_text
from .expressions import function_words, key

SUBSTITUTIONS = "substitutions.tsv"
TORTURED_LIST = "tortured_phrases.tsv"
MAX_TERM_WORDS = 6
_PUNCTUATION = "\"'“”‘’«».,;:!?()[]{}<>*_"  # stripped from a white-space word before the first test
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*")
_GAP = regex.compile(r"[ \t]?-?[ \t]?")  # what may separate two words of one phrase: a space or a hyphen


@dataclass(frozen=True, slots=True)
class _Link:
    """Text words (``spun`` keys) standing for term words (``original`` keys), and the evidence."""

    spun: tuple[str, ...]
    original: tuple[str, ...]
    weight: float
    kind: str  # "learned", "synonym" or "related"
    count: int = 0  # listed pairs showing a learned swap


def _separators(written: str, words: Sequence[str]) -> list[str]:
    """What the term puts between each word and the next: " " or "-"."""
    seps, pos = [], 0
    for w, nxt in itertools.pairwise(words):
        pos = written.find(w, pos) + len(w)
        after = written.find(nxt, pos)
        seps.append("-" if "-" in written[pos:after] else " ")
        pos = after
    return seps


def _occurrences(low: str, forms: Iterable[str], lo: int, hi: int) -> list[int]:
    """Where the words ``forms`` start in ``low`` (lowercase text) between ``lo`` and ``hi``, as whole words."""
    out = []
    for form in forms:
        n = len(form)
        at = low.find(form, lo, hi + n)
        while at != -1 and at < hi:
            end = at + n
            if (at == 0 or not low[at - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
                out.append(at)
            at = low.find(form, at + 1, hi + n)
    return out


def _run_bounds(text: str, matches: Sequence[regex.Match[str]], i: int) -> tuple[int, int]:
    """The first word and the word after the last of the phrase around word ``i``: the words
    joined to it (:func:`_joined`), up to :data:`MAX_TERM_WORDS` on each side."""
    first = i
    while first > 0 and i - first < MAX_TERM_WORDS and _joined(text, matches, first):
        first -= 1
    stop = i + 1
    while stop < len(matches) and stop - i < MAX_TERM_WORDS and _joined(text, matches, stop):
        stop += 1
    return first, stop


def _joined(text: str, matches: Sequence[regex.Match[str]], j: int) -> bool:
    """Whether word ``j`` follows word ``j - 1`` after a space or a hyphen only."""
    gap = text[matches[j - 1].end() : matches[j].start()]
    return gap == " " or (gap != "" and _GAP.fullmatch(gap) is not None)


def _key_at(tokens: Sequence[str], keys: list[str | None], k: int) -> str:
    """The lemma key of word ``k``, computed once per document."""
    found = keys[k]
    if found is None:
        found = keys[k] = key(tokens[k])
    return found


@lru_cache(maxsize=20_000)
def _forms(lemma: str) -> tuple[str, ...]:
    """``lemma`` and its inflected forms, lowercase."""
    import lemminflect

    forms = {lemma}
    for upos in ("NOUN", "VERB", "ADJ"):
        for inflected in lemminflect.getAllInflections(lemma, upos=upos).values():
            forms.update(f.lower() for f in inflected)
    return tuple(sorted(forms))


def _is_content(k: str) -> bool:
    return k.isalpha() and k not in function_words()


def read_substitutions(text: str | None = None) -> list[tuple[str, str, int]]:
    """(spun lemmas, original lemmas, count) from ``wordlists/substitutions.tsv``."""
    out = []
    for _, line in data_lines(wordlist_text(SUBSTITUTIONS) if text is None else text):
        spun, original, count = line.split("\t")
        out.append((spun, original, int(count)))
    return out


def tortured_terms(text: str | None = None) -> list[str]:
    """The expected terms of ``wordlists/tortured_phrases.tsv`` (or of ``text`` in its format)."""
    out = []
    for _, line in data_lines(wordlist_text(TORTURED_LIST) if text is None else text):
        out.append(line.split("\t")[1])
    return out
