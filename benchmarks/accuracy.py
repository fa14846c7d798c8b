"""Measure repair accuracy: one row per set, a table on stdout and a JSON result.

    python -m benchmarks.accuracy                      # writes benchmarks/results/accuracy.json
    python -m benchmarks.accuracy --output other.json

Rows (DESIGN.md section 4):

* ``seed_002``: the spun seed article against its reference. The lexicon was written
  while reading it, so it is reported apart from the development set.
* ``seed_000``: the reworded, not spun, control article: must come back unchanged.
* ``dev spun``: the development pairs in ``benchmarks/data/dev/``, on other topics.
* ``held-out``: the subset of them (``HELD_OUT``) that no rule was tuned on: wrong
  edits are only ever studied on the other pairs, so this row shows how the rules
  carry over to text nobody looked at while writing them.
* ``dev clean``: clean passages full of legitimate uses of words spinners produce, plus
  the development references (clean news too).

Spun rows report error reduction (ERR), edit precision, recall, F0.5 and the helpful
rate (see benchmarks/metrics.py); every row reports changed tokens per 1,000 words,
which on clean rows is the false-positive rate. The detection block compares the spin
scores of spun and clean documents.
"""

from __future__ import annotations

import argparse
import json
import platform
from pathlib import Path

from benchmarks.metrics import PairScore, roc_auc, score_pair, tokens, word_errors
from textrepair import Repairer, __version__

DATA = Path(__file__).resolve().parent / "data"
HELD_OUT = ("dev_09", "dev_10", "dev_11", "dev_12")
RESULTS = Path(__file__).resolve().parent / "results"


def _pairs(folder: Path, pattern: str = "*.spun.txt") -> list[tuple[str, str]]:
    return [
        (p.read_text(encoding="utf-8"), p.with_name(p.name.replace(".spun.txt", ".gold.txt")).read_text("utf-8"))
        for p in sorted(folder.glob(pattern))
    ]


def spun_row(repairer: Repairer, pairs: list[tuple[str, str]], scores: list[float]) -> dict:
    total = PairScore(0, 0, 0, 0, 0)
    words = changed = 0
    for spun, gold in pairs:
        report = repairer.analyze(spun)
        scores.append(report.spin_score)
        total = total + score_pair(spun, report.text, gold)
        words += len([t for t in tokens(spun) if t[:1].isalnum()])
        changed += word_errors(tokens(spun), tokens(report.text))
    return {
        "documents": len(pairs),
        "words": words,
        "errors_before": total.errors_before,
        "errors_after": total.errors_after,
        "ERR": round(total.err, 3),
        "precision": round(total.precision, 3),
        "recall": round(total.recall, 3),
        "F0.5": round(total.f05, 3),
        "helpful": round(total.helpful_rate, 3),
        "changed_tokens_per_1000_words": round(1000 * changed / words, 1),
    }


def clean_row(repairer: Repairer, texts: list[str], scores: list[float]) -> dict:
    words = changed = edits = touched = 0
    for text in texts:
        report = repairer.analyze(text)
        scores.append(report.spin_score)
        words += len([t for t in tokens(text) if t[:1].isalnum()])
        changed += word_errors(tokens(text), tokens(report.text))
        edits += len(report.edits)
        touched += report.text != text
    return {
        "documents": len(texts),
        "words": words,
        "edits": edits,
        "documents_changed": touched,
        "changed_tokens_per_1000_words": round(1000 * changed / words, 2),
    }


def run(repairer: Repairer) -> dict:
    spun_scores: list[float] = []
    clean_scores: list[float] = []
    dev_pairs = _pairs(DATA / "dev")
    names = [p.name.split(".")[0] for p in sorted((DATA / "dev").glob("*.spun.txt"))]
    dev_clean = [p.read_text(encoding="utf-8") for p in sorted((DATA / "clean").glob("*.txt"))]
    dev_clean += [gold for _, gold in dev_pairs]
    rows = {
        "seed_002": spun_row(repairer, _pairs(DATA / "seed", "seed_002.spun.txt"), spun_scores),
        "seed_000": clean_row(repairer, [(DATA / "seed" / "seed_000.txt").read_text("utf-8")], clean_scores),
        "dev spun": spun_row(repairer, dev_pairs, spun_scores),
        "held-out": spun_row(repairer, [p for n, p in zip(names, dev_pairs, strict=True) if n in HELD_OUT], []),
        "dev clean": clean_row(repairer, dev_clean, clean_scores),
    }
    threshold = repairer.config.threshold
    detection = {
        "spun_documents": len(spun_scores),
        "clean_documents": len(clean_scores),
        "roc_auc": round(roc_auc(spun_scores, clean_scores), 3),
        "threshold": threshold,
        "spun_judged_spun": round(sum(s >= threshold for s in spun_scores) / len(spun_scores), 3),
        "clean_judged_spun": round(sum(s >= threshold for s in clean_scores) / len(clean_scores), 3),
    }
    return {
        "textrepair": __version__,
        "python": platform.python_version(),
        "rows": rows,
        "detection": detection,
    }


def print_table(result: dict) -> None:
    rows = result["rows"]
    print(f"{'set':10} {'docs':>4} {'words':>6} {'ERR':>6} {'P':>6} {'R':>6} {'F0.5':>6} {'helpful':>7} {'chg/1k':>7}")
    for name, r in rows.items():
        if "ERR" in r:
            print(
                f"{name:10} {r['documents']:4d} {r['words']:6d} {r['ERR']:6.3f} {r['precision']:6.3f} "
                f"{r['recall']:6.3f} {r['F0.5']:6.3f} {r['helpful']:7.3f} {r['changed_tokens_per_1000_words']:7.1f}"
            )
        else:
            dash = "-"
            print(
                f"{name:10} {r['documents']:4d} {r['words']:6d} {dash:>6} {dash:>6} {dash:>6} {dash:>6} {dash:>7} "
                f"{r['changed_tokens_per_1000_words']:7.2f}"
            )
    d = result["detection"]
    print(
        f"\ndetection: ROC AUC {d['roc_auc']:.3f} ({d['spun_documents']} spun / {d['clean_documents']} clean); "
        f"at threshold {d['threshold']}: {d['spun_judged_spun']:.0%} of spun and "
        f"{d['clean_judged_spun']:.0%} of clean documents judged spun"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=RESULTS / "accuracy.json", help="where to write the JSON")
    args = parser.parse_args()
    result = run(Repairer())
    print_table(result)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.output}")


if __name__ == "__main__":
    main()
