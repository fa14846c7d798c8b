"""Lexicon files: format, inflection expansion, and validation with file:line errors."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from textrepair import LexiconError, Repairer, repair
from textrepair.lexicon import DEFAULT_LEXICONS, default_lexicon, parse_lexicon
from textrepair.lexicon.validate import validate
from textrepair.resources import wordlist_text


def test_lemma_entries_cover_every_inflection():
    pairs = {(e.spun, e.canonical) for e in parse_lexicon("instruct => tell | pos=VERB")}
    assert {("instructs", "tells"), ("instructed", "told"), ("instructing", "telling")} <= pairs
    nouns = {(e.spun, e.canonical) for e in parse_lexicon("suppose tank => think tank | pos=NOUN")}
    assert ("suppose tanks", "think tanks") in nouns


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a => b\nc d e\n", r"x\.lex:2: expected 'spun => canonical'"),
        ("a => b => c\n", r"x\.lex:1: expected 'spun => canonical'"),
        (" => b\n", r"x\.lex:1: both sides"),
        ("a => b | class=maybe\n", r"x\.lex:1: class must be"),
        ("a => b | pos=VERBS\n", r"x\.lex:1: pos must be"),
        ("a => b | colour=red\n", r"x\.lex:1: unknown attribute 'colour'"),
        ("a => b | next\n", r"x\.lex:1: attribute 'next' is not key=value"),
        ("a => b | next=<nope>\n", r"x\.lex:1: unknown token class"),
        ("a => b | conf=2\n", r"x\.lex:1: conf must be in"),
        ("a => b | swap=maybe\n", r"x\.lex:1: swap must be"),
        ("a => b | evidence=none\n", r"x\.lex:1: evidence must be"),
    ],
)
def test_malformed_lines_name_file_and_line(text, message):
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(text, source="x.lex")


def test_duplicates_and_conflicts_are_rejected():
    with pytest.raises(LexiconError, match=r"x\.lex:3: duplicate of line 1"):
        parse_lexicon("suppose tank => think tank\n# again:\nsuppose  tank => think  tank\n", "x.lex")
    with pytest.raises(LexiconError, match=r"x\.lex:2: conflicts with line 1"):
        parse_lexicon("final => last | class=ambiguous\nfinal => latest | class=ambiguous\n", "x.lex")


def test_same_wording_in_different_contexts_is_not_a_conflict():
    entries = parse_lexicon("battle => war | class=ambiguous prev=the\nbattle => fight | class=ambiguous prev=to\n")
    assert {e.canonical for e in entries} == {"war", "fight"}


def test_a_canonical_that_is_spun_wording_elsewhere_must_be_declared_a_swap():
    chain = "assist => help | class=ambiguous\nhelp => support | class=ambiguous\n"
    with pytest.raises(LexiconError, match=r"x\.lex:1: canonical 'help' contains 'help'.*x\.lex:2.*swap=yes"):
        parse_lexicon(chain, "x.lex")
    half = "assist => help | class=ambiguous swap=yes\nhelp => support | class=ambiguous\n"
    with pytest.raises(LexiconError, match="swap=yes"):
        parse_lexicon(half, "x.lex")
    declared = "assist => help | class=ambiguous swap=yes\nhelp => support | class=ambiguous swap=yes\n"
    assert len(parse_lexicon(declared, "x.lex")) == 2


def test_the_built_in_lexicon_is_valid_and_sizeable():
    """Start-up does not validate the built-in lexicons; this test does, each file on its
    own (duplicates, conflicts, chains) and all of them together (chains across files)."""
    for name, family in DEFAULT_LEXICONS.items():
        parse_lexicon(wordlist_text(name), f"wordlists/{name}", family=family)  # raises LexiconError
    entries = default_lexicon()
    validate(list(entries))
    assert len(entries) > 150
    sources = {e.source.partition(":")[0] for e in entries}
    assert sources == {"wordlists/spinner.lex", "wordlists/names.lex", "wordlists/tortured.lex"}
    assert {e.family for e in entries if e.source.startswith("wordlists/tortured.lex")} == {"tortured"}
    assert {e.family for e in entries if not e.source.startswith("wordlists/tortured.lex")} == {"news"}


def _name_variants_script():
    path = Path(__file__).resolve().parent.parent / "scripts" / "build_name_variants.py"
    spec = importlib.util.spec_from_file_location("build_name_variants", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_name_variants_are_up_to_date():
    script = _name_variants_script()
    wordlists = Path(__file__).resolve().parent.parent / "wordlists"
    assert (wordlists / "names.lex").read_text(encoding="utf-8") == script.build(wordlists), (
        "wordlists/names.lex is stale: run python scripts/build_name_variants.py"
    )


def test_name_variants_swap_one_or_two_words_and_keep_hyphens():
    script = _name_variants_script()
    swaps = {"General": ["Normal"], "Office": ["Workplace"], "Met": ["Fulfilled"]}
    assert script.variants("Secretary-General", swaps) == ["Secretary-Normal"]
    assert sorted(script.variants("Met Office", swaps)) == ["Fulfilled Office", "Fulfilled Workplace", "Met Workplace"]


def test_spun_names_are_restored_and_two_word_variants_wait_for_a_spun_document():
    # Three words: a fingerprint, repaired even in an otherwise clean sentence.
    assert repair("The Federal Commerce Fee said on Monday it would appeal.") == (
        "The Federal Trade Commission said on Monday it would appeal."
    )
    # One swapped word may give a real name: "National Safety Council" is one.
    real = "The National Safety Council said seat belts saved lives."
    assert repair(real) == real
    # Two words could be a real name elsewhere: left alone in clean text...
    clean = "Forecasters at the Met Workplace said the rain would ease by the evening."
    assert repair(clean) == clean
    # ...and repaired where the document is spun.
    spun = (
        "The Met Workplace mentioned the storm would final till Tuesday. Overseas Minister Ann Lee "
        "instructed reporters the suppose tank was incorrect, and 90 p.c of houses had energy."
    )
    assert repair(spun).startswith("The Met Office ")


def test_a_user_file_overrides_a_built_in_entry(tmp_path):
    mine = tmp_path / "mine.lex"
    mine.write_text("suppose tank => reflection tank\n", encoding="utf-8")
    assert Repairer(lexicons=[mine]).repair("a suppose tank") == "a reflection tank"


def test_a_user_file_may_not_chain_onto_a_built_in_entry(tmp_path):
    mine = tmp_path / "mine.lex"
    mine.write_text("brain tank => suppose tank\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"mine\.lex:1: canonical 'suppose tank'"):
        Repairer(lexicons=[mine])


def test_declared_swaps_do_not_repair_a_repair(tmp_path):
    swaps = tmp_path / "swaps.lex"
    swaps.write_text(
        "p.c => percent\n1000's => thousands\n"
        "army => military | class=ambiguous next=aid swap=yes\n"
        "military => army | class=ambiguous swap=yes\n",
        encoding="utf-8",
    )
    r = Repairer(lexicons=[swaps], default_lexicon=False)
    # One round turns "army aid" into "military aid"; a second must not turn it back.
    assert r.repair("5 p.c of 1000's got army aid.") == "5 percent of thousands got military aid."


def test_a_chain_is_only_an_error_where_the_inner_entry_could_fire():
    # "assembly" needs "our" before it: inside "National Assembly" it cannot fire.
    fine = "Nationwide Meeting => National Assembly\nassembly => meeting | class=ambiguous prev=our\n"
    assert len(parse_lexicon(fine, "x.lex")) == 2
    # Without that constraint it could, and the chain is reported.
    chained = "Nationwide Meeting => National Assembly\nassembly => meeting | class=ambiguous\n"
    with pytest.raises(LexiconError, match=r"x\.lex:1: canonical 'National Assembly' contains 'assembly'"):
        parse_lexicon(chained, "x.lex")
    # At the edge of the canonical wording, the outer entry's own context decides.
    edge = (
        "in direction of => towards | not_prev=war,sanctions\ntowards => against | class=ambiguous prev=war,sanctions\n"
    )
    assert len(parse_lexicon(edge, "x.lex")) == 2
    open_edge = "in direction of => towards\ntowards => against | class=ambiguous prev=war,sanctions\n"
    with pytest.raises(LexiconError, match=r"x\.lex:1:"):
        parse_lexicon(open_edge, "x.lex")
    # Word classes count too: a neighbour the outer entry needs to be "prices" is never
    # punctuation, but it is a lowercase word.
    classes = "vitality => energy | next=prices\nenergy => power | class=ambiguous next=<punct>\n"
    assert len(parse_lexicon(classes, "x.lex")) == 2
    lower = "vitality => energy | next=prices\nenergy => power | class=ambiguous next=<lower>\n"
    with pytest.raises(LexiconError, match=r"x\.lex:1:"):
        parse_lexicon(lower, "x.lex")
