"""The scorer seam: every question "which wording is more likely here?" goes through a
:class:`Scorer`.

The stages ask it for the frequency gate of ambiguous entries, the choice among several
originals, the rarity term of a confidence and the expression stage's rarity of a run.
:class:`UnigramScorer` answers from wordfreq's word frequencies, out of context: the
cheap default. A context language model is another implementation of the same
protocol: it reads the ``slot`` (the words around the wording) that the stages pass
along and which the unigram scorer ignores. Scorers are built lazily and once per
process (:func:`default_scorer`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Protocol


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

    wordfreq is imported on first use, so clean text that never asks costs nothing;
    answers are remembered, because the same few wordings are asked about again and again.
    """

    uses_context = False

    def __init__(self, language: str = "en") -> None:
        self.language = language
        self._frequency = lru_cache(maxsize=100_000)(self._lookup_frequency)
        self._zipf = lru_cache(maxsize=100_000)(self._lookup_zipf)

    def frequency(self, wording: str, slot: Slot | None = None) -> float:
        return self._frequency(wording)

    def zipf(self, wording: str, slot: Slot | None = None) -> float:
        return self._zipf(wording)

    def _lookup_frequency(self, wording: str) -> float:
        from wordfreq import word_frequency  # imported lazily: loads the frequency table

        return float(word_frequency(wording, self.language))

    def _lookup_zipf(self, wording: str) -> float:
        from wordfreq import zipf_frequency

        return float(zipf_frequency(wording, self.language))

    def __reduce__(self) -> tuple[type[UnigramScorer], tuple[str]]:
        return (UnigramScorer, (self.language,))  # its caches stay behind


@lru_cache(maxsize=1)
def default_scorer() -> Scorer:
    """The scorer every stage uses unless told otherwise: one per process."""
    return UnigramScorer()
