"""The tortured search: tortured phrases that no list names, found through the spinner's learned swaps."""

from __future__ import annotations

import pytest
from wordfreq import zipf_frequency

from textrepair import Repairer
from textrepair.findings import TORTURED_EDIT, TORTURED_FLAG
from textrepair.resources import data_lines, wordlist_text
from textrepair.stages.expressions import key
from textrepair.stages.tortured_search import TorturedIndex, default_index, read_substitutions, tortured_terms


@pytest.fixture(scope="module")
def search_only() -> Repairer:
    """The news lexicon and the search, without the list of tortured phrases."""
    return Repairer(tortured_phrases=False, tortured_search=True)


@pytest.fixture(scope="module")
def gazetteer_index() -> TorturedIndex:
    terms = [(line, "gazetteer") for _, line in data_lines(wordlist_text("gazetteer.txt"))]
    return TorturedIndex(terms)


def _most_common_swaps() -> dict[str, str]:
    """original lemma -> the spun lemma the list shows most often for it (one word for one)."""
    best: dict[str, tuple[int, str]] = {}
    for spun, original, count in read_substitutions():
        if " " not in spun and " " not in original and count > best.get(original, (0, ""))[0]:
            best[original] = (count, spun)
    return {original: spun for original, (_, spun) in best.items()}


def test_gazetteer_terms_spun_by_the_learned_swaps_are_found(gazetteer_index):
    """Each lowercase gazetteer term of two words with one word the list swaps often
    (three pairs or more) for a word rare enough to start a search, that word swapped:
    the search names the term again."""
    swaps = _most_common_swaps()
    counts = {(s, o): n for s, o, n in read_substitutions()}
    built = []
    for _, term in data_lines(wordlist_text("gazetteer.txt")):
        words = term.split()
        if len(words) != 2 or not term.islower() or not term.isascii() or not all(w.isalpha() for w in words):
            continue
        for j, word in enumerate(words):
            spun = swaps.get(key(word))
            if spun and word == key(word) and counts[(spun, key(word))] >= 3 and zipf_frequency(spun, "en") < 4.0:
                built.append((" ".join(spun if i == j else w for i, w in enumerate(words)), term))
                break
    assert len(built) >= 20
    found = 0
    for phrase, term in built:
        text = f"The report looked at {phrase} last year."
        names = {c.expression.text.lower() for c in gazetteer_index.find(text)}
        found += term in names
    assert found / len(built) >= 0.9, (found, len(built))


def test_a_phrase_no_list_names_is_flagged_or_repaired_with_the_established_term(search_only):
    text = "We trained a profound convolutional neural organization on the images."
    assert "profound convolutional neural organization" not in {
        line.split("\t")[0] for _, line in data_lines(wordlist_text("tortured_phrases.tsv"))
    }
    report = search_only.analyze(text)
    suggestions = [e.replacement for e in report.edits] + [f.suggestion for f in report.flags]
    assert "deep convolutional neural network" in suggestions


def test_sure_finds_are_repaired_weak_ones_flagged(search_only):
    texts = (
        "Two irregular woodlands grew.",
        "A shrewd lattice was built.",
        "They held a spherical of talks in May.",
        "The heart ailments were treated.",
        "We tested the shrewd devices.",
    )
    outcomes = set()
    for text in texts:
        best = max(default_index().find(text), key=lambda c: (c.end - c.start, c.confidence))
        report = search_only.analyze(text)
        if best.confidence >= TORTURED_EDIT:
            assert best.replacement in report.text, text
            outcomes.add("edit")
        else:
            assert best.confidence >= TORTURED_FLAG
            assert report.text == text
            assert best.replacement in [f.suggestion for f in report.flags if f.rule.startswith("tortured-search")]
            outcomes.add("flag")
    assert outcomes == {"edit", "flag"}


def test_the_replacement_keeps_the_run_inflection_and_exact_words():
    index = TorturedIndex([("random forest", "tortured"), ("support vector machine", "tortured")])
    (cand,) = index.find("Two irregular woodlands grew.")
    assert cand.replacement == "random forests"
    assert cand.links == ("learned", "learned")
    (cand,) = index.find("An assist vector machine was trained.")
    assert cand.replacement == "support vector machine"


def test_established_terms_and_plain_english_are_left_alone(search_only):
    for text in (
        "Deep learning and random forests beat the support vector machine.",
        "The findings had a profound effect on the sea and on the organization.",
    ):
        report = search_only.analyze(text)
        assert report.text == text
        assert not report.flags


def test_a_run_that_is_itself_a_term_is_not_a_candidate():
    index = TorturedIndex([("random forest", "tortured"), ("irregular woodland", "tortured")])
    assert index.find("An irregular woodland grew.") == []


def test_the_search_can_be_switched_off():
    text = "Two irregular woodlands and a profound convolutional neural organization."
    report = Repairer(tortured_phrases=False, tortured_search=False).analyze(text)
    assert report.text == text and not report.flags


def test_the_built_in_terms_include_the_list_s_expected_side():
    terms = tortured_terms()
    assert "random forest" in terms and "artificial intelligence" in terms
