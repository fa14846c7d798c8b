"""Measure repair quality on the seed, the development passages and clean controls.

    python -m benchmarks.quality            # table on stdout
    python -m benchmarks.quality --json     # the same numbers as JSON

Rows are kept apart on purpose: the seed article was looked at while writing the
lexicon, the development passages were not, and the clean controls must come back
unchanged (false positives are counted per 1,000 words).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from benchmarks.metrics import PairScore, roc_auc, score_pair
from textrepair import Repairer
from textrepair.tokenize import count_words

DATA = Path(__file__).resolve().parent / "data"


def _pairs(folder: Path) -> list[tuple[str, str, str]]:
    out = []
    for spun in sorted(folder.glob("*.spun.txt")):
        gold = spun.with_name(spun.name.replace(".spun.txt", ".gold.txt"))
        out.append((spun.stem.replace(".spun", ""), spun.read_text(encoding="utf-8"), gold.read_text(encoding="utf-8")))
    return out


def run(repairer: Repairer) -> dict:
    results: dict = {"spun": {}, "clean": {}, "detection": {}}
    spun_scores, clean_scores = [], []
    for group, folder in (("seed", DATA / "seed"), ("dev", DATA / "dev")):
        total = None
        for _name, spun, gold in _pairs(folder):
            report = repairer.analyze(spun)
            score = score_pair(spun, report.text, gold)
            total = score if total is None else total + score
            spun_scores.append(report.spin_score)
            clean_scores.append(repairer.analyze(gold).spin_score)  # a gold text is clean news too
        assert isinstance(total, PairScore)
        results["spun"][group] = {
            "errors_before": total.errors_before,
            "errors_after": total.errors_after,
            "ERR": round(total.err, 3),
            "precision": round(total.precision, 3),
            "recall": round(total.recall, 3),
            "F0.5": round(total.f05, 3),
            "helpful": round(total.helpful_rate, 3),
        }
    controls = {"seed_000": [DATA / "seed" / "seed_000.txt"], "clean": sorted((DATA / "clean").glob("*.txt"))}
    controls["gold references"] = [*sorted((DATA / "dev").glob("*.gold.txt")), DATA / "seed" / "seed_002.gold.txt"]
    for group, files in controls.items():
        words = edits = changed = 0
        for path in files:
            text = path.read_text(encoding="utf-8")
            report = repairer.analyze(text)
            words += count_words(text)
            edits += len(report.edits)
            changed += report.text != text
            if group != "gold references":
                clean_scores.append(report.spin_score)
        results["clean"][group] = {
            "documents": len(files),
            "words": words,
            "edits": edits,
            "edits_per_1000_words": round(1000 * edits / words, 2),
            "documents_changed": changed,
        }
    flagged = sum(s >= repairer.config.threshold for s in clean_scores)
    results["detection"] = {
        "spun_documents": len(spun_scores),
        "clean_documents": len(clean_scores),
        "roc_auc": round(roc_auc(spun_scores, clean_scores), 3),
        "false_positive_rate_at_threshold": round(flagged / len(clean_scores), 3),
        "spun_detected_at_threshold": round(
            sum(s >= repairer.config.threshold for s in spun_scores) / len(spun_scores), 3
        ),
        "threshold": repairer.config.threshold,
    }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    results = run(Repairer())
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{'spun set':10} {'E(S,R)':>7} {'E(O,R)':>7} {'ERR':>6} {'P':>6} {'R':>6} {'F0.5':>6} {'helpful':>8}")
    for group, r in results["spun"].items():
        print(
            f"{group:10} {r['errors_before']:7d} {r['errors_after']:7d} {r['ERR']:6.3f} "
            f"{r['precision']:6.3f} {r['recall']:6.3f} {r['F0.5']:6.3f} {r['helpful']:8.3f}"
        )
    print(f"\n{'clean set':16} {'docs':>5} {'words':>6} {'edits':>6} {'per 1k':>7} {'changed':>8}")
    for group, r in results["clean"].items():
        print(
            f"{group:16} {r['documents']:5d} {r['words']:6d} {r['edits']:6d} "
            f"{r['edits_per_1000_words']:7.2f} {r['documents_changed']:8d}"
        )
    d = results["detection"]
    print(
        f"\ndetection: ROC AUC {d['roc_auc']:.3f} over {d['spun_documents']} spun / {d['clean_documents']} clean; "
        f"at threshold {d['threshold']}: {d['spun_detected_at_threshold']:.0%} of spun flagged, "
        f"false positive rate {d['false_positive_rate_at_threshold']:.0%}"
    )


if __name__ == "__main__":
    main()
