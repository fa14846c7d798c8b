"""The word test that spares the lexicon stage its name check for most hits."""

from textrepair import Repairer
from textrepair.lexicon.entry import FINGERPRINT, Context, Entry
from textrepair.stages.name_words import NameWords, words_of


def _entry(spun: str, canonical: str) -> Entry:
    return Entry(spun, canonical, FINGERPRINT, True, Context(), 1.0, "test", "test")


NAMES = [_entry("Home Office", "Home Office"), _entry("Secretary of State", "Secretary of State")]


def test_words_split_where_is_word_char_does():
    assert words_of("secretary-general's office") == ["secretary", "general", "s", "office"]
    assert words_of("café’s menu") == ["café", "s", "menu"]


def test_an_entry_whose_words_no_name_has_is_never_at_risk():
    guard = NameWords(NAMES)
    assert not guard.risky(_entry("however", "but"))
    assert guard.risky(_entry("White Home", "White House"))  # "home" is a word of "Home Office"
    assert guard.risky(_entry("x , y", "x ; y"))  # only punctuation changes: a name may hold it


def test_a_hit_may_cut_a_name_only_through_a_changed_word_of_one():
    guard = NameWords(NAMES)
    assert guard.may_cut("White Home", "White House")
    assert not guard.may_cut("Overseas Minister", "Foreign Minister")
    assert not guard.may_cut("2", "two")


def test_long_names_or_names_not_bounded_by_words_turn_the_test_off():
    assert NameWords.of(NAMES, 80) is not None
    assert NameWords.of([_entry("A " * 50 + "B", "x")], 80) is None
    assert NameWords.of([_entry("(Home Office)", "x")], 80) is None


def test_names_written_around_a_hit_are_still_left_whole():
    repairer = Repairer()
    assert repairer.repair("The White Home Office said so.") == "The White Home Office said so."
    assert repairer.repair("The White Home said so.") == "The White House said so."
