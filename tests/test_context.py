"""The context stage: a trigram model of English and the thesaurus neighbours of unlikely words."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from textrepair import Repairer
from textrepair.scoring import ngram_scorer
from textrepair.stages.context import ContextModel, candidates, neighbour_table, neighbours
from textrepair.text.edits import apply_edits


@pytest.fixture(scope="module")
def stage() -> ContextModel:
    return ContextModel(ngram_scorer())


def test_the_model_prefers_the_original_wording_of_a_spun_phrase():
    scorer = ngram_scorer()
    assert scorer.logprob("tank", ["a", "think"]) > scorer.logprob("tank", ["a", "suppose"]) + 2
    assert scorer.logprob("said", ["he"]) > scorer.logprob("mentioned", ["he"])
    assert scorer.logprob("2020") is None  # outside its vocabulary: no answer, not a guess


def test_neighbours_are_inflected_like_the_word():
    assert "sank" in neighbours("slumped")
    assert "thinks" in neighbours("supposes")


def test_a_spinners_own_one_word_swaps_are_neighbours_as_written():
    """The founding spinner's one-word swaps ("folks => people") join the thesaurus: no
    thesaurus links "stated" to "said", and "people" is no inflection of "folk"."""
    assert "said" in neighbours("stated")
    assert "people" in neighbours("folks") and "peoples" not in neighbours("folks")


def test_people_is_the_plural_of_person_for_its_neighbours():
    """ "individuals" and "persons" stand for "people" far more often than for "persons":
    the plural English uses, which inflecting "person" does not give."""
    assert "people" in neighbours("individuals")
    assert "people" in neighbours("persons")


def test_only_neighbours_not_much_rarer_than_the_word_are_tried():
    """Run backwards, a spinner's swap leads to a commoner word: "said" was never written
    for "stated", but "stated" may well stand for "said"."""
    scorer = ngram_scorer()
    assert "sank" in candidates(scorer, "slumped")
    assert "stated" in neighbours("said") and "stated" not in candidates(scorer, "said")
    assert "said" in candidates(scorer, "stated")


def test_a_spun_word_becomes_a_suspicion_with_the_original_as_suggestion(stage):
    text = "Fishermen rescued the passengers after their boat slumped off the coast."
    reading = stage.read(text)
    found = reading.suspicions
    assert [(s.word, s.suggestion) for s in found] == [("slumped", "sank")]
    assert text[found[0].start : found[0].end] == "slumped"
    assert reading.suspected_words == 1


def test_clean_sentences_raise_no_suspicion(stage, clean_controls):
    content = suspicions = 0
    for text in clean_controls:
        reading = stage.read(text)
        content, suspicions = content + reading.content, suspicions + len(reading.suspicions)
    assert content > 1500
    assert suspicions / content < 0.03  # clean news: a few words a thesaurus neighbour would beat


def test_a_repeated_odd_word_counts_once(stage):
    """A text's own jargon recurs; a spinner's swaps are spread over many words. The
    evidence counts distinct words."""
    once = "Fishermen rescued the passengers after their boat slumped off the coast."
    reading = stage.read(" ".join([once] * 3))
    assert len(reading.suspicions) == 3
    assert reading.suspected_words == 1


def test_a_long_clean_looking_text_is_judged_on_a_sample(stage, clean_controls, monkeypatch):
    """Reading stops after a sample of content words with little evidence; a text whose
    samples keep showing evidence is read on (here: every sample counts as evidence)."""
    from textrepair.stages import context

    long_clean = "\n\n".join(clean_controls)
    sampled = stage.read(long_clean)
    assert context.SAMPLE_WORDS <= sampled.content < 2 * context.SAMPLE_WORDS
    monkeypatch.setattr(context, "SAMPLE_EVIDENCE", 0.0)
    assert stage.read(long_clean).content > 2 * context.SAMPLE_WORDS


def test_the_repairer_reports_the_context_evidence():
    report = Repairer(context=True).analyze("Their boat slumped off the coast.")
    assert report.evidence["context_suspicions"] == report.evidence["context_suspected_words"] == 1
    assert report.evidence["context_words"] >= 3
    assert "context_words" not in Repairer().analyze("Their boat slumped off the coast.").evidence


def test_with_the_context_stage_the_spin_score_is_the_calibrated_probability():
    """A text whose content words the model keeps doubting is judged spun with no list's
    help; a clean one is not."""
    spun = (
        "Fishermen rescued the passengers after their boat slumped off the coast. "
        "The captain enunciated that the seas were lofty and the craft had been lost. "
        "The coastguard reached the vessel within an hour and brought everyone ashore. "
        "Rescuers expressed the survivors were frigid but otherwise in satisfactory wellness. "
        "The harbour master aforementioned an inquiry would establish why the engine flunked."
    )
    r = Repairer(context=True)
    report = r.analyze(spun)
    assert report.evidence["fingerprints"] == report.evidence["tortured"] == 0
    assert report.is_spun and report.spin_score > 0.5
    clean = r.analyze("The minister said the economy grew faster than expected last year, and prices fell.")
    assert not clean.is_spun and clean.spin_score < 0.5


def test_rare_words_where_a_common_synonym_fits_are_counted(stage):
    """A dictionary spinner's swaps read as fluent English: no neighbour is far likelier
    in place, but a much commoner one fits as well. The writer's own wording has none."""
    spun = stage.read("The minister stated that the subsequent meeting would be held in the initial week of June.")
    clean = stage.read("The minister said that the next meeting would be held in the first week of June.")
    assert spun.rare_words >= 2  # "stated" (said), "subsequent" (next)
    assert clean.rare_words == 0
    report = Repairer(context=True).analyze("The minister stated that the subsequent meeting would be held soon.")
    assert report.evidence["context_rare_words"] >= 2


