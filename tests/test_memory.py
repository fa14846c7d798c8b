"""What keeps a large document's memory down: one copy of each repeated value in a long
text's report, one shared empty context in the lexicon, lemminflect's table let go once
the lexicon is built. The peak itself is measured by ``benchmarks/robustness.py``."""

from __future__ import annotations

from collections import defaultdict

from textrepair import analyze
from textrepair.lexicon import build_lexicon, parse_lexicon


def test_a_long_texts_edits_and_flags_share_one_copy_of_each_wording(monkeypatch, seed_spun):
    from textrepair import pipeline

    text = "\n".join([seed_spun] * 6)
    monkeypatch.setattr(pipeline, "BLOCK_CHARS", 2_000)
    monkeypatch.setattr(pipeline, "BLOCK_LINES", 8)
    report = analyze(text)
    copies = defaultdict(set)
    for edit in report.edits:
        for value in (edit.original, edit.replacement, edit.rule):
            copies[value].add(id(value))
    assert all(len(ids) == 1 for ids in copies.values())  # one object per wording, however many blocks repeat it
    assert sum(1 for e in report.edits if e.original == report.edits[0].original) >= 6
    texts = defaultdict(set)
    for flag in report.flags:
        texts[flag.text].add(id(flag.text))
    assert all(len(ids) == 1 for ids in texts.values())


def test_entries_without_context_share_one_context():
    entries = parse_lexicon(
        "suppose tank => think tank\nOverseas Minister => Foreign Minister\nmention => say | prev=they next=that\n"
    )
    plain, other, constrained = entries
    assert plain.context is other.context
    assert not plain.context
    assert constrained.context.prev == frozenset({"they"}) and constrained.context.next == frozenset({"that"})
    assert constrained.context is not plain.context


def test_lemminflects_table_is_let_go_once_the_lexicon_is_built_and_read_again_when_asked(tmp_path):
    import lemminflect
    from lemminflect import Inflections

    from textrepair.lexicon.parse import release_inflections

    release_inflections()  # as in a fresh process: nothing holds the table yet
    lexicon = tmp_path / "verbs.lex"
    lexicon.write_text("instruct => tell | pos=VERB\n", encoding="utf-8")
    entries = {e.spun: e.canonical for e in build_lexicon([lexicon], include_default=False)}
    assert entries["instructed"] == "told" and entries["instructs"] == "tells"
    assert "infl_dict" not in vars(Inflections())
    assert lemminflect.getAllInflections("walk", upos="VERB")["VBD"] == ("walked",)


def test_a_table_loaded_before_the_lexicon_is_built_stays(tmp_path):
    import lemminflect
    from lemminflect import Inflections

    lemminflect.getAllInflections("walk", upos="VERB")  # a stage that inflects as it repairs loaded it
    lexicon = tmp_path / "verbs.lex"
    lexicon.write_text("instruct => tell | pos=VERB\n", encoding="utf-8")
    build_lexicon([lexicon], include_default=False)
    assert "infl_dict" in vars(Inflections())


def test_the_text_buffer_gives_back_exactly_what_was_written_whether_its_map_grows_or_is_replaced(monkeypatch):
    import mmap

    from textrepair.text import buffer

    pieces = ["plain ", "a\ud800", "\udc00b", "é" * 3000, "€😀" * 2000, "\ud83d", "\ude00", "\n"] * 20
    grown = buffer.Utf8Buffer(16)
    for piece in pieces:
        grown.append(piece)
    assert grown.text() == "".join(pieces)

    class NoResize(mmap.mmap):
        def resize(self, newsize: int) -> None:
            raise SystemError("mmap: resizing not available--no mremap()")

    monkeypatch.setattr(buffer, "anonymous_map", lambda size: NoResize(-1, max(size, mmap.PAGESIZE)))
    copied = buffer.Utf8Buffer(16)
    for piece in pieces:
        copied.append(piece)
    assert copied.text() == "".join(pieces)


def test_a_long_text_with_lone_surrogates_comes_back_with_them_in_place(monkeypatch):
    from textrepair import Repairer, pipeline

    monkeypatch.setattr(pipeline, "BLOCK_CHARS", 100)
    monkeypatch.setattr(pipeline, "BLOCK_LINES", 2)
    text = "".join(f"line {i} keeps \ud800 and \udfff here\n" for i in range(20))
    report = Repairer(unicode=False).analyze(text)
    assert report.text == text
