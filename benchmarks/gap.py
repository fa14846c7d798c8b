"""Where the errors left after a repair are: the gap between the output and the reference.

    python -m benchmarks.gap            # seed_002 and the tuned dev pairs (dev_01 to dev_08)
    python -m benchmarks.gap seed_002   # one pair

Every difference between output and reference (a Levenshtein opcode over tokens, as
in :mod:`benchmarks.metrics`) is put in the first class that fits:

* **contraction**: a side holds a contraction ("isn't" for "is not", or the other way;
  "'s" counts only after a pronoun, as it is usually a possessive after a noun);
* **number style**: a side holds a digit or a number word ("11" for "eleven");
* **one word for one word**: a single common English word (wordfreq Zipf >= 3) where the
  reference has another. Two further counts describe these: how many of the spun words
  the authors of this data set use themselves, correctly, somewhere in the references or
  clean passages (a rule that always replaced such a word would damage their text), and
  how many spun words are, elsewhere in the same set, the author's own word that the
  spinner replaced (the spinner swapped the pair both ways: "supplied" for "provided"
  and "provided" for "supplied");
* **longer rewording**: common words on both sides, more than one on some side
  ("talked about" for "mentioned");
* **word added or dropped**: common words on one side only ("probably" added);
* **other**: anything else (rare words, punctuation).

Neighbouring differences are taken together as one, except that n words replaced by n
words count as n substitutions.

The held-out pairs are left out on purpose: nobody studies their errors. The script
changes nothing; it explains the numbers ``benchmarks.accuracy`` reports.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from benchmarks.accuracy import HELD_OUT, HELD_OUT_2
from benchmarks.metrics import tokens
from textrepair import Repairer

DATA = Path(__file__).resolve().parent / "data"
COMMON_ZIPF = 3.0
CLASSES = (
    "contraction",
    "number style",
    "one word for one word",
    "longer rewording",
    "word added or dropped",
    "other",
)
# "'s" only after pronouns: after a noun it is usually the possessive ("the company's").
_CONTRACTION = re.compile(
    r"n't$|\w'(?:re|ll|ve|m|d)$|^(?:it|that|there|he|she|what|who|here|where|let)'s$", re.IGNORECASE
)
_NUMBER_WORDS = frozenset(
    re.findall(
        r"\S+",
        "zero one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred "
        "thousand thousands million millions billion billions percent per cent % first second third",
    )
)


def _is_number(token: str) -> bool:
    return any(c.isdigit() for c in token) or token.lower() in _NUMBER_WORDS


def _is_common_word(token: str) -> bool:
    return token.isalpha() and zipf_frequency(token, "en") >= COMMON_ZIPF


def classify(spun: list[str], reference: list[str]) -> str:
    """The class of one difference: output tokens ``spun`` where the reference has ``reference``."""
    both = spun + reference
    if any(_CONTRACTION.search(t) for t in both):
        return "contraction"
    if any(_is_number(t) for t in both):
        return "number style"
    if not all(_is_common_word(t) for t in both):
        return "other"
    if not spun or not reference:
        return "word added or dropped"
    return "one word for one word" if len(spun) == len(reference) == 1 else "longer rewording"


def differences(output: list[str], reference: list[str]) -> list[tuple[list[str], list[str]]]:
    """(output tokens, reference tokens) of every difference, neighbouring opcodes merged."""
    merged: list[tuple[list[str], list[str]]] = []
    last_end = -1
    for op in Levenshtein.opcodes(output, reference):
        if op.tag == "equal":
            continue
        a, b = output[op.src_start : op.src_end], reference[op.dest_start : op.dest_end]
        if merged and op.src_start == last_end:
            merged[-1][0].extend(a)
            merged[-1][1].extend(b)
        else:
            merged.append((list(a), list(b)))
        last_end = op.src_end
    found = []
    for a, b in merged:
        if len(a) == len(b) > 1:  # n words for n words: n substitutions
            found.extend(([x], [y]) for x, y in zip(a, b, strict=True) if x != y)
        else:
            found.append((a, b))
    return found


def pairs(held_out: bool = False) -> list[tuple[str, Path]]:
    """(name, path stem) of seed_002 and of the development pairs (without the held-out
    ones unless asked)."""
    found = [("seed_002", DATA / "seed" / "seed_002")]
    for spun in sorted((DATA / "dev").glob("*.spun.txt")):
        name = spun.name.removesuffix(".spun.txt")
        if held_out or name not in HELD_OUT + HELD_OUT_2:
            found.append((name, spun.with_name(name)))
    return found


def gap(repairer: Repairer, stems: list[tuple[str, Path]]) -> dict:
    """The residual differences of every pair, classified and counted."""
    authors_words: Counter[str] = Counter()
    for path in [*DATA.rglob("*.gold.txt"), *(DATA / "clean").glob("*.txt")]:
        authors_words.update(t.lower() for t in tokens(path.read_text(encoding="utf-8")))
    spans: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    substitutions: list[tuple[str, str]] = []
    distance = 0
    for _, stem in stems:
        spun = stem.with_name(stem.name + ".spun.txt").read_text(encoding="utf-8")
        reference = tokens(stem.with_name(stem.name + ".gold.txt").read_text(encoding="utf-8"))
        output = tokens(repairer.repair(spun))
        distance += Levenshtein.distance(output, reference)
        for x, y in differences(output, reference):
            kind = classify(x, y)
            spans[kind] += 1
            weight[kind] += max(len(x), len(y))
            if kind == "one word for one word":
                substitutions.append((x[0].lower(), y[0].lower()))
    originals = {b for _, b in substitutions}
    return {
        "pairs": [name for name, _ in stems],
        "token_errors": distance,
        "classes": {k: {"differences": spans[k], "tokens": weight[k]} for k in CLASSES},
        "one_for_one": {
            "substitutions": len(substitutions),
            "spun_word_used_by_authors": sum(1 for a, _ in substitutions if authors_words[a] > 0),
            "spun_word_used_by_authors_3_times": sum(1 for a, _ in substitutions if authors_words[a] >= 3),
            "spun_word_is_an_original_elsewhere": sum(1 for a, _ in substitutions if a in originals),
        },
    }


def print_gap(result: dict) -> None:
    total = sum(c["tokens"] for c in result["classes"].values()) or 1
    print(f"pairs: {', '.join(result['pairs'])}")
    print(f"token errors left (edit distance to the references): {result['token_errors']}\n")
    print(f"{'class':24} {'differences':>11} {'tokens':>7} {'share':>6}")
    for kind, c in result["classes"].items():
        print(f"{kind:24} {c['differences']:11d} {c['tokens']:7d} {c['tokens'] / total:6.0%}")
    one = result["one_for_one"]
    n = one["substitutions"] or 1
    print(f"\none word for one word: {one['substitutions']} substitutions, of which the spun word is")
    print(f"  used correctly by the authors somewhere in the data: {one['spun_word_used_by_authors'] / n:.0%}")
    print(f"  ... at least 3 times:                                {one['spun_word_used_by_authors_3_times'] / n:.0%}")
    print(f"  itself an author's word the spinner replaced here:   {one['spun_word_is_an_original_elsewhere'] / n:.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", metavar="PAIR", help="only these pairs (e.g. seed_002 dev_03)")
    parser.add_argument("--held-out", action="store_true", help="include the held-out pairs (not for tuning)")
    parser.add_argument("--expressions", action="store_true", help="run the expression search too")
    args = parser.parse_args()
    stems = [(name, stem) for name, stem in pairs(args.held_out) if not args.names or name in args.names]
    if not stems:
        parser.error(f"no such pair: {' '.join(args.names)}")
    print_gap(gap(Repairer(expressions=args.expressions), stems))


if __name__ == "__main__":
    main()
