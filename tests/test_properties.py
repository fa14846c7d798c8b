"""Invariants that hold for any input (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from textrepair import Repairer, Report
from textrepair.text.edits import apply_edits

REPAIRER = Repairer()
TYPOGRAPHY = Repairer(typography=True)

# Arbitrary Unicode, plus text built from the lexicon's own vocabulary so that the rule
# engine, not only the normaliser, is exercised.
VOCAB = [
    "White Home", "suppose tank", "p.c", "1000’s", "gained't", "{dollars}", "{a|b}", "mentioned", "final",
    "army", "assist", "a", "an", "settlement", "However", "within the", "Overseas Minister", "9", "days",
    "â€™", "Ã©", "  ", "\n", ",", ".", "“", "”", "the", "İ", "ﬁ", "\r\n", "america", "Social gathering",
    "in direction of", "war", "towards", "subsequent", "cupboard", "ultimate", "vitality", "energy", "lost",
    "prices", "Setting Company", "Federal Commerce Fee", "folks", "stated", "the place", "round", "78",
    "garments", "despatched", "financial institution's", "chief government", "Native", "Inexperienced",
]  # fmt: skip
spun_like = st.lists(st.sampled_from(VOCAB), max_size=40).map(" ".join)
any_text = st.one_of(st.text(max_size=200), spun_like, st.lists(st.sampled_from(VOCAB), max_size=40).map("".join))

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(any_text)
@example("Zelenskyâ€™s {dollars} White Home")
def test_edits_point_at_the_input_and_reproduce_the_output(text):
    assert_consistent(text, REPAIRER.analyze(text))


def assert_consistent(text: str, report: Report) -> None:
    """Every edit and flag points at the input, and the edits reproduce the output."""
    for edit in report.edits:
        assert text[edit.start : edit.end] == edit.original
        assert edit.original != edit.replacement
        assert 0.0 < edit.confidence <= 1.0
    assert apply_edits(text, report.edits) == report.text
    for flag in report.flags:
        assert text[flag.start : flag.end] == flag.text
    assert 0.0 <= report.spin_score <= 1.0


@SETTINGS
@given(any_text)
@example("america Social gathering")  # the first repair gives the second its context
@example("İ‘100’S")  # a repair changes how ftfy reads the rest of the line
@example("İ‘{a}")  # so does removing spintax braces
def test_repair_is_idempotent(text):
    """The rule engine runs to a fixed point within one call, so a second call has
    nothing left to do. (A user lexicon with a cycle, a => b and b => a, would break
    this; the number of rounds is bounded so such a lexicon cannot loop forever.)"""
    once = REPAIRER.repair(text)
    assert REPAIRER.repair(once) == once


@SETTINGS
@given(st.text(max_size=300))
def test_typography_option_never_raises_and_stays_consistent(text):
    report = TYPOGRAPHY.analyze(text)
    assert apply_edits(text, report.edits) == report.text


# Text that exercises every branch of the Unicode step: mojibake, HTML entities and
# markup (ftfy stops unescaping after the first "<"), controls, odd line breaks.
unicode_soup = st.lists(
    st.sampled_from(
        [
            "a",
            " ",
            "\n",
            "\r\n",
            "\r",
            "’",
            "“",
            "–",
            "…",
            "â€™",
            "Ã©",
            "Ã",
            "&amp;",
            "&lt;",
            "<b>",
            "<",
            "\x1b[31m",
            "\x85",
            "\u2028",
            "ﬁ",
            "Ｆ",
            "é",
            "e\u0301",
            "\x00",
            "\ufeff",
            "Â\xa0",
            "caf",
            "&",
        ]
    ),
    max_size=30,
).map("".join)


@SETTINGS
@given(st.one_of(unicode_soup, st.text(max_size=120)))
def test_unicode_step_equals_ftfy_on_the_whole_text(text):
    """Skipping segments ftfy cannot change must not change the result (for text in
    Latin and other non-CJK scripts: CJK lines keep their widths, tested below)."""
    import ftfy

    from textrepair.stages.normalize import _CJK, _FTFY_CONFIG, fix_unicode

    assume(not _CJK.search(text))
    assert apply_edits(text, fix_unicode(text)) == ftfy.fix_text(text, _FTFY_CONFIG)


CJK_SOUP = ["北京", "カタ", "한국", "，", "（", "）", "Ｆ", "ｶ", "â€™", "&amp;", "ﬁ", " ", "a"]


@SETTINGS
@given(st.lists(st.sampled_from(CJK_SOUP)).map("".join))
def test_a_cjk_line_is_fixed_by_ftfy_with_widths_kept(text):
    """A line in a CJK script gets everything ftfy does except the width fix: full-width
    commas and brackets are its own punctuation."""
    import ftfy

    from textrepair.stages.normalize import _CJK, _FTFY_CONFIG, fix_unicode

    assume(_CJK.search(text))
    expected = ftfy.fix_text(text, _FTFY_CONFIG._replace(fix_character_width=False))
    assert apply_edits(text, fix_unicode(text)) == expected


# Text built from broken and whole expressions and lexicon entries, for the frequency
# engine: alone it reads every document; with the lexicon it can lean on its repairs.
ENGINE_ALONE = Repairer(default_lexicon=False, expressions=True)
WITH_ENGINE = Repairer(expressions=True)  # lexicon repairs can lend the expression search an anchor
EXPRESSION_VOCAB = [
    "White", "Home", "House", "Center", "Middle", "East", "suppose", "think", "tank", "uncommon", "rare",
    "earths", "Royal", "United", "Providers", "Services", "Institute", "for", "the", "Research", "of", "Struggle",
    "Overseas", "Minister", "Ministry", "Affairs", "military", "assistance", "campaign", "path", "boots", "on",
    "bottom", "a", "an", "Suppose", "UNCOMMON", "EARTHS", "rare-earths", "’s", ",", ".", "\n", "  ",
]  # fmt: skip
expression_like = st.lists(st.sampled_from(EXPRESSION_VOCAB + VOCAB), max_size=40).map(" ".join)


@SETTINGS
@given(expression_like)
@example("the White Home and the Center East , suppose tank")
@example("Royal United Providers Institute")
@example("White Home campaign White White Providers White Home")  # crossing readings, then a window edge
def test_engine_edits_point_at_the_input_and_repair_to_a_fixed_point(text):
    for repairer in (ENGINE_ALONE, WITH_ENGINE):
        report = repairer.analyze(text)
        assert_consistent(text, report)
        assert repairer.repair(report.text) == report.text
