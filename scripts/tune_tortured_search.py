"""Choose the tortured search's levels on training pairs: ``TORTURED_EDIT`` and ``TORTURED_FLAG``
(``textrepair/findings.py``), ``MIN_GAIN`` and ``GAIN_WEIGHT``
(``textrepair/stages/tortured_search.py``), ``RUN_WORD``, ``LONE_WORD``, ``RUN_FIT_WEIGHT``,
``RUN_FLOOR`` and the unchecked levels (``textrepair/stages/tortured_runs.py``).

The development hold-out (``benchmarks/data/tortured/heldout.tsv``) is never read here.
The training pairs are split once more (``scripts/tortured_folds.py``): 80% to *fit* (the
swaps are learned from them, as ``scripts/learn_substitutions.py`` does, and their expected
terms are targets, with the gazetteer and WordNet's multiword lemmas) and 20% to *tune*.
Each tuning pair is put in a sentence (as ``benchmarks/tortured.py`` does) and searched;
each term the search finds (the outermost, as the choice keeps them) is right when every
word it changes becomes the word of the expected sentence, compared on lemmas
(``benchmarks.metrics``: "liver diseases" for "liver ailments" is right where the list's
expected term says "liver disease": the list is not consistent in its inflections, and
``benchmarks/tortured.py`` reports the strict measure). Finds in the clean passages marked
"tune" in ``benchmarks/data/passages/split.tsv``, in ``benchmarks/data/clean``, in the
references of ``benchmarks/data/dev`` and in the docstrings of half the standard library's
modules (the other half is the benchmark's check) are all wrong; clean text is searched
with the swaps and terms of every training row, as the benchmark's search has them (only
the hold-out's rows are left out, never read)::

    python scripts/tune_tortured_search.py [--verbose]

*Terms* first, with the runs of swapped words off. For each language-model margin in
:data:`GAINS` (a find is kept only when the model finds its term that much likelier than
the run, ``TorturedIndex.plausible``) and weight of the gain in :data:`GAIN_WEIGHTS`, the
script proposes the edit level, the lowest at which the tuning precision is at least
:data:`EDIT_PRECISION` and no clean find reaches it, and the flag floor, the lowest at
which flagged finds (between the two levels) are right at least :data:`FLAG_PRECISION` of
the time and the clean passages get at most :data:`CLEAN_FLAGS_PER_1K` finds per 1,000
words; it prints the tuning rows edited right and detected (an edit or a flag on the
phrase), and keeps the setting with the most rows detected plus rows edited right (a right
repair counts as found and as fixed; ties: the most edited right).

Then the *runs of swapped words*, with that setting: for each pair of word levels in
:data:`RUN_WORD_LEVELS` (``RUN_WORD``, ``LONE_WORD``) and weight of the run's fit in
:data:`FIT_WEIGHTS` (``RUN_FIT_WEIGHT``), the lowest run confidence (``RUN_FLOOR``) at
which the clean runs stay within what the term flags leave of the budget, and the tuning
rows detected by terms or runs; the setting with the most is proposed. Last, without the
language model (pocketsphinx not installed: nothing checks a find), the unchecked levels
as they were chosen before the model checked runs: the lowest ``RUN_WORD`` whose clean
runs stay within the budget, then the lowest ``LONE_WORD``. With ``--verbose``, the full
tables for the margin in the code and for the unchecked runs.
"""

from __future__ import annotations

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
LONE_LEVELS = [0.5, 0.6, 0.7, 0.8, 0.9]
#: (RUN_WORD, LONE_WORD) tried with the language model's check of the runs, and the weights of its fit.
RUN_WORD_LEVELS = [(0.25, 0.7), (0.2, 0.5), (0.15, 0.4), (0.1, 0.3), (0.05, 0.2)]
FIT_WEIGHTS = (0.0, 0.1, 0.15, 0.2, 0.3)
OFF = 2.0  # a weight no word reaches: the kind of run is off
GAINS = (float("-inf"), 0.0, 0.5, 1.0, 1.5)
GAIN_WEIGHTS = (0.0, 0.1, 0.2, 0.3)

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


def clean_texts() -> list[str]:
    from textrepair.resources import data_lines

    data = ROOT / "benchmarks" / "data"
    paths = sorted((data / "clean").glob("*.txt")) + sorted((data / "dev").glob("*.gold.txt"))
    for _, line in data_lines((data / "passages" / "split.tsv").read_text(encoding="utf-8")):
        path, _, _, split = line.split("\t")
        if split == "tune":
            paths.append(data / "passages" / path)
    return [path.read_text(encoding="utf-8") for path in paths] + [text for _, text in stdlib_tune_half()]


def stdlib_tune_half() -> list[tuple[str, str]]:
    """The standard library's docstrings (``benchmarks.do_no_harm``) of the modules in the
    tuning half (:func:`benchmarks.tortured.stdlib_half`): clean technical prose, whose
    words are the ones the tortured list swaps most ("element", "document", "type")."""
    from benchmarks.do_no_harm import stdlib_documents
    from benchmarks.tortured import stdlib_half

    return [(name, text) for name, text in stdlib_documents() if stdlib_half(name) == "tune"]


