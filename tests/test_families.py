"""Two spinner families in one pipeline: the built-in tortured-phrase list beside the
news spinner's lexicon, each judged by its own evidence."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from textrepair import Repairer, analyze, repair
from textrepair.lexicon import default_lexicon

WORDLISTS = Path(__file__).resolve().parent.parent / "wordlists"


@pytest.fixture(scope="module")
def listed() -> list[tuple[str, str]]:
    """Tortured phrases of the shipped list without a document condition or a context
    constraint, as (tortured, expected), several words long, drawn at random (fixed seed)."""
    rows = sorted(
        {
            (e.spun, e.canonical)
            for e in default_lexicon()
            if e.family == "tortured" and e.doc is None and not e.context and e.spun.isascii()
            if e.spun.replace(" ", "").isalpha() and " " in e.spun and e.spun.islower()
        }
    )
    return random.Random(7).sample(rows, 40)


def test_listed_phrases_are_repaired_in_any_document(listed):
    for tortured, expected in listed:
        text = f"In this study the {tortured} was evaluated twice."
        assert repair(text) == f"In this study the {expected} was evaluated twice.", tortured


def test_a_listed_phrase_keeps_the_casing_and_gets_its_article():
    assert repair("An irregular woodland beat two Irregular Woodlands.") == ("A random forest beat two Random Forests.")
    assert repair("COUNTERFEIT CONSCIOUSNESS") == "ARTIFICIAL INTELLIGENCE"


def test_a_document_condition_holds_back_a_phrase_until_the_document_meets_it():
    alone = analyze("The reactor was stirred with an attractive stirrer for an hour.")
    assert [e.replacement for e in alone.edits] == ["a", "magnetic stirrer"]
    barred = analyze("We stirred with an attractive stirrer, not a repulsive one.")
    assert barred.edits == ()
    needs = analyze("These results actually occur in practice.")  # "actually occur" needs "true positive"
    assert needs.edits == ()
    met = analyze("The true positive rate was high; actually occur counts were kept.")
    assert [e.replacement for e in met.edits] == ["true positive"]


def test_tortured_evidence_does_not_let_the_news_lexicon_rewrite_real_english(listed):
    """A paper full of tortured phrases is spun, by the tortured family: the news
    lexicon's ambiguous entries ("mentioned" -> "said") still need their own evidence."""
    phrases = " ".join(f"We applied the {tortured} again." for tortured, _ in listed[:12])
    text = f"The author mentioned in a talk that the method works. {phrases}"
    report = analyze(text)
    assert report.is_spun
    assert report.evidence["tortured"] >= 12
    assert "mentioned in a talk" in report.text
    # The same phrases loaded as a user's lexicon join the news family: then they are
    # that family's evidence, and "mentioned" is rewritten.
    as_news = Repairer(tortured_phrases=False, lexicons=[WORDLISTS / "tortured.lex"]).analyze(text)
    assert "said in a talk" in as_news.text


def test_the_list_can_be_switched_off():
    assert Repairer(tortured_phrases=False).repair("an irregular woodland") == "an irregular woodland"
    assert Repairer().repair("an irregular woodland") == "a random forest"
