"""The public API: repair, analyze, Repairer and its pipe, on the seed texts and on small cases."""

from __future__ import annotations

import pytest

from textrepair import LexiconError, Repairer, analyze, repair
from textrepair.lexicon import parse_lexicon
from textrepair.text.edits import apply_edits

SPUN_SNIPPET = "The White Home said 90 p.c of the suppose tank agreed.\n"


def test_seed_article_is_visibly_repaired(seed_spun):
    text = repair(seed_spun)
    for phrase in ("Foreign Minister", "think tank", "White House", "90 percent", "350 billion dollars", "Middle East"):
        assert phrase in text
    for damage in ("Overseas Minister", "suppose tank", "White Home", "p.c", "{dollars}", "Center East"):
        assert damage not in text


def test_seed_article_moves_towards_the_reference(seed_spun, seed_gold):
    from rapidfuzz.distance import Levenshtein

    from textrepair.text.tokens import tokenize

    def words(text: str) -> list[str]:
        return [t.text for t in tokenize(text.replace("’", "'"))]

    before = Levenshtein.distance(words(seed_spun), words(seed_gold))
    after = Levenshtein.distance(words(repair(seed_spun)), words(seed_gold))
    assert after < before / 2


def test_reworded_control_article_is_left_alone(seed_clean):
    report = analyze(seed_clean)
    assert report.text == seed_clean
    assert report.edits == ()
    assert not report.is_spun


def test_clean_controls_are_left_alone(clean_controls):
    for text in clean_controls:
        assert repair(text) == text


def test_seed_is_judged_spun_and_control_is_not(seed_spun, seed_clean):
    spun, clean = analyze(seed_spun), analyze(seed_clean)
    assert spun.is_spun and spun.spin_score > 0.9
    assert clean.spin_score < 0.2


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["a list"]])
def test_non_str_input_raises_type_error_that_says_what_to_pass(bad):
    with pytest.raises(TypeError, match="str"):
        repair(bad)
    with pytest.raises(TypeError, match="str"):
        analyze(bad)


def test_bytes_error_suggests_decoding():
    with pytest.raises(TypeError, match="decode"):
        repair(b"White Home")


def test_empty_text():
    report = analyze("")
    assert report.text == "" and report.edits == () and report.spin_score == 0.0


def test_edits_explain_each_change_with_offsets_into_the_input():
    report = analyze(SPUN_SNIPPET)
    assert report.text == "The White House said 90 percent of the think tank agreed.\n"
    assert [(e.original, e.replacement, e.kind) for e in report.edits] == [
        ("White Home", "White House", "lexicon"),
        ("p.c", "percent", "lexicon"),
        ("suppose tank", "think tank", "lexicon"),
    ]
    for edit in report.edits:
        assert SPUN_SNIPPET[edit.start : edit.end] == edit.original
        assert 0 < edit.confidence <= 1
        assert edit.rule.startswith("lexicon:")


def test_mojibake_and_spintax_edits_compose_with_lexicon_edits():
    text = "Zelenskyâ€™s {hardware} near the White Home"
    report = analyze(text)
    assert report.text == "Zelensky’s hardware near the White House"
    assert apply_edits(text, report.edits) == report.text
    kinds = [e.kind for e in report.edits]
    assert kinds == ["unicode", "spintax", "lexicon"]


def test_casing_follows_the_source():
    assert repair("SUPPOSE TANK") == "THINK TANK"
    assert repair("Suppose tank experts") == "Think tank experts"
    assert repair("the WHITE HOME") == "the WHITE HOUSE"


def test_replacements_of_digits_start_sentences_with_a_capital():
    assert (
        repair("The White Home agreed. 1000’s of people came.") == "The White House agreed. Thousands of people came."
    )
    assert repair("The White Home saw 1000’s of people.") == "The White House saw thousands of people."


def test_capitalised_entries_do_not_fire_on_lowercase_text():
    assert repair("They painted the white home on the hill.") == "They painted the white home on the hill."


def test_typography_is_kept_by_default_and_normalised_on_request():
    text = "“Quote” – dash…"
    assert repair(text) == text
    assert Repairer(typography=True).repair(text) == '"Quote" - dash...'


def test_normalisation_steps_can_be_switched_off():
    text = "350 billion {dollars}"
    assert Repairer(spintax=False).repair(text) == text
    assert Repairer(unicode=False).repair("Zelenskyâ€™s") == "Zelenskyâ€™s"


