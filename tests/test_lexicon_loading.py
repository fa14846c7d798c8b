"""Loading lexicon files: what a user's file can hold, and errors that name file and line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from textrepair import LexiconError, Repairer
from textrepair.lexicon import load_lexicon, parse_lexicon
from textrepair.lexicon.parse import MAX_WORDING


def test_an_overlong_wording_is_an_error_at_its_line(tmp_path):
    """An entry hundreds of thousands of characters long crashed the matcher."""
    lex = tmp_path / "long.lex"
    lex.write_text("a => b\n" + "x" * 600_000 + " => y\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"long\.lex:2: the spun wording is 600,000 characters long; at most 1,000"):
        load_lexicon(lex)
    with pytest.raises(LexiconError, match=r"x\.lex:1: the canonical wording is 1,001 characters"):
        parse_lexicon("y => a / " + "z" * (MAX_WORDING + 1), source="x.lex")
    limit = "w" * MAX_WORDING
    assert [e.spun for e in parse_lexicon(f"{limit} => {limit[:-1]}")] == [limit]


def test_the_cli_reports_an_overlong_entry_as_a_usage_error(tmp_path):
    lex = tmp_path / "long.lex"
    lex.write_text("x" * 600_000 + " => y\n", encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text("The suppose tank met.\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "textrepair", "repair", "--lexicon", str(lex), str(doc)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert "long.lex:1: the spun wording is 600,000 characters long" in run.stderr


def test_a_byte_order_mark_does_not_hide_the_first_entry(tmp_path):
    lex = tmp_path / "bom.lex"
    lex.write_bytes("\ufeffbrain tank => reflection tank\n".encode())
    assert [e.spun for e in load_lexicon(lex)] == ["brain tank"]
    assert Repairer(lexicons=[lex], default_lexicon=False).repair("A brain tank met.") == "A reflection tank met."


def test_bytes_that_are_not_utf8_are_reported_at_their_line(tmp_path):
    lex = tmp_path / "latin1.lex"
    lex.write_bytes(b"# comment\na => b\nna\xefve => naive\n")
    with pytest.raises(LexiconError, match=r"latin1\.lex:3: not UTF-8 text .* 3 of the line") as caught:
        load_lexicon(lex)
    assert caught.value.line == 3


def test_a_clash_with_a_built_in_entry_is_reported_at_the_users_line(tmp_path):
    """A user's spun wording inside a built-in entry's canonical wording was blamed on the
    built-in line; the user's file is what to change."""
    mine = tmp_path / "mine.lex"
    mine.write_text("# my entries\nForeign => Overseas\n", encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        Repairer(lexicons=[mine])
    assert caught.value.source == str(mine) and caught.value.line == 2
    assert "wordlists/spinner.lex:" in str(caught.value)  # and it names the built-in line
    assert "'Foreign Minister'" in str(caught.value)
