"""The scorer seam: every question "which wording is more likely here?" goes through a
:class:`Scorer`.

The stages ask it for the frequency gate of ambiguous entries, the choice among several
originals, the rarity term of a confidence and the expression stage's rarity of a run.
:class:`UnigramScorer` answers from wordfreq's word frequencies, out of context: the
cheap default. :class:`NGramScorer`, a trigram model of English, is the second
implementation: it reads the ``slot`` (the words around the wording) that the unigram
scorer ignores, and scores each word after the two before it for the context stage.
Scorers are built lazily and once per process (:func:`default_scorer`, :func:`ngram_scorer`).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple, Protocol

from .frequencies import WordFrequencies


class Slot(NamedTuple):
    """Where a wording would stand: the words before it (nearest last) and after it."""

    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


class Scorer(Protocol):
    """How likely a wording is, in a slot or out of context."""

    #: Whether answers depend on the slot; a scorer that ignores it lets callers
    #: remember one answer per wording.
    uses_context: bool

    def frequency(self, wording: str, slot: Slot | None = None) -> float:
        """How often English puts ``wording`` here, as a share of all words (0 for
        never); comparable between wordings in the same slot."""
        ...

    def zipf(self, wording: str, slot: Slot | None = None) -> float:
        """The same on the Zipf scale: log10 of the frequency per billion words (0 for never)."""
        ...


class UnigramScorer:
    """Frequencies of English words from wordfreq, out of context.

    wordfreq's list is read on first use, so clean text that never asks costs nothing,
    into a compact table (:class:`~textrepair.frequencies.WordFrequencies`: wordfreq's
    answers in a sixth of its memory); answers are remembered, because the same few
    wordings are asked about again and again.
    """

    uses_context = False

    def __init__(self, language: str = "en") -> None:
        self.language = language
        self._table: WordFrequencies | None = None
        self._frequency = lru_cache(maxsize=100_000)(self._lookup_frequency)
        self._zipf = lru_cache(maxsize=100_000)(self._lookup_zipf)

    def frequency(self, wording: str, slot: Slot | None = None) -> float:
        return self._frequency(wording)

    def zipf(self, wording: str, slot: Slot | None = None) -> float:
        return self._zipf(wording)

    def _words(self) -> WordFrequencies:
        if self._table is None:
            self._table = WordFrequencies(self.language)
        return self._table

    def _lookup_frequency(self, wording: str) -> float:
        return float(self._words().frequency(wording))

    def _lookup_zipf(self, wording: str) -> float:
        return float(self._words().zipf(wording))

    def __reduce__(self) -> tuple[type[UnigramScorer], tuple[str]]:
        return (UnigramScorer, (self.language,))  # its caches stay behind


@lru_cache(maxsize=1)
def default_scorer() -> Scorer:
    """The scorer every stage uses unless told otherwise: one per process."""
    return UnigramScorer()


#: pocketsphinx scores in log base 1.0001; this turns them into log10.
_LOG10_PER_UNIT = math.log10(1.0001)
#: What pocketsphinx answers for a word outside its vocabulary.
_UNKNOWN = -536870912


class NGramScorer:
    """A trigram model of general US English: the one pocketsphinx ships (``en-us.lm.bin``,
    lowercase words, closed vocabulary; see ``wordlists/README.md``). It answers
    :meth:`logprob`, the log10 probability of a word after the two before it, and the
    :class:`Scorer` questions in a slot.

    The model file is read on first use and once per process (:func:`ngram_scorer`);
    pocketsphinx maps it into memory, so worker processes share its pages.
    """

    uses_context = True

    def __init__(self, path: str | None = None) -> None:
        try:
            from pocketsphinx import Config, LogMath, NGramModel, get_model_path  # imported lazily: 27 MB model
        except ImportError:
            raise ImportError(
                "the context stage needs the pocketsphinx package (a dependency of textrepair) and its"
                " English model: pip install 'pocketsphinx>=5.0.3'"
            ) from None

        self.path = path or os.path.join(get_model_path(), "en-us", "en-us.lm.bin")
        self._model = NGramModel(Config(), LogMath(), self.path)
        self._prob = self._model.prob

    def logprob(self, word: str, before: Sequence[str] = ()) -> float | None:
        """log10 P(``word`` | the last two words of ``before``), or None for a word the
        model does not know (its vocabulary is lowercase words, no digits)."""
        query = [word, *reversed(before[-2:])] if before else [word]
        units = self._prob(query)
        return None if units <= _UNKNOWN else units * _LOG10_PER_UNIT

    def trigram_lookup(self) -> Callable[[str, str, str], float | None]:
        """A function ``(word, before, previous) -> log10 P(word | before previous)`` (None
        for an unknown word; ``before`` may be ``""`` at the start of a sentence, after
        ``<s>``): :meth:`logprob` without its slicing, for the context stage's inner loop.
        It remembers nothing: within a document, fewer than one lookup in ten repeats an
        earlier one (7% on the throughput corpus), and remembering cost more than it saved."""
        prob = self._prob

        def trigram(word: str, before: str, previous: str) -> float | None:
            units = prob([word, previous, before] if before else [word, previous])
            return None if units <= _UNKNOWN else units * _LOG10_PER_UNIT

        return trigram

    def frequency(self, wording: str, slot: Slot | None = None) -> float:
        words = wording.lower().split()
        before = list(slot.before) if slot else []
        total = 0.0
        for word in words:
            lp = self.logprob(word, before)
            if lp is None:
                return 0.0
            total += lp
            before.append(word)
        return 10.0**total

    def zipf(self, wording: str, slot: Slot | None = None) -> float:
        frequency = self.frequency(wording, slot)
        return math.log10(frequency * 1e9) if frequency > 0 else 0.0

    def __reduce__(self) -> tuple[type[NGramScorer], tuple[str]]:
        return (NGramScorer, (self.path,))  # the model is read again where it is unpickled


@lru_cache(maxsize=1)
def ngram_scorer() -> NGramScorer:
    """The trigram model, read once per process."""
    return NGramScorer()
