"""Measure speed as a ratio to ftfy.fix_text on the same text in the same run.

    python -m benchmarks.speed                  # 1, 4 and 16 MB
    python -m benchmarks.speed --sizes 1 64     # scaling up to 64 MB
    python -m benchmarks.speed --cli-mb 32      # also: CLI peak memory on a JSONL file
    python -m benchmarks.speed --cli-mb 32 --context            # ... of repair --context
    python -m benchmarks.speed --cli-mb 32 --command check      # ... of check (the context stage on)

The corpus mixes every text in benchmarks/data (spun, gold and clean) repeated to the
requested size. Absolute MB/s depend on the machine and its load; the ratio to ftfy,
measured in the same process moments apart, is the number to compare across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import ftfy

from textrepair import Repairer

DATA = Path(__file__).resolve().parent / "data"


def corpus(megabytes: float) -> list[str]:
    docs = [p.read_text(encoding="utf-8") for p in sorted(DATA.rglob("*.txt"))]
    out: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        for doc in docs:
            out.append(doc)
            size += len(doc.encode("utf-8"))
    return out


def warm_up(repairer: Repairer) -> None:
    """Load everything a repair may need before timing starts: a spun article makes the
    engine fire ambiguous entries, which loads the word-frequency table on first use."""
    repairer.analyze((DATA / "seed" / "seed_002.spun.txt").read_text(encoding="utf-8"))


def seconds_to_process(func: Callable[[str], object], docs: list[str]) -> float:
    """Wall-clock seconds for ``func`` over every document, one call each."""
    start = time.perf_counter()
    for doc in docs:
        func(doc)
    return time.perf_counter() - start


def throughput(sizes: list[float]) -> list[dict]:
    repairer = Repairer()
    warm_up(repairer)
    rows = []
    for mb in sizes:
        docs = corpus(mb)
        size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
        t_ftfy = seconds_to_process(ftfy.fix_text, docs)
        t_repair = seconds_to_process(repairer.analyze, docs)
        rows.append(
            {
                "MB": round(size, 2),
                "ftfy_MB_per_s": round(size / t_ftfy, 2),
                "textrepair_MB_per_s": round(size / t_repair, 2),
                "ratio_to_ftfy": round(t_ftfy / t_repair, 3),
            }
        )
    return rows


def split_throughput(megabytes: float) -> list[dict]:
    """The same measurement on the documents judged spun and on the others, apart:
    a user's corpus is mostly clean, and clean text costs far less."""
    repairer = Repairer()
    docs = corpus(megabytes)
    rows = []
    for name, keep in (("clean", False), ("spun", True)):
        part = [d for d in docs if repairer.analyze(d).is_spun == keep]
        size = sum(len(d.encode("utf-8")) for d in part) / 1e6
        t_ftfy = seconds_to_process(ftfy.fix_text, part)
        t_repair = seconds_to_process(repairer.analyze, part)
        rows.append(
            {
                "documents": name,
                "MB": round(size, 2),
                "ftfy_MB_per_s": round(size / t_ftfy, 2),
                "textrepair_MB_per_s": round(size / t_repair, 2),
                "ratio_to_ftfy": round(t_ftfy / t_repair, 3),
            }
        )
    return rows


def cli_peak_memory(megabytes: float, jobs: int, context: bool = False, command: str = "repair") -> dict:
    """Run the CLI's ``command`` on a JSONL file of the given size (``repair`` with the
    context stage if ``context``; ``check`` reads with it by default); report its peak
    resident memory."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i, doc in enumerate(corpus(megabytes)):
                f.write(json.dumps({"id": i, "text": doc}) + "\n")
        size = path.stat().st_size / 1e6
        start = time.perf_counter()
        cmd = [sys.executable, "-m", "textrepair", command, "--quiet", "--jobs", str(jobs)]
        if command == "repair":
            cmd += ["-o", str(Path(tmp) / "out"), *(["--context"] if context else [])]
        subprocess.run(
            [*cmd, str(path)],
            check=True,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(DATA.parent.parent)},
        )
        seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "command": command,
        "jsonl_MB": round(size, 1),
        "jobs": jobs,
        "context": context or command == "check",
        "seconds": round(seconds, 1),
        "peak_rss_MB": round(peak_kb / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 16], help="corpus sizes in MB")
    parser.add_argument("--cli-mb", type=float, default=0, help="also measure CLI peak memory on JSONL of this size")
    parser.add_argument("--jobs", type=int, default=1, help="--jobs for the CLI measurement")
    parser.add_argument("--context", action="store_true", help="the CLI measurement with repair --context")
    parser.add_argument(
        "--command",
        choices=("repair", "check"),
        default="repair",
        help="the CLI command measured (check: as it runs by default)",
    )
    args = parser.parse_args()
    print(f"{'MB':>6} {'ftfy MB/s':>10} {'textrepair MB/s':>16} {'ratio':>6}")
    for row in throughput(args.sizes):
        print(
            f"{row['MB']:6.1f} {row['ftfy_MB_per_s']:10.2f} "
            f"{row['textrepair_MB_per_s']:16.2f} {row['ratio_to_ftfy']:6.3f}"
        )
    print(f"\n{'documents':>9} {'MB':>6} {'ftfy MB/s':>10} {'textrepair MB/s':>16} {'ratio':>6}")
    for row in split_throughput(min(args.sizes)):
        print(
            f"{row['documents']:>9} {row['MB']:6.1f} {row['ftfy_MB_per_s']:10.2f} "
            f"{row['textrepair_MB_per_s']:16.2f} {row['ratio_to_ftfy']:6.3f}"
        )
    if args.cli_mb:
        m = cli_peak_memory(args.cli_mb, args.jobs, args.context, args.command)
        print(
            f"\nCLI {m['command']} on {m['jsonl_MB']} MB JSONL, --jobs {m['jobs']}"
            f"{' (context stage on)' if m['context'] else ''}:"
            f" {m['seconds']} s, peak RSS {m['peak_rss_MB']} MB"
        )


if __name__ == "__main__":
    main()
