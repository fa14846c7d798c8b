"""Throughput against what a user would run instead, with a scaling plot.

    python -m benchmarks.throughput                      # 1, 4, 16, 64 MB
    python -m benchmarks.throughput --sizes 1 4 --naive-max 4

Three ways to clean the same corpus, timed in the same run:

* ``textrepair``: ``Repairer().repair``;
* ``with engine``: ``Repairer(expressions=True).repair``, textrepair with the
  expression search switched on (it is off by default), to show what it costs;
* ``ftfy``: ``ftfy.fix_text`` alone, the Unicode fix most pipelines already run;
* ``replace loop``: the hand-written approach: every entry of textrepair's own lexicon
  applied with ``re.sub`` (word boundaries, case-insensitive unless the entry has
  capitals), with no classes, context or document gate. It is measured up to
  ``--naive-max`` MB because its cost grows with the size of the lexicon.

The corpus is about half spun and half clean text by size. The accuracy of the replace
loop is measured on the same sets as ``benchmarks.accuracy``, so speed and accuracy
can be read together. Writes ``benchmarks/results/throughput.json`` and, when
matplotlib is installed (``pip install -e ".[bench]"``), ``throughput.png``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import ftfy
import regex

from benchmarks.metrics import score_pair, tokens, word_count, word_errors
from benchmarks.speed import seconds_to_process, warm_up
from textrepair import Repairer
from textrepair.lexicon import default_lexicon

DATA = Path(__file__).resolve().parent / "data"
RESULTS = Path(__file__).resolve().parent / "results"


def half_spun_corpus(megabytes: float) -> list[str]:
    """Spun and clean documents alternating, each side about half the bytes."""
    spun = [p.read_text("utf-8") for p in sorted(DATA.glob("*/*.spun.txt"))]
    clean = [p.read_text("utf-8") for p in sorted(DATA.glob("*/*.gold.txt"))]
    clean += [p.read_text("utf-8") for p in sorted((DATA / "clean").glob("*.txt"))]
    clean.append((DATA / "seed" / "seed_000.txt").read_text("utf-8"))
    out: list[str] = []
    sizes = {"spun": 0, "clean": 0}
    i = 0
    while sum(sizes.values()) < megabytes * 1e6:
        side = "spun" if sizes["spun"] <= sizes["clean"] else "clean"
        pool = spun if side == "spun" else clean
        doc = pool[i % len(pool)]
        out.append(doc)
        sizes[side] += len(doc.encode("utf-8"))
        i += 1
    return out


def replace_loop() -> Callable[[str], str]:
    """The hand-written alternative: the same lexicon as a list of re.sub calls."""
    rules = []
    for entry in default_lexicon():
        flags = 0 if entry.case_sensitive else regex.IGNORECASE
        spun = regex.escape(entry.spun).replace("'", "['’]").replace(r"\ ", r"\s+")
        rules.append((regex.compile(rf"(?<!\w){spun}(?!\w)", flags), entry.canonical))

    def run(text: str) -> str:
        for pattern, canonical in rules:
            text = pattern.sub(canonical, text)
        return text

    return run


def measure(sizes: list[float], naive_max: float) -> list[dict]:
    repairer = Repairer()
    with_engine = Repairer(expressions=True)
    naive = replace_loop()
    warm_up(repairer)
    warm_up(with_engine)
    rows = []
    for mb in sizes:
        docs = half_spun_corpus(mb)
        size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
        row: dict = {"MB": round(size, 2)}
        row["ftfy_s"] = round(seconds_to_process(ftfy.fix_text, docs), 3)
        row["textrepair_s"] = round(seconds_to_process(repairer.repair, docs), 3)
        row["with_engine_s"] = round(seconds_to_process(with_engine.repair, docs), 3)
        if mb <= naive_max:
            row["replace_loop_s"] = round(seconds_to_process(naive, docs), 3)
        for key in ("ftfy", "textrepair", "with_engine", "replace_loop"):
            if f"{key}_s" in row:
                row[f"{key}_MB_per_s"] = round(size / row[f"{key}_s"], 2)
        row["textrepair_vs_ftfy"] = round(row["ftfy_s"] / row["textrepair_s"], 2)
        row["with_engine_vs_ftfy"] = round(row["ftfy_s"] / row["with_engine_s"], 2)
        if "replace_loop_s" in row:
            row["textrepair_vs_replace_loop"] = round(row["replace_loop_s"] / row["textrepair_s"], 2)
        rows.append(row)
    return rows


def accuracy_of(func: Callable[[str], str]) -> dict:
    """Seed and dev error reduction and changed tokens per 1,000 clean words."""
    out: dict = {}
    for name, pattern in (("seed_002", "seed/seed_002.spun.txt"), ("dev spun", "dev/*.spun.txt")):
        total = None
        for path in sorted(DATA.glob(pattern)):
            spun = path.read_text("utf-8")
            gold = path.with_name(path.name.replace(".spun.txt", ".gold.txt")).read_text("utf-8")
            score = score_pair(spun, func(spun), gold)
            total = score if total is None else total + score
        assert total is not None
        out[name] = {"ERR": round(total.err, 3), "precision": round(total.precision, 3)}
    words = changed = 0
    clean_files = [DATA / "seed" / "seed_000.txt", *sorted((DATA / "clean").glob("*.txt"))]
    for path in clean_files:
        text = path.read_text("utf-8")
        text_tokens = tokens(text)
        words += word_count(text_tokens)
        changed += word_errors(text_tokens, tokens(func(text)))
    out["clean changed tokens per 1,000 words"] = round(1000 * changed / words, 1)
    return out


def plot(rows: list[dict], path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, ax = plt.subplots(figsize=(6, 4))
    for key, label in (
        ("textrepair", "textrepair.repair"),
        ("with_engine", "textrepair with the expression search"),
        ("ftfy", "ftfy.fix_text"),
        ("replace_loop", "replace loop"),
    ):
        points = [(r["MB"], r[f"{key}_s"]) for r in rows if f"{key}_s" in r]
        if points:
            ax.plot(*zip(*points, strict=True), marker="o", label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("corpus size (MB, half spun, half clean)")
    ax.set_ylabel("seconds")
    ax.set_title("Time to clean a corpus (lower is better)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 16, 64], help="corpus sizes in MB")
    parser.add_argument("--naive-max", type=float, default=4, help="largest size for the replace loop")
    args = parser.parse_args()
    rows = measure(args.sizes, args.naive_max)
    print(
        f"{'MB':>6} {'textrepair MB/s':>16} {'with engine MB/s':>17} {'ftfy MB/s':>10} {'loop MB/s':>10} "
        f"{'vs ftfy':>8} {'with engine vs ftfy':>20} {'vs loop':>8}"
    )
    for r in rows:
        loop = f"{r['replace_loop_MB_per_s']:10.2f}" if "replace_loop_MB_per_s" in r else f"{'-':>10}"
        vs_loop = f"{r['textrepair_vs_replace_loop']:8.2f}" if "textrepair_vs_replace_loop" in r else f"{'-':>8}"
        print(
            f"{r['MB']:6.1f} {r['textrepair_MB_per_s']:16.2f} {r['with_engine_MB_per_s']:17.2f} "
            f"{r['ftfy_MB_per_s']:10.2f} {loop} {r['textrepair_vs_ftfy']:8.2f} "
            f"{r['with_engine_vs_ftfy']:20.2f} {vs_loop}"
        )
    accuracy = {"textrepair": accuracy_of(Repairer().repair), "replace loop": accuracy_of(replace_loop())}
    print()
    for name, acc in accuracy.items():
        print(
            f"{name:12} seed ERR {acc['seed_002']['ERR']:6.3f} (P {acc['seed_002']['precision']:.3f})  "
            f"dev ERR {acc['dev spun']['ERR']:6.3f} (P {acc['dev spun']['precision']:.3f})  "
            f"clean: {acc['clean changed tokens per 1,000 words']} changed tokens per 1,000 words"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "throughput.json").write_text(json.dumps({"rows": rows, "accuracy": accuracy}, indent=2) + "\n")
    if plot(rows, RESULTS / "throughput.png"):
        print(f"\nplot: {RESULTS / 'throughput.png'}")


if __name__ == "__main__":
    main()
