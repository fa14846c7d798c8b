"""What the context stage sees on the simulated spinners, before it decides anything.

    python -m benchmarks.context_model [--split tune|heldout]

For every simulated document (``benchmarks.simulate``) and every clean passage, the
context stage (``textrepair.stages.context``) reads the text; its evidence is the share
of content words with a suspicion (a thesaurus neighbour that the trigram model finds far
likelier in place). Reported per spinner: the ROC AUC of that share against the clean
passages of the same split, the mean share, and how many suspicions point at a word the
spinner really changed; then the stage's speed as a ratio to ``ftfy.fix_text`` on the
clean passages, in the same run, with warm caches.
"""

from __future__ import annotations

import argparse
import time

import ftfy

from benchmarks.metrics import roc_auc
from benchmarks.simulate import corpus, passages
from textrepair.scoring import ngram_scorer
from textrepair.stages.context import ContextModel


def share(stage: ContextModel, text: str) -> float:
    content, found = stage.read(text)
    return len(found) / max(content, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("tune", "heldout"), default="tune")
    args = parser.parse_args()
    stage = ContextModel(ngram_scorer())
    clean = [p.text for p in passages(args.split)]
    clean_shares = [share(stage, t) for t in clean]
    print(f"split {args.split}: {len(clean)} clean passages, mean share {sum(clean_shares) / len(clean_shares):.3f}")
    print(f"{'spinner':12} {'docs':>5} {'AUC':>6} {'share':>6} {'on a substitution':>18}")
    by: dict[str, list[float]] = {}
    hits: dict[str, list[int]] = {}
    for doc in corpus(split=args.split):
        content, found = stage.read(doc.spun)
        by.setdefault(doc.spinner, []).append(len(found) / max(content, 1))
        counts = hits.setdefault(doc.spinner, [0, 0])
        counts[0] += sum(doc.touches(s.start, s.end) for s in found)
        counts[1] += len(found)
    for spinner, shares in sorted(by.items()):
        on, total = hits[spinner]
        print(
            f"{spinner:12} {len(shares):5d} {roc_auc(shares, clean_shares):6.3f} {sum(shares) / len(shares):6.3f}"
            f" {on:8d}/{total:<6d} ({on / max(total, 1):.0%})"
        )
    started = time.perf_counter()
    for text in clean:
        stage.read(text)
    mine = time.perf_counter() - started
    started = time.perf_counter()
    for text in clean:
        ftfy.fix_text(text)
    theirs = time.perf_counter() - started
    size = sum(len(t) for t in clean) / 1e6
    print(
        f"speed: {size / mine:.2f} MB/s, {theirs / mine:.2f}x ftfy.fix_text ({size / theirs:.2f} MB/s)",
        "on the clean passages",
    )


if __name__ == "__main__":
    main()