def test_article_is_fixed_next_to_a_replacement(tmp_path):
    lexicon = tmp_path / "extra.lex"
    lexicon.write_text("rise => increase\nelevate => lift\n", encoding="utf-8")
    r = Repairer(lexicons=[lexicon], default_lexicon=False)
    report = r.analyze("They saw a rise. An elevate followed.")
    assert report.text == "They saw an increase. A lift followed."
    assert [e.kind for e in report.edits] == ["article", "lexicon", "article", "lexicon"]


def test_ambiguous_entries_need_a_spun_document(tmp_path):
    lexicon = tmp_path / "extra.lex"
    lexicon.write_text("suppose tank => think tank\np.c => percent\nmentioned => said | class=ambiguous\n")
    r = Repairer(lexicons=[lexicon], default_lexicon=False)
    assert r.repair("Officials mentioned the plan.") == "Officials mentioned the plan."
    spun = "A suppose tank mentioned that 5 p.c agreed."
    report = r.analyze(spun)
    assert report.is_spun
    assert report.text == "A think tank said that 5 percent agreed."
    flagged = r.analyze("A suppose tank mentioned it.")  # one fingerprint: not enough evidence
    assert flagged.text == "A think tank mentioned it."
    assert [(f.text, f.suggestion) for f in flagged.flags] == [("mentioned", "said")]


def test_context_constraints_choose_where_an_ambiguous_entry_fires(tmp_path):
    lexicon = tmp_path / "extra.lex"
    lexicon.write_text("p.c => percent\nfinal => last | class=ambiguous next=week,year\n")
    r = Repairer(lexicons=[lexicon], default_lexicon=False)
    text = "Up 5 p.c, 6 p.c, 7 p.c: the final week, not the final match."
    assert r.repair(text) == "Up 5 percent, 6 percent, 7 percent: the last week, not the final match."


def test_user_lexicon_errors_name_file_and_line(tmp_path):
    lexicon = tmp_path / "bad.lex"
    lexicon.write_text("# fine\ngood => fine\nno arrow here\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.lex:3: expected 'spun => canonical'"):
        Repairer(lexicons=[lexicon])
    lexicon.write_text("a => b | class=sometimes\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.lex:1: class must be"):
        Repairer(lexicons=[lexicon])
    with pytest.raises(FileNotFoundError):
        Repairer(lexicons=[tmp_path / "missing.lex"])


def test_invalid_settings_are_rejected():
    with pytest.raises(ValueError, match="threshold"):
        Repairer(threshold=1.5)
    with pytest.raises(ValueError, match="n_process"):
        list(Repairer().pipe(["x"], n_process=0))


def test_pipe_yields_what_analyze_gives(seed_spun, seed_clean):
    r = Repairer()
    texts = [seed_spun, seed_clean, SPUN_SNIPPET, "", "Zelenskyâ€™s {dollars}"] * 3
    expected = [r.analyze(t) for t in texts]
    assert list(r.pipe(texts, batch_size=2)) == expected
    assert list(r.pipe(iter(texts), n_process=2, batch_size=2)) == expected


def test_pipe_is_lazy():
    r = Repairer()

    def endless():
        while True:
            yield SPUN_SNIPPET

    stream = r.pipe(endless())
    assert next(stream).text.startswith("The White House")


def test_report_serialises_to_plain_data():
    data = analyze(SPUN_SNIPPET).to_dict()
    assert data["text"].startswith("The White House")
    assert data["edits"][0] == {
        "start": 4,
        "end": 14,
        "original": "White Home",
        "replacement": "White House",
        "kind": "lexicon",
        "rule": "lexicon:White Home",
        "confidence": 0.95,
    }


def test_workers_start_by_fork_when_the_main_module_cannot_be_reimported(monkeypatch):
    import sys
    import types

    from textrepair.workers import start_method

    assert start_method() == "spawn"
    fake_main = types.ModuleType("__main__")
    fake_main.__file__ = "<stdin>"  # a script piped to `python -`
    monkeypatch.setitem(sys.modules, "__main__", fake_main)
    assert start_method() == "fork"


def test_ambiguous_words_in_telling_contexts_are_evidence_of_spin():
    # No fingerprint at all, but six ambiguous words each in a context that betrays it.
    spun = (
        "Army aid arrived final week, Russian officers confirmed. Ministers signed an settlement "
        "in line with the report, and talks resume subsequent month."
    )
    report = analyze(spun)
    assert report.evidence["fingerprints"] == 0 and report.evidence["ambiguous_in_context"] >= 5
    assert report.is_spun
    assert report.text == (
        "Military aid arrived last week, Russian officials confirmed. Ministers signed an agreement "
        "according to the report, and talks resume next month."
    )
    # The same words in ordinary contexts are no evidence, and are left alone.
    clean = "The final match was close. She mentioned the report. However, the army advanced on the town."
    assert not analyze(clean).is_spun
    assert repair(clean) == clean


