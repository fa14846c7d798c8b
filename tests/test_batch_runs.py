"""Batch runs that nothing breaks: a failing document, a dead worker, a signal, a rerun.

Each test here holds the command line to account for every input: what failed is
named, the rest is done, outputs are exact, and every way of stopping ends cleanly.
"""

from __future__ import annotations

import json
import os
import resource
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import textrepair.workers as workers
from textrepair import Repairer
from textrepair.cli import main
from textrepair.cli.render import report_summary
from textrepair.cli.run import Run
from textrepair.failure import WORKER_DIED

SPUN = "The White Home said 90 p.c of the suppose tank agreed.\n"
REPAIRED = "The White House said 90 percent of the think tank agreed.\n"
REPO = Path(__file__).resolve().parent.parent
LONG_INTEGER = "9" * 5000  # more digits than int() converts by default (4,300)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and /proc")


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def start_module(*args: str, **popen: Any) -> subprocess.Popen[bytes]:
    """``python -m textrepair ARGS`` in its own session, with pipes for stdout and stderr."""
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = [sys.executable, "-m", "textrepair", *args]
    return subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
        env=env,
        start_new_session=True,
        **popen,
    )


def wait_for(condition: Any, what: str, limit: float = 60) -> None:
    """Poll ``condition()`` until it holds; fail (not hang) after ``limit`` seconds."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"never saw {what}"
        time.sleep(0.01)


def children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as stream:
        return [int(word) for word in stream.read().split()]


def started_workers(pid: int) -> list[int]:
    """The worker processes of ``pid`` that are past their launch (running Python's spawn code)."""
    found = []
    for child in children(pid):
        try:
            with open(f"/proc/{child}/cmdline", "rb") as stream:
                if b"spawn_main" in stream.read():
                    found.append(child)
        except OSError:
            pass
    return found


def finish(proc: subprocess.Popen[bytes], timeout: float = 60) -> tuple[bytes, bytes]:
    """The child's stdout and stderr once it and every process holding its pipes (workers,
    the resource tracker) have gone; the whole session is killed if they do not go."""
    try:
        return proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("the command (or a process it started) was still running: its pipes stayed open")


@pytest.fixture
def forked_workers(monkeypatch):
    """Worker processes forked from this one, so that they share what a test patched in."""
    monkeypatch.setattr(workers, "start_method", lambda: "fork")


def _analyze_or_fail(self: Repairer, text: str) -> Any:
    """Repairer.analyze, except that it raises on "boom", runs out of memory on "huge"
    and is killed (as by the out-of-memory killer) on "die"."""
    if "boom" in text:
        raise ValueError("boom")
    if "huge" in text:
        raise MemoryError
    if "die" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    return _REAL_ANALYZE(self, text)


_REAL_ANALYZE = Repairer.analyze


# --- 1. one failing record or document ----------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failing_record_or_document_is_reported_and_the_rest_goes_on(
    tmp_path, capsys, monkeypatch, forked_workers, jobs
):
    monkeypatch.setattr(Repairer, "analyze", _analyze_or_fail)
    records = [{"i": 0, "text": SPUN}, {"i": 1, "text": "boom " + SPUN}, {"i": 2, "text": SPUN}]
    lines = [json.dumps(r) + "\n" for r in records]
    lines.insert(2, '{"n": ' + LONG_INTEGER + ', "text": "a suppose tank"}\n')
    corpus = tmp_path / "corpus"
    write(corpus / "a.jsonl", "".join(lines))
    write(corpus / "b.txt", "huge " + SPUN)
    write(corpus / "c.txt", SPUN)
    out = tmp_path / "out"

    code = main(["repair", str(corpus), "-o", str(out), "--jobs", jobs, "--batch-size", "1"])

    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert err == [
        f"{corpus / 'a.jsonl'}:2: could not repair: ValueError: boom",
        f"{corpus / 'b.txt'}: could not repair: MemoryError: (no message)",
        "textrepair: 4 documents repaired, 3 judged spun, 10 edits; 2 problems (above)",
    ]
    assert (out / "a.jsonl").read_text().splitlines(keepends=True) == [
        json.dumps({"i": 0, "text": REPAIRED}) + "\n",
        lines[1],  # copied through as it was
        '{"n": ' + LONG_INTEGER + ', "text": "a think tank"}\n',  # repaired, the long number kept
        json.dumps({"i": 2, "text": REPAIRED}) + "\n",
    ]
    assert not (out / "b.txt").exists()
    assert (out / "c.txt").read_text() == REPAIRED


