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

SEED = 29
TUNE_SHARE = 0.2
EDIT_PRECISION = 0.95
FLAG_PRECISION = 0.5
CLEAN_FLAGS_PER_1K = 1.0  # flags the clean passages may get, per 1,000 words
LEVELS = [round(0.05 * i, 2) for i in range(2, 20)]


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
    import build_tortured_lexicon as builder
    from learn_substitutions import learn
    from split_tortured_heldout import read_heldout

    from benchmarks.metrics import score_pair
    from benchmarks.tortured import documents
    from textrepair.resources import data_lines, wordlist_text
    from textrepair.stages.tortured_search import TorturedIndex

    rows = builder.read_rows(ROOT / "wordlists" / "tortured_phrases.tsv")
    held = read_heldout()
    train = [r for r in rows if (r.tortured, r.expected) not in held]
    pairs = sorted({(r.tortured, r.expected) for r in train})
    random.Random(SEED).shuffle(pairs)
    tune_pairs = set(pairs[: round(TUNE_SHARE * len(pairs))])
    fit = [r for r in train if (r.tortured, r.expected) not in tune_pairs]
    tune = [r for r in train if (r.tortured, r.expected) in tune_pairs]
    counts = learn([(r.tortured, r.expected, r.context, r.papers) for r in fit])
    terms = [(r.expected, "tortured") for r in fit]
    terms += [(line, "gazetteer") for _, line in data_lines(wordlist_text("gazetteer.txt"))]
    terms += [(line, "wordnet") for _, line in data_lines(wordlist_text("wordnet_expressions.txt"))]
    index = TorturedIndex(terms, [(s, o, n) for (s, o), n in counts.items()])

    def examples(text: str, gold: str | None) -> list[tuple[float, bool]]:
        """(confidence, right) of the outermost candidates in ``text``; none is right in clean text."""
        out = []
        for cand in outermost(index.find(text)):
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
    for path in paths:
        text = path.read_text(encoding="utf-8")
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


if __name__ == "__main__":
    main()
