"""How far the tortured search can get: the ceilings of its sources, per tortured pair.

For each measured pair (the tuning fold by default, see ``scripts/tortured_folds.py``;
``--heldout`` reports the development hold-out, to write its ceilings down, never to
choose anything): is its expected term among the search's targets; is each word the
spinner changed (aligned as ``scripts/learn_substitutions.py`` aligns) linked back to the
expected word by some source: the learned swaps, the reverse thesaurus
(``wordlists/thesaurus.txt``), WordNet read both ways (synonyms, similar-to, derivations,
broader/narrower, ``scripts/wordnet_links.py``), or a learned swap between other members of
the two words' families (lemminflect forms and WordNet derivations: "profoundly" ->
"deeply" from "profound" -> "deep"). A pair whose words all link is "linked" when the
search's own sources (learned swaps, reverse thesaurus) link them, "linked, new sources"
when only WordNet or the families do. A pair that is not reachable is classed by the first
reason: no term; word order (the words link up only in another order); function words
(a word added or dropped, or a swap among function words); a multiword swap nobody links
("getting to know" -> "learning"); inflection (the words differ only in form); an
unlinked one-for-one swap. With ``--search``, what the search does with each class. With
``--any-term``, every pair counts as having its term (the ceiling of a search that took
any wording as a term, such as one the language model accepts)::

    python scripts/tortured_ceilings.py [--heldout] [--search] [--any-term] [--examples N]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tortured_folds as folds
from learn_substitutions import _reverse_thesaurus, substitutions, words
from split_tortured_heldout import term_key
from wordnet_links import wordnet_links

SOURCES = ("learned", "thesaurus", "wordnet", "family")


def _keyed_wordnet() -> dict[str, dict[str, str]]:
    from textrepair.stages.expressions import key

    out: dict[str, dict[str, str]] = {}
    for (a, b), kind in wordnet_links().items():
        ka, kb = key(a), key(b)
        if ka != kb:
            out.setdefault(ka, {}).setdefault(kb, kind)
    return out


class Linker:
    """Which sources link a spun lemma (or lemmas) to an original."""

    def __init__(self, counts: dict[tuple[str, str], int]) -> None:
        self.counts = counts
        self.thesaurus = _reverse_thesaurus()
        self.wordnet = _keyed_wordnet()
        self.family: dict[str, set[str]] = {}
        for a, d in self.wordnet.items():
            for b, kind in d.items():
                if kind == "derivation":
                    self.family.setdefault(a, {a}).add(b)
        self.by_original: dict[str, set[str]] = {}
        for s, o in counts:
            self.by_original.setdefault(o, set()).add(s)

    def sources(self, s: str, o: str) -> set[str]:
        out = set()
        if (s, o) in self.counts:
            out.add("learned")
        if " " in s or " " in o:
            return out
        if o in self.thesaurus.get(s, ()):
            out.add("thesaurus")
        if o in self.wordnet.get(s, {}):
            out.add("wordnet")
        fs, fo = self.family.get(s, {s}), self.family.get(o, {o})
        if any((a, b) in self.counts for a in fs for b in fo if (a, b) != (s, o)):
            out.add("family")
        return out


def classify(tortured: str, expected: str, linker: Linker, has_term: bool) -> tuple[str, list[tuple[str, str, set]]]:
    from textrepair.stages.expressions import function_words, key

    fw = function_words()
    blocks = [(s, o, linker.sources(s, o)) for s, o in substitutions(tortured, expected, frozenset(linker.counts))]
    if not has_term:
        return "no term", blocks
    if all(src for _, _, src in blocks) and _same_shape(tortured, expected):
        if all(src & {"learned", "thesaurus"} for _, _, src in blocks):
            return "linked", blocks
        return "linked, new sources", blocks
    t = [key(w) for w in words(tortured)]
    e = [key(w) for w in words(expected)]
    tc, ec = [w for w in t if w not in fw], [w for w in e if w not in fw]
    if len(tc) == len(ec) and tc != ec and len(tc) <= 6:
        for perm in itertools.permutations(tc):
            if list(perm) != tc and all(a == b or linker.sources(a, b) for a, b in zip(perm, ec, strict=True)):
                return "word order", blocks
    if not _same_shape(tortured, expected) or any(
        all(w in fw for w in (s + " " + o).split()) for s, o, src in blocks if not src
    ):
        return "function words", blocks
    if any((" " in s or " " in o) for s, o, src in blocks if not src):
        return "multiword", blocks
    if any(set(_forms(s)) & set(_forms(o)) for s, o, src in blocks if not src):
        return "inflection", blocks
    return "unlinked word", blocks


def _same_shape(tortured: str, expected: str) -> bool:
    """Whether the alignment needs no word added or dropped (learn_substitutions' gaps)."""
    from learn_substitutions import align

    return all(s and o for s, o in align(words(tortured), words(expected)))


def _forms(word: str) -> set[str]:
    import lemminflect

    out = {word}
    for upos in ("NOUN", "VERB", "ADJ"):
        for inflected in lemminflect.getAllInflections(word, upos=upos).values():
            out.update(inflected)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="report the hold-out (never choose on it)")
    parser.add_argument("--search", action="store_true", help="also what the search does per class")
    parser.add_argument("--examples", type=int, default=0, help="print N pairs of each class")
    parser.add_argument("--any-term", action="store_true", help="count every pair's term as a target")
    args = parser.parse_args()
    fold = folds.heldout_fold() if args.heldout else folds.tuning_fold()
    index = folds.fold_index(fold)
    targets = {" ".join(t.keys) for t in index.targets}
    linker = Linker(fold.counts)
    classes: Counter[str] = Counter()
    per_source: Counter[str] = Counter()
    blocks_total = 0
    rows_by_class: dict[str, list] = {}
    for r in fold.measured:
        cls, blocks = classify(r.tortured, r.expected, linker, args.any_term or term_key(r.expected) in targets)
        classes[cls] += 1
        rows_by_class.setdefault(cls, []).append(r)
        for _, _, src in blocks:
            blocks_total += 1
            for s in src:
                per_source[s] += 1
            per_source["any"] += bool(src)
            per_source["learned or thesaurus"] += bool(src & {"learned", "thesaurus"})
    n = len(fold.measured)
    print(f"{fold.name}: {n} pairs; fit on {len(fold.fit)} rows, {len(fold.counts)} learned swaps")
    print(f"expected term among the targets: {n - classes['no term']} ({(n - classes['no term']) / n:.1%})")
    for cls in (
        "linked",
        "linked, new sources",
        "word order",
        "function words",
        "multiword",
        "inflection",
        "unlinked word",
        "no term",
    ):
        print(f"  {cls:20s} {classes[cls]:5d} ({classes[cls] / n:.1%})")
        for r in rows_by_class.get(cls, [])[: args.examples]:
            print(f"      {r.tortured!r} -> {r.expected!r}")
    print(f"changed words: {blocks_total}; linked by")
    for s in (*SOURCES, "learned or thesaurus", "any"):
        print(f"  {s:22s} {per_source[s]:5d} ({per_source[s] / max(blocks_total, 1):.1%})")
    if args.search:
        from benchmarks.tortured import documents, heldout_repairer

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "fit.lex"
            fit = [folds.builder.Row(r.tortured, r.expected, r.context, r.papers) for r in fold.fit]
            path.write_text(folds.builder.build(fit), encoding="utf-8")
            repairer = heldout_repairer(path, index)
            print(f"{'class':20s} {'rows':>5s} {'restored':>9s} {'detected':>9s}")
            for cls, rows in sorted(rows_by_class.items()):
                restored = detected = 0
                for spun, gold, start, end in documents(rows):
                    report = repairer.analyze(spun)
                    restored += report.text == gold
                    detected += any(e.start < end and e.end > start for e in report.edits) or any(
                        f.start < end and f.end > start for f in report.flags
                    )
                print(f"{cls:20s} {len(rows):5d} {restored:9d} {detected:9d}")


if __name__ == "__main__":
    main()
