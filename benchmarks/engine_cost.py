"""What the expression search adds to ``repair``'s time on the throughput corpus.

    python -m benchmarks.engine_cost                 # 4 MB, 3 rounds
    python -m benchmarks.engine_cost --mb 16 --rounds 5

Times ``Repairer(expressions=True).repair`` and ``Repairer().repair`` on the same
half-spun corpus as ``benchmarks.throughput``, alternating them round by round so that
both see the same machine load, and reports the added time as the median of the
per-round ratios. Also reports what the expression search adds to building a Repairer. Writes
``benchmarks/results/engine_cost.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from benchmarks.speed import seconds_to_process, warm_up
from benchmarks.throughput import half_spun_corpus
from textrepair import Repairer

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4, help="corpus size in MB")
    parser.add_argument("--rounds", type=int, default=3, help="alternating timing rounds")
    args = parser.parse_args()
    start = time.perf_counter()
    without = Repairer()
    load_without = time.perf_counter() - start
    start = time.perf_counter()
    with_engine = Repairer(expressions=True)  # the lexicon is cached by now: this times the search's data
    load_engine = time.perf_counter() - start
    warm_up(with_engine)
    warm_up(without)
    docs = half_spun_corpus(args.mb)
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    rounds = []
    for _ in range(args.rounds):
        off = seconds_to_process(without.repair, docs)
        on = seconds_to_process(with_engine.repair, docs)
        rounds.append({"without_s": round(off, 3), "with_s": round(on, 3), "ratio": round(on / off, 3)})
    added = statistics.median(r["ratio"] for r in rounds) - 1
    result = {
        "MB": round(size, 2),
        "rounds": rounds,
        "added_time": round(added, 3),
        "load_s": {"repairer without engine": round(load_without, 2), "engine added": round(load_engine, 2)},
    }
    for r in rounds:
        print(f"without {r['without_s']:7.2f}s   with {r['with_s']:7.2f}s   ratio {r['ratio']:.2f}")
    print(f"\n{size:.1f} MB: the expression search adds {added:.0%} to repair's time (median of {args.rounds} rounds)")
    print(f"building a Repairer: {load_without:.2f}s without the expression search; it adds {load_engine:.2f}s")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "engine_cost.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