def test_pipe_reports_failures_from_worker_processes_in_order(forked_workers):
    texts = [SPUN, 42, SPUN]  # 42 is not a text: analyze() raises TypeError in the worker
    results = list(Repairer().pipe(texts, n_process=2, batch_size=1, on_error="report"))
    assert [type(r).__name__ for r in results] == ["Report", "Failure", "Report"]
    assert results[1].error == "TypeError"
    assert results[2].text == REPAIRED
    with pytest.raises(ValueError, match="on_error"):
        list(Repairer().pipe([SPUN], on_error="ignore"))  # type: ignore[call-overload]


# --- 4. dead workers, interrupts, termination ---------------------------------------------------------


def test_a_killed_worker_is_replaced_and_its_documents_reported(tmp_path, capsys, monkeypatch, forked_workers):
    monkeypatch.setattr(Repairer, "analyze", _analyze_or_fail)
    texts = [SPUN, SPUN, "die " + SPUN, SPUN, SPUN, SPUN]
    results = list(Repairer().pipe(texts, n_process=2, batch_size=1, on_error="report"))
    assert results[2] == WORKER_DIED  # killed, and again when retried alone
    assert [r.text for i, r in enumerate(results) if i != 2] == [REPAIRED] * 5

    src = write(tmp_path / "feed.jsonl", "".join(json.dumps({"text": t}) + "\n" for t in texts))
    assert main(["repair", str(src), "--jobs", "2", "--batch-size", "2"]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{src}:3: could not repair: {WORKER_DIED}",
        f"{src}:4: could not repair: {WORKER_DIED}",  # in the same batch
        "textrepair: 4 documents repaired, 4 judged spun, 12 edits; 2 problems (above)",
    ]
    assert captured.out.splitlines()[2:4] == src.read_text().splitlines()[2:4]


@posix_only
def test_a_worker_killed_from_outside_does_not_end_the_run(tmp_path):
    """As the out-of-memory killer would: SIGKILL to one worker while the run goes on."""
    src = write(tmp_path / "feed.jsonl", "".join(json.dumps({"i": i, "text": SPUN}) + "\n" for i in range(400)))
    proc = start_module("repair", str(src), "--jobs", "2", "--batch-size", "4")
    wait_for(lambda: len(started_workers(proc.pid)) == 2, "the workers")
    assert proc.stdout is not None
    wait_for(lambda: select.select([proc.stdout], [], [], 0)[0], "output")  # the workers are at work
    worker = started_workers(proc.pid)[0]
    os.kill(worker, signal.SIGKILL)
    out, err = finish(proc)
    assert b"Traceback" not in err
    assert proc.returncode in (0, 1)  # 1 if the batch that died was reported rather than retried
    assert [json.loads(line)["i"] for line in out.splitlines()] == list(range(400))


@posix_only
def test_ctrl_c_while_workers_start_is_not_lost():
    """SIGINT to the main process alone, while its workers are starting: exit 130."""
    proc = start_module("repair", "--format", "jsonl", "--jobs", "2", stdin=subprocess.PIPE)
    assert proc.stdin is not None
    wait_for(lambda: len(started_workers(proc.pid)) == 2, "the workers starting")
    os.kill(proc.pid, signal.SIGINT)
    _, err = finish(proc)  # closes stdin: without the interrupt, the run would end at once with 0
    assert proc.returncode == 130
    assert err == b"textrepair: interrupted\n"


@posix_only
def test_sigterm_ends_the_workers_and_leaves_no_temp_file(tmp_path):
    src = write(tmp_path / "feed.jsonl", "".join(json.dumps({"text": SPUN}) + "\n" for _ in range(20000)))
    out = tmp_path / "out"
    proc = start_module("repair", str(src), "-o", str(out), "--jobs", "2")
    wait_for(lambda: out.is_dir() and any(out.glob(".feed.jsonl.*.tmp")), "the output being written")
    os.kill(proc.pid, signal.SIGTERM)
    _, err = finish(proc)  # returns only once the workers and the resource tracker are gone
    assert proc.returncode == 143
    assert err == b"textrepair: terminated\n"
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == []


