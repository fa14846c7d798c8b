"""Build the simulated-spinner development corpus: every clean passage through every
spinner that suits it, with fixed seeds.

News passages go through the ``wordnet``, ``dictionary`` and ``paraphraser`` spinners;
technical passages through ``tortured``, ``wordnet`` and ``paraphraser``. Each document
keeps its clean text and the spinner's substitutions, so a benchmark can score repairs
against the clean text and ask whether a flag points at a real substitution.

Splits: each passage belongs to ``tune`` or ``heldout`` by topic
(``benchmarks/data/passages/split.tsv``). A document is ``heldout`` when its passage is,
and also whenever its spinner is held out (the paraphraser): nothing may be tuned on it.

Python::

    from benchmarks.simulate import corpus, passages
    docs = corpus(split="tune")            # list[SimDoc]
    docs[0].touches(start, end)            # does a span of the spun text hit a substitution?
    clean = passages(kind="news")          # list[Passage], the clean controls

Command line::

    python -m benchmarks.simulate                 # counts per spinner and split
    python -m benchmarks.simulate --check         # assert the corpus invariants (exit 1 on failure)
    python -m benchmarks.simulate --write DIR     # dump clean, spun and substitutions for reading
    python -m benchmarks.simulate --rounds 3      # three spun versions of every passage
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from benchmarks.metrics import tokens, word_count
from benchmarks.spinners import HELD_OUT_SPINNERS, SPINNERS, Substitution
from benchmarks.spinners.base import function_words, words

PASSAGES = Path(__file__).resolve().parent / "data" / "passages"
SPINNERS_FOR = {
    "news": ("wordnet", "dictionary", "paraphraser"),
    "science": ("tortured", "wordnet", "paraphraser"),
}
SPLITS = ("tune", "heldout")
MIN_WORDS, MAX_WORDS = 280, 420


@dataclass(frozen=True)
class Passage:
    """A clean passage: ``name`` (file stem, e.g. ``news_01``), kind (news / science),
    topic, split and text."""

    name: str
    kind: str
    topic: str
    split: str
    text: str


@dataclass(frozen=True)
class SimDoc:
    """A passage after one spinner: ``name`` is ``<passage>.<spinner>``."""

    name: str
    passage: str
    kind: str
    topic: str
    spinner: str
    split: str
    clean: str
    spun: str
    substitutions: tuple[Substitution, ...]

    def touches(self, start: int, end: int) -> bool:
        """Whether ``spun[start:end]`` (an edit's or a flag's span) overlaps a substitution;
        an empty span counts when it lies inside or at the edge of one."""
        return any((s.start < end and start < s.end) or s.start <= start == end <= s.end for s in self.substitutions)


def _split_rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in (PASSAGES / "split.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            path, kind, topic, split = line.split("\t")
            rows.append((path, kind, topic, split))
    return rows


@lru_cache(maxsize=1)
def _all_passages() -> tuple[Passage, ...]:
    return tuple(
        Passage(Path(path).stem, kind, topic, split, (PASSAGES / path).read_text(encoding="utf-8"))
        for path, kind, topic, split in _split_rows()
    )


def passages(split: str | None = None, kind: str | None = None) -> list[Passage]:
    """The clean passages, optionally of one split and one kind."""
    return [p for p in _all_passages() if split in (None, p.split) and kind in (None, p.kind)]


def simulate(passage: Passage, spinner: str, round_: int = 0) -> SimDoc:
    """``passage`` through ``spinner``, seeded by the passage's name (and the round, after
    the first): deterministic. Later rounds give other spun versions of the same passage."""
    seed = passage.name if round_ == 0 else f"{passage.name}#{round_}"
    spun = SPINNERS[spinner](passage.text, seed=seed)
    split = "heldout" if passage.split == "heldout" or spinner in HELD_OUT_SPINNERS else "tune"
    return SimDoc(
        f"{passage.name}.{spinner}" + (f".{round_}" if round_ else ""),
        passage.name,
        passage.kind,
        passage.topic,
        spinner,
        split,
        passage.text,
        spun.text,
        spun.substitutions,
    )


def _build(rounds: int) -> tuple[SimDoc, ...]:
    return tuple(simulate(p, s, r) for r in range(rounds) for p in _all_passages() for s in SPINNERS_FOR[p.kind])


@lru_cache(maxsize=4)
def _corpus(rounds: int = 1) -> tuple[SimDoc, ...]:
    return _build(rounds)


def corpus(
    split: str | None = None, spinners: tuple[str, ...] | None = None, kind: str | None = None, rounds: int = 1
) -> list[SimDoc]:
    """The simulated documents, optionally of one split, some spinners and one kind.
    ``rounds`` > 1 spins every passage that many times with different seeds (more data
    for fitting; each round's documents are distinct but share their clean passages, so
    keep a passage's documents on one side of any split). Built once per process and
    ``rounds`` (about three seconds a round), in round and passage order."""
    return [
        d
        for d in _corpus(rounds)
        if split in (None, d.split) and (spinners is None or d.spinner in spinners) and kind in (None, d.kind)
    ]


def unspin(doc: SimDoc) -> str:
    """The spun text with every substitution put back: must give the clean text."""
    text = doc.spun
    for sub in reversed(doc.substitutions):
        text = text[: sub.start] + sub.original + text[sub.end :]
    return text


def check(docs: list[SimDoc] | None = None) -> list[str]:
    """Every broken invariant of the passages and the corpus, as messages (empty: all hold)."""
    problems = []
    listed = {path for path, *_ in _split_rows()}
    on_disk = {str(path.relative_to(PASSAGES)) for path in PASSAGES.glob("*/*.txt")}
    problems += [f"{path}: not in split.tsv" for path in sorted(on_disk - listed)]
    problems += [f"{path}: in split.tsv but missing" for path in sorted(listed - on_disk)]
    topic_splits: dict[str, set[str]] = defaultdict(set)
    for p in _all_passages():
        topic_splits[(p.kind, p.topic)].add(p.split)
        n = word_count(tokens(p.text))
        if not MIN_WORDS <= n <= MAX_WORDS:
            problems.append(f"{p.name}: {n} words, outside {MIN_WORDS}-{MAX_WORDS}")
        lines = p.text.split("\n")
        if (
            not p.text.endswith("\n")
            or lines[1] != ""
            or any((i % 2 == 1) == bool(line) for i, line in enumerate(lines[:-1]))
        ):
            problems.append(f"{p.name}: not 'headline, blank line, paragraph, blank line, ...'")
    problems += [f"topic {topic}: in both splits" for topic, splits in topic_splits.items() if len(splits) > 1]
    docs = list(_corpus(1)) if docs is None else docs
    for doc in docs:
        if not doc.substitutions or doc.spun == doc.clean:
            problems.append(f"{doc.name}: no substitution")
        end = 0
        for sub in doc.substitutions:
            if sub.start < end:
                problems.append(f"{doc.name}: substitutions overlap or are out of order at {sub.start}")
            end = sub.end
            if doc.spun[sub.start : sub.end] != sub.spun:
                problems.append(f"{doc.name}: span {sub.start}-{sub.end} is not {sub.spun!r}")
            if doc.clean[sub.clean_start : sub.clean_end] != sub.original:
                problems.append(f"{doc.name}: clean span {sub.clean_start}-{sub.clean_end} is not {sub.original!r}")
            if sub.spun.lower() == sub.original.lower():
                problems.append(f"{doc.name}: {sub.original!r} 'replaced' by itself")
        if unspin(doc) != doc.clean:
            problems.append(f"{doc.name}: undoing the substitutions does not give the clean text")
    if docs and _build(1) != _corpus(1):
        problems.append("the corpus differs between two builds: not deterministic")
    return problems


def summary(docs: list[SimDoc]) -> list[dict]:
    """Per spinner and split: documents, words, content words (not function words),
    substitutions, and the share of all words and of content words that were replaced."""
    rows: dict[tuple[str, str], dict] = {}
    for doc in docs:
        row = rows.setdefault(
            (doc.spinner, doc.split),
            {"spinner": doc.spinner, "split": doc.split, "documents": 0, "words": 0, "content_words": 0}
            | {"substitutions": 0, "replaced": 0},
        )
        row["documents"] += 1
        row["words"] += word_count(tokens(doc.clean))
        row["content_words"] += sum(w.text.lower() not in function_words() for w in words(doc.clean))
        row["substitutions"] += len(doc.substitutions)
        row["replaced"] += sum(word_count(tokens(s.original)) for s in doc.substitutions)
    out = []
    for row in rows.values():
        replaced = row.pop("replaced")
        row["replaced_share"] = round(replaced / row["words"], 3)
        row["replaced_content_share"] = round(replaced / row["content_words"], 3)
        out.append(row)
    return sorted(out, key=lambda r: (list(SPINNERS).index(r["spinner"]), SPLITS.index(r["split"])))


def write(docs: list[SimDoc], folder: Path) -> None:
    """``folder/<spinner>/<passage>[.<round>].{clean,spun}.txt`` and ``.subs.tsv``
    (start, end, original, spun)."""
    for doc in docs:
        out = folder / doc.spinner
        out.mkdir(parents=True, exist_ok=True)
        stem = doc.passage + doc.name.removeprefix(f"{doc.passage}.{doc.spinner}")
        (out / f"{stem}.clean.txt").write_text(doc.clean, encoding="utf-8")
        (out / f"{stem}.spun.txt").write_text(doc.spun, encoding="utf-8")
        subs = "".join(f"{s.start}\t{s.end}\t{s.original}\t{s.spun}\n" for s in doc.substitutions)
        (out / f"{stem}.subs.tsv").write_text("start\tend\toriginal\tspun\n" + subs, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the simulated-spinner development corpus.")
    parser.add_argument("--write", type=Path, metavar="DIR", help="dump every document into DIR for reading")
    parser.add_argument("--check", action="store_true", help="assert the corpus invariants; exit 1 if one fails")
    parser.add_argument("--split", choices=SPLITS, help="only this split")
    parser.add_argument("--rounds", type=int, default=1, help="spin every passage this many times (default 1)")
    args = parser.parse_args(argv)
    docs = corpus(split=args.split, rounds=args.rounds)
    if args.check:
        problems = check(docs)
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(docs)} documents checked: {len(problems)} problem(s)")
        if problems:
            return 1
    if args.write:
        write(docs, args.write)
        print(f"wrote {len(docs)} documents to {args.write}")
    print(f"{'spinner':12} {'split':8} {'docs':>5} {'words':>7} {'subs':>6} {'replaced':>9} {'of content':>11}")
    for row in summary(docs):
        print(
            f"{row['spinner']:12} {row['split']:8} {row['documents']:5d} {row['words']:7d} "
            f"{row['substitutions']:6d} {row['replaced_share']:9.1%} {row['replaced_content_share']:11.1%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