def test_a_suspicion_in_a_clean_document_flags_itself_not_the_lexicons_ambiguous_words():
    """Clean text has suspicions too; one of them is no reason to flag every ambiguous
    lexicon word of a document that is not judged spun ("2" for "two" here)."""
    text = (
        "The council voted on Tuesday to keep the library open for another year. "
        "Campaigners had also delivered a petition with 12,000 signatures to the town hall. "
        "Officials said 2 roads near the school would stay closed until the repairs were finished. "
        "The mayor told reporters that the budget for next year would be published in March, "
        "and that residents would be able to comment on it at public meetings. "
        "Local businesses welcomed the decision, saying the library brought people into the town centre. "
        "The council will meet again next month to discuss the plans for the new park and the bus station."
    )
    report = Repairer(context=True).analyze(text)
    assert not report.is_spun
    flagged = {text[f.start : f.end]: f.rule for f in report.flags}
    assert flagged == {"delivered": "context:delivered"}
    assert report.text == text


def test_the_share_of_words_the_model_doubts_tells_technical_prose_from_news(stage):
    """The yardstick for the other evidence: a news-trained model doubts most words of
    technical prose, and fewer than half of plain news."""
    technical = stage.read(
        "Return the canonical path of the specified filename, eliminating any symbolic links "
        "encountered in the path. Raise an exception if the descriptor is not readable."
    )
    news = stage.read(
        "The minister said the economy grew faster than expected last year, and prices fell. "
        "Shops reported more customers in the week before the holiday."
    )
    assert technical.doubted_words / technical.content > 0.7
    assert news.doubted_words / news.content < 0.5
    report = Repairer(context=True).analyze("Raise an exception if the descriptor is not readable.")
    assert 0 < report.evidence["context_doubted_words"] <= report.evidence["context_words"]


def test_one_suspicion_in_a_short_clean_text_is_no_rate_of_spin():
    """A rate over a handful of words is not a rate: one odd word in a sentence or three
    must not make the text spun (both scored above 0.98 when rates were taken over the
    words read)."""
    r = Repairer(context=True)
    sentence = "Campaigners had also delivered a petition with 12,000 signatures to the town hall."
    three = f"The council voted on Tuesday to keep the library open. {sentence} The mayor thanked them."
    for text in (sentence, three):
        report = r.analyze(text)
        assert report.evidence["context_suspected_words"] == 1
        assert not report.is_spun and report.spin_score < 0.5


def test_another_spinners_damage_is_no_reason_to_flag_the_lexicons_ambiguous_words():
    """A document the language model's evidence judges spun, with no evidence of the
    founding spinner: its "However" is neither repaired nor flagged (on the simulated
    spinners such flags were a substitution half the time or less)."""
    text = (
        "Fishermen rescued the passengers after their boat slumped off the coast. "
        "The captain enunciated that the seas were lofty and the craft had been lost. "
        "However, the coastguard reached the vessel within an hour and brought everyone ashore."
    )
    report = Repairer(context=True).analyze(text)
    assert report.is_spun and report.evidence["fingerprints"] == 0
    assert [text[f.start : f.end] for f in report.flags] == ["slumped"]
    assert report.text.startswith("Fishermen") and "However," in report.text


# Text built from the neighbour table's own words, both sides (every seventh, for variety
# without a huge sample space), with function words and sentence breaks between them.
_TABLE = neighbour_table()
_SPUN_SIDE = sorted({word for word, _ in _TABLE})[::7]
_ORIGINAL_SIDE = sorted({original for originals in _TABLE.values() for original in originals})[::7]
_GLUE = ["the", "a", "of", "to", "and", "in", "that", "was", "after", "their", "He", "It", ".", ",", "\n", "2020"]
_NEIGHBOUR_SOUP = st.lists(
    st.one_of(st.sampled_from(_SPUN_SIDE), st.sampled_from(_ORIGINAL_SIDE), st.sampled_from(_GLUE)), max_size=60
).map(" ".join)
_WITH_CONTEXT = Repairer(context=True)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_NEIGHBOUR_SOUP, st.text(max_size=200)))
@example("The captain enunciated that the seas were lofty and the craft had been lost.")
def test_with_the_context_stage_offsets_hold_and_repair_is_idempotent(text):
    """The invariants of the default pipeline hold with the stage on: every edit and flag
    points at the input, the edits reproduce the output, and a second repair changes
    nothing (the stage reads the text once, in the first round)."""
    report = _WITH_CONTEXT.analyze(text)
    for edit in report.edits:
        assert text[edit.start : edit.end] == edit.original
    for flag in report.flags:
        assert text[flag.start : flag.end] == flag.text
    assert apply_edits(text, report.edits) == report.text
    assert 0.0 <= report.spin_score <= 1.0
    assert _WITH_CONTEXT.repair(report.text) == report.text
