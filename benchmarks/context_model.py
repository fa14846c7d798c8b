"""What the context stage sees on the simulated spinners, before it decides anything,
and what it costs.

    python -m benchmarks.context_model [--split tune|heldout]
    python -m benchmarks.context_model --cost [--mb 0.5] [--repeat 3]

For every simulated document (``benchmarks.simulate``) and every clean passage, the
context stage (``textrepair.stages.context``) reads the text; its evidence is the number
of distinct words with a suspicion (a thesaurus neighbour that the trigram model finds far
likelier in place) per 100 content words, at a gain of 10^2.5 and of 10^4. Reported per
spinner: the ROC AUC of each against the clean passages of the same split, the mean, and
how many flags (suspicions from :data:`~textrepair.stages.context.FLAG_GAIN`) point at a
word the spinner really changed. Then, by gain, over all spinners of the split: how many
suspicions reach it, how many point at a substitution, how many suggest exactly the word
the spinner replaced (an edit there restores the original: the edit precision that
:data:`~textrepair.stages.context.EDIT_GAIN` is chosen for), and how many clean passages'
suspicions reach it.

``--cost``: on the throughput corpus (``benchmarks.throughput.half_spun_corpus``, half
spun and half clean news), ``ftfy.fix_text``, ``Repairer().repair``,
``Repairer(context=True).repair`` and the context stage alone, each timed over the whole
corpus in the same process, interleaved, the minimum of ``--repeat`` runs; reported as
ratios to ftfy (above 1 is faster than ftfy). ``--only NAME`` runs one of them, for
counting instructions instead of time (wall clock is noisy on a shared machine)::

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        python -m benchmarks.context_model --cost --repeat 1 --mb 0.25 --only "context stage alone"

run at two sizes (0.05 and 0.25 MB) and subtracted, so that start-up and warm-up drop out.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import ftfy

from benchmarks.metrics import roc_auc
from benchmarks.simulate import SimDoc, corpus, passages
from benchmarks.speed import warm_up
from benchmarks.throughput import half_spun_corpus
from textrepair import Repairer
from textrepair.findings import Suspicion
from textrepair.scoring import ngram_scorer
from textrepair.stages.context import FLAG_GAIN, ContextModel, Reading


def features(reading: Reading) -> tuple[float, float]:
    """Distinct suspected words and distinct strongly suspected words, per 100 content words."""
    per = 100.0 / max(reading.content, 1)
    return reading.suspected_words * per, reading.strong_words * per


GAINS = (3.0, 4.0, 5.0, 6.0, 7.0, 8.0)


def restores(doc: SimDoc, suspicion: Suspicion) -> bool:
    """Whether the suspicion's suggestion is the word the spinner replaced there."""
    return any(
        s.start < suspicion.end and suspicion.start < s.end and s.original.lower() == suspicion.suggestion.lower()
        for s in doc.substitutions
    )


def by_gain(spun: list[tuple[SimDoc, Reading]], clean: list[Reading]) -> None:
    print(f"{'gain >=':>8} {'suspicions':>10} {'on a substitution':>18} {'restore the original':>21} {'clean':>6}")
    for gain in GAINS:
        found = [(doc, s) for doc, reading in spun for s in reading.suspicions if s.gain >= gain]
        on = sum(doc.touches(s.start, s.end) for doc, s in found)
        right = sum(restores(doc, s) for doc, s in found)
        wrong_clean = sum(s.gain >= gain for reading in clean for s in reading.suspicions)
        n = max(len(found), 1)
        print(f"{gain:8.0f} {len(found):10d} {on:10d} ({on / n:4.0%}) {right:13d} ({right / n:4.0%}) {wrong_clean:6d}")


def detection(split: str) -> None:
    stage = ContextModel(ngram_scorer())
    clean_readings = [stage.read(p.text) for p in passages(split)]
    clean = [features(r) for r in clean_readings]
    print(
        f"split {split}: {len(clean)} clean passages, mean {sum(c[0] for c in clean) / len(clean):.2f}"
        f" / {sum(c[1] for c in clean) / len(clean):.2f}"
    )
    print(f"{'spinner':12} {'docs':>5} {'AUC 2.5':>8} {'AUC 4':>6} {'mean':>11} {'flags on a substitution':>24}")
    by: dict[str, list[tuple[float, float]]] = {}
    hits: dict[str, list[int]] = {}
    readings: list[tuple[SimDoc, Reading]] = []
    for doc in corpus(split=split):
        reading = stage.read(doc.spun)
        readings.append((doc, reading))
        by.setdefault(doc.spinner, []).append(features(reading))
        flags = [s for s in reading.suspicions if s.gain >= FLAG_GAIN]
        counts = hits.setdefault(doc.spinner, [0, 0])
        counts[0] += sum(doc.touches(s.start, s.end) for s in flags)
        counts[1] += len(flags)
    for spinner, rows in sorted(by.items()):
        on, total = hits[spinner]
        aucs = [roc_auc([r[k] for r in rows], [c[k] for c in clean]) for k in (0, 1)]
        means = [sum(r[k] for r in rows) / len(rows) for k in (0, 1)]
        print(
            f"{spinner:12} {len(rows):5d} {aucs[0]:8.3f} {aucs[1]:6.3f} {means[0]:5.2f} / {means[1]:4.2f}"
            f" {on:12d}/{total:<6d} ({on / max(total, 1):.0%})"
        )
    by_gain(readings, clean_readings)


CONTENDERS = ("ftfy.fix_text", "repair()", "repair(), context on", "context stage alone")


def cost(megabytes: float, repeat: int, only: str | None = None) -> None:
    docs = half_spun_corpus(megabytes)
    plain, with_context = Repairer(), Repairer(context=True)
    warm_up(plain)
    warm_up(with_context)
    stage = ContextModel(ngram_scorer())
    runs: dict[str, Callable[[str], object]] = dict(
        zip(CONTENDERS, (ftfy.fix_text, plain.repair, with_context.repair, stage.read), strict=True)
    )
    if only is not None:  # one contender, e.g. to count its instructions under callgrind
        runs = {name: func for name, func in runs.items() if name == only}
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):  # interleaved, so that a busy moment hits every contender
        for name, func in runs.items():
            started = time.perf_counter()
            for doc in docs:
                func(doc)
            best[name] = min(best[name], time.perf_counter() - started)
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    print(f"throughput corpus: {len(docs)} documents, {size:.2f} MB; best of {repeat}")
    for name, seconds in best.items():
        ratio = f"{best['ftfy.fix_text'] / seconds:5.2f}x ftfy" if "ftfy.fix_text" in best else ""
        print(f"{name:22} {size / seconds:6.2f} MB/s  {ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("tune", "heldout"), default="tune")
    parser.add_argument("--cost", action="store_true", help="the cost on the throughput corpus instead")
    parser.add_argument("--mb", type=float, default=0.5, help="size of the throughput corpus for --cost")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=CONTENDERS, help="with --cost: time this contender alone")
    args = parser.parse_args()
    if args.cost:
        cost(args.mb, args.repeat, args.only)
    else:
        detection(args.split)


if __name__ == "__main__":
    main()
