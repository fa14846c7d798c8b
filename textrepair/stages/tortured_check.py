"""The language model's check of the tortured search's finds (:mod:`.tortured_search`).

With pocketsphinx (a dependency of textrepair), its trigram model of general English
weighs each find. A tortured phrase is an odd string of words where English has a
familiar one, so two questions separate it from plain English that happens to look
like one:

* a find with an established term (:func:`term_gain`): how much likelier is the term's
  wording than the run's? ("mild illness" -> "mild disease" is not: plain English);
* a run of swapped words with no term behind it (:func:`best_reading`): is there a
  reading of the run, each word kept or mapped back through one of its learned swaps,
  whose words fit their context (the words before and after, and each other) much
  better than the run's do, *beyond what their frequency explains*? A spinner picks rare
  synonyms, so the words mapped back are nearly always commoner and the whole phrase
  likelier; what is left once that is taken out (:func:`fit`) is whether the words go
  together: "vitality recuperation" -> "energy recovery" gains far more than its
  unigrams, "element structure" -> "feature system" gains less than them.

An indefinite article just before the phrase is read as the mapped-back wording needs
it ("a corrosive" is weighed against "an acid"): the spinner leaves the article alone,
so "a acid" would count against the right reading.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from functools import lru_cache

from ..scoring import NGramScorer
from ..text.articles import indefinite_article
from .tortured_words import _TOKEN

CONTEXT_CHARS = 40  # how far the check looks for the words around a find
UNKNOWN_LOGPROB = -7.5  # a word the model does not know: below the rarest it does (about -7.3)
READ_AROUND = 2  # words read before and after a run of swapped words
RUN_OPTIONS = 3  # a run's word may be read back through this many of its learned swaps, surest first
MAX_READINGS = 64  # readings of a run weighed at most: fewer options per word beyond that
FIT_LIMIT = 2.0  # a fit (log10) counts up to this much either way (chosen on the tuning fold)


def phrase_logprob(model: NGramScorer, words: Sequence[str], skip: int = 0) -> float:
    """log10 of the phrase ``words`` (lowercase) under the model, out of context; a word
    the model does not know counts :data:`UNKNOWN_LOGPROB`. The first ``skip`` words are
    only the history of the others (their own probabilities are left out)."""
    total, before = 0.0, list(words[:skip])
    for w in words[skip:]:
        lp = model.logprob(w, before)
        total += UNKNOWN_LOGPROB if lp is None else lp
        before.append(w)
    return total


def fit_article(before: Sequence[str], first: str) -> list[str]:
    """``before`` with a last "a" or "an" as ``first`` needs it.

    >>> fit_article(["is", "a"], "acid"), fit_article(["the"], "acid")
    (['is', 'an'], ['the'])
    """
    out = list(before)
    if out and out[-1] in ("a", "an") and first:
        out[-1] = indefinite_article(first)
    return out


def words_around(text: str, start: int, end: int, before: int, after: int) -> tuple[list[str], list[str]]:
    """Up to ``before`` lowercase words before ``text[start:end]`` and ``after`` after it."""
    ahead = _TOKEN.findall(text[max(0, start - CONTEXT_CHARS) : start].lower())
    behind = _TOKEN.findall(text[end : end + CONTEXT_CHARS].lower())
    return (ahead[-before:] if before else []), behind[:after]


def term_gain(model: NGramScorer, text: str, start: int, end: int, replacement: str) -> float:
    """log10 of how much likelier the model finds ``replacement`` than ``text[start:end]``.
    A phrase is weighed on its own; a single word with the words before and after it (a
    word alone says little: "profound" is rarer than "deep", but "profound effect" is as
    common as "deep effect"), the article before it fitted to each."""
    run = _TOKEN.findall(text[start:end].lower())
    term = _TOKEN.findall(replacement.lower())
    before: list[str] = []
    after: list[str] = []
    if len(run) == 1:
        before, after = words_around(text, start, end, 1, 1)
    mapped = fit_article(before, term[0]) if term else before
    return phrase_logprob(model, [*mapped, *term, *after]) - phrase_logprob(model, [*before, *run, *after])


def fit(
    model: NGramScorer, before: Sequence[str], run: Sequence[str], reading: Sequence[str], after: Sequence[str]
) -> float:
    """How much better (log10) the words of ``reading`` fit between ``before`` and
    ``after`` than those of ``run`` do, beyond their frequency: the gain of the whole
    window less the gain of the words' unigrams. A reading rarer than the run gets no
    credit for that ("profound effect" read as "profound impact"): a spinner swaps a word
    for a rarer one, so the reading back is commoner or it is no reading of a swap."""
    return _Fit(model, before, run, after)(reading)


class _Fit:
    """:func:`fit` for many readings of one run: the run's own window and unigrams are scored once."""

    def __init__(self, model: NGramScorer, before: Sequence[str], run: Sequence[str], after: Sequence[str]) -> None:
        self.model, self.before, self.after = model, before, after
        # The words before the last one read the same in both windows: history only. The
        # last may be an article that a reading changes ("a" -> "an").
        self.skip = max(len(before) - 1, 0)
        self.window = phrase_logprob(model, [*before, *run, *after], self.skip)
        self.unigrams = sum(_unigram(model, w) for w in run)

    def __call__(self, reading: Sequence[str]) -> float:
        model = self.model
        words = [*fit_article(self.before, reading[0]), *reading, *self.after]
        window = phrase_logprob(model, words, self.skip) - self.window
        unigrams = sum(_unigram(model, w) for w in reading) - self.unigrams
        return window - max(0.0, unigrams)


