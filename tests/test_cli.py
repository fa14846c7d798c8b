"""The ``textrepair`` command line: outputs, streaming, error handling and exit codes."""

from __future__ import annotations

import codecs
import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

import pytest

import textrepair.cli as cli
import textrepair.cli.inputs as cli_inputs
from textrepair import Repairer, __version__
from textrepair.cli import main

SPUN = "The White Home said 90 p.c of the suppose tank agreed.\n"
REPAIRED = "The White House said 90 percent of the think tank agreed.\n"
# One fingerprint only: the document is not judged spun, so the ambiguous phrase is flagged, not changed.
FLAGGED = "The suppose tank said.\nThey met the international locations.\n"
REPO = Path(__file__).resolve().parent.parent

EXPLAIN_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<before>'.*'|\".*\") -> (?P<after>.+) \[")


@pytest.fixture(scope="module")
def repairer() -> Repairer:
    return Repairer()


@pytest.fixture(scope="module")
def checker() -> Repairer:
    """What ``check`` reads with by default: the context stage on."""
    return Repairer(context=True)


def write(path: Path, text: str) -> Path:
    """Write ``text`` byte for byte (no newline translation)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def run_module(*args: str, stdin: bytes = b"", timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """``python -m textrepair ARGS`` in a fresh interpreter, from the source tree."""
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = [sys.executable, "-m", "textrepair", *args]
    return subprocess.run(command, input=stdin, capture_output=True, cwd=REPO, env=env, timeout=timeout)


def start_module(*args: str, **popen: Any) -> subprocess.Popen[bytes]:
    """``python -m textrepair ARGS`` running in the background, with pipes for stdout and stderr."""
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = [sys.executable, "-m", "textrepair", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO, env=env, **popen)


def read_line(stream: IO[bytes], timeout: float = 60) -> bytes:
    """One line from a child's pipe, failing the test instead of hanging when none comes."""
    box: list[bytes] = []
    reader = threading.Thread(target=lambda: box.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    assert box, f"no output within {timeout} s"
    return box[0]


def jsonl(*records: object) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


# --- repair: plain text ----------------------------------------------------------------------------


def test_repair_to_stdout_gives_the_library_result(tmp_path, capsys, repairer):
    text = SPUN + "Second  paragraph with {a|the} spintax.\r\nLast line"
    src = write(tmp_path / "story.txt", text)

    assert main(["repair", str(src)]) == 0

    out = capsys.readouterr().out
    assert out == repairer.repair(text)
    assert "White House" in out and "percent" in out and "think tank" in out
    assert "\r\n" in out  # line endings kept


def test_repair_to_output_dir_gives_the_library_result(tmp_path, repairer):
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", SPUN)
    write(corpus / "sub" / "b.txt", "Clean text.\n" + SPUN)
    single = write(tmp_path / "single.txt", SPUN.replace("White", "Black"))
    out = tmp_path / "out"

    assert main(["repair", str(corpus), str(single), "-o", str(out), "-q"]) == 0

    assert (out / "a.txt").read_bytes().decode() == repairer.repair(SPUN)
    assert (out / "sub" / "b.txt").read_bytes().decode() == repairer.repair("Clean text.\n" + SPUN)
    assert (out / "single.txt").read_bytes().decode() == repairer.repair(single.read_text())
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    assert written == [".textrepair-manifest.json", "a.txt", "single.txt", "sub", "sub/b.txt"]


def test_directories_are_walked_sorted_without_hidden_entries(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    for name in ["b.txt", "a.txt", "sub/c.txt", ".hidden.txt", ".git/d.txt", "sub/.e.txt"]:
        write(corpus / name, f"{name}\n")

    assert main(["repair", str(corpus)]) == 0

    assert capsys.readouterr().out == "a.txt\n\f\nb.txt\n\f\nsub/c.txt\n"  # a form-feed line between documents


def test_bom_is_stripped_and_crlf_kept(tmp_path, capsys):
    src = tmp_path / "bom.txt"
    src.write_bytes(b"\xef\xbb\xbf" + SPUN.replace("\n", "\r\n").encode())

    assert main(["repair", str(src)]) == 0

    assert capsys.readouterr().out == REPAIRED.replace("\n", "\r\n")


def test_explain_points_at_the_edited_text(tmp_path, capsys, repairer):
    text = "Headline\r\n\r\nIntro line.\n  " + SPUN + "More: the suppose tank again.\n"
    src = write(tmp_path / "doc.txt", text)

    assert main(["repair", "--explain", str(src)]) == 0

    lines = capsys.readouterr().err.splitlines()
    expected = repairer.analyze(text).edits
    assert len(lines) == len(expected) >= 4
    input_lines = text.split("\n")
    for line, edit in zip(lines, expected, strict=True):
        m = EXPLAIN_LINE.match(line)
        assert m, line
        assert m["path"] == str(src)
        row, col = int(m["line"]), int(m["col"])
        offset = sum(len(s) + 1 for s in input_lines[: row - 1]) + col - 1
        assert offset == edit.start
        assert text[offset : offset + len(edit.original)] == edit.original
        assert m["before"] == repr(edit.original) and m["after"] == repr(edit.replacement)
        assert line.endswith(f"[{edit.rule}, {edit.confidence:.2f}]")


# --- repair: JSONL ---------------------------------------------------------------------------------


def test_jsonl_keeps_other_fields_and_key_order(tmp_path, capsys):
    lines = [
        '{"id": 1, "text": "The White Home said so.", "meta": {"b": 1, "a": [1, 2]}, "z": "\\u00e9"}\n',
        "\n",
        '{"z": 0, "text": "Already clean.",   "id": 2}\r\n',
        '{"text": "A suppose tank.", "id": 3}',  # no final newline
    ]
    src = write(tmp_path / "feed.jsonl", "".join(lines))

    assert main(["repair", str(src)]) == 0

    out = capsys.readouterr().out.splitlines(keepends=True)
    assert len(out) == 4
    first = json.loads(out[0])
    assert list(first) == ["id", "text", "meta", "z"]
    assert first == {"id": 1, "text": "The White House said so.", "meta": {"b": 1, "a": [1, 2]}, "z": "é"}
    assert out[1] == "\n"  # blank line preserved
    assert out[2] == lines[2]  # an untouched record stays byte for byte, CRLF included
    assert json.loads(out[3]) == {"text": "A think tank.", "id": 3}
    assert not out[3].endswith("\n")


def test_jsonl_report_field_and_other_text_field(tmp_path, capsys, repairer):
    src = write(tmp_path / "feed.ndjson", jsonl({"body": SPUN, "text": "not me"}, {"body": "clean"}))

    assert main(["repair", "--field", "body", "--report-field", "repair", str(src)]) == 0

    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    report = repairer.analyze(SPUN)
    assert list(first) == ["body", "text", "repair"]
    assert first["body"] == report.text and first["text"] == "not me"
    assert first["repair"] == {
        "spin_score": round(report.spin_score, 4),
        "is_spun": True,
        "edits": [e.to_dict() for e in report.edits],
    }
    assert second == {"body": "clean", "repair": {"spin_score": 0.0, "is_spun": False, "edits": []}}


def test_jsonl_explain_uses_record_line_and_offset(tmp_path, capsys):
    src = write(tmp_path / "feed.jsonl", jsonl({"text": "clean"}, {"text": SPUN}))

    assert main(["repair", "--explain", str(src)]) == 0

    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{src}:2:+4: 'White Home' -> 'White House' [lexicon:White Home, 0.95]"
    assert len(err) == 4  # three edits, then the summary of the batch
    assert err[3] == "textrepair: 2 documents repaired, 1 judged spun, 3 edits"


def test_jsonl_is_streamed_through_the_pipe(tmp_path, capsys, monkeypatch):
    """Lines are read one at a time, and each record is written before the next line is read."""
    n = 3000
    src = write(tmp_path / "big.jsonl", jsonl(*({"i": i, "text": SPUN} for i in range(n))))
    counts = {"read": 0, "most_read_ahead": 0}
    real_line, real_pipe = cli_inputs._jsonl_line, Repairer.pipe

    def counting_line(*args):
        counts["read"] += 1
        return real_line(*args)

    def watching_pipe(self, texts, **kwargs):
        for done, result in enumerate(real_pipe(self, texts, **kwargs)):
            counts["most_read_ahead"] = max(counts["most_read_ahead"], counts["read"] - done)
            assert sys.stdout.buffer.getvalue().count(b"\n") == done  # all earlier records are out already
            yield result

    monkeypatch.setattr(cli_inputs, "_jsonl_line", counting_line)
    monkeypatch.setattr(Repairer, "pipe", watching_pipe)

    assert main(["repair", str(src)]) == 0

    assert counts == {"read": n, "most_read_ahead": 1}
    out = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in out] == [{"i": i, "text": REPAIRED} for i in range(n)]


def test_bad_jsonl_lines_are_reported_and_passed_through(tmp_path, capsys):
    lines = [
        jsonl({"text": SPUN}),
        "{not json\n",
        "[1, 2]\n",
        '{"id": 4}\n',
        '{"text": 5}\n',
        jsonl({"text": "a suppose tank"}),
    ]
    src = write(tmp_path / "feed.jsonl", "".join(lines))

    assert main(["repair", str(src)]) == 1

    captured = capsys.readouterr()
    raw_out = captured.out.splitlines(keepends=True)
    assert json.loads(raw_out[0]) == {"text": REPAIRED}
    assert raw_out[1:5] == lines[1:5]
    assert json.loads(raw_out[5]) == {"text": "a think tank"}
    assert len(raw_out) == 6
    err = captured.err.splitlines()
    assert err[0].startswith(f"{src}:2: not valid JSON: ")
    assert err[1:4] == [
        f"{src}:3: not a JSON object (got array)",
        f"{src}:4: no field 'text'",
        f"{src}:5: field 'text' is not a string (got number)",
    ]
    # "a suppose tank" alone is too short to be judged spun, but its fingerprint is repaired.
    assert err[4] == "textrepair: 2 documents repaired, 1 judged spun, 4 edits; 4 problems (above)"
    assert len(err) == 5


def test_undecodable_jsonl_line_is_copied_byte_for_byte(tmp_path, capsys):
    src = tmp_path / "feed.jsonl"
    bad = b'{"text": "caf\xe9 suppose tank"}\r\n'
    src.write_bytes(jsonl({"text": SPUN}).encode() + bad + jsonl({"text": SPUN}).encode())
    out = tmp_path / "out"

    assert main(["repair", str(src), "-o", str(out)]) == 1

    assert capsys.readouterr().err.splitlines() == [
        f"{src}:2: not valid UTF-8: invalid continuation byte at byte 13",
        "textrepair: 2 documents repaired, 2 judged spun, 6 edits; 1 problem (above)",
    ]
    assert (out / "feed.jsonl").read_bytes() == (jsonl({"text": REPAIRED}).encode() + bad) + jsonl(
        {"text": REPAIRED}
    ).encode()


# --- inputs that fail ------------------------------------------------------------------------------


def test_bad_inputs_are_named_skipped_and_make_the_run_fail(tmp_path, capsys, repairer):
    corpus = tmp_path / "corpus"
    write(corpus / "good.txt", SPUN)
    (corpus / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)))
    (corpus / "latin1.txt").write_bytes("Caf\xe9 line\nsecond\xff\n".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"

    assert main(["repair", str(missing), str(corpus), "-o", str(out)]) == 1

    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{missing}: No such file or directory",
        f"{corpus / 'image.png'}: binary file, skipped",
        f"{corpus / 'latin1.txt'}: not valid UTF-8: invalid continuation byte at line 1 (byte offset 3)",
        "textrepair: 1 document repaired, 1 judged spun, 3 edits; 3 problems (above)",
    ]
    assert (out / "good.txt").read_text() == repairer.repair(SPUN)
    assert sorted(p.name for p in out.iterdir()) == [".textrepair-manifest.json", "good.txt"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user")
def test_unreadable_file_is_reported(tmp_path, capsys):
    locked = write(tmp_path / "locked.txt", SPUN)
    locked.chmod(0)
    good = write(tmp_path / "good.txt", SPUN)
    try:
        assert main(["repair", str(locked), str(good)]) == 1
    finally:
        locked.chmod(0o644)
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{locked}: Permission denied",
        "textrepair: 1 document repaired, 1 judged spun, 3 edits; 1 problem (above)",
    ]
    assert captured.out == REPAIRED


