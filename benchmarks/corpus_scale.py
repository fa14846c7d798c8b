"""One corpus three ways: the CLI on JSONL, Spark local[2] on Parquet, and repair_batch on Parquet.

    python -m benchmarks.corpus_scale              # 200 MB
    python -m benchmarks.corpus_scale --mb 20      # a quicker look

Builds a JSONL corpus of about ``--mb`` MB (``id``, ``source``, ``text``) from every text
in benchmarks/data, repeated in a fixed order, and its Parquet twin (no dictionary
encoding, so the repeated texts are stored as a real corpus's would be). Then times,
each in its own process tree:

* ``cli``: ``textrepair repair corpus.jsonl -o OUT --jobs 2`` (run first and last; the
  ratio uses the mean of the two, as the machine is shared);
* ``spark``: ``spark-submit --master local[2] examples/spark_repair.py corpus.parquet OUT``;
* ``batch``: one Python process reading the Parquet row group by row group, repairing the
  text column with :func:`textrepair.batch.repair_batch` and writing Parquet.

For each: wall time as a ratio to the CLI's, the peak resident memory of each kind of
process (the largest of its kind; sampled from ``VmHWM`` every 0.2 s) and the peak of
their sum, records in and out, and whether every text equals the CLI's, in order.
Writes ``benchmarks/results/corpus_scale.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from itertools import zip_longest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
RESULTS = ROOT / "benchmarks" / "results"
ROW_GROUP = 2048


# --- the corpus ----------------------------------------------------------------------------


def documents() -> list[tuple[str, str]]:
    """(name, text) of every bundled text, in a fixed order."""
    return [(p.relative_to(DATA).as_posix(), p.read_text("utf-8")) for p in sorted(DATA.rglob("*.txt"))]


def build_corpus(megabytes: float, jsonl: Path, parquet: Path) -> int:
    """Write the JSONL corpus and its Parquet twin; return the number of records."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    docs = documents()
    schema = pa.schema([("id", pa.int64()), ("source", pa.string()), ("text", pa.string())])
    n = size = 0
    with jsonl.open("w", encoding="utf-8") as out, pq.ParquetWriter(parquet, schema, use_dictionary=False) as writer:
        rows: dict[str, list] = {"id": [], "source": [], "text": []}
        while size < megabytes * 1e6:
            name, text = docs[n % len(docs)]
            line = json.dumps({"id": n, "source": name, "text": text}, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            for key, value in (("id", n), ("source", name), ("text", text)):
                rows[key].append(value)
            n += 1
            if len(rows["id"]) == ROW_GROUP:
                writer.write_table(pa.table(rows, schema=schema))
                rows = {key: [] for key in rows}
        if rows["id"]:
            writer.write_table(pa.table(rows, schema=schema))
    return n


# --- peak memory of a process tree ---------------------------------------------------------


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _role(pid: int, root: int) -> str:
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "other"
    words = [a.decode(errors="replace") for a in argv]
    if words and words[0].endswith("java"):
        return "jvm"
    if "pyspark.daemon" in words or any("pyspark/daemon" in w for w in words):
        return "python workers"
    if any(w.endswith("spark_repair.py") for w in words):
        return "python driver"
    if pid == root:
        return "main process"
    return "workers" if any("python" in Path(w).name for w in words[:1]) else "other"


class PeakMemory:
    """Samples the process tree under ``root``: each kind's largest peak RSS, and the
    peak of the sum of current RSS over the tree."""

    def __init__(self, root: int, interval: float = 0.2) -> None:
        self.root = root
        self.interval = interval
        self.peaks: dict[int, tuple[str, int]] = {}
        self.total_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            tree = _children()
            pending, total = [self.root], 0
            while pending:
                pid = pending.pop()
                pending.extend(tree.get(pid, []))
                hwm = _status_kb(pid, "VmHWM:")
                total += _status_kb(pid, "VmRSS:")
                if hwm:
                    # The role is read each time: spark-submit is a shell script that becomes the JVM.
                    self.peaks[pid] = (_role(pid, self.root), max(hwm, self.peaks.get(pid, ("", 0))[1]))
            self.total_kb = max(self.total_kb, total)
            self._stop.wait(self.interval)

    def stop(self) -> dict[str, float]:
        self._stop.set()
        self._thread.join()
        by_role: dict[str, float] = {}
        for role, kb in self.peaks.values():
            by_role[role] = max(by_role.get(role, 0.0), round(kb / 1024, 1))
        by_role["sum of the tree"] = round(self.total_kb / 1024, 1)
        return by_role


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, dict[str, float], str]:
    """Run ``cmd``; its wall time, peak memory by kind of process, and its last summary line."""
    start = time.perf_counter()
    # One stream: spark-submit passes the Python driver's stderr on to its own stdout.
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    memory = PeakMemory(proc.pid)
    err, _ = proc.communicate()
    seconds = time.perf_counter() - start
    peaks = memory.stop()
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[:4]} failed ({proc.returncode}):\n{err[-3000:]}")
    # Spark's progress bar ends its lines with a carriage return, so the summary may share a line with it.
    last = [line[line.index("textrepair:") :] for line in err.splitlines() if "textrepair:" in line]
    return seconds, peaks, last[-1] if last else ""


