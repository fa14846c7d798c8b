"""Edits compose: offsets always point into the original and applying them gives the output."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textrepair.model import Edit
from textrepair.text.edits import apply_edits, compose


@st.composite
def edits_for(draw, text: str, tag: str) -> list[Edit]:
    """Random sorted, non-overlapping edits (insertions, deletions, replacements) on ``text``."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    pos = 0
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if a < pos:
            continue
        replacement = draw(st.text(alphabet="xyzXY ", max_size=4))
        if text[a:b] == replacement:
            continue
        edits.append(Edit(a, b, text[a:b], replacement, tag, f"{tag}{len(edits)}", 0.5))
        pos = b
    return edits


@st.composite
def two_stages(draw):
    original = draw(st.text(alphabet="abcde ", max_size=20))
    base = draw(edits_for(original, "base"))
    middle = apply_edits(original, base)
    later = draw(edits_for(middle, "later"))
    return original, base, later


@given(two_stages())
def test_composed_edits_reproduce_the_two_stage_result(case):
    original, base, later = case
    expected = apply_edits(apply_edits(original, base), later)
    composed = compose(original, base, later)
    assert apply_edits(original, composed) == expected
    for edit in composed:
        assert original[edit.start : edit.end] == edit.original
    for a, b in pairwise(composed):
        assert a.end <= b.start


def test_later_edit_inside_an_earlier_one_is_merged_with_both_rules():
    original = "army {hardware} supplied"
    base = [Edit(5, 15, "{hardware}", "hardware", "spintax", "spintax.braces", 0.9)]
    later = [Edit(5, 13, "hardware", "kit", "lexicon", "lexicon:hardware", 0.6)]
    (edit,) = compose(original, base, later)
    assert (edit.start, edit.end, edit.original, edit.replacement) == (5, 15, "{hardware}", "kit")
    assert edit.rule == "spintax.braces+lexicon:hardware"
    assert edit.confidence == 0.6


def test_later_edit_after_a_deletion_is_shifted_back():
    original = "a  b c"
    base = [Edit(1, 3, "  ", " ", "whitespace", "ws", 1.0)]
    later = [Edit(4, 5, "c", "d", "lexicon", "lx", 1.0)]  # 'c' sits at 4 in "a b c"
    composed = compose(original, base, later)
    assert [(e.start, e.end, e.original, e.replacement) for e in composed] == [(1, 3, "  ", " "), (5, 6, "c", "d")]


def test_apply_rejects_overlapping_edits():
    edits = [Edit(0, 3, "abc", "x", "k", "r", 1.0), Edit(2, 4, "cd", "y", "k", "r", 1.0)]
    with pytest.raises(ValueError, match="overlaps"):
        apply_edits("abcdef", edits)
