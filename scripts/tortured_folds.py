"""The tuning fold of the tortured-phrase pairs: what the tortured search may be tuned on.

The development hold-out (``benchmarks/data/tortured/heldout.tsv``) is never read to
learn or choose anything. The other pairs of ``wordlists/tortured_phrases.tsv`` are split
once more, at random with a fixed seed (:data:`SEED`): :data:`TUNE_SHARE` of the distinct
pairs to *tune* on, the rest to *fit* (the swaps are learned from them, as
``scripts/learn_substitutions.py`` does, their expected terms are targets with the
gazetteer and WordNet's multiword lemmas, and the lexicon built from them is loaded).
The tuning rows then stand to the fit rows as the held-out rows stand to the training rows
in ``benchmarks/tortured.py``, so the same measure applies to both (:func:`measure`).

Used by ``scripts/tune_tortured_search.py`` and ``scripts/tortured_ceilings.py``; run
alone, it prints the tuning fold's restored, detected and edit precision (without and with
the runs of swapped words, and with the context stage as well)::

    python scripts/tortured_folds.py
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import build_tortured_lexicon as builder  # noqa: E402
from learn_substitutions import learn  # noqa: E402
from split_tortured_heldout import read_heldout  # noqa: E402

SEED = 29
TUNE_SHARE = 0.2


@dataclass
class Fold:
    """Rows to fit on and rows to measure, with the swaps learned from the fit rows."""

    fit: list[builder.Row]
    measured: list[builder.Row]
    counts: dict[tuple[str, str], int]
    name: str


def all_rows() -> list[builder.Row]:
    rows = builder.read_rows(ROOT / "wordlists" / "tortured_phrases.tsv")
    builder.build(rows)  # fills in each row's condition, as the committed lexicon has it
    return rows


def tuning_fold(rows: list[builder.Row] | None = None) -> Fold:
    """The fit rows and the tuning rows (never a held-out row)."""
    rows = all_rows() if rows is None else rows
    held = read_heldout()
    train = [r for r in rows if (r.tortured, r.expected) not in held]
    pairs = sorted({(r.tortured, r.expected) for r in train})
    random.Random(SEED).shuffle(pairs)
    tune_pairs = set(pairs[: round(TUNE_SHARE * len(pairs))])
    fit = [r for r in train if (r.tortured, r.expected) not in tune_pairs]
    tune = [r for r in train if (r.tortured, r.expected) in tune_pairs]
    counts = learn([(r.tortured, r.expected, r.context, r.papers) for r in fit])
    return Fold(fit, tune, dict(counts), "tuning fold")


def heldout_fold(rows: list[builder.Row] | None = None) -> Fold:
    """The training rows and the held-out rows: for reporting ceilings only, never for choosing."""
    from textrepair.stages.tortured_search import read_substitutions

    rows = all_rows() if rows is None else rows
    held = read_heldout()
    train = [r for r in rows if (r.tortured, r.expected) not in held]
    measured = [r for r in rows if (r.tortured, r.expected) in held]
    counts = {(s, o): n for s, o, n in read_substitutions()}
    return Fold(train, measured, counts, "held-out")


def fold_terms(fold: Fold) -> list[tuple[str, str]]:
    """The search's targets as the measured rows may see them."""
    from textrepair.resources import data_lines, wordlist_text

    terms = [(r.expected, "tortured") for r in fold.fit]
    terms += [(line, "gazetteer") for _, line in data_lines(wordlist_text("gazetteer.txt"))]
    terms += [(line.replace("_", " "), "wordnet") for _, line in data_lines(wordlist_text("wordnet_expressions.txt"))]
    return terms


def fold_index(fold: Fold, **kwargs):
    """The search's index as the measured rows may see it, with the language model the
    stage uses when pocketsphinx is installed."""
    from textrepair.stages.tortured_search import TorturedIndex, language_model

    kwargs.setdefault("language_model", language_model())
    subs = [(s, o, n) for (s, o), n in sorted(fold.counts.items())]
    return TorturedIndex(fold_terms(fold), subs, **kwargs)


def measure(fold: Fold, index, tmp: Path, context: bool = False) -> dict:
    """Restored, detected and edit precision on the measured rows, as ``benchmarks.tortured``
    measures the hold-out: the built-in lexicon plus a lexicon of the fit rows, and the search
    (with ``context``, also the context stage)."""
    from benchmarks.tortured import documents, heldout_repairer, measure_rows

    path = tmp / "fit.lex"
    fit = [builder.Row(r.tortured, r.expected, r.context, r.papers) for r in fold.fit]
    path.write_text(builder.build(fit), encoding="utf-8")
    return measure_rows(heldout_repairer(path, index, context=context), documents(fold.measured))


def main() -> None:
    """Print the tuning fold's rows: without and with the runs of swapped words, and with the context stage too."""
    import tempfile

    fold = tuning_fold()
    index = fold_index(fold)
    print(f"{'tuning fold':36s} {'rows':>5s} {'restored':>9s} {'detected':>9s} {'edit P':>7s}")
    with tempfile.TemporaryDirectory() as tmp:
        settings = [("without runs of swapped words", False, False), ("with them", True, False)]
        if index.language_model is not None:  # the context stage needs the same model (pocketsphinx)
            settings.append(("with them, + context stage", True, True))
        for name, runs, context in settings:
            index.runs = runs
            r = measure(fold, index, Path(tmp), context)
            print(
                f"{name:36s} {r['rows']:5d} {r['restored_share']:9.1%} {r['detected_share']:9.1%} "
                f"{r['edit_precision']:7.3f}"
            )


if __name__ == "__main__":
    main()