def test_confidence_of_ambiguous_repairs_grows_with_how_rare_the_spun_word_is(tmp_path):
    # Two ambiguous entries in the same spun document and the same kind of context: the
    # one whose spun word is far rarer than its canonical one ("doubtless" vs "likely")
    # gets the higher confidence than one whose words are about as common.
    lexicon = tmp_path / "extra.lex"
    lexicon.write_text(
        "p.c => percent\nsuppose tank => think tank\n"
        "doubtless => likely | class=ambiguous\narmy => military | class=ambiguous\n",
        encoding="utf-8",
    )
    report = Repairer(lexicons=[lexicon], default_lexicon=False).analyze(
        "The suppose tank saw 5 p.c doubtless army gains."
    )
    confidence = {e.original: e.confidence for e in report.edits}
    assert confidence["doubtless"] > confidence["army"]


SPUN_CONTEXT = "The suppose tank said 5 p.c of staff and the Overseas Minister agreed. "


def test_alternatives_are_chosen_by_frequency_and_confidence_carries_the_share(tmp_path):
    lexicon = tmp_path / "extra.lex"
    lexicon.write_text(
        "p.c => percent\nsuppose tank => think tank\nOverseas Minister => Foreign Minister\n"
        "garments => clothing / clothes | class=ambiguous\n"
        "despatched => dispatched / sent | class=ambiguous\n",
        encoding="utf-8",
    )
    report = Repairer(lexicons=[lexicon], default_lexicon=False).analyze(SPUN_CONTEXT + "They despatched garments.")
    edits = {e.original: e for e in report.edits}
    # The more frequent original wins, whatever order the line lists them in.
    assert edits["despatched"].replacement == "sent"
    assert edits["garments"].replacement == "clothes"
    # "sent" is far more common than "dispatched"; "clothes" barely beats "clothing".
    assert edits["despatched"].confidence > edits["garments"].confidence
    assert edits["garments"].confidence < 0.6


def test_alternatives_expand_over_inflections_and_are_validated(tmp_path):
    entries = parse_lexicon("despatch => send / dispatch | class=ambiguous pos=VERB", "x.lex")
    assert {("despatched", "sent"), ("despatched", "dispatched")} <= {(e.spun, e.canonical) for e in entries}
    assert {e.alternatives for e in entries if e.spun == "despatched"} == {("sent", "dispatched")}
    with pytest.raises(LexiconError, match=r"x\.lex:1: an alternative is listed twice"):
        parse_lexicon("a => b / b", "x.lex")
    with pytest.raises(LexiconError, match=r"x\.lex:1: an alternative between ' / ' is empty"):
        parse_lexicon("a => b /  / c", "x.lex")


def test_a_lone_word_with_no_context_needs_a_more_common_original(tmp_path):
    lexicon = tmp_path / "extra.lex"
    # "evening" is rarer than "night": with no context to support it, the entry is only
    # flagged, while "folks" -> "people" (people: far more common) fires.
    lexicon.write_text(
        "p.c => percent\nsuppose tank => think tank\nOverseas Minister => Foreign Minister\n"
        "night => evening | class=ambiguous\nfolks => people | class=ambiguous\n",
        encoding="utf-8",
    )
    report = Repairer(lexicons=[lexicon], default_lexicon=False).analyze(SPUN_CONTEXT + "The folks left at night.")
    assert report.text.endswith("The people left at night.")
    [flag] = [f for f in report.flags if f.text == "night"]
    assert "not more common" in flag.reason
    # A context is evidence of its own: the same entry with one fires.
    lexicon.write_text(
        "p.c => percent\nsuppose tank => think tank\nOverseas Minister => Foreign Minister\n"
        "night => evening | class=ambiguous prev=at\n",
        encoding="utf-8",
    )
    assert (
        Repairer(lexicons=[lexicon], default_lexicon=False)
        .repair(SPUN_CONTEXT + "They left at night.")
        .endswith("They left at evening.")
    )


# A spun opening made of fingerprints, so that the document is judged spun and the
# built-in ambiguous entries may fire in what follows.
_SPUN_OPENING = (
    "A suppose tank mentioned that 90 p.c of Pentagon assist had been delivered, "
    "the Overseas Minister instructed reporters on the White Home lawn. "
)


