"""Peak memory and time of ``textrepair repair`` on a large Parquet file.

    python -m benchmarks.parquet_memory                       # 200 MB of text, row groups of 2048 rows
    python -m benchmarks.parquet_memory --mb 20 --jobs 2      # a quicker look, two workers
    python -m benchmarks.parquet_memory --row-group 0         # the whole file in one row group

Builds a Parquet file (``id``, ``source``, ``text``) holding about ``--mb`` MB of text:
every text in benchmarks/data, repeated in a fixed order, stored without dictionary
encoding (so that the repeated texts take the room a real corpus's would). Then runs the
CLI on it in a child process and reads that process's resource usage when it exits
(``os.wait4``): wall time, and peak resident memory (the largest of the main process
and its workers, each counted alone). The corpus is built in another process: on Linux
a child's peak RSS includes what its parent held when it forked. Finally checks the output against the input, one
row group at a time: as many rows, ``id`` and ``source`` equal, and the schema kept.
Adds its result to ``benchmarks/results/parquet_memory.json`` (one entry per setting).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from benchmarks.corpus_scale import documents

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def build_corpus(megabytes: float, path: Path, row_group: int) -> tuple[int, float]:
    """Write the corpus (``row_group`` rows per row group; 0: one row group); its rows and MB of text."""
    docs = documents()
    schema = pa.schema([("id", pa.int64()), ("source", pa.string()), ("text", pa.string())])
    rows: dict[str, list] = {"id": [], "source": [], "text": []}
    n = size = 0
    with pq.ParquetWriter(path, schema, use_dictionary=False) as writer:
        while size < megabytes * 1e6:
            name, text = docs[n % len(docs)]
            for key, value in (("id", n), ("source", name), ("text", text)):
                rows[key].append(value)
            size += len(text.encode("utf-8"))
            n += 1
            if row_group and len(rows["id"]) == row_group:
                writer.write_table(pa.table(rows, schema=schema))
                rows = {key: [] for key in rows}
        if rows["id"]:
            table = pa.table(rows, schema=schema)
            writer.write_table(table, row_group_size=row_group or table.num_rows)
    return n, size / 1e6


def run_cli(source: Path, output: Path, jobs: int) -> dict:
    """The CLI on ``source``, in a child process: its exit status, seconds and peak RSS."""
    command = [sys.executable, "-m", "textrepair", "repair", str(source), "-o", str(output), "-q"]
    command += ["--jobs", str(jobs), "--report-field", "report"]
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return {
        "command": f"textrepair repair {source.name} -o {output.name} " + " ".join(command[7:]),
        "exit_status": child.returncode,
        "seconds": round(seconds, 1),
        "peak_rss_MB": round(usage.ru_maxrss / 1024, 1),  # Linux: kilobytes
    }


def compare(source: Path, output: Path) -> dict:
    """Rows in and out, and whether every column but the text one came through unchanged."""
    before, after = pq.ParquetFile(source), pq.ParquetFile(output)
    kept = after.schema_arrow.remove(after.schema_arrow.get_field_index("report")) == before.schema_arrow
    rows_in = before.metadata.num_rows
    rows_out = after.metadata.num_rows
    columns = ["id", "source"]
    same = True
    read_in = before.iter_batches(batch_size=4096, columns=columns)
    read_out = after.iter_batches(batch_size=4096, columns=columns)
    for a, b in zip(read_in, read_out, strict=True):
        same = same and a.equals(b)
    return {"rows_in": rows_in, "rows_out": rows_out, "schema_kept": kept, "other_columns_equal": same}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=200, help="MB of text in the corpus (default: 200)")
    parser.add_argument("--jobs", type=int, default=1, help="the CLI's --jobs (default: 1)")
    parser.add_argument("--row-group", type=int, default=2048, help="rows per row group; 0: one row group")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "corpus.parquet"
        # Built in a worker process: a child's peak RSS on Linux counts its parent's at fork
        # time, so this process must not hold the corpus when it starts the CLI.
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            rows, text_mb = pool.apply(build_corpus, (args.mb, source, args.row_group))
        result = {
            "text_MB": round(text_mb, 1),
            "file_MB": round(source.stat().st_size / 1e6, 1),
            "row_groups": pq.ParquetFile(source).metadata.num_row_groups,
            "rows": rows,
            "jobs": args.jobs,
        }
        result.update(run_cli(source, Path(tmp) / "out", args.jobs))
        if result["exit_status"] == 0:
            result.update(compare(source, Path(tmp) / "out" / "corpus.parquet"))
    print(json.dumps(result, indent=2))
    # One entry per setting, kept across runs: results/parquet_memory.json.
    path = RESULTS / "parquet_memory.json"
    runs = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    runs[f"{args.mb:g} MB, --jobs {args.jobs}, row groups of {args.row_group or 'all'} rows"] = result
    path.write_text(json.dumps(runs, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