class Tuning:
    """The tuning documents, the clean texts and the searches over them."""

    def __init__(self, index, clean_index, docs: list, clean: list[str]) -> None:
        self.index, self.clean_index, self.docs, self.clean = index, clean_index, docs, clean
        self.words = sum(len(text.split()) for text in clean)

    def set(self, **levels: float) -> None:
        """Set the same levels on both indexes."""
        for name, value in levels.items():
            setattr(self.index, name, value)
            setattr(self.clean_index, name, value)

    def terms(self, show: bool = False) -> tuple[list[tuple[float, bool]], list[float]]:
        """(confidence, right) of the outermost terms found in the tuning documents, and
        the confidences of those found in the clean texts."""
        from benchmarks.metrics import score_pair

        found, clean = [], []
        for spun, gold, _, _ in self.docs:
            for cand in self._terms(spun):
                repaired = spun[: cand.start] + cand.replacement + spun[cand.end :]
                score = score_pair(lemmas(spun), lemmas(repaired), lemmas(gold))
                right = score.correct == score.proposed  # every word it changes, it changes as the term has it
                if show and not right:
                    print(f"  wrong {cand.confidence:.2f} {spun[cand.start : cand.end]!r} -> {cand.replacement!r}")
                found.append((cand.confidence, right))
        for text in self.clean:
            for cand in self._terms(text, self.clean_index):
                if show:
                    print(f"  clean {cand.confidence:.2f} {text[cand.start : cand.end]!r} -> {cand.replacement!r}")
                clean.append(cand.confidence)
        return found, clean

    def _terms(self, text: str, index=None) -> list:
        index = self.index if index is None else index
        return outermost([c for c in index.find(text) if c.expression.source != "swaps"])

    def levels(self, found: list[tuple[float, bool]], clean: list[float], show: bool = False) -> tuple[float, float]:
        if show:
            print(f"{'level':>6s} {'found':>6s} {'right':>6s} {'precision':>9s} {'clean':>6s}")
        edit_level = None
        for level in LEVELS:
            kept = [ok for conf, ok in found if conf >= level]
            precision = sum(kept) / len(kept) if kept else 1.0
            wrong_clean = sum(1 for c in clean if c >= level)
            if show:
                print(f"{level:6.2f} {len(kept):6d} {sum(kept):6d} {precision:9.3f} {wrong_clean:6d}")
            if edit_level is None and precision >= EDIT_PRECISION and not wrong_clean:
                edit_level = level
        if edit_level is None:
            return OFF, OFF
        flag_level = edit_level
        for level in LEVELS:
            band = [ok for conf, ok in found if level <= conf < edit_level]
            quiet = 1000 * sum(1 for c in clean if c >= level) / max(self.words, 1) <= CLEAN_FLAGS_PER_1K
            if level < edit_level and band and sum(band) / len(band) >= FLAG_PRECISION and quiet:
                flag_level = level
                break
        return edit_level, flag_level

    def run_level(self, budget: float, attribute: str, levels: list[float], show: bool = False) -> float:
        """The lowest level of ``attribute`` (``run_word``, then ``lone_word``) whose clean runs
        stay within ``budget`` per 1,000 words (:data:`OFF` when none does)."""
        if show:
            print(f"{attribute} (clean budget left: {budget:.2f} per 1,000 words)")
        for level in [*levels, OFF]:
            self.set(**{attribute: level})
            runs = [c for text in self.clean for c in self.clean_index.find(text) if c.expression.source == "swaps"]
            per_1k = 1000 * len(runs) / max(self.words, 1)
            if show:
                print(f"{level:6.2f} {len(runs):11d} {per_1k:7.2f}")
                for c in runs:
                    print(f"    clean run {c.confidence:.2f} {c.replacement!r}")
            if per_1k <= budget:
                return level
        return OFF

    def run_floor(self, budget: float) -> tuple[float, int]:
        """The lowest confidence (in steps of 0.01) from which the runs of swapped words
        found in the clean texts are at most ``budget``, and how many there are from it."""
        confs = [
            c.confidence for text in self.clean for c in self.clean_index.find(text) if c.expression.source == "swaps"
        ]
        for step in range(0, 100):
            level = step / 100
            kept = sum(1 for c in confs if c >= level)
            if kept <= budget:
                return level, kept
        return OFF, 0

    def rows(self, edit_level: float, flag_level: float) -> tuple[int, int]:
        """Tuning rows with a right edit, and rows detected (a find at the flag level or a run on the phrase)."""
        edited = detected = 0
        for spun, gold, start, end in self.docs:
            on = [c for c in self.index.find(spun) if c.start < end and c.end > start]
            terms = [c for c in outermost([c for c in on if c.expression.source != "swaps"])]
            detected += any(c.confidence >= flag_level for c in terms) or any(
                c.expression.source == "swaps" for c in on
            )
            best = max(terms, key=lambda c: c.confidence, default=None)
            if best is not None and best.confidence >= edit_level:
                repaired = spun[: best.start] + best.replacement + spun[best.end :]
                edited += lemmas(repaired) == lemmas(gold)
        return edited, detected


