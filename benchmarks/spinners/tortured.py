"""The tortured-phrase spinner: established technical terms rewritten word by word.

The paraphrasing tools behind "tortured phrases" turn "artificial intelligence" into
"counterfeit consciousness" and "random forest" into "irregular woodland". This spinner
reads the project's list (``wordlists/tortured_phrases.tsv``) in the direction the tools
went, expected term -> tortured phrase, replaces most occurrences of listed terms
(plural head nouns included), and around them swaps a few ordinary words for WordNet
synonyms, as those tools also do. Rows with a context condition are left out: their
expected term is only sometimes the right reading.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from itertools import pairwise

import lemminflect
from wordfreq import zipf_frequency

from . import wordnet
from .base import WORDLISTS, Spun, function_words, is_name, match_case, rewrite, words

PHRASE_RATE = 0.9  # share of listed multiword terms replaced
SINGLE_RATE = 0.3  # share of listed single words replaced ("dataset" -> "informational collection")
WORD_RATE = 0.08  # share of other content words swapped by the WordNet spinner
MAX_TERM = 6


_PHRASE = re.compile(r"[a-z]+(?:['’-][a-z]+)*(?: [a-z]+(?:['’-][a-z]+)*)*")  # words and single spaces only
COMMON_ZIPF = 5.5  # single words this frequent ("and", "by") are left to the word-level swaps


@lru_cache(maxsize=1)
def table() -> dict[tuple[str, ...], tuple[tuple[str, ...], tuple[int, ...]]]:
    """Expected term (its lowercase words) -> (tortured phrases, their paper counts).

    Only rows without a context condition whose two sides are plain words (no digits or
    brackets), and no single function word or very common word as the expected term:
    the list's rows for "and" or "by" record tool artefacts, not term swaps.
    """
    grouped: dict[tuple[str, ...], dict[str, int]] = {}
    with open(WORDLISTS / "tortured_phrases.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            tortured, expected, context, papers = line.rstrip("\n").split("\t")
            if context or not _PHRASE.fullmatch(expected) or not _PHRASE.fullmatch(tortured):
                continue
            key = tuple(expected.split(" "))
            if len(key) > MAX_TERM or (
                len(key) == 1 and (expected in function_words() or zipf_frequency(expected, "en") >= COMMON_ZIPF)
            ):
                continue
            options = grouped.setdefault(key, {})
            options[tortured] = max(options.get(tortured, 0), int(papers or 0))
    return {key: (tuple(sorted(opts)), tuple(opts[t] for t in sorted(opts))) for key, opts in grouped.items()}


@lru_cache(maxsize=1)
def _plurals() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Key with its last word in the plural -> the key itself ("random forests")."""
    out = {}
    for key in table():
        forms = lemminflect.getInflection(key[-1], tag="NNS")
        if forms and forms[0] != key[-1]:
            out[(*key[:-1], forms[0])] = key
    return out


def _pluralise(phrase: str) -> str:
    """``phrase`` with its last word in the plural, when that word can be a noun."""
    head, _, last = phrase.rpartition(" ")
    if "NOUN" not in lemminflect.getAllLemmas(last):
        return phrase
    forms = lemminflect.getInflection(last, tag="NNS")
    last = forms[0] if forms else last
    return f"{head} {last}" if head else last


def spin(text: str, seed: int | str = 0, word_rate: float = WORD_RATE) -> Spun:
    """Spin ``text``: listed terms (longest first) become one of their tortured phrases,
    drawn in proportion to how many papers used each (plus one); then the WordNet
    spinner swaps other words at ``word_rate``.

    >>> spun = spin("We trained a random forest.", seed=1, word_rate=0)
    >>> [(s.original, s.spun) for s in spun.substitutions]
    [('random forest', 'random wood')]
    """
    rng = random.Random(f"tortured:{seed}")
    terms, plurals = table(), _plurals()
    ws = words(text)
    choices: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    i = 0
    while i < len(ws):
        for n in range(min(MAX_TERM, len(ws) - i), 0, -1):
            span = ws[i : i + n]
            if any(text[a.end : b.start] != " " for a, b in pairwise(span)):
                continue
            key = tuple(w.text.lower() for w in span)
            plural = key not in terms and key in plurals
            key = plurals.get(key, key) if plural else key
            if key not in terms or (n == 1 and is_name(span[0])):
                continue
            if rng.random() < (PHRASE_RATE if n > 1 else SINGLE_RATE):
                options, papers = terms[key]
                phrase = rng.choices(options, weights=[p + 1 for p in papers])[0]
                phrase = _pluralise(phrase) if plural else phrase
                choices.append((span[0].start, span[-1].end, match_case(span[0].text, phrase)))
                taken.update(range(i, i + n))
            i += n
            break
        else:
            i += 1
    if word_rate:
        around = wordnet.spin(text, seed=f"tortured:{seed}", rate=word_rate)
        covered = [(s, e) for s, e, _ in choices]
        for sub in around.substitutions:
            if not any(s < sub.clean_end and sub.clean_start < e for s, e in covered):
                choices.append((sub.clean_start, sub.clean_end, sub.spun))
    return rewrite(text, choices)
