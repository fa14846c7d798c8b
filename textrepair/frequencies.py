"""wordfreq's word frequencies in a compact table: the same answers in a sixth of the memory.

wordfreq keeps its English list (321,000 words) as a dict from word to frequency and
also the list it was read from: 28 MB of Python strings and tables, more than everything
else textrepair loads. :class:`WordFrequencies` reads the same list once into one block
of UTF-8 bytes, the words sorted, with an array of where each word ends and an array of
its frequency band (wordfreq stores frequencies in bands of one centibel): 4.5 MB. A
word is found by binary search.

A wording's frequency follows wordfreq's documented rule, with wordfreq's own tokenizer
and number handling: the wording is cut into tokens; a missing token makes the whole
missing (the minimum); digits are looked up as zeros and weighted by how often such a
digit sequence occurs; the frequencies of several tokens combine as ``1/f = 1/f1 +
1/f2 + ...``; the result is rounded to three significant digits. The test suite checks
the answers against ``wordfreq.word_frequency`` and ``wordfreq.zipf_frequency``.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left


class _SortedWords:
    """The sorted words as a sequence of UTF-8 byte strings, for :func:`bisect_left`."""

    def __init__(self, blob: bytes, ends: array) -> None:
        self._blob = blob
        self._ends = ends

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, i: int) -> bytes:
        start = self._ends[i - 1] if i else 0
        return self._blob[start : self._ends[i]]


class WordFrequencies:
    """The frequencies of one language's words, from wordfreq's ``best`` list.

    Languages whose wordfreq tokenizer infers word breaks (Chinese) are not supported:
    wordfreq weighs those guesses in a way this table does not repeat.
    """

    def __init__(self, language: str = "en") -> None:
        import wordfreq  # imported lazily: loads its language data

        if wordfreq.get_language_info(language)["tokenizer"] == "jieba":
            raise ValueError(f"WordFrequencies does not support {language!r}: its words are not separated by spaces")
        self.language = language
        held = wordfreq.get_frequency_list.cache_info().currsize
        band_of: dict[str, int] = {}
        for band, words in enumerate(wordfreq.get_frequency_list(language)):
            for word in words:
                band_of[word] = band  # a word listed twice gets the later (rarer) band, as in wordfreq's dict
        if not held:  # nobody else had the list loaded: let wordfreq's copy go
            wordfreq.get_frequency_list.cache_clear()
        blob = bytearray()
        ends = array("I")
        self._bands = array("H")
        for word in sorted(band_of):
            blob += word.encode("utf-8")
            ends.append(len(blob))
            self._bands.append(band_of[word])
        del band_of
        self._words = _SortedWords(bytes(blob), ends)
        # One float per band, made the way wordfreq makes it.
        self._band_frequency = [wordfreq.cB_to_freq(-band) for band in range(max(self._bands, default=0) + 1)]

    def __len__(self) -> int:
        return len(self._words)

    def token_frequency(self, token: str) -> float | None:
        """The listed frequency of one token as wordfreq stores it, or None when it is not listed."""
        key = token.encode("utf-8", "surrogatepass")  # a lone surrogate matches nothing
        i = bisect_left(self._words, key)
        if i < len(self._words) and self._words[i] == key:
            return self._band_frequency[self._bands[i]]
        return None

    def frequency(self, wording: str, minimum: float = 0.0) -> float:
        """What ``wordfreq.word_frequency(wording, language, minimum=minimum)`` answers."""
        from wordfreq.numbers import digit_freq, smash_numbers
        from wordfreq.tokens import lossy_tokenize

        tokens = lossy_tokenize(wording, self.language)
        if not tokens:
            return minimum
        inverse = 0.0
        for token in tokens:
            smashed = smash_numbers(token)
            found = self.token_frequency(smashed)
            if found is None:
                return minimum
            if smashed != token:
                found *= digit_freq(token)
            inverse += 1.0 / found
        value = max(1.0 / inverse, minimum)
        if value == 0.0:
            return 0.0
        return round(value, math.floor(-math.log(value, 10)) + 3)

    def zipf(self, wording: str) -> float:
        """What ``wordfreq.zipf_frequency(wording, language)`` answers: log10 of the
        frequency per billion words, two decimals, 0 for a wording never seen."""
        from wordfreq import freq_to_zipf, zipf_to_freq

        return round(freq_to_zipf(self.frequency(wording, zipf_to_freq(0.0))), 2)
