"""Bookkeeping that must not change what the pipeline decides: the verdict's count of
each family's evidence, flags as values, and the neighbouring tokens the rules read."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError

import pytest

from textrepair import Repairer
from textrepair.lexicon.automaton import Hit
from textrepair.lexicon.entry import AMBIGUOUS, Context, Entry
from textrepair.model import Edit, Flag
from textrepair.pipeline import Document
from textrepair.stages.scan import Judged
from textrepair.stages.verdict import Tally
from textrepair.text.edits import apply_edits, compose
from textrepair.text.tokens import Token, token_after, token_before


def _ambiguous(spun: str, canonical: str, family: str, *, evidence: bool = True) -> Entry:
    return Entry(spun, canonical, AMBIGUOUS, False, Context(), 0.8, "test", "test", evidence=evidence, family=family)


def test_an_ambiguous_span_counts_once_telling_first_for_the_family_of_its_first_hit():
    news, tortured = _ambiguous("final", "last", "news"), _ambiguous("final", "ultimate", "tortured")
    doc = Document(original="x", text="x")
    doc.ambiguous = [
        Judged(Hit(0, 5, tortured), True, False),  # two hits on one span: the first one's family
        Judged(Hit(0, 5, news), True, False),
        Judged(Hit(10, 14, news), True, False),  # one telling hit makes the span telling
        Judged(Hit(10, 14, _ambiguous("final", "past", "news")), True, True),
        Judged(Hit(20, 25, news), True, True),
        Judged(Hit(20, 25, tortured), True, True),
        Judged(Hit(30, 31, _ambiguous("2", "two", "news", evidence=False)), True, True),  # says nothing
    ]
    tally = Tally(doc)
    assert tally.counts == {("tortured", "ambiguous_other"): 1, ("news", "ambiguous_in_context"): 2}
    assert tally.places("news") == [(10, 0.5), (20, 0.5)]
    assert tally.places("tortured") == [(0, 0.05)]


def test_flags_are_frozen_values():
    flag = Flag(3, 8, "final", "last", "lexicon:final", "context does not match")
    assert flag.confidence == 0.0
    assert flag == Flag(3, 8, "final", "last", "lexicon:final", "context does not match", 0.0)
    assert pickle.loads(pickle.dumps(flag)) == flag
    with pytest.raises(FrozenInstanceError):
        flag.start = 4  # type: ignore[misc]


def test_neighbouring_tokens_are_tokens():
    text = "The army’s aid, said Kyiv."
    before, after = token_before(text, 11), token_after(text, 11)
    assert type(before) is Token and (before.start, before.end, before.text) == (4, 10, "army’s")
    assert type(after) is Token and (after.start, after.end, after.text) == (11, 14, "aid")


def test_insertions_at_one_point_keep_the_order_of_their_text():
    original = "ab"
    base = [Edit(1, 1, "", "X", "base", "b0", 1.0), Edit(1, 2, "b", "B", "base", "b1", 1.0)]
    middle = apply_edits(original, base)  # "aXB"
    later = [Edit(1, 1, "", "<", "later", "l0", 1.0), Edit(2, 2, "", ">", "later", "l1", 1.0)]
    composed = compose(original, base, later)
    assert apply_edits(original, composed) == apply_edits(middle, later) == "a<X>B"
    assert [(e.start, e.end) for e in composed] == sorted((e.start, e.end) for e in composed)


def test_a_name_is_left_whole_when_the_word_test_is_off(tmp_path):
    """A name longer than the stretch read around a hit turns the word test off: then
    every capitalised hit is checked for names around it, as before the test existed."""
    lexicon = tmp_path / "long.lex"
    long_name = "The " + " ".join(["Extraordinarily Long Committee"] * 4) + " of Names"
    lexicon.write_text(f"Lengthy Name => {long_name}\n", encoding="utf-8")
    repairer = Repairer(lexicons=[str(lexicon)])
    scan = next(stage for stage in repairer.stages if stage.name == "lexicon")
    assert scan.name_words is None
    assert repairer.repair("The White Home Office said so.") == "The White Home Office said so."
    assert repairer.repair("The White Home said so.") == "The White House said so."
