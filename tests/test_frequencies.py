"""The compact word-frequency table answers exactly what wordfreq answers."""

from __future__ import annotations

import random

import pytest
import wordfreq

from textrepair.frequencies import WordFrequencies
from textrepair.lexicon import default_lexicon
from textrepair.scoring import UnigramScorer

SPECIAL = [
    "", " ", "the", "The", "THE", "think tank", "Foreign Minister", "can't", "don’t", "e-mail", "U.S.",
    "café", "naïve résumé", "2024", "the 1990s", "£5", "3.14", "twenty-one", "xqzvwk", "😀", "a\ud800b",
    "New York City", "Ünïcödé", "l'homme", "Zelensky’s", "over-the-counter", "  spaced   out  ",
]  # fmt: skip


@pytest.fixture(scope="module")
def table() -> WordFrequencies:
    return WordFrequencies("en")


def _wordings() -> list[str]:
    words = list(wordfreq.iter_wordlist("en"))
    rng = random.Random(15)
    sample = words[::97] + words[-500:]  # across all bands, and the rarest
    phrases = [" ".join(rng.sample(words[:30_000], rng.randint(2, 4))) for _ in range(1_500)]
    lexicon = [w for e in default_lexicon()[::7] for w in (e.spun, e.canonical)]
    return SPECIAL + sample + phrases + lexicon


def test_the_table_holds_every_word_of_the_list(table):
    assert len(table) == len(set(wordfreq.iter_wordlist("en")))


def test_frequencies_and_zipf_values_are_wordfreqs(table):
    differ = [
        (w, wordfreq.word_frequency(w, "en"), table.frequency(w))
        for w in _wordings()
        if wordfreq.word_frequency(w, "en") != table.frequency(w) or wordfreq.zipf_frequency(w, "en") != table.zipf(w)
    ]
    assert differ == []


def test_a_minimum_stands_for_missing_words_as_in_wordfreq(table):
    for wording in ("xqzvwk", "the xqzvwk", "", "the"):
        assert table.frequency(wording, 1e-8) == wordfreq.word_frequency(wording, "en", minimum=1e-8)


def test_a_single_token_has_the_frequency_wordfreq_stores_or_none(table):
    stored = wordfreq.get_frequency_dict("en")
    for word in ("the", "tank", "zelensky", "0000"):
        assert table.token_frequency(word) == stored[word]
    assert table.token_frequency("xqzvwk") is None
    assert table.token_frequency("a\ud800b") is None


def test_the_unigram_scorer_answers_from_the_table():
    scorer = UnigramScorer()
    for wording in ("think tank", "suppose tank", "said", "mentioned", "xqzvwk"):
        assert scorer.frequency(wording) == wordfreq.word_frequency(wording, "en")
        assert scorer.zipf(wording) == wordfreq.zipf_frequency(wording, "en")


def test_languages_without_spaces_between_words_are_refused():
    with pytest.raises(ValueError, match="not separated by spaces"):
        WordFrequencies("zh")