@lru_cache(maxsize=50_000)
def _unigram(model: NGramScorer, word: str) -> float:
    """log10 of ``word`` alone (:func:`phrase_logprob`), remembered: the same words come back."""
    return phrase_logprob(model, [word])


def best_reading(
    model: NGramScorer,
    before: Sequence[str],
    options: Sequence[Sequence[str]],
    after: Sequence[str],
) -> tuple[float, tuple[int, ...]] | None:
    """The reading of a run that fits its context best (:func:`fit`): its fit, clipped to
    :data:`FIT_LIMIT`, and the option picked for each word (0: the word itself).
    ``options[i]`` are the words the run's ``i``-th word may stand for, lowercase, the
    word itself first (an option may be several words: "machine learning" for "ai"). A
    reading changes at least one word; None when no word can change. At most
    :data:`MAX_READINGS` readings are weighed: past that, each word keeps fewer of its
    options (they come surest first), and a run still too long has one word changed at a
    time."""
    run = [o[0] for o in options]
    per_word = max((len(o) for o in options), default=1)
    while per_word > 2 and math.prod(min(len(o), per_word) for o in options) > MAX_READINGS:
        per_word -= 1
    choices = [o[:per_word] for o in options]
    if math.prod(map(len, choices)) > MAX_READINGS:  # a long run: one word changed at a time
        picks = [
            tuple(p if j == i else 0 for j in range(len(choices)))
            for i, c in enumerate(choices)
            for p in range(1, len(c))
        ]
    else:
        picks = [p for p in itertools.product(*[range(len(c)) for c in choices]) if any(p)]
    best: tuple[float, tuple[int, ...]] | None = None
    scored = _Fit(model, before, run, after)
    for picked in picks:
        reading = [w for c, p in zip(choices, picked, strict=True) for w in c[p].split()]
        score = max(-FIT_LIMIT, min(FIT_LIMIT, scored(reading)))
        if best is None or score > best[0]:
            best = (round(score, 4), tuple(picked))
    return best


def weigh(confidence: float, evidence: float, weight: float) -> float:
    """``confidence`` with its odds moved by ``10 ** (weight * evidence)``.

    >>> weigh(0.5, 1.0, 0.0), weigh(0.5, 1.0, 1.0)
    (0.5, 0.9091)
    """
    if confidence >= 1.0:
        return confidence
    odds = confidence / (1.0 - confidence) * 10 ** (weight * evidence)
    return round(odds / (1.0 + odds), 4)
