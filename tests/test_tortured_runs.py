"""The tortured search beyond the list: phrases built from the learned swaps, runs of swapped
words with no term behind them, and the language model's check."""

from __future__ import annotations

import pytest

from textrepair import Repairer
from textrepair.findings import TORTURED_EDIT, TORTURED_FLAG
from textrepair.resources import data_lines, wordlist_text
from textrepair.stages.expressions import key
from textrepair.stages.tortured_check import best_reading, fit, fit_article, term_gain
from textrepair.stages.tortured_runs import (
    LONE_WORD,
    RUN_MIN_FIT,
    RUN_WORD,
    UNCHECKED_LONE_WORD,
    UNCHECKED_RUN_WORD,
    RunWord,
    swapped_runs,
)
from textrepair.stages.tortured_search import TorturedIndex, default_terms, language_model, read_substitutions


@pytest.fixture(scope="module")
def search_only() -> Repairer:
    """The news lexicon and the search, without the list of tortured phrases."""
    return Repairer(tortured_phrases=False, tortured_search=True)


def _listed() -> tuple[set[str], list[str]]:
    rows = [line.split("\t") for _, line in data_lines(wordlist_text("tortured_phrases.tsv"))]
    return {r[0] for r in rows}, sorted({r[1] for r in rows})


def _spun_terms() -> list[tuple[str, str]]:
    """(phrase, term): each two-word expected term of the list with both words swapped the
    way the list swaps them most often (three pairs or more), where the list does not
    name that phrase."""
    best: dict[str, tuple[int, str]] = {}
    for spun, original, count in read_substitutions():
        if " " not in spun and " " not in original and count >= 3 and count > best.get(original, (0, ""))[0]:
            best[original] = (count, spun)
    listed, terms = _listed()
    out = []
    for term in terms:
        words = term.split()
        if len(words) == 2 and all(w.isalpha() and w == key(w) and w in best for w in words):
            phrase = " ".join(best[w][1] for w in words)
            if phrase not in listed:
                out.append((phrase, term))
    return out


def test_phrases_no_list_names_made_of_learned_swaps_are_mostly_detected(search_only):
    built = _spun_terms()
    assert len(built) >= 100
    established = {" ".join(term.lower().replace("_", " ").split()) for term, _ in default_terms()}
    detected = restored = 0
    for phrase, term in built:
        text = f"In this study, the {phrase} was evaluated on two public datasets."
        report = search_only.analyze(text)
        detected += bool(report.edits or report.flags)
        restored += report.text == text.replace(phrase, term)
        for edit in report.edits:  # what is repaired becomes an established term
            assert edit.replacement.lower() in established, (phrase, edit)
    assert detected / len(built) >= 0.5, (detected, len(built))
    assert restored >= 10


def test_a_phrase_no_list_names_is_restored(search_only):
    listed, _ = _listed()
    assert "inexhaustible vitality" not in listed and "discourse acknowledgment" not in listed
    text = "Inexhaustible vitality and discourse acknowledgment are both studied."
    assert search_only.repair(text) == "Renewable energy and speech recognition are both studied."


def test_a_run_of_swapped_words_with_no_term_is_flagged_with_the_words_mapped_back():
    index = TorturedIndex([("random forest", "tortured"), ("signal to noise", "tortured")])
    (cand,) = index.find("The irregular clamor grew.")
    assert cand.expression.source == "swaps"
    assert cand.replacement == "random noise"
    assert TORTURED_FLAG <= cand.confidence < TORTURED_EDIT  # a flag, never an edit


def test_a_run_stops_at_a_function_word_a_term_would_not_hold():
    def w(weight: float, content: bool = True, gap: bool = False) -> RunWord:
        return RunWord(content, gap, weight, True, True)

    assert swapped_runs([w(0.5), w(0.0, False, True), w(0.5)], 0.25, 0.7) == [(0, 3, 0.45)]  # "flag to clamor"
    assert swapped_runs([w(0.5), w(0.0, False, False), w(0.5)], 0.25, 0.7) == []  # "roads had reduced"
    assert swapped_runs([w(0.5), w(0.0)], 0.25, 0.7) == []  # one swapped word, not sure enough alone
    assert swapped_runs([RunWord(True, False, 0.5, True, False), w(0.5)], 0.25, 0.7) == []  # an acronym or CamelCase


def test_the_language_model_drops_a_find_that_reads_as_plain_english():
    terms = [("mild disease", "tortured"), ("random forest", "tortured")]
    text = "The child had a mild illness."
    assert [c.replacement for c in TorturedIndex(terms).find(text)] == ["mild disease"]
    checked = TorturedIndex(terms, language_model=language_model())
    assert checked.find(text) == []
    assert [c.replacement for c in checked.find("Two irregular woodlands grew.")] == ["random forests"]


def test_clean_technical_sentences_are_untouched(search_only):
    for text in (
        "The function returns a list of the arguments passed to the constructor, in the order given.",
        "Each worker process reads its configuration file once and caches the parsed values in memory.",
        "A random forest trained on the health records reached an accuracy of 0.91 on the test set.",
    ):
        report = search_only.analyze(text)
        assert report.text == text
        assert not [e for e in report.edits if e.kind == "tortured-search"]


def test_a_run_is_read_back_through_the_swaps_whose_words_fit_together():
    model = language_model()
    # Each word kept or read back through a swap: "energy recovery" is what English writes.
    options = [["vitality", "energy", "life"], ["recuperation", "recovery"]]
    fit, picked = best_reading(model, ["the"], options, ["system", "was"])
    assert picked == (1, 1)
    assert fit > 1.0


def test_a_reading_rarer_than_the_run_gets_no_credit_for_its_rarity():
    model = language_model()
    # "profound effect" read as "profound impact": plain English either way, no swap undone.
    assert fit(model, ["had", "a"], ["profound", "effect"], ["profound", "impact"], ["on", "the"]) <= RUN_MIN_FIT


def test_the_article_before_a_find_is_read_as_its_term_needs_it():
    model = language_model()
    text = "We describe a corrosive phosphatase and compare it with earlier work."
    start = text.index("corrosive")
    end = start + len("corrosive")
    assert fit_article(["describe", "a"], "acid") == ["describe", "an"]
    assert term_gain(model, text, start, end, "acid") > 0.0  # "an acid phosphatase", not "a acid phosphatase"


def test_runs_are_read_at_lower_levels_only_where_the_language_model_checks_them():
    terms = [("energy policy", "tortured"), ("recovery time", "tortured"), ("impact factor", "tortured")]
    swaps = [
        ("vitality", "energy", 5),
        ("recuperation", "recovery", 5),
        ("profound", "deep", 5),
        ("effect", "impact", 1),
    ]
    plain = TorturedIndex(terms, swaps)
    checked = TorturedIndex(terms, swaps, language_model=language_model())
    assert (plain.run_word, plain.lone_word) == (UNCHECKED_RUN_WORD, UNCHECKED_LONE_WORD)
    assert (checked.run_word, checked.lone_word) == (RUN_WORD, LONE_WORD)
    assert checked.run_word < plain.run_word and checked.lone_word < plain.lone_word
    # No term behind it, but its reading back is what English writes: flagged, never repaired.
    text = "The vitality recuperation scheme worked well."
    (cand,) = checked.find(text)
    assert cand.expression.source == "swaps"
    assert (text[cand.start : cand.end], cand.replacement) == ("vitality recuperation", "energy recovery")
    assert checked.run_floor <= cand.confidence < TORTURED_EDIT
    # Plain English whose best reading back fits no better is left alone.
    assert checked.find("The findings had a profound effect on the sea.") == []
