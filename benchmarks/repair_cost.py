"""Count the instructions of ``Repairer().repair`` on the throughput corpus, and nothing else.

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/dev/null \\
        python -m benchmarks.repair_cost [--mb 0.5] [--steady]

On a shared machine wall-clock times move too much to compare two versions of the code;
instruction counts do not. Under callgrind started with ``--instr-atstart=no`` this
switches counting on (``callgrind_control -i on``) only around the loop that repairs
every document of ``benchmarks.throughput.half_spun_corpus(--mb)``, so that Python's
start-up and the loading of the lexicons are left out; "Collected" in valgrind's output
is the count. The repairer is warmed on one document first, as ``benchmarks.throughput``
does; with ``--steady`` it first repairs every distinct document once, so that what is
worked out once per lexicon entry (the first time it is hit) is left out as well, as it
is from a long run. Run outside valgrind it only reports the wall-clock time. Set
``PYTHONHASHSEED=0`` to get the same count on every run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import time

from benchmarks.throughput import half_spun_corpus
from textrepair import Repairer


def _count(on: bool) -> None:
    """Switch callgrind's counting on or off for this process (nothing outside callgrind)."""
    subprocess.run(["callgrind_control", "-i", "on" if on else "off", str(os.getpid())], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=0.5, help="corpus size in MB")
    parser.add_argument("--steady", action="store_true", help="repair every distinct document once before counting")
    args = parser.parse_args()
    docs = half_spun_corpus(args.mb)
    repairer = Repairer()
    repairer.repair(docs[0])
    if args.steady:
        for doc in dict.fromkeys(docs):
            repairer.repair(doc)
    _count(True)
    started = time.perf_counter()
    for doc in docs:
        repairer.repair(doc)
    seconds = time.perf_counter() - started
    _count(False)
    print(f"{len(docs)} documents, {sum(len(d.encode('utf-8')) for d in docs) / 1e6:.2f} MB, {seconds:.2f} s")


if __name__ == "__main__":
    main()