def test_built_in_entries_repair_spun_connectives_and_time_phrases():
    report = analyze(
        _SPUN_OPENING + "The capsule is because of land in March, the information broke as the probe despatched "
        "again the primary images. Nonetheless, lots of of residents want the cuts by the tip of subsequent year."
    )
    assert report.is_spun
    assert report.text.endswith(
        "The capsule is due to land in March, the news broke as the probe sent back the first images. "
        "However, hundreds of residents want the cuts by the end of next year."
    )


def test_built_in_entries_leave_the_same_words_alone_in_their_own_sense():
    tail = (
        "The delay was because of heavy snow, the tip of the iceberg. The primary school won again the next "
        "year, with aid provided to help families. Loans carry rates of 5 percent, and traffic congestion "
        "costs the economy billions. Cover depends on the height of the wall, the corporate world says."
    )
    report = analyze(_SPUN_OPENING + tail)
    assert report.is_spun  # the entries could fire here, and their contexts keep them from it
    assert report.text.endswith(tail)
    assert all(e.start < len(_SPUN_OPENING) for e in report.edits)


def test_house_style_digits_are_repaired_in_spun_text_but_never_make_text_spun():
    # Digits before a word are news-style damage ("2 players" for "two players"), but
    # tables, listings and other outlets write them too: they must not tip a clean text.
    sizes = zip("ABCDEFGH", range(2, 10), strict=True)
    teams = " ".join(f"Team {c} has {n} players and {n} coaches." for c, n in sizes)
    report = analyze(teams)
    assert not report.is_spun
    assert report.text == teams

    spun = "The White Home said 90 p.c of the suppose tank agreed. " + teams
    repaired = repair(spun)
    assert "Team A has two players and two coaches." in repaired
    assert "Team H has nine players" in repaired


def test_braces_that_read_as_code_are_not_taken_for_spintax():
    code = "Call '{0}-{1}'.format(a, b), pass \"{message}\", write {uri}local or UUID('{12345678-1234}')."
    assert repair(code) == code
    spun = "They pledged 350 billion {dollars} for {big|large} projects."
    assert repair(spun) == "They pledged 350 billion dollars for big projects."


def test_text_that_uses_braces_as_markup_keeps_them_and_is_not_judged_spun():
    # API documentation: type annotations in braces, many of them, mostly single.
    kinds = {
        "path": "string|Buffer",
        "mode": "integer",
        "flag": "string",
        "fd": "integer",
        "signal": "AbortSignal",
        "options": "Object",
        "callback": "Function",
        "err": "Error",
    }
    line = "* `{}` {{{}}} The {} to use. Within the callback it occurs once."
    api = "\n".join(line.format(name, kind, name) for name, kind in kinds.items())
    report = analyze(api)
    assert report.text == api
    assert not report.is_spun


def test_with_out_is_without_except_before_of():
    assert repair("He left with out a word.") == "He left without a word."
    bounds = "The fix made it fail with out of bounds offsets."
    assert repair(bounds) == bounds


def test_one_spun_sentence_does_not_turn_a_clean_article_into_a_rewrite(clean_controls):
    """A fingerprint in one spot is repaired, but it is not evidence spread through the
    text: the article is not judged spun, and nothing outside that sentence changes."""
    opening = "The suppose tank met.\n"
    for clean in clean_controls:
        report = analyze(opening + clean)
        assert not report.is_spun
        assert report.text == "The think tank met.\n" + clean
        assert all(edit.end <= len(opening) for edit in report.edits)


def test_spun_evidence_spread_through_a_text_still_judges_it_spun(seed_spun):
    """The same check does not spare a text whose fingerprints are everywhere."""
    report = analyze(seed_spun)
    assert report.is_spun
    assert any(edit.original == "mentioned" for edit in report.edits)  # ambiguous entries fire


@pytest.mark.parametrize(
    "spun",
    [
        "Overseas Secretary-Common",  # two overlapping entries: the second uses a word the first kept
        "White Dwelling Workplace",  # "White Home" would cut into the repaired "Home Office"
        "NATIONWIDE SCIENCE BASIS Factors",  # "foundation factors" would cut into the repaired name
        "The Overseas Secretary-Common met the White Dwelling Workplace staff.",
    ],
)
def test_repairs_where_entries_overlap_are_a_fixed_point(spun):
    once = repair(spun)
    assert once != spun
    assert repair(once) == once
