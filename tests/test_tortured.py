"""Tortured phrases: document conditions, the generated lexicon and its build rules."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from textrepair import LexiconError, Repairer
from textrepair.lexicon import parse_lexicon
from textrepair.lexicon.conditions import DocCondition, contains_phrase, doc_condition_holds
from textrepair.text.fold import fold

REPO = Path(__file__).resolve().parent.parent
TORTURED_LEX = REPO / "wordlists" / "tortured.lex"


@lru_cache(maxsize=1)
def _script():
    path = REPO / "scripts" / "build_tortured_lexicon.py"
    spec = importlib.util.spec_from_file_location("build_tortured_lexicon", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


def test_phrases_match_whole_words_only():
    text = fold("We train a Neural Network; networks of neural-network style.")
    assert contains_phrase(text, "neural network")
    assert not contains_phrase(text, "neural net")
    assert not contains_phrase(text, "eural network")
    assert contains_phrase(text, "network style")  # the hyphen is a word boundary
    assert contains_phrase(text, "netw*")  # a prefix
    assert not contains_phrase(text, "etwork*")


def test_a_condition_needs_one_of_has_and_none_of_lacks():
    text = fold("The magnetic stirrer and the CNN were used.")
    assert doc_condition_holds(None, text)
    assert doc_condition_holds(DocCondition(), text)
    assert doc_condition_holds(DocCondition(has=("svm", "cnn")), text)
    assert not doc_condition_holds(DocCondition(has=("svm", "neural network")), text)
    assert doc_condition_holds(DocCondition(lacks=("repulsive",)), text)
    assert not doc_condition_holds(DocCondition(has=("cnn",), lacks=("svm", "stirrer")), text)


def test_doc_attributes_are_parsed_folded_with_underscores_as_spaces():
    (entry, *_) = parse_lexicon("neural community => neural network | pos=NOUN doc_has=Neural_Network,CNN doc_lacks=x")
    assert entry.doc == DocCondition(has=("neural network", "cnn"), lacks=("x",))
    (plain,) = parse_lexicon("suppose tank => think tank")
    assert plain.doc is None
    with pytest.raises(LexiconError, match=r"x\.lex:1: doc_has has an empty phrase"):
        parse_lexicon("a b => c d | doc_has=x,,y", "x.lex")


def test_the_same_wording_under_different_document_conditions_is_not_a_conflict():
    text = "diary bearing => journal bearing | doc_has=lubricant\ndiary bearing => log bearing | doc_has=diary\n"
    assert {e.doc.has for e in parse_lexicon(text)} == {("lubricant",), ("diary",)}
    with pytest.raises(LexiconError, match="conflicts with line 1"):
        parse_lexicon("diary bearing => journal bearing | doc_has=a\ndiary bearing => log bearing | doc_has=a\n")


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("", ([], [])),
        ("~5", ([], [])),
        ('AND "neural network"', (["neural network"], [])),
        ("AND business intelligence", (["business intelligence"], [])),
        ('AND "AR" | AND "augmented reality"', (["ar", "augmented reality"], [])),
        ('AND ("Baleanu" OR "Riemann")', (["baleanu", "riemann"], [])),
        ('NOT "search engine"', ([], ["search engine"])),
        ("AND optimiz*", (["optimiz*"], [])),
        ('ADN "GDP"', (["gdp"], [])),
        ('OR "fit file" AND "fit index"', (["fit index"], [])),
        ('AND "keen" AND "savvy"', None),
    ],
)
def test_screener_conditions_become_doc_attributes(context, expected):
    assert _script().parse_condition(context) == expected


def test_ordinary_english_is_recognised_by_rule():
    script = _script()
    known = {"birthday party", "metric capacity unit"}
    assert script.ordinary_english("coworkers", known, set())
    assert not script.ordinary_english("auupdatedmation", known, set())
    assert script.ordinary_english("3rd birthday party", known, set())
    assert script.ordinary_english("neural system", known, {"neural system"})
    assert not script.ordinary_english("counterfeit consciousness", known, set())


def test_the_generated_tortured_lexicon_is_up_to_date():
    script = _script()
    rows = script.read_rows(REPO / "wordlists" / "tortured_phrases.tsv")
    assert TORTURED_LEX.read_text(encoding="utf-8") == script.build(rows), (
        "wordlists/tortured.lex is stale: run python scripts/build_tortured_lexicon.py"
    )


@pytest.fixture(scope="module")
def tortured() -> Repairer:
    return Repairer(lexicons=[TORTURED_LEX])


def test_tortured_phrases_are_restored_in_any_inflection_and_casing(tortured):
    assert tortured.repair("Irregular woodlands beat counterfeit consciousness here.") == (
        "Random forests beat artificial intelligence here."
    )
    # The abbreviation, which the spinner left alone, stays.
    assert tortured.repair("An artificial neural system (ANN) was trained.") == (
        "An artificial neural network (ANN) was trained."
    )


def _load(name: str):
    path = REPO / "scripts" / f"{name}.py"
    sys.path.insert(0, str(path.parent))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(path.parent))


def test_substitutions_are_learned_word_by_word_and_across_spans():
    learn = _load("learn_substitutions")
    assert learn.substitutions("counterfeit consciousness", "artificial intelligence") == [
        ("counterfeit", "artificial"),
        ("consciousness", "intelligence"),
    ]
    assert learn.substitutions("deep getting to know", "deep learning") == [("get to know", "learning")]
    assert learn.substitutions("irregular woodlands", "random forests") == [
        ("irregular", "random"),
        ("woodland", "forest"),
    ]
    # A word added beside a kept word is no substitution; an abbreviation is not aligned.
    assert learn.substitutions("info information", "information") == []
    assert learn.substitutions("artificial neural system (ann)", "artificial neural network") == [("system", "network")]
    assert learn.substitutions("512mb smash", "512 mb ram") == [("smash", "ram")]


def test_the_hold_out_is_a_random_share_of_pairs_and_reproducible():
    split = _load("split_tortured_heldout")
    rows = split.read_rows()
    train, held = split.split(rows)
    assert {(r[0], r[1]) for r in held} == split.read_heldout()
    assert 0.14 < len(held) / len(rows) < 0.16
    assert not {(r[0], r[1]) for r in held} & {(r[0], r[1]) for r in train}
    # Chosen by pair, not by term: some held-out terms have training pairs, some do not.
    seen = {split.term_key(r[1]) for r in train}
    unseen = [r for r in held if split.term_key(r[1]) not in seen]
    assert 0 < len(unseen) < len(held)
    # Spellings of one term share a key, for the "unseen terms" subset.
    assert split.term_key("k-nearest neighbors") == split.term_key("k-nearest neighbor")


def test_the_learned_substitutions_are_up_to_date_and_skip_the_hold_out():
    learn = _load("learn_substitutions")
    split = _load("split_tortured_heldout")
    held = split.read_heldout()
    train = [r for r in split.read_rows() if (r[0], r[1]) not in held]
    assert (REPO / "wordlists" / "substitutions.tsv").read_text(encoding="utf-8") == learn.render(learn.learn(train)), (
        "wordlists/substitutions.tsv is stale: run python scripts/learn_substitutions.py"
    )
