"""The expression search: broken multiword expressions and names, found through the reverse thesaurus."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from textrepair import Repairer
from textrepair.cli import main
from textrepair.findings import FIRE, STRONG
from textrepair.stages.expressions import ExpressionIndex, confidence, key
from textrepair.text.fold import fold

REPO = Path(__file__).resolve().parent.parent
WORDLISTS = REPO / "wordlists"
GENERALISATION = REPO / "benchmarks" / "data" / "generalisation" / "tortured_phrases.tsv"


@pytest.fixture(scope="module")
def index() -> ExpressionIndex:
    return ExpressionIndex()


@pytest.fixture(scope="module")
def engine_alone() -> Repairer:
    return Repairer(default_lexicon=False, expressions=True)


def only(index: ExpressionIndex, text: str):
    found = index.find(text)
    assert len(found) == 1, found
    return found[0]


def test_a_broken_collocation_maps_back_to_the_expression(index):
    text = "a Washington-based suppose tank said"
    cand = only(index, text)
    assert text[cand.start : cand.end] == "suppose tank"
    assert cand.replacement == "think tank"
    assert cand.links == ("synonym",)
    assert cand.confidence >= FIRE
    assert [text[a:b] for a, b in cand.changed] == ["suppose"]


def test_the_replacement_takes_the_inflection_and_case_of_the_spun_words(index):
    assert only(index, "rights to mine uncommon earths in the east").replacement == "rare earths"
    assert only(index, "US credibility in the Center East fell").replacement == "Middle East"


def test_a_long_name_may_have_one_word_no_thesaurus_links(index):
    text = "director of the Royal United Providers Institute, a think tank"
    cand = only(index, text)
    assert cand.replacement == "Royal United Services Institute"
    assert cand.links == ("name",)
    # but not two such words, nor in a name of two words
    assert index.find("director of the Royal Joined Providers Institute") == []


def test_names_need_their_capitals(index):
    assert only(index, "the White Home said").replacement == "White House"
    assert index.find("the white home said") == []


def test_known_expressions_spelling_variants_and_exact_text_are_left_alone(index):
    assert index.find("He spoke at a news conference on Monday.") == []  # WordNet knows it
    assert index.find("the World Health Organisation said") == []  # a spelling, not a swap
    assert index.find("the think tank and the White House") == []  # nothing changed


def test_a_capitalised_word_inside_a_sentence_is_a_name_not_a_spun_word(index):
    assert all(c.replacement != "federal government" for c in index.find("the European Union government chief"))


def test_runs_are_not_cut_out_of_hyphenated_compounds(index):
    assert all(c.replacement != "land cover" for c in index.find("the rare-earths deal was signed"))


def test_confidence_rewards_anchors_and_penalises_weak_links():
    one_anchor = confidence("gazetteer", ["synonym"], 1, 2, 0.0)
    no_anchor = confidence("gazetteer", ["synonym", "synonym"], 0, 2, 0.0)
    weak = confidence("gazetteer", ["related"], 1, 2, 0.0)
    assert one_anchor > weak > FIRE > no_anchor
    assert confidence("gazetteer", ["synonym"], 1, 2, 1.0) > one_anchor  # a rarer spun word


def test_the_engine_alone_repairs_a_broken_name_in_any_document(engine_alone):
    report = engine_alone.analyze("The White Home said on Monday that talks would go on.")
    assert report.text == "The White House said on Monday that talks would go on."
    (edit,) = report.edits
    assert (edit.kind, edit.rule) == ("expression", "expression:White House")
    assert edit.confidence >= STRONG


def test_collocations_change_only_in_a_document_judged_spun(engine_alone):
    clean = "Germany pledged military assistance to its allies on Monday."
    assert engine_alone.repair(clean) == clean
    report = engine_alone.analyze(clean)
    assert report.flags == () or all(f.reason.startswith("document not judged spun") for f in report.flags)


def test_crossing_readings_are_both_left_alone(engine_alone):
    """ "White Home" and "Home campaign" (a broken "home run") share a word: repairing
    either would leave the other's words half changed, and a second run would differ."""
    text = "White Home campaign White Home"
    report = engine_alone.analyze(text)
    assert report.text == "White Home campaign White House"
    crossing = [f for f in report.flags if f.reason == "overlaps another broken expression"]
    assert {f.text for f in crossing} == {"White Home", "Home campaign"}
    assert engine_alone.repair(report.text) == report.text


