"""The random-WordNet spinner: content words swapped for any WordNet synonym of any sense.

This is the crudest common kind of spinner. For a share of the content words (nouns,
verbs, adjectives, adverbs) it takes one of the word's possible parts of speech, whatever
the sentence says, picks a synonym from any of that word's senses with equal chance
("boat" -> "gravy boat", "rescue" -> "deliverance"), puts it in the same inflection
and keeps the casing. Proper names are mostly left alone, as real spinners' stop lists do.
"""

from __future__ import annotations

import random

from .base import Spun, Word, function_words, is_name, match_case, rewrite, words
from .morph import analyses, inflect, thesaurus

DEFAULT_RATE = 0.35
NAME_RATE = 0.05  # the share of names a spinner still swaps ("Crimson Cross")


def candidates(word: Word) -> list[str]:
    """Every inflected synonym the spinner could write for ``word``, any sense, any part
    of speech its form allows."""
    form = word.text.lower()
    if form in function_words() or "-" in form or "'" in form or "’" in form:
        return []
    table = thesaurus()
    out: list[str] = []
    for analysis in analyses(form):
        entry = table.get((analysis.lemma, analysis.upos))
        if entry is None:
            continue
        for synonym in entry.all:
            inflected = inflect(synonym, analysis)
            if inflected and inflected.lower() != form and inflected not in out:
                out.append(inflected)
    return out


def spin(text: str, seed: int | str = 0, rate: float = DEFAULT_RATE) -> Spun:
    """Spin ``text``: each content word with a thesaurus entry is replaced with
    probability ``rate`` (names with probability ``NAME_RATE``), by a synonym drawn
    uniformly from all its senses.

    >>> spin("The fishermen rescued the boat.", seed=1, rate=1.0).text != "The fishermen rescued the boat."
    True
    """
    rng = random.Random(f"wordnet:{seed}")
    choices = []
    for word in words(text):
        options = candidates(word)
        if not options:
            continue
        if rng.random() >= (NAME_RATE if is_name(word) else rate):
            continue
        choices.append((word.start, word.end, match_case(word.text, rng.choice(options))))
    return rewrite(text, choices)
