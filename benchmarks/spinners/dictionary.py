"""The dictionary spinner: a fixed table of common word and phrase swaps.

Simple spinners carry a hand-made table of swaps (``benchmarks/data/spinners/dictionary.tsv``)
and apply it to surface forms: "said" -> "stated", "because of" -> "owing to", "people"
-> "individuals", "big" -> "massive". They look for the longest phrase of the table at
each word, ignore sense and part of speech ("the match" -> "the fixture", but also "a
light" that happens to be listed), and keep the casing of the first letter.
"""

from __future__ import annotations

import random
from functools import lru_cache
from itertools import pairwise

from .base import DATA, Spun, is_name, match_case, rewrite, words

DEFAULT_RATE = 0.5
MAX_PHRASE = 4


@lru_cache(maxsize=1)
def table() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Lowercase word sequence -> the wordings that may replace it."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    with open(DATA / "dictionary.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            original, replacements = line.rstrip("\n").split("\t")
            out[tuple(original.split(" "))] = tuple(replacements.split("|"))
    return out


def spin(text: str, seed: int | str = 0, rate: float = DEFAULT_RATE) -> Spun:
    """Spin ``text``: at each word, the longest phrase of the table that starts there
    (its words separated by single spaces) is replaced with probability ``rate`` by one
    of its listed wordings, chosen at random. Names are not looked up.

    >>> spin("However, they said it.", seed=0, rate=1.0).text
    'Nevertheless, they remarked it.'
    """
    rng = random.Random(f"dictionary:{seed}")
    swaps = table()
    ws = words(text)
    choices = []
    i = 0
    while i < len(ws):
        if is_name(ws[i]):
            i += 1
            continue
        for n in range(min(MAX_PHRASE, len(ws) - i), 0, -1):
            span = ws[i : i + n]
            if any(text[a.end : b.start] != " " for a, b in pairwise(span)):
                continue
            options = swaps.get(tuple(w.text.lower() for w in span))
            if options is None:
                continue
            if rng.random() < rate:
                choices.append((span[0].start, span[-1].end, match_case(span[0].text, rng.choice(options))))
            i += n
            break
        else:
            i += 1
    return rewrite(text, choices)