def test_a_window_at_a_word_edge_reads_the_real_neighbour(index):
    text = "the White Home said"
    assert [c.replacement for c in index.find(text, text.index("Home") - 2, len(text))] == ["White House"]


def test_unsure_candidates_become_flags(engine_alone, seed_spun):
    report = engine_alone.analyze(seed_spun)
    flagged = {f.text: f for f in report.flags}
    isw = flagged["Institute for the Research of Struggle"]
    assert isw.suggestion == "Institute for the Study of War"
    assert "below" in isw.reason
    assert "Institute for the Research of Struggle" in report.text


def test_the_engine_is_off_unless_asked_for(seed_spun):
    for repairer in (Repairer(default_lexicon=False), Repairer(default_lexicon=False, expressions=False)):
        report = repairer.analyze(seed_spun)
        assert not any(e.kind == "expression" for e in report.edits)
        assert "suppose tank" in report.text


def test_engine_edits_point_at_the_input(engine_alone, seed_spun):
    report = engine_alone.analyze(seed_spun)
    edits = [e for e in report.edits if e.kind == "expression"]
    assert len(edits) >= 8
    for e in edits:
        assert seed_spun[e.start : e.end] == e.original


def test_cli_ablation_flags(tmp_path, capsys):
    path = tmp_path / "in.txt"
    path.write_text("The White Home said so.\n", encoding="utf-8")
    assert main(["repair", "--no-default-lexicon", "--expressions", "-q", str(path)]) == 0
    assert capsys.readouterr().out == "The White House said so.\n"
    assert main(["repair", "--no-default-lexicon", "-q", str(path)]) == 0
    assert capsys.readouterr().out == "The White Home said so.\n"
    assert main(["repair", "--no-default-lexicon", "--expressions", "--no-expressions", "-q", str(path)]) == 0
    assert capsys.readouterr().out == "The White Home said so.\n"


# -- the data ----------------------------------------------------------------------


def _entries(name: str) -> list[str]:
    lines = (WORDLISTS / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_every_gazetteer_word_is_in_the_generated_thesaurus():
    """The thesaurus is generated from the gazetteer's words: rerun the generator after
    editing the gazetteer (see wordlists/README.md)."""
    words = {line.split("\t")[0] for line in _entries("thesaurus.txt")}
    function_words = set(_entries("function_words.txt"))
    missing = set()
    for line in _entries("gazetteer.txt"):
        for word in line.lower().split():
            k = key(word)
            if k.isalpha() and k not in function_words and k not in words:
                missing.add(k)
    assert not missing, sorted(missing)[:20]


def test_the_gazetteer_has_no_duplicates():
    lines = [line.lower() for line in _entries("gazetteer.txt")]
    assert len(lines) == len(set(lines))


def test_no_generalisation_phrase_is_in_any_lexicon_file():
    """The generalisation set measures what the expression search infers, so none of its spun
    phrases may be written down anywhere the repairer reads them."""
    with open(GENERALISATION, encoding="utf-8") as f:
        spun = [fold(row["spun"]) for row in csv.DictReader(f, delimiter="\t")]
    assert spun
    for path in WORDLISTS.iterdir():
        if path.suffix in (".lex", ".txt", ".tsv"):
            text = " " + " ".join(fold(line) for line in path.read_text(encoding="utf-8").splitlines()) + " "
            found = [s for s in spun if f" {s} " in text]
            assert not found, (path.name, found)


def test_reinflection_uses_only_forms_the_expression_word_has():
    from textrepair.stages.expressions import _inflect_like

    assert _inflect_like("Providers", "service", "service") == "services"  # a plural stays plural
    assert _inflect_like("guarantees", "guarantee", "guarantee") == "guarantees"
    # "sharing" is a verb form; "community" has none, so it is not made one.
    assert _inflect_like("sharing", "community", "community") == "community"
    assert _inflect_like("held", "hearing", "hearing") == "hearing"  # not "hearinged"
