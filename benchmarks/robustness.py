"""Time and memory on adversarial documents: does the cost stay linear in the input?

    python -m benchmarks.robustness                        # 256, 512 and 1024 KB; 5 and 20 MB for memory
    python -m benchmarks.robustness --kb 128 256 512 --memory-mb 5
    python -m benchmarks.robustness --only mojibake spintax --memory-mb

Each input is one line (no line breaks) built by repeating a short unit up to the
size: damage ftfy repairs everywhere (mojibake, HTML entities, NUL bytes, C1 controls,
lone surrogates, combining marks), an unclosed list of spintax options, a line of
lexicon hits, and text with no spaces. For each, ``textrepair.repair`` and
``ftfy.fix_text`` are timed on the same text in the same run. Reported: the seconds,
the ratio to ftfy, and the growth from the smallest size to the largest (4x the input
should cost at most about 5x the time: more means the cost grows faster than the input).

Memory: ``analyze`` on one document of a few megabytes of news text, in a fresh
process; the peak resident size (``ru_maxrss``) is reported with the process's peak and
resident size just before the document was read (start-up holds more for a moment than
it keeps), and the ratio of the peak over that resident size to the document.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import ftfy

from textrepair import repair

DATA = Path(__file__).resolve().parent / "data"

#: The repeated unit of each adversarial line.
UNITS: dict[str, str] = {
    "mojibake": "Zelenskyâ€™s plan for the Ukraineâ€“EU summit ",
    "html entities": "AT&amp;T and the caf&eacute; &#8217;s plan ",
    "NUL bytes": "the\x00 plan\x00 ",
    "C1 controls": "the plan\x85 said\x92s ",
    "lone surrogates": "the plan\ud800 said ",
    "combining marks": "cafe\u0301 re\u0301sume\u0301 ",
    "spintax": "alpha beta|",  # after one "{", never closed
    "lexicon hits": "The suppose tank met the Overseas Minister. ",
    "no spaces": "thesupposetankmettheforeignminister",
}


def adversarial(name: str, chars: int) -> str:
    """The adversarial line ``name``, ``chars`` characters long (about as many bytes)."""
    unit = UNITS[name]
    text = unit * (chars // len(unit) + 1)
    text = text[:chars]
    return "{" + text[1:] if name == "spintax" else text


def best_of(func: Callable[[str], object], text: str, repeat: int) -> float:
    """The least wall-clock seconds of ``repeat`` calls: the machine's noise only adds time."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func(text)
        best = min(best, time.perf_counter() - start)
    return best


def time_inputs(names: list[str], sizes_kb: list[int], repeat: int) -> list[dict]:
    repair("The suppose tank met the Overseas Minister. Zelenskyâ€™s plan.")  # load lexicons and tables first
    rows = []
    for name in names:
        row: dict = {"input": name, "sizes_kb": sizes_kb, "repair_s": [], "ftfy_s": []}
        for kb in sizes_kb:
            text = adversarial(name, kb * 1024)
            row["repair_s"].append(best_of(repair, text, repeat))
            row["ftfy_s"].append(best_of(ftfy.fix_text, text, repeat))
        row["growth"] = row["repair_s"][-1] / row["repair_s"][0]
        row["input_growth"] = sizes_kb[-1] / sizes_kb[0]
        row["ratio_to_ftfy"] = [r / max(f, 1e-9) for r, f in zip(row["repair_s"], row["ftfy_s"], strict=True)]
        rows.append(row)
        print(_time_line(row), flush=True)
    return rows


def _time_line(row: dict) -> str:
    times = " ".join(f"{s:7.2f}" for s in row["repair_s"])
    ratios = " ".join(f"{r:6.1f}" for r in row["ratio_to_ftfy"])
    return f"{row['input']:16} {times}   x ftfy {ratios}   growth {row['growth']:5.1f}x for {row['input_growth']:g}x"


# Run in a fresh process, so the peak belongs to one document alone.
_MEMORY_PROBE = """
import os, resource, sys
from pathlib import Path
from textrepair import Repairer
r = Repairer()
# A spun article loads everything a repair may need (lexicons, the word-frequency table).
r.analyze((Path(sys.argv[1]) / "seed" / "seed_002.spun.txt").read_text(encoding="utf-8"))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:  # resident now, in KB (Linux); the peak so far includes what loading held for a moment
    resident = int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
except OSError:
    resident = before
docs = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).rglob("*.txt"))]
size = int(float(sys.argv[2]) * 1e6)
text = "\\n\\n".join(docs)
text = (text * (size // len(text.encode("utf-8")) + 1)).encode("utf-8")[:size].decode("utf-8", "ignore")
report = r.analyze(text)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(before, resident, peak, len(text.encode("utf-8")), len(report.edits))
"""


def peak_memory(megabytes: float) -> dict:
    """Peak resident memory of ``analyze`` on one news document of ``megabytes`` MB."""
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(DATA), str(megabytes)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    before_kb, resident_kb, peak_kb, size, edits = (int(v) for v in out)
    row = {
        "document_mb": size / 1e6,
        "edits": edits,
        "before_mb": before_kb / 1024,
        "resident_mb": resident_kb / 1024,
        "peak_mb": peak_kb / 1024,
        "overhead_per_byte": (peak_kb - resident_kb) * 1024 / size,
    }
    print(
        f"{row['document_mb']:6.1f} MB document: peak {row['peak_mb']:7.1f} MB "
        f"(before reading: peak {row['before_mb']:5.1f} MB, resident {row['resident_mb']:5.1f} MB; "
        f"{row['overhead_per_byte']:.1f}x the document over the resident size)",
        flush=True,
    )
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=int, nargs="+", default=[256, 512, 1024], help="input sizes in KB")
    parser.add_argument("--only", nargs="+", choices=sorted(UNITS), metavar="INPUT", help="time only these inputs")
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs per size (default 1)")
    parser.add_argument(
        "--memory-mb", type=float, nargs="*", default=[5, 20], help="document sizes for peak memory (none: skip)"
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    names = args.only or list(UNITS)
    # Memory first: Linux carries a process's peak over into a child it starts, so the
    # probes must start before the timings have grown this one.
    results: dict = {"memory": [peak_memory(mb) for mb in args.memory_mb]}
    print(f"seconds at {' / '.join(f'{kb} KB' for kb in args.kb)}; ratio to ftfy.fix_text; growth of repair's time")
    results["time"] = time_inputs(names, args.kb, args.repeat)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