# --- the three runs ------------------------------------------------------------------------


def run_cli(jsonl: Path, out: Path, jobs: int) -> tuple[float, dict[str, float], str]:
    cmd = [sys.executable, "-m", "textrepair", "repair", str(jsonl), "-o", str(out), "--jobs", str(jobs), "--quiet"]
    return timed(cmd, env={**os.environ, "PYTHONPATH": str(ROOT)})


def spark_submit() -> str:
    import pyspark

    return str(Path(pyspark.__file__).resolve().parent / "bin" / "spark-submit")


def run_spark(parquet: Path, out: Path, cores: int) -> tuple[float, dict[str, float], str]:
    cmd = [
        spark_submit(),
        "--master",
        f"local[{cores}]",
        "--conf",
        "spark.ui.enabled=false",
        "--conf",
        f"spark.pyspark.python={sys.executable}",
        "--conf",
        f"spark.pyspark.driver.python={sys.executable}",
        # Splits of 8 MB (three row groups) rather than one per core: with only two tasks,
        # the core that finishes first waits for the other.
        "--conf",
        "spark.sql.files.maxPartitionBytes=8m",
        str(ROOT / "examples" / "spark_repair.py"),
        str(parquet),
        str(out),
    ]
    return timed(cmd, env={**os.environ, "PYTHONPATH": str(ROOT)})


def run_batch(parquet: Path, out: Path) -> tuple[float, dict[str, float], str]:
    cmd = [sys.executable, "-m", "benchmarks.corpus_scale", "--batch-job", str(parquet), str(out)]
    return timed(cmd, env={**os.environ, "PYTHONPATH": str(ROOT)})


def batch_job(src: Path, dst: Path) -> None:
    """The in-process run: row group by row group through repair_batch, to Parquet."""
    import pyarrow.parquet as pq

    from textrepair import Repairer
    from textrepair.batch import repair_batch

    repairer = Repairer()
    reader = pq.ParquetFile(src)
    with pq.ParquetWriter(dst, reader.schema_arrow, use_dictionary=False) as writer:
        for i in range(reader.num_row_groups):
            table = reader.read_row_group(i)
            column = table.schema.get_field_index("text")
            writer.write_table(table.set_column(column, "text", repair_batch(repairer, table.column("text"))))
    print(f"textrepair: {reader.metadata.num_rows} rows", file=sys.stderr)


# --- comparing outputs ---------------------------------------------------------------------


def cli_records(out: Path) -> Iterator[tuple[int, str]]:
    with (out / "corpus.jsonl").open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            yield record["id"], record["text"]


def parquet_records(path: Path) -> Iterator[tuple[int, str]]:
    import pyarrow.parquet as pq

    files = sorted(path.glob("part-*.parquet")) if path.is_dir() else [path]
    for file in files:
        for batch in pq.ParquetFile(file).iter_batches(columns=["id", "text"]):
            yield from zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True)


