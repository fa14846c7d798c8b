"""What textrepair does on the simulated-spinner corpus and on the clean passages behind it.

For each spinner and split (``benchmarks.simulate``): how many documents are judged spun,
their spin scores against the clean passages (ROC AUC), the edits made, how many of them
land on a real substitution, the share of changed spans that help (metrics.py's helpful
rate: undoing the change alone makes the output worse), the error reduction,
and the flags. For the clean passages themselves (news and technical, by split) and the
standard library's docstrings (``benchmarks.do_no_harm``; the tune half, every other
module in path order, is what ``scripts/fit_verdict.py`` fits on): changed tokens per
1,000 words and the share judged spun, which should both stay near zero; the same for
all clean passages cut into pieces of three sentences ("short pieces"), the length of a
news item in a feed. And detection alone on documents of two passages each, the length
of a long news article ("two passages": consecutive passages of one kind and split, spun
by the same spinner, against the clean passages joined the same way): a document's
evidence is a rate, and a longer text estimates it better. The paraphraser stays held out
whatever the split of the passages it spun.

    python -m benchmarks.other_spinners                  # writes benchmarks/results/other_spinners.json
    python -m benchmarks.other_spinners --no-save
    python -m benchmarks.other_spinners --context         # with the context stage (other_spinners_context.json)
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from pathlib import Path

from benchmarks.do_no_harm import stdlib_documents
from benchmarks.metrics import PairScore, roc_auc, score_pair, tokens, word_count, word_errors
from benchmarks.simulate import SPINNERS_FOR, SPLITS, SimDoc, corpus, passages
from benchmarks.spinners import SPINNERS
from textrepair import Repairer, Report

RESULTS = Path(__file__).resolve().parent / "results"
#: The clean passages are also read cut into pieces of this many sentences: a short clean
#: text must not be judged spun on one odd word (rates over a few words are not rates).
SHORT_SENTENCES = 3


def spun_row(repairer: Repairer, docs: Sequence[SimDoc], clean_scores: list[float]) -> dict:
    """Detection, edits and flags on ``docs``, all of one spinner and split."""
    total = PairScore(0, 0, 0, 0, 0)
    scores, words, spun, edits, edits_on, flags, flags_on = [], 0, 0, 0, 0, 0, 0
    context_edits = context_right = 0
    for doc in docs:
        report = repairer.analyze(doc.spun)
        scores.append(report.spin_score)
        spun += report.is_spun
        words += word_count(tokens(doc.clean))
        total += score_pair(doc.spun, report.text, doc.clean)
        edits += len(report.edits)
        edits_on += sum(doc.touches(e.start, e.end) for e in report.edits)
        flags += len(report.flags)
        flags_on += sum(doc.touches(f.start, f.end) for f in report.flags)
        for edit in report.edits:
            if "context:" in edit.rule:
                context_edits += 1
                context_right += any(
                    s.start < edit.end and edit.start < s.end and s.original.lower() == edit.replacement.lower()
                    for s in doc.substitutions
                )
    return {
        "documents": len(docs),
        "words": words,
        "substitutions": sum(len(d.substitutions) for d in docs),
        "judged_spun": round(spun / len(docs), 3),
        "mean_spin_score": round(sum(scores) / len(scores), 3),
        "roc_auc_vs_clean": round(roc_auc(scores, clean_scores), 3),
        "edits": edits,
        "edits_on_substitution": edits_on,
        "helpful": round(total.helpful_rate, 3) if total.changes else None,
        "ERR": round(total.err, 3),
        "flags": flags,
        "flags_on_substitution": flags_on,
        "context_edits": context_edits,
        "context_edits_restoring_the_original": context_right,
    }


def clean_row(repairer: Repairer, texts: Sequence[str], scores: list[float]) -> dict:
    """Changes and verdicts on clean texts (appends their spin scores to ``scores``)."""
    words = changed = edits = flags = spun = 0
    for text in texts:
        report = repairer.analyze(text)
        scores.append(report.spin_score)
        words += word_count(tokens(text))
        changed += word_errors(tokens(text), tokens(report.text))
        edits += len(report.edits)
        flags += len(report.flags)
        spun += report.is_spun
    return {
        "documents": len(texts),
        "words": words,
        "edits": edits,
        "changed_tokens_per_1000_words": round(1000 * changed / words, 2),
        "flags": flags,
        "judged_spun": round(spun / len(texts), 3),
    }


_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"]))\s+(?=[“\"A-Z0-9])")


def pieces(text: str, sentences: int = SHORT_SENTENCES) -> list[str]:
    """``text`` cut into consecutive pieces of ``sentences`` sentences (the last may be
    shorter), as a short item of a feed would be.

    >>> pieces("One. Two! Three? Four.", 3)
    ['One. Two! Three?', 'Four.']
    """
    parts = _SENTENCE_END.split(text.strip())
    return [" ".join(parts[i : i + sentences]) for i in range(0, len(parts), sentences)]


def joined(texts: Sequence[str], size: int = 2) -> list[str]:
    """Consecutive ``texts`` joined ``size`` at a time into one document (a shorter rest is left out)."""
    return ["\n\n".join(texts[i : i + size]) for i in range(0, len(texts) - size + 1, size)]


def two_passage_rows(repairer: Repairer) -> dict:
    """Judged spun and ROC AUC for documents of two passages, by spinner, kind and split."""
    rows = {}
    for split in SPLITS:
        for kind, spinners in SPINNERS_FOR.items():
            clean_passages = passages(split=split, kind=kind)
            clean = [repairer.analyze(t) for t in joined([p.text for p in clean_passages])]
            clean_scores = [r.spin_score for r in clean]
            rows[f"clean {kind}, {split} passages"] = {"documents": len(clean), "judged_spun": _judged(clean)}
            for spinner in spinners:
                spun = {d.passage: d.spun for d in corpus(spinners=(spinner,), kind=kind)}
                reports = [repairer.analyze(t) for t in joined([spun[p.name] for p in clean_passages])]
                rows[f"{spinner} {kind}, {split} passages"] = {
                    "documents": len(reports),
                    "judged_spun": _judged(reports),
                    "roc_auc_vs_clean": round(roc_auc([r.spin_score for r in reports], clean_scores), 3),
                }
    return rows


def _judged(reports: Sequence[Report]) -> float:
    return round(sum(r.is_spun for r in reports) / len(reports), 3)


def run(repairer: Repairer) -> dict:
    clean_scores: list[float] = []
    clean = {
        f"{kind} {split}": clean_row(repairer, [p.text for p in passages(split=split, kind=kind)], clean_scores)
        for kind in ("news", "science")
        for split in SPLITS
    }
    short = [piece for split in SPLITS for p in passages(split=split) for piece in pieces(p.text)]
    clean["short pieces"] = clean_row(repairer, short, [])
    docstrings = [text for _, text in stdlib_documents()]
    clean["stdlib tune"] = clean_row(repairer, docstrings[0::2], [])
    clean["stdlib heldout"] = clean_row(repairer, docstrings[1::2], [])
    spun = {}
    for spinner in SPINNERS:
        for split in SPLITS:
            docs = corpus(split=split, spinners=(spinner,))
            if docs:
                spun[f"{spinner} {split}"] = spun_row(repairer, docs, clean_scores)
    return {"spun": spun, "clean": clean, "two passages": two_passage_rows(repairer)}


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def show(results: dict) -> str:
    lines = [
        f"{'spun documents':20} {'docs':>4} {'words':>6} {'subs':>5} {'spun%':>6} {'score':>6} {'AUC':>6} "
        f"{'edits':>5} {'on sub':>6} {'helpful':>7} {'ERR':>6} {'flags':>5} {'on sub':>6} {'context edits right':>19}"
    ]
    for name, r in results["spun"].items():
        lines.append(
            f"{name:20} {r['documents']:4d} {r['words']:6d} {r['substitutions']:5d} {r['judged_spun']:6.1%} "
            f"{r['mean_spin_score']:6.3f} {r['roc_auc_vs_clean']:6.3f} {r['edits']:5d} {r['edits_on_substitution']:6d} "
            f"{_share(r['helpful']):>7} {r['ERR']:6.3f} {r['flags']:5d} {r['flags_on_substitution']:6d}"
            f" {r.get('context_edits_restoring_the_original', 0):9d} of {r.get('context_edits', 0):<6d}"
        )
    lines.append(
        f"\n{'clean passages':20} {'docs':>4} {'words':>6} {'edits':>5} {'changed/1000':>12} {'flags':>5} {'spun%':>6}"
    )
    for name, r in results["clean"].items():
        lines.append(
            f"{name:20} {r['documents']:4d} {r['words']:6d} {r['edits']:5d} "
            f"{r['changed_tokens_per_1000_words']:12.2f} {r['flags']:5d} {r['judged_spun']:6.1%}"
        )
    lines.append(f"\n{'two passages':38} {'docs':>4} {'spun%':>6} {'AUC':>6}")
    for name, r in results["two passages"].items():
        auc = f"{r['roc_auc_vs_clean']:6.3f}" if "roc_auc_vs_clean" in r else ""
        lines.append(f"{name:38} {r['documents']:4d} {r['judged_spun']:6.1%} {auc:>6}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-save", action="store_true", help="print only; do not write results/other_spinners.json")
    parser.add_argument("--context", action="store_true", help="with the context stage (Repairer(context=True))")
    args = parser.parse_args()
    results = run(Repairer(context=args.context))
    print(show(results))
    if not args.no_save:
        RESULTS.mkdir(exist_ok=True)
        name = "other_spinners_context.json" if args.context else "other_spinners.json"
        (RESULTS / name).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