def test_outputs_that_clash_are_refused(tmp_path, capsys):
    first = write(tmp_path / "a" / "same.txt", SPUN)
    second = write(tmp_path / "b" / "same.txt", "other\n")
    out = tmp_path / "out"

    assert main(["repair", str(first), str(second), "-o", str(out)]) == 1

    assert "is also the output of" in capsys.readouterr().err
    assert (out / "same.txt").read_text() == REPAIRED


def test_output_dir_inside_the_input_is_not_read_back(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", SPUN)
    out = corpus / "repaired"

    assert main(["repair", str(corpus), "-o", str(out)]) == 0
    assert main(["repair", str(corpus), "-o", str(out), "--force"]) == 0

    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [".textrepair-manifest.json", "a.txt"]


# --- usage errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["repair", "--bogus"],
        ["repair", "--threshold", "1.5"],
        ["repair", "--threshold", "lots"],
        ["check", "--jobs", "0"],
        ["frobnicate"],
        [],
        ["repair", "--report-field", "text"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "textrepair: error: " in captured.err
    assert "Traceback" not in captured.err


def test_options_and_inputs_may_be_mixed(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", SPUN)
    write(tmp_path / "-b.txt", "a suppose tank\n")

    assert main(["repair", "a.txt", "--explain", "--", "-b.txt"]) == 0

    captured = capsys.readouterr()
    assert captured.out == REPAIRED + "\f\n" + "a think tank\n"
    assert captured.err.splitlines()[-2:] == [
        "-b.txt:1:3: 'suppose tank' -> 'think tank' [lexicon:suppose tank, 0.95]",
        "textrepair: 2 documents repaired, 1 judged spun, 4 edits",
    ]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_malformed_lexicon_exits_2_naming_file_and_line(tmp_path, capsys, jobs):
    lexicon = write(tmp_path / "mine.lex", "# my words\ngood sense => common sense\nthis line has no arrow\n")
    out = tmp_path / "out"
    inputs = [str(write(tmp_path / "a.txt", SPUN)), str(tmp_path / "missing.txt")]

    assert main(["repair", "--lexicon", str(lexicon), *inputs, "-o", str(out), "--jobs", jobs]) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"textrepair: error: bad lexicon: {lexicon}:3: ")
    assert captured.err.count("\n") == 1  # nothing about the inputs: none was read
    assert not out.exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_missing_lexicon_exits_2(tmp_path, capsys, jobs):
    assert main(["check", "--lexicon", str(tmp_path / "nope.lex"), "--jobs", jobs]) == 2
    message = f"cannot read lexicon {tmp_path / 'nope.lex'}: No such file or directory"
    assert capsys.readouterr().err == f"textrepair: error: {message}\n"


def test_user_lexicon_is_used(tmp_path, capsys):
    lexicon = write(tmp_path / "mine.lex", "crimson automobile => red car\n")
    src = write(tmp_path / "a.txt", "A crimson automobile and a suppose tank.\n")

    assert main(["repair", "--lexicon", str(lexicon), "--no-default-lexicon", str(src)]) == 0

    assert capsys.readouterr().out == "A red car and a suppose tank.\n"


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"textrepair {__version__}\n"


def test_help_lists_the_commands(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "repair" in out and "check" in out


# --- rerunning, atomic outputs ---------------------------------------------------------------------


def test_rerun_skips_finished_outputs_and_force_redoes_them(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    a = write(corpus / "a.txt", SPUN)
    write(corpus / "b.txt", SPUN)
    out = tmp_path / "out"
    assert main(["repair", str(corpus), "-o", str(out)]) == 0
    capsys.readouterr()
    (out / "a.txt").write_text("sentinel")  # newer than its input: a rerun must leave it alone

    assert main(["repair", str(corpus), "-o", str(out)]) == 0
    assert "skipped 2 inputs" in capsys.readouterr().err
    assert (out / "a.txt").read_text() == "sentinel"

    later = (out / "a.txt").stat().st_mtime_ns + 10**9
    os.utime(a, ns=(later, later))  # the input changed after its output was written
    assert main(["repair", str(corpus), "-o", str(out)]) == 0
    assert "skipped 1 input " in capsys.readouterr().err
    assert (out / "a.txt").read_text() == REPAIRED

    (out / "b.txt").write_text("sentinel")
    assert main(["repair", str(corpus), "-o", str(out), "--force"]) == 0
    assert "skipped" not in capsys.readouterr().err
    assert (out / "b.txt").read_text() == REPAIRED


def test_outputs_are_written_atomically(tmp_path, capsys, monkeypatch):
    """An interrupted run leaves the previous output intact and no temporary file behind."""
    src = write(tmp_path / "feed.jsonl", jsonl(*({"text": SPUN} for _ in range(10))))
    out = tmp_path / "out"
    assert main(["repair", str(src), "-o", str(out), "--report-field", "previous"]) == 0
    previous = (out / "feed.jsonl").read_text()
    real_pipe = Repairer.pipe

    def interrupted_pipe(self, texts, **kwargs):
        for i, report in enumerate(real_pipe(self, texts, **kwargs)):
            if i == 5:
                raise KeyboardInterrupt
            yield report

    monkeypatch.setattr(Repairer, "pipe", interrupted_pipe)
    assert main(["repair", str(src), "-o", str(out), "--force"]) == 130
    assert "Traceback" not in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == [".textrepair-manifest.json", "feed.jsonl"]
    assert (out / "feed.jsonl").read_text() == previous

    monkeypatch.setattr(Repairer, "pipe", real_pipe)
    assert main(["repair", str(src), "-o", str(out), "--force"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [".textrepair-manifest.json", "feed.jsonl"]
    assert (out / "feed.jsonl").read_text() == jsonl(*({"text": REPAIRED} for _ in range(10)))


def test_failed_output_is_reported_and_the_rest_is_written(tmp_path, capsys):
    write(tmp_path / "in" / "a.txt", SPUN)
    write(tmp_path / "in" / "b.txt", SPUN)
    out = tmp_path / "out"
    assert main(["repair", str(tmp_path / "in"), "-o", str(out)]) == 0
    (out / "a.txt").unlink()
    write(out / "a.txt" / "keep", "")  # os.replace cannot put a file where a directory is
    capsys.readouterr()

    assert main(["repair", str(tmp_path / "in"), "-o", str(out), "--force"]) == 1

    assert f"{out / 'a.txt'}: cannot write: " in capsys.readouterr().err
    assert (out / "b.txt").read_text() == REPAIRED
    assert sorted(p.name for p in out.iterdir()) == [".textrepair-manifest.json", "a.txt", "b.txt"]


# --- parallel --------------------------------------------------------------------------------------


def test_jobs_2_gives_the_same_output_as_jobs_1(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    for i in range(7):
        write(corpus / f"doc{i}.txt", SPUN * (i + 1) + ("clean\n" if i % 2 else FLAGGED))
    write(corpus / "feed.jsonl", jsonl(*({"i": i, "text": SPUN if i % 3 else "clean"} for i in range(40))) + "oops\n")

    results = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        code = main(["repair", str(corpus), "--jobs", jobs, "--batch-size", "3", "--explain", "-o", str(out)])
        files = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))}
        results.append((code, capsys.readouterr().err, files))
    assert results[0] == results[1]
    assert results[0][0] == 1  # the "oops" line
    assert len(results[0][2]) == 9  # 8 outputs and the manifest


@pytest.mark.parametrize(
    "command",
    [["repair"], ["repair", "--report-field", "report", "--explain"], ["check"], ["check", "--json", "--explain"]],
)
def test_jobs_2_writes_the_same_bytes_as_jobs_1(tmp_path, capsysbinary, command):
    """To stdout as well: JSONL lines parsed in worker processes come out byte for byte as
    they do from one process, bad lines, line endings and a BOM included."""
    text = write(tmp_path / "a.txt", SPUN.replace("\n", "\r\n") + FLAGGED)
    lines = [
        codecs.BOM_UTF8 + jsonl({"text": SPUN}).encode(),
        b"\n",
        jsonl({"i": 2, "text": "clean, caf\u00e9"}).encode().replace(b"\n", b"\r\n"),
        b"{not json\n",
        b'{"text": "caf\xe9 suppose tank"}\n',
        jsonl({"text": 5}).encode(),
        *(json.dumps({"i": i, "text": SPUN if i % 2 else FLAGGED}).encode() + b"\n" for i in range(7)),
        json.dumps({"text": SPUN}).encode(),  # no line ending at the end of the file
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b"".join(lines))

    results = []
    for jobs in ("1", "2"):
        code = main(
            [*command, str(text), str(feed), str(tmp_path / "missing.txt"), "--jobs", jobs, "--batch-size", "2"]
        )
        captured = capsysbinary.readouterr()
        results.append((code, captured.out, captured.err))
    assert results[0] == results[1]
    assert results[0][0] == 1
    assert results[0][1]


# --- check -----------------------------------------------------------------------------------------


def test_check_prints_one_line_per_document(tmp_path, capsys, checker):
    spun = write(tmp_path / "a.txt", SPUN)
    flagged = write(tmp_path / "b.txt", FLAGGED)
    feed = write(tmp_path / "c.jsonl", jsonl({"text": "clean"}, {"text": SPUN}))

    assert main(["check", str(spun), str(flagged), str(feed)]) == 0

    out = capsys.readouterr().out.splitlines()
    fields = [line.split("\t") for line in out]
    score = checker.analyze(SPUN).spin_score
    flagged_report = checker.analyze(FLAGGED)
    assert fields == [
        [str(spun), f"{score:.4f}", "spun", "3", "0"],
        # The fingerprint and the language model's doubts together judge it spun: then the
        # lexicon's ambiguous "international locations" is neither repaired nor flagged.
        [str(flagged), f"{flagged_report.spin_score:.4f}", "spun", "1", "0"],
        [f"{feed}:1", "0.0000", "clean", "0", "0"],
        [f"{feed}:2", f"{score:.4f}", "spun", "3", "0"],
    ]
    assert spun.read_text() == SPUN  # check never writes


def test_check_json_and_explain_with_flags(tmp_path, capsys, repairer):
    src = write(tmp_path / "b.txt", FLAGGED)

    assert main(["check", "--no-context", "--json", "--explain", str(src)]) == 0

    captured = capsys.readouterr()
    (summary,) = [json.loads(line) for line in captured.out.splitlines()]
    report = repairer.analyze(FLAGGED)
    assert summary["path"] == str(src)
    assert summary["is_spun"] is False and summary["n_edits"] == 1 and summary["n_flags"] == 1
    assert summary["flags"] == [f.to_dict() for f in report.flags]
    assert captured.err.splitlines() == [
        f"{src}:1:5: 'suppose tank' -> 'think tank' [lexicon:suppose tank, 0.95]",
        f"{src}:2:14: flagged 'international locations' -> 'countries' "
        f"[lexicon:international locations, {report.flags[0].reason}]",
    ]


#: Another spinner's damage, no list's: only the language model sees it.
OTHER_SPINNER = (
    "Fishermen rescued the passengers after their boat slumped off the coast. "
    "The captain enunciated that the seas were lofty and the craft had been lost. "
    "The coastguard reached the vessel within an hour and brought everyone ashore. "
    "Rescuers expressed the survivors were frigid but otherwise in satisfactory wellness. "
    "The harbour master aforementioned an inquiry would establish why the engine flunked.\n"
)


def test_check_reads_with_the_language_model_unless_told_not_to(tmp_path, capsys):
    src = write(tmp_path / "other.txt", OTHER_SPINNER)

    assert main(["check", str(src)]) == 0
    assert main(["check", "--no-context", str(src)]) == 0
    assert main(["repair", "--context", "-o", str(tmp_path / "out"), "-q", str(src)]) == 0

    with_model, without = (line.split("\t") for line in capsys.readouterr().out.splitlines())
    assert with_model[2] == "spun" and float(with_model[1]) > 0.5
    assert without[2] == "clean" and float(without[1]) < 0.5
    # check counts the one edit repair --context makes ("enunciated" -> "said"), and flags
    assert with_model[3] == "1" and int(with_model[4]) > 0
    assert "The captain said that the seas" in (tmp_path / "out" / "other.txt").read_text()


def test_repair_leaves_the_language_model_off_unless_asked(tmp_path, capsys):
    feed = write(tmp_path / "o.jsonl", jsonl({"text": OTHER_SPINNER}))

    assert main(["repair", "-q", "--format", "jsonl", "--report-field", "r", str(feed)]) == 0
    assert main(["repair", "-q", "--context", "--format", "jsonl", "--report-field", "r", str(feed)]) == 0

    without, with_model = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert without == {"text": OTHER_SPINNER, "r": {"spin_score": 0.0, "is_spun": False, "edits": []}}
    assert with_model["r"]["is_spun"] is True
    assert [e["original"] for e in with_model["r"]["edits"]] == ["enunciated"]


# --- the real program ------------------------------------------------------------------------------


def test_module_repairs_stdin_to_stdout():
    result = run_module("repair", stdin=SPUN.replace("\n", "\r\n").encode())
    assert result.returncode == 0
    assert result.stdout == REPAIRED.replace("\n", "\r\n").encode()
    assert result.stderr == b""


def test_module_reads_jsonl_from_stdin_and_reports_failures():
    result = run_module("repair", "--format", "jsonl", "-", "/no/such/file.txt", stdin=jsonl({"text": SPUN}).encode())
    assert result.returncode == 1
    assert json.loads(result.stdout) == {"text": REPAIRED}
    assert result.stderr.decode().splitlines() == [
        "/no/such/file.txt: No such file or directory",
        "textrepair: 1 document repaired, 1 judged spun, 3 edits; 1 problem (above)",
    ]


def test_module_usage_error_exit_code():
    result = run_module("repair", "--threshold", "-1")
    assert result.returncode == 2
    assert b"textrepair: error: argument --threshold" in result.stderr
    assert b"Traceback" not in result.stderr


def test_module_broken_pipe_exits_quietly(tmp_path):
    src = write(tmp_path / "big.jsonl", jsonl(*({"text": SPUN} for _ in range(20000))))
    proc = start_module("repair", str(src))
    assert proc.stdout is not None and proc.stderr is not None
    try:
        assert json.loads(read_line(proc.stdout)) == {"text": REPAIRED}
        proc.stdout.close()  # like `| head -1`
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == cli.EXIT_BROKEN_PIPE
    assert err == b""


@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_module_ctrl_c_exits_130_without_traceback(jobs):
    """Ctrl-C in a terminal goes to the whole process group, worker processes included."""
    proc = start_module(
        *("repair", "--format", "jsonl", "--jobs", jobs, "--batch-size", "1"),
        stdin=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        # enough records for the parallel pipe to start returning results (two batches per worker in flight)
        proc.stdin.write(jsonl(*({"text": SPUN} for _ in range(4))).encode())
        proc.stdin.flush()
        assert json.loads(read_line(proc.stdout)) == {"text": REPAIRED}  # running, and waiting for more input
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130
    assert err == b"textrepair: interrupted\n"


def test_summary_for_batches_only_and_never_with_quiet(tmp_path, capsys):
    one = write(tmp_path / "one.txt", SPUN)
    assert main(["repair", str(one)]) == 0  # a single document to stdout: a filter, no summary
    assert capsys.readouterr().err == ""

    assert main(["check", str(one), str(one)]) == 0
    assert capsys.readouterr().err == "textrepair: 2 documents checked, 2 judged spun\n"

    assert main(["repair", "-q", str(one), str(one)]) == 0
    assert capsys.readouterr().err == ""

    out = tmp_path / "out"
    assert main(["repair", str(one), "-o", str(out)]) == 0
    assert capsys.readouterr().err == "textrepair: 1 document repaired, 1 judged spun, 3 edits\n"
    assert main(["repair", str(one), "-o", str(out)]) == 0  # up to date: skipped, nothing done
    assert capsys.readouterr().err.splitlines() == [
        "textrepair: skipped 1 input whose output is up to date (--force to redo)",
        "textrepair: 0 documents repaired, 0 judged spun, 0 edits",
    ]