def test_a_ctrl_c_dropped_by_a_finaliser_still_stops_the_run(tmp_path, monkeypatch):
    """Python drops a KeyboardInterrupt raised while a finaliser runs ("Exception ignored");
    a Ctrl-C that lands there must still end the command with 130 and no output."""
    src = write(tmp_path / "feed.jsonl", "".join(json.dumps({"text": f"{SPUN} {i}"}) + "\n" for i in range(50)))
    out = tmp_path / "out"
    dropped: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda info: dropped.append(info.exc_type))

    class Finaliser:
        def __del__(self) -> None:
            signal.raise_signal(signal.SIGINT)  # the handler runs here, inside the finaliser

    original = Run._document

    def document(self: Run, doc: Any, report: Any) -> None:
        if not dropped:
            Finaliser()  # dropped at once: its __del__ runs now
        original(self, doc, report)

    monkeypatch.setattr(Run, "_document", document)
    assert main(["repair", str(src), "-o", str(out)]) == 130
    assert dropped == [KeyboardInterrupt]  # the interrupt's own exception was indeed lost
    assert [p.name for p in out.iterdir()] == []  # no output and no temp file


def test_ctrl_c_while_importing_exits_130_without_traceback(capsys, monkeypatch):
    """The console entry point imports the machinery inside main(), where Ctrl-C is handled."""
    light = subprocess.run(
        [sys.executable, "-c", "import sys, textrepair.cli; print('textrepair.repairer' in sys.modules)"],
        capture_output=True,
        cwd=REPO,
        check=True,
    )
    assert light.stdout == b"False\n"

    class InterruptImport:
        def find_spec(self, name: str, path: object = None, target: object = None) -> None:
            if name == "textrepair.cli.run":
                raise KeyboardInterrupt

    monkeypatch.delitem(sys.modules, "textrepair.cli.run")
    monkeypatch.setattr(sys, "meta_path", [InterruptImport(), *sys.meta_path])
    assert main(["repair", "-"]) == 130
    assert capsys.readouterr().err == "textrepair: interrupted\n"


# --- 5. memory --------------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_AS"), reason="needs an address-space limit")
def test_a_huge_binary_file_is_not_read_into_memory(tmp_path):
    nuls = tmp_path / "nuls.txt"
    with open(nuls, "wb") as stream:
        stream.truncate(2 << 30)  # 2 GB of NUL bytes (sparse: no disk used)
    limit = 1 << 30  # the command may use 1 GB of address space, so reading the file whole fails

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "textrepair", "repair", str(nuls)]
    done = subprocess.run(command, capture_output=True, cwd=REPO, env=env, preexec_fn=limited, timeout=120)
    assert done.returncode == 1
    assert done.stderr.decode().splitlines()[0] == f"{nuls}: binary file, skipped"


# --- 7. output fidelity ---------------------------------------------------------------------------


def test_jsonl_records_keep_every_other_byte(tmp_path, capsys):
    line = (
        '{ "big":1e400,"price" : 1.10, "text":"dup", "name":"Caf\\u00e9",\t"text" :  "a suppose tank" ,'
        ' "n": ' + LONG_INTEGER + " }\r\n"
    )
    src = write(tmp_path / "feed.jsonl", line)

    assert main(["repair", str(src), "--report-field", "fix"]) == 0

    report = json.dumps(report_summary(Repairer().analyze("a suppose tank")))
    expected = line.replace('"a suppose tank"', '"a think tank"').replace(
        LONG_INTEGER, f'{LONG_INTEGER}, "fix": {report}'
    )
    assert capsys.readouterr().out == expected


def test_check_escapes_file_names_in_its_columns(tmp_path, capsys):
    odd = write(tmp_path / "tab\there\nnewline\\.txt", SPUN)
    assert main(["check", str(odd)]) == 0
    line = capsys.readouterr().out
    assert line.count("\n") == 1
    assert line.split("\t")[0] == str(odd).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


# --- 8. reruns and outputs -------------------------------------------------------------------------


def test_a_rerun_retries_what_failed(tmp_path, capsys):
    src = write(tmp_path / "in" / "feed.jsonl", json.dumps({"text": SPUN}) + "\noops\n")
    good = write(tmp_path / "in" / "good.txt", SPUN)
    out = tmp_path / "out"
    assert main(["repair", str(tmp_path / "in"), "-o", str(out)]) == 1
    capsys.readouterr()

    assert main(["repair", str(tmp_path / "in"), "-o", str(out)]) == 1  # the bad line is reported again
    assert capsys.readouterr().err.splitlines() == [
        f"{src}:2: not valid JSON: Expecting value (column 1)",
        "textrepair: skipped 1 input whose output is up to date (--force to redo)",
        "textrepair: 1 document repaired, 1 judged spun, 3 edits; 1 problem (above)",
    ]
    assert (out / "good.txt").read_text() == REPAIRED
    assert good.exists()


