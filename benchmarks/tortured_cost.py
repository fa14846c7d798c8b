"""What the tortured search costs: ``Repairer()`` with and without it, and ftfy, on the throughput corpus.

    python -m benchmarks.tortured_cost [--mb 2] [--repeats 3]

The corpus is ``benchmarks.throughput``'s (about half spun news, half clean text). The
three are timed in the same run, in turns, best of ``--repeats``; the cost is the ratio
of the two repairers' times, and each repairer's speed is also given as a ratio to
ftfy's, as the project measures speed.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import ftfy

from benchmarks.throughput import half_spun_corpus
from textrepair import Repairer


def best_time(fn: Callable[[str], str], docs: list[str], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for doc in docs:
            fn(doc)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    docs = half_spun_corpus(args.mb)
    without, with_search = Repairer(tortured_search=False), Repairer(tortured_search=True)
    for r in (without, with_search):
        r.repair(docs[0])  # build the indexes before timing
    runs = {"ftfy": ftfy.fix_text, "repair, no search": without.repair, "repair, with search": with_search.repair}
    times = {name: best_time(fn, docs, args.repeats) for name, fn in runs.items()}
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    for name, seconds in times.items():
        print(f"{name:22s} {seconds:7.2f} s  {mb / seconds:6.2f} MB/s  {seconds / times['ftfy']:5.2f} x ftfy")
    print(f"the search costs {times['repair, with search'] / times['repair, no search'] - 1:+.1%}")
    changed = sum(without.repair(d) != with_search.repair(d) for d in docs)
    print(f"documents the search changes: {changed} of {len(docs)}")


if __name__ == "__main__":
    main()