def compare(reference: Iterator[tuple[int, str]], other: Iterator[tuple[int, str]], n: int) -> dict[str, object]:
    """Records out (of the reference, the CLI, and of the other run), whether the other's
    ids come in input order, and how many of its texts differ from the reference's."""
    ref_count = count = differ = out_of_order = 0
    for ref, got in zip_longest(reference, other):
        ref_count += ref is not None
        if got is None:
            continue
        out_of_order += got[0] != count
        differ += ref != got
        count += 1
    return {
        "records_in": n,
        "records_out": count,
        "cli_records_out": ref_count,
        "out_of_order": out_of_order,
        "texts_differing": differ,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=200, help="JSONL corpus size in MB (default 200)")
    parser.add_argument("--jobs", type=int, default=2, help="CLI --jobs and Spark local[N] (default 2)")
    parser.add_argument("--skip-batch", action="store_true", help="do not time the one-process batch run")
    parser.add_argument("--batch-job", nargs=2, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.batch_job:
        batch_job(Path(args.batch_job[0]), Path(args.batch_job[1]))
        return

    with tempfile.TemporaryDirectory(prefix="corpus_scale-") as tmp:
        work = Path(tmp)
        jsonl, parquet = work / "corpus.jsonl", work / "corpus.parquet"
        n = build_corpus(args.mb, jsonl, parquet)
        sizes = {"jsonl_MB": round(jsonl.stat().st_size / 1e6, 1), "parquet_MB": round(parquet.stat().st_size / 1e6, 1)}
        print(f"corpus: {n} records, {sizes['jsonl_MB']} MB JSONL, {sizes['parquet_MB']} MB Parquet", flush=True)

        rows: dict[str, dict] = {}
        t, mem, _ = run_cli(jsonl, work / "cli", args.jobs)
        rows["cli"] = {"seconds": [round(t, 1)], "peak_rss_MB": mem}
        print(f"cli (1st): {t:.1f} s", flush=True)
        t, mem, line = run_spark(parquet, work / "spark", args.jobs)
        rows["spark"] = {"seconds": round(t, 1), "peak_rss_MB": mem, "job": line.replace(str(work / "spark"), "OUT")}
        print(f"spark: {t:.1f} s", flush=True)
        rows["spark"].update(compare(cli_records(work / "cli"), parquet_records(work / "spark"), n))
        if not args.skip_batch:
            t, mem, _ = run_batch(parquet, work / "batch.parquet")
            rows["batch"] = {"seconds": round(t, 1), "peak_rss_MB": mem}
            print(f"batch: {t:.1f} s", flush=True)
            rows["batch"].update(compare(cli_records(work / "cli"), parquet_records(work / "batch.parquet"), n))
        (work / "cli" / "corpus.jsonl").unlink()
        t, mem, _ = run_cli(jsonl, work / "cli", args.jobs)
        rows["cli"]["seconds"].append(round(t, 1))
        rows["cli"]["peak_rss_MB_2nd"] = mem
        print(f"cli (2nd): {t:.1f} s", flush=True)

    cli_seconds = sum(rows["cli"]["seconds"]) / 2
    for name in ("spark", "batch"):
        if name in rows:
            rows[name]["ratio_to_cli"] = round(rows[name]["seconds"] / cli_seconds, 2)
    result = {"corpus": {"records": n, **sizes}, "jobs": args.jobs, "runs": rows}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "corpus_scale.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    report(result)


def report(result: dict) -> None:
    runs = result["runs"]
    print(f"\n{'run':<6} {'seconds':>12} {'x CLI':>6}  {'records out':>11} {'order':>6} {'texts':>7}  peak RSS MB")
    for name, row in runs.items():
        seconds = "/".join(f"{s:.1f}" for s in row["seconds"]) if name == "cli" else f"{row['seconds']:.1f}"
        ratio = "1.00" if name == "cli" else f"{row['ratio_to_cli']:.2f}"
        out = row.get("records_out", result["corpus"]["records"])
        order = "kept" if not row.get("out_of_order") else f"{row['out_of_order']} off"
        differing = row.get("texts_differing", 0)
        texts = "ref" if name == "cli" else ("same" if differing == 0 else f"{differing} differ")
        memory = ", ".join(f"{k} {v:.0f}" for k, v in row["peak_rss_MB"].items())
        print(f"{name:<6} {seconds:>12} {ratio:>6}  {out:>11} {order:>6} {texts:>7}  {memory}")


if __name__ == "__main__":
    main()