def test_outputs_are_stale_when_the_options_or_lexicons_change(tmp_path, capsys):
    src = write(tmp_path / "a.txt", "The bank's bottom line.\n")
    lexicon = write(tmp_path / "mine.lex", "bottom line => base line\n")
    out = tmp_path / "out"
    assert main(["repair", str(src), "-o", str(out), "--lexicon", str(lexicon)]) == 0
    assert main(["repair", str(src), "-o", str(out), "--lexicon", str(lexicon)]) == 0
    assert "skipped 1 input" in capsys.readouterr().err

    write(lexicon, "bottom line => last line\n")
    assert main(["repair", str(src), "-o", str(out), "--lexicon", str(lexicon)]) == 0
    assert main(["repair", str(src), "-o", str(out), "--lexicon", str(lexicon), "--threshold", "0.9"]) == 0
    assert "skipped" not in capsys.readouterr().err


def test_a_file_inside_the_output_directory_is_never_overwritten(tmp_path, capsys):
    same = tmp_path / "same"
    write(same / "a.txt", SPUN)
    mine = write(same / "sub" / "a.txt", "my own file\n")

    deep = write(same / "sub" / "deep" / "b.txt", SPUN)

    assert main(["repair", str(same), "-o", str(same / "sub")]) == 1
    assert main(["repair", str(deep), "-o", str(same / "sub"), "--force"]) == 1

    assert mine.read_text() == "my own file\n"
    assert not (same / "sub" / "b.txt").exists()
    assert capsys.readouterr().err.splitlines() == [
        f"{same / 'a.txt'}: {mine} exists and was not written by textrepair: not overwritten (move it away)",
        "textrepair: 0 documents repaired, 0 judged spun, 0 edits; 1 problem (above)",
        f"{deep}: is inside the output directory {same / 'sub'}, skipped",
        "textrepair: 0 documents repaired, 0 judged spun, 0 edits; 1 problem (above)",
    ]


@posix_only
def test_dangling_links_and_fifos_are_reported_and_do_not_hang(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", SPUN)
    os.symlink(corpus / "gone.txt", corpus / "link.txt")
    os.mkfifo(corpus / "pipe.txt")

    assert main(["repair", str(corpus)]) == 1

    captured = capsys.readouterr()
    assert captured.out == REPAIRED
    assert captured.err.splitlines() == [
        f"{corpus / 'link.txt'}: dangling symbolic link, skipped",
        f"{corpus / 'pipe.txt'}: not a regular file (FIFO), skipped",
        "textrepair: 1 document repaired, 1 judged spun, 3 edits; 2 problems (above)",
    ]


def test_documents_that_could_not_be_written_are_not_counted(tmp_path, capsys):
    write(tmp_path / "in" / "a.txt", SPUN)
    write(tmp_path / "in" / "b.txt", SPUN)
    out = tmp_path / "out"
    assert main(["repair", str(tmp_path / "in"), "-o", str(out)]) == 0
    (out / "a.txt").unlink()
    write(out / "a.txt" / "keep", "")  # os.replace cannot put a file where a directory is
    capsys.readouterr()

    assert main(["repair", str(tmp_path / "in"), "-o", str(out), "--force"]) == 1

    assert capsys.readouterr().err.splitlines()[-1] == (
        "textrepair: 1 document repaired, 1 judged spun, 3 edits; 1 problem (above)"
    )


def test_jobs_are_capped_at_the_number_of_cpus(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    src = write(tmp_path / "a.txt", SPUN)
    assert main(["repair", str(src), "--jobs", "64"]) == 0
    captured = capsys.readouterr()
    assert captured.out == REPAIRED
    assert captured.err == "textrepair: --jobs 64 capped at 1, the number of CPUs\n"


def test_text_documents_to_stdout_are_separated_by_a_form_feed_line(tmp_path, capsys):
    write(tmp_path / "corpus" / "a.txt", "a suppose tank")  # no newline at the end
    write(tmp_path / "corpus" / "b.txt", "b\n")
    write(tmp_path / "corpus" / "c.txt", "c")
    assert main(["repair", str(tmp_path / "corpus"), "-q"]) == 0
    out = capsys.readouterr().out
    assert out == "a think tank\n\f\nb\n\f\nc"
    assert out.split("\f\n") == ["a think tank\n", "b\n", "c"]
