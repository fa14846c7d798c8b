"""Fit the calibrated spin probability of the context stage: ``wordlists/verdict.json``.

With the context stage on (``Repairer(context=True)``), ``Report.spin_score`` is a
logistic model over six pieces of evidence (``textrepair.stages.verdict.spin_features``):
the news spinner family's evidence per 100 words, the tortured-phrase family's, the
distinct words the language model suspects (at a gain of 10^2.5 and of 10^4) per 100
content words, the distinct rare words where a ten times commoner synonym fits
(``textrepair.stages.context.COMMONER_BY``) per 100 content words, and the share of
content words the model finds unlikely where they stand (what kind of text it is). Each
enters as ``log(1 + x)``: a little evidence says much, a lot says little more.

It is fitted on the *tune* side only: the simulated spinners' tune documents, each tune
passage spun :data:`ROUNDS` times (``benchmarks/simulate.py``; the paraphraser is never
among them) and the founding
spinner's first development pairs (``dev_01``-``dev_08`` and the seed article) as spun;
the clean passages of the tune split, the clean controls ``clean_01``-``clean_09``, the
references of ``dev_01``-``dev_08`` and the tune half of the standard library's docstrings
(``benchmarks/do_no_harm.py``: every other module in path order, so technical prose has
its weight) as clean. The docstrings come with the Python that runs the script, so the
fit depends a little on its version (the one used is written into the output). Every other document stays held out for
``benchmarks/other_spinners.py --context`` and ``benchmarks/accuracy.py``. The fit is
logistic regression by Newton's method with a small ridge penalty, so that the same
documents give the same weights, and with the two classes weighted to count the same
(:func:`balanced`)::

    python scripts/fit_verdict.py            # writes wordlists/verdict.json
"""

from __future__ import annotations

import json
import math
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.do_no_harm import stdlib_documents  # noqa: E402
from benchmarks.simulate import corpus, passages  # noqa: E402
from textrepair import Repairer  # noqa: E402
from textrepair.stages.verdict import spin_features  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
OUTPUT = ROOT / "wordlists" / "verdict.json"
RIDGE = 0.1
#: Each tune passage is spun this many times by each of its spinners (different seeds):
#: more of a spinner's habits to fit on than one version shows, from the same passages.
ROUNDS = 3


def documents() -> tuple[list[str], list[str]]:
    """(spun, clean) texts of the tune side."""
    spun = [d.spun for d in corpus(split="tune", rounds=ROUNDS)]
    spun += [(DATA / "dev" / f"dev_{i:02d}.spun.txt").read_text("utf-8") for i in range(1, 9)]
    spun.append((DATA / "seed" / "seed_002.spun.txt").read_text("utf-8"))
    clean = [p.text for p in passages("tune")]
    clean += [(DATA / "clean" / f"clean_{i:02d}.txt").read_text("utf-8") for i in range(1, 10)]
    clean += [(DATA / "dev" / f"dev_{i:02d}.gold.txt").read_text("utf-8") for i in range(1, 9)]
    clean += stdlib_tune()
    return spun, clean


def stdlib_tune() -> list[str]:
    """The tune half of the standard-library docstrings: modules 0, 2, 4, ... in path order
    (the odd ones are the held-out half, ``benchmarks/other_spinners.py --context``)."""
    return [text for i, (_, text) in enumerate(stdlib_documents()) if i % 2 == 0]


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """``a x = b`` by Gaussian elimination with partial pivoting (a is small)."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col:
                factor = m[r][col] / m[col][col]
                m[r] = [x - factor * y for x, y in zip(m[r], m[col], strict=True)]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(xs: list[list[float]], ys: list[int], weights: list[float] | None = None) -> list[float]:
    """Logistic regression weights (bias first) by Newton's method with a ridge penalty;
    ``weights``: how much each document counts (1 each if not given)."""
    k = len(xs[0]) + 1
    w = [0.0] * k
    weights = weights or [1.0] * len(ys)
    for _ in range(50):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y, weight in zip(xs, ys, weights, strict=True):
            row = [1.0, *x]
            p = 1.0 / (1.0 + math.exp(-sum(a * b for a, b in zip(w, row, strict=True))))
            for i in range(k):
                grad[i] += weight * (p - y) * row[i]
                for j in range(k):
                    hess[i][j] += weight * p * (1 - p) * row[i] * row[j]
        for i in range(1, k):
            grad[i] += RIDGE * w[i]
            hess[i][i] += RIDGE
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-9:
            break
    return w


def balanced(ys: list[int]) -> list[float]:
    """Weights under which the spun and the clean documents count the same in all: how
    many spun documents there are is a choice of the corpus (spinners, rounds), not a
    fact about text, and should not move the threshold."""
    spun = sum(ys)
    clean = len(ys) - spun
    return [clean / spun if y else 1.0 for y in ys]


def main() -> None:
    repairer = Repairer(context=True)
    spun, clean = documents()
    xs = [[math.log1p(v) for v in spin_features(repairer.analyze(t).evidence)] for t in spun + clean]
    ys = [1] * len(spun) + [0] * len(clean)
    bias, *weights = fit(xs, ys, balanced(ys))
    data = {
        "comment": "Generated by scripts/fit_verdict.py: the context stage's calibrated spin probability.",
        "features": [
            "news evidence per 100 words",
            "tortured evidence per 100 words",
            "distinct words suspected (gain >= 10^2.5) per 100 content words",
            "distinct words strongly suspected (gain >= 10^4) per 100 content words",
            "distinct rare words where a 10x commoner synonym fits per 100 content words",
            "share of content words the model finds unlikely in place (below 10^-3.5)",
        ],
        "bias": round(bias, 6),
        "weights": [round(w, 6) for w in weights],
        "fitted_on": {"spun": len(spun), "clean": len(clean), "python": platform.python_version()},
    }
    OUTPUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(data, indent=2))


if __name__ == "__main__":
    main()