def main() -> None:
    import tortured_folds as folds
    from split_tortured_heldout import read_heldout

    from benchmarks.tortured import documents, heldout_index
    from textrepair.stages.tortured_search import GAIN_WEIGHT, MIN_GAIN

    fold = folds.tuning_fold()
    index = folds.fold_index(fold)
    model = index.language_model
    if model is None:
        sys.exit("the language model needs pocketsphinx (a dependency of textrepair): pip install -e .")
    # Clean text is searched as the shipped search would search it: with the swaps learned
    # from every training row (more than the fit rows), which find more in clean text.
    clean_index = heldout_index(folds.all_rows(), read_heldout())
    tuning = Tuning(index, clean_index, documents(fold.measured), clean_texts())
    print(f"fit: {len(fold.fit)} rows, {len(fold.counts)} swaps; tune: {len(fold.measured)} rows")
    print(f"clean: {len(tuning.clean)} documents, {tuning.words:,} words")

    print("\nterms (runs of swapped words off):")
    print(f"{'margin':>7s} {'weight':>7s} {'edit':>5s} {'flag':>5s} {'edited right':>13s} {'detected':>9s}")
    tuning.set(runs=False)
    best = None
    for gain, weight in [(g, w) for g in GAINS for w in GAIN_WEIGHTS if w == 0.0 or g > float("-inf")]:
        tuning.set(min_gain=gain, gain_weight=weight)
        show = VERBOSE and gain == MIN_GAIN and weight == GAIN_WEIGHT
        found, clean = tuning.terms(show)
        edit_level, flag_level = tuning.levels(found, clean, show)
        edited, detected = tuning.rows(edit_level, flag_level)
        print(f"{gain:7.2f} {weight:7.2f} {edit_level:5.2f} {flag_level:5.2f} {edited:13d} {detected:9d}")
        if best is None or (detected + edited, edited) > best[0]:
            clean_flags = sum(1 for c in clean if c >= flag_level)
            best = ((detected + edited, edited), gain, weight, edit_level, flag_level, clean_flags)
    assert best is not None
    _, gain, weight, edit_level, flag_level, clean_flags = best
    tuning.set(min_gain=gain, gain_weight=weight, runs=True)
    budget = CLEAN_FLAGS_PER_1K * tuning.words / 1000 - clean_flags
    print(f"\nruns of swapped words (clean budget left: {budget:.0f} flags):")
    print(f"{'run word':>9s} {'lone word':>9s} {'fit weight':>10s} {'floor':>6s} {'clean':>6s} {'detected':>9s}")
    runs = None
    for (run_word, lone_word), fit_weight in [(lv, w) for lv in RUN_WORD_LEVELS for w in FIT_WEIGHTS]:
        tuning.set(run_word=run_word, lone_word=lone_word, run_fit_weight=fit_weight, run_floor=0.0)
        floor, clean_runs = tuning.run_floor(budget)
        tuning.set(run_floor=floor)
        _, detected = tuning.rows(edit_level, flag_level)
        print(f"{run_word:9.2f} {lone_word:9.2f} {fit_weight:10.2f} {floor:6.2f} {clean_runs:6d} {detected:9d}")
        if runs is None or detected > runs[0]:
            runs = (detected, run_word, lone_word, fit_weight, floor)
    assert runs is not None
    _, run_word, lone_word, fit_weight, floor = runs

    # Without the language model (pocketsphinx not installed) nothing checks a find: the
    # levels of unchecked runs, within what unchecked term flags leave of the budget.
    tuning.set(language_model=None, min_gain=float("-inf"), gain_weight=0.0)
    found, clean = tuning.terms()
    _, unchecked_flag = tuning.levels(found, clean)
    left = CLEAN_FLAGS_PER_1K - 1000 * sum(1 for c in clean if c >= unchecked_flag) / max(tuning.words, 1)
    tuning.set(lone_word=OFF)
    unchecked_run = tuning.run_level(left, "run_word", RUN_LEVELS, VERBOSE)
    unchecked_lone = tuning.run_level(left, "lone_word", LONE_LEVELS, VERBOSE)
    tuning.set(language_model=model)
    print(
        f"\nproposed MIN_GAIN = {gain}, GAIN_WEIGHT = {weight}, TORTURED_EDIT = {edit_level}, "
        f"TORTURED_FLAG = {flag_level}, RUN_WORD = {run_word}, LONE_WORD = {lone_word}, "
        f"RUN_FIT_WEIGHT = {fit_weight}, RUN_FLOOR = {floor}; without the model: "
        f"UNCHECKED_RUN_WORD = {unchecked_run}, UNCHECKED_LONE_WORD = {unchecked_lone} ({OFF}: off)"
    )


if __name__ == "__main__":
    main()
