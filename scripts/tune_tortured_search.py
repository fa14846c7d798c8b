"""Choose the tortured search's levels (``TORTURED_EDIT``, ``TORTURED_FLAG``) on training pairs.

The levels live in ``textrepair/findings.py``.

The development hold-out (``benchmarks/data/tortured/heldout.tsv``) is never read here.
The training pairs (every other row of ``wordlists/tortured_phrases.tsv``) are split
once more, at random with a fixed seed: 80% to *fit* (the swaps are learned from them, as
``scripts/learn_substitutions.py`` does, and their expected terms are targets, with the
gazetteer and WordNet's multiword lemmas) and 20% to *tune*. Each tuning pair is put in a
sentence (as ``benchmarks/tortured.py`` does) and searched; each candidate (the outermost,
as the choice keeps them) is right when every word it changes becomes the word of the
expected sentence, compared on lemmas (``benchmarks.metrics``: its token edits are all
ones the expected sentence makes; "liver diseases" for "liver ailments" is right where the
list's expected term says "liver disease": the list is not consistent in its inflections,
and ``benchmarks/tortured.py`` reports the strict measure). Candidates found in the clean passages marked
"tune" in ``benchmarks/data/passages/split.tsv``, in ``benchmarks/data/clean`` and in the
references of ``benchmarks/data/dev`` are all wrong. The script prints, per confidence
level, how many candidates reach it and their precision, and the levels it proposes::

    python scripts/tune_tortured_search.py [--verbose]

Proposed: the edit level is the lowest at which the tuning precision is at least
:data:`EDIT_PRECISION` and no clean candidate reaches it; the flag floor the lowest at which
flagged candidates (between the two levels) are right at least :data:`FLAG_PRECISION` of the time
and the clean passages get at most :data:`CLEAN_FLAGS_PER_1K` candidates per 1,000 words.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

EDIT_PRECISION = 0.95
FLAG_PRECISION = 0.5
CLEAN_FLAGS_PER_1K = 1.0  # flags the clean passages may get, per 1,000 words
LEVELS = [round(0.05 * i, 2) for i in range(2, 20)]
RUN_LEVELS = [round(0.05 * i, 2) for i in range(3, 13)]


VERBOSE = "--verbose" in sys.argv


def lemmas(text: str) -> str:
    """``text`` as lemma keys, hyphens and case aside."""
    from textrepair.stages.expressions import key
    from textrepair.stages.tortured_search import _TOKEN

    return " ".join(key(w) for w in _TOKEN.findall(text.lower()))


def outermost(candidates: list) -> list:
    """The candidates no longer one contains, as the choice keeps them."""
    return [
        c
        for c in candidates
        if not any(o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start for o in candidates)
    ]


def main() -> None:
    import tortured_folds as folds

    from benchmarks.metrics import score_pair
    from benchmarks.tortured import documents
    from textrepair.resources import data_lines

    fold = folds.tuning_fold()
    fit, tune, counts = fold.fit, fold.measured, fold.counts
    index = folds.fold_index(fold)

    def examples(text: str, gold: str | None) -> list[tuple[float, bool]]:
        """(confidence, right) of the outermost term candidates in ``text``; none is right in clean text."""
        out = []
        for cand in outermost([c for c in index.find(text) if c.expression.source != "swaps"]):
            right = False
            if gold is not None:
                repaired = text[: cand.start] + cand.replacement + text[cand.end :]
                score = score_pair(lemmas(text), lemmas(repaired), lemmas(gold))
                right = score.correct == score.proposed  # every word it changes, it changes as the term has it
                if VERBOSE and not right:
                    shown = text[cand.start : cand.end]
                    print(f"  wrong {cand.confidence:.2f} {shown!r} -> {cand.replacement!r} ({gold})")
            elif VERBOSE:
                print(f"  clean {cand.confidence:.2f} {text[cand.start : cand.end]!r} -> {cand.replacement!r}")
            out.append((cand.confidence, right))
        return out

    found = [e for spun, gold, _, _ in documents(tune) for e in examples(spun, gold)]
    clean: list[float] = []
    data = ROOT / "benchmarks" / "data"
    paths = sorted((data / "clean").glob("*.txt")) + sorted((data / "dev").glob("*.gold.txt"))
    for _, line in data_lines((data / "passages" / "split.tsv").read_text(encoding="utf-8")):
        path, _, _, split = line.split("\t")
        if split == "tune":
            paths.append(data / "passages" / path)
    words = 0
    clean_texts = [path.read_text(encoding="utf-8") for path in paths]
    for text in clean_texts:
        words += len(text.split())
        clean += [conf for conf, _ in examples(text, None)]
    print(f"fit: {len(fit)} rows, {len(counts)} swaps; tune: {len(tune)} rows, {len(found)} candidates")
    print(f"clean: {len(paths)} documents, {words:,} words, {len(clean)} candidates")
    print(f"{'level':>6s} {'found':>6s} {'right':>6s} {'precision':>9s} {'clean':>6s} {'flagged right (to next)':>24s}")
    edit_level = flag_level = None
    for level in LEVELS:
        kept = [ok for conf, ok in found if conf >= level]
        right = sum(kept)
        precision = right / len(kept) if kept else 1.0
        wrong_clean = sum(1 for c in clean if c >= level)
        print(f"{level:6.2f} {len(kept):6d} {right:6d} {precision:9.3f} {wrong_clean:6d}")
        if edit_level is None and precision >= EDIT_PRECISION and not wrong_clean:
            edit_level = level
    assert edit_level is not None
    for level in LEVELS:
        band = [ok for conf, ok in found if level <= conf < edit_level]
        clean_flags = sum(1 for c in clean if c >= level)
        quiet = 1000 * clean_flags / max(words, 1) <= CLEAN_FLAGS_PER_1K
        if level < edit_level and band and sum(band) / len(band) >= FLAG_PRECISION and quiet:
            flag_level = level
            break
    tune_right = sum(1 for conf, ok in found if ok and conf >= edit_level)
    print(f"proposed TORTURED_EDIT = {edit_level} (tuning rows repaired right: {tune_right} of {len(tune)})")
    print(f"proposed TORTURED_FLAG = {flag_level}")
    tune_runs(
        index,
        documents(tune),
        clean_texts,
        words,
        clean_flags_left=CLEAN_FLAGS_PER_1K
        - 1000 * sum(1 for c in clean if c >= (flag_level or edit_level)) / max(words, 1),
    )


def tune_runs(index, docs: list, clean_texts: list[str], words: int, clean_flags_left: float) -> None:
    """Per weight from which a word counts as swapped (``RUN_WORD``), how many tuning rows
    only a run of swapped words detects (no term found over the phrase), and how many runs
    the clean passages get; proposed: the lowest weight whose clean runs stay within what
    the term flags leave of :data:`CLEAN_FLAGS_PER_1K`."""
    from textrepair.findings import TORTURED_FLAG

    print(f"runs of swapped words (clean budget left: {clean_flags_left:.2f} per 1,000 words)")
    print(f"{'word':>6s} {'rows only a run detects':>24s} {'clean runs':>11s} {'per 1k':>7s}")
    proposed = None
    for level in RUN_LEVELS:
        index.run_word = level
        gained = 0
        for spun, _, start, end in docs:
            on = [c for c in index.find(spun) if c.start < end and c.end > start and c.confidence >= TORTURED_FLAG]
            gained += bool(on) and all(c.expression.source == "swaps" for c in on)
        runs = [c for text in clean_texts for c in index.find(text) if c.expression.source == "swaps"]
        if VERBOSE:
            for c in runs:
                print(f"    clean run {c.confidence:.2f} {c.replacement!r}")
        per_1k = 1000 * len(runs) / max(words, 1)
        print(f"{level:6.2f} {gained:24d} {len(runs):11d} {per_1k:7.2f}")
        if proposed is None and per_1k <= clean_flags_left:
            proposed = level
    print(f"proposed RUN_WORD = {proposed}")


if __name__ == "__main__":
    main()
