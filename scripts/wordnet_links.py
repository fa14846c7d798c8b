"""Word-to-word links in WordNet 3.0, read both ways: what a thesaurus-driven spinner may swap.

A paraphrasing tool replaces a word with an entry of that word's thesaurus article: a
synonym (same synset), a similar adjective (``&``), a word of the same family
(derivation ``+``, pertainym ``\\``, "see also" ``^``), a broader or narrower word
(``@``/``~``, hypernym and hyponym). To undo the swap the link is read from the spun
word back to the original, so every link is kept both ways. Read from the Debian package
``wordnet-base`` (``/usr/share/wordnet``) by the scripts that generate data; never at run time.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
#: Pointer symbols kept, and the kind of link each gives.
KINDS = {"&": "similar", "+": "derivation", "\\": "derivation", "^": "similar", "@": "broader", "~": "broader"}


def _synsets(wordnet: Path) -> Iterator[tuple[str, list[str], list[tuple[str, str, int, int]]]]:
    """(synset id, lemmas, pointers (symbol, target id, source word, target word)) per synset."""
    for pos, name in _FILES.items():
        with open(wordnet / f"data.{name}", encoding="utf-8") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split(" | ")[0].split()
                offset, count = fields[0], int(fields[3], 16)
                lemmas = [re.sub(r"\(\w+\)$", "", fields[4 + 2 * i]).lower() for i in range(count)]
                at = 4 + 2 * count
                pointers = []
                for j in range(int(fields[at])):
                    symbol, target, tpos, st = fields[at + 1 + 4 * j : at + 5 + 4 * j]
                    tpos = "a" if tpos == "s" else tpos
                    pointers.append((symbol, f"{tpos}{target}", int(st[:2], 16), int(st[2:], 16)))
                yield f"{pos}{offset}", lemmas, pointers


def wordnet_links(wordnet: Path = WORDNET) -> dict[tuple[str, str], str]:
    """(word, word) -> kind ("synonym", "similar", "derivation", "broader") for single words,
    both ways; where two kinds link the same words, the first of that order wins."""
    synsets = {sid: (lemmas, pointers) for sid, lemmas, pointers in _synsets(wordnet)}
    rank = {"synonym": 0, "similar": 1, "derivation": 2, "broader": 3}
    links: dict[tuple[str, str], str] = {}

    def add(a: str, b: str, kind: str) -> None:
        if a == b or "_" in a or "_" in b or "-" in a or "-" in b:
            return
        for pair in ((a, b), (b, a)):
            old = links.get(pair)
            if old is None or rank[kind] < rank[old]:
                links[pair] = kind

    for lemmas, pointers in synsets.values():
        for a in lemmas:
            for b in lemmas:
                add(a, b, "synonym")
        for symbol, target, src, dst in pointers:
            kind = KINDS.get(symbol)
            if kind is None or target not in synsets:
                continue
            others = synsets[target][0]
            sources = [lemmas[src - 1]] if src else lemmas
            targets = [others[dst - 1]] if dst else others
            for a in sources:
                for b in targets:
                    add(a, b, kind)
    return links


def by_word(links: dict[tuple[str, str], str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for (a, b), kind in links.items():
        out[a][b] = kind
    return out
