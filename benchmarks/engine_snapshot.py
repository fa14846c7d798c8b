"""Record what the expression search finds and does, to check that a change keeps it.

    python -m benchmarks.engine_snapshot write before.json    # on the old code
    python -m benchmarks.engine_snapshot write after.json     # on the new code
    python -m benchmarks.engine_snapshot compare before.json after.json

A speed-up of the expression search must not change its output. ``write`` records, for every text
of ``benchmarks/data`` (and the tortured phrases), plus upper-case, lower-case,
title-case, curly-apostrophe and hyphenated variants of the spun texts:

* the candidates of ``ExpressionIndex.find`` over the whole text and over a few
  windows (fixed seed), with and without the lexicon's word pairs;
* ``analyze(...).to_dict()`` with ``Repairer(expressions=True)`` and with the search
  alone (``default_lexicon=False``).

``compare`` lists the entries that differ and exits with status 1 if any do.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from textrepair import Repairer
from textrepair.findings import Candidate
from textrepair.lexicon import default_lexicon
from textrepair.stages.expressions import ExpressionIndex

DATA = Path(__file__).resolve().parent / "data"
WINDOWS = 5  # random windows per text longer than 200 characters


def texts() -> dict[str, str]:
    """Every text the snapshot reads, by a name that says where it comes from."""
    out = {str(p.relative_to(DATA)): p.read_text("utf-8") for p in sorted(DATA.rglob("*.txt"))}
    with (DATA / "generalisation" / "tortured_phrases.tsv").open(encoding="utf-8") as f:
        for i, row in enumerate(csv.reader(f, delimiter="\t")):
            for j, cell in enumerate(row):
                if " " in cell:
                    out[f"tortured_phrases.tsv:{i}.{j}"] = cell
    for name in [n for n in out if n.endswith(".spun.txt")]:
        text = out[name]
        out[f"{name}:upper"] = text.upper()
        out[f"{name}:lower"] = text.lower()
        out[f"{name}:title"] = text.title()
        out[f"{name}:curly"] = text.replace("'", "’")
        out[f"{name}:hyphens"] = text.replace(" ", "-", 200)
    return out


def _candidate(c: Candidate) -> list[object]:
    return [c.start, c.end, c.expression.text, c.expression.source, c.replacement, c.confidence, c.links, c.changed]


def entries() -> Iterator[tuple[str, object]]:
    """(name, recorded value) for every check, in a fixed order."""
    corpus = texts()
    pairs = tuple((e.spun, e.canonical) for e in default_lexicon())
    for label, index in (("find", ExpressionIndex()), ("find+pairs", ExpressionIndex(pairs))):
        rng = random.Random(1)
        for name, text in corpus.items():
            yield f"{label} {name}", [_candidate(c) for c in index.find(text)]
            for _ in range(WINDOWS if len(text) > 200 else 1):
                lo = rng.randrange(0, max(1, len(text)))
                hi = min(len(text), lo + rng.randrange(1, 400))
                yield f"{label} {name} [{lo}:{hi}]", [_candidate(c) for c in index.find(text, lo, hi)]
    for label, repairer in (
        ("analyze", Repairer(expressions=True)),
        ("analyze engine-only", Repairer(default_lexicon=False, expressions=True)),
    ):
        for name, text in corpus.items():
            yield f"{label} {name}", repairer.analyze(text).to_dict()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("write", help="record a snapshot").add_argument("output", type=Path)
    compare = sub.add_parser("compare", help="compare two snapshots")
    compare.add_argument("before", type=Path)
    compare.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        snapshot = dict(entries())
        args.output.write_text(json.dumps(snapshot, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        found = sum(len(v) for k, v in snapshot.items() if k.startswith("find") and isinstance(v, list))
        print(f"{len(snapshot)} entries ({found} candidates) written to {args.output}")
        return
    before = json.loads(args.before.read_text(encoding="utf-8"))
    after = json.loads(args.after.read_text(encoding="utf-8"))
    differ = [k for k in sorted(before.keys() | after.keys()) if before.get(k) != after.get(k)]
    for k in differ[:20]:
        print(f"differs: {k}")
    print(f"{len(differ)} of {len(before.keys() | after.keys())} entries differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
