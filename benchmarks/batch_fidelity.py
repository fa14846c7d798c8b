"""A JSONL batch with bad records: is every record accounted for, in order, byte for byte?

    python -m benchmarks.batch_fidelity                  # 10,000 records, 5% of them bad
    python -m benchmarks.batch_fidelity --records 2000 --jobs 1 2 4

Builds a JSONL file of ``--records`` records from the bundled texts. Each good record is
written as ``PREFIX + "text": <value> + SUFFIX``, where the prefix and suffix hold
what a re-encoding would change (``1.10``, ``1e400``, a duplicate key, escapes, unusual
spacing). One record in twenty is bad, in turn: a line that is not JSON, a text that is
not a string, a record without the text field, a line that is not UTF-8, and a record
with a 5,000-digit integer beside its text (valid JSON that Python's ``int()`` refuses;
it must be repaired like any other). Then runs ``textrepair repair IN -o OUT --jobs N``
for each ``--jobs`` and checks, record by record:

* as many lines out as in, in the same order;
* a good record (and the long-integer one): the bytes before and after the text value
  are the ones written, and the value is ``json.dumps(repair(text))`` as the library
  gives it;
* any other bad record: the line copied through unchanged, byte for byte;
* every ``--jobs`` gives the same bytes.

Prints a table and the problems the CLI reported; writes ``results/batch_fidelity.json``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus_scale import documents
from textrepair import Repairer

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"

BAD_KINDS = ("not json", "text not a string", "no text field", "not utf-8", "long integer")
LONG_INTEGER = "9" * 5000


def good_parts(i: int, kind: str = "good") -> tuple[bytes, bytes]:
    """The bytes before and after the text value of record ``i`` (good, or of the
    "long integer" kind): what a JSON round trip would not keep."""
    big = LONG_INTEGER if kind == "long integer" else "1e400"
    prefix = f'{{"id": {i}, "score":1.10, "big": {big}, "dup": 1, "dup": 2, "note": "caf\\u00e9",  "text" :  '
    suffix = ' , "tags": ["a",  "b"], "nested": {"x": 1.0E+2}}'
    return prefix.encode("utf-8"), suffix.encode("utf-8")


def build(path: Path, records: int) -> list[tuple[str, str | None]]:
    """Write the batch; return each record's kind ("good" or a bad kind) and its text."""
    docs = [text for _, text in documents()]
    kinds: list[tuple[str, str | None]] = []
    with path.open("wb") as out:
        for i in range(records):
            text = docs[i % len(docs)]
            value = json.dumps(text, ensure_ascii=False).encode("utf-8")
            kind = BAD_KINDS[(i // 20) % len(BAD_KINDS)] if i % 20 == 19 else "good"
            if kind in ("good", "long integer"):
                prefix, suffix = good_parts(i, kind)
                line = prefix + value + suffix
            elif kind == "not json":
                line = b'{"id": %d, "text": "cut short' % i
            elif kind == "text not a string":
                line = b'{"id": %d, "text": 12345}' % i
            elif kind == "no text field":
                line = b'{"id": %d, "body": ' % i + value + b"}"
            else:  # not utf-8
                line = b'{"id": %d, "text": "caf\xe9 ' % i + value[1:]
            out.write(line + b"\n")
            kinds.append((kind, text if kind in ("good", "long integer") else None))
    return kinds


def check(inp: Path, out: Path, kinds: list[tuple[str, str | None]], repairer: Repairer) -> dict[str, object]:
    """Compare the CLI's output with the input, record by record."""
    lines_in = inp.read_bytes().split(b"\n")[:-1]
    lines_out = out.read_bytes().split(b"\n")
    if lines_out and lines_out[-1] == b"":
        lines_out.pop()
    wrong: list[str] = []
    repaired = changed = 0
    if len(lines_out) != len(lines_in):
        wrong.append(f"{len(lines_in)} lines in, {len(lines_out)} out")
    for i, ((kind, text), before, after) in enumerate(zip(kinds, lines_in, lines_out, strict=False)):
        if text is None:
            if after != before:
                wrong.append(f"record {i} ({kind}) was not copied through unchanged")
            continue
        prefix, suffix = good_parts(i, kind)
        if not (after.startswith(prefix) and after.endswith(suffix)):
            wrong.append(f"record {i} ({kind}): bytes outside the text value differ")
            continue
        value = json.loads(after[len(prefix) : len(after) - len(suffix)].decode("utf-8"))
        if value != repairer.repair(text):
            wrong.append(f"record {i} ({kind}): text differs from repair()")
        repaired += 1
        changed += value != text
    return {
        "lines_in": len(lines_in),
        "lines_out": len(lines_out),
        "records_repaired": repaired,
        "texts_changed": changed,
        "wrong": len(wrong),
        "first_wrong": wrong[:5],
    }


def run(inp: Path, out_dir: Path, jobs: int) -> tuple[float, int, int]:
    """Run the CLI; its wall time, exit status and how many problems it reported."""
    cmd = [sys.executable, "-m", "textrepair", "repair", str(inp), "-o", str(out_dir), "--jobs", str(jobs), "-q"]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    problems = sum(1 for line in done.stderr.splitlines() if line.startswith(f"{inp}:"))
    return seconds, done.returncode, problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000, help="records in the batch (default 10,000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to run (default 1 2)")
    args = parser.parse_args()
    repairer = Repairer()
    result: dict[str, object] = {"records": args.records, "bad": {}, "runs": {}}
    with tempfile.TemporaryDirectory(prefix="batch_fidelity-") as tmp:
        inp = Path(tmp) / "batch.jsonl"
        kinds = build(inp, args.records)
        for kind in BAD_KINDS:
            result["bad"][kind] = sum(1 for k, _ in kinds if k == kind)  # type: ignore[index]
        outputs = []
        for jobs in args.jobs:
            out_dir = Path(tmp) / f"out{jobs}"
            seconds, status, problems = run(inp, out_dir, jobs)
            out = out_dir / inp.name
            row = {"seconds": round(seconds, 1), "exit_status": status, "problems_reported": problems}
            row.update(check(inp, out, kinds, repairer) if out.exists() else {"missing_output": True})
            result["runs"][f"--jobs {jobs}"] = row  # type: ignore[index]
            outputs.append(out.read_bytes() if out.exists() else b"")
        result["all_jobs_identical"] = all(o == outputs[0] for o in outputs)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "batch_fidelity.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    report(result)


def report(result: dict) -> None:
    bad = ", ".join(f"{n} {kind}" for kind, n in result["bad"].items())
    print(f"{result['records']} records; bad: {bad}")
    header = ("run", "lines in", "out", "repaired", "changed", "wrong", "problems", "exit")
    print(f"{header[0]:10} " + " ".join(f"{h:>8}" for h in header[1:]))
    for name, row in result["runs"].items():
        if row.get("missing_output"):
            print(f"{name:10} no output written (exit {row['exit_status']})")
            continue
        print(
            f"{name:10} {row['lines_in']:8} {row['lines_out']:8} {row['records_repaired']:8} "
            f"{row['texts_changed']:8} {row['wrong']:8} {row['problems_reported']:8} {row['exit_status']:8}"
        )
        for line in row["first_wrong"]:
            print(f"  {line}")
    print(f"every --jobs gives the same bytes: {result['all_jobs_identical']}")


if __name__ == "__main__":
    main()
