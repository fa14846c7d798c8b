"""Word analysis and inflection for the spinners: the forward WordNet thesaurus, and
lemminflect to find a word's lemma and tag and to put a synonym in the same form.

A thesaurus spinner replaces "rescued" by looking up "rescue" and writing "delivered":
it needs the lemma and the tag of the word it replaces, and the same tag of the synonym.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import lemminflect

from .base import DATA

# WordNet's part-of-speech letters and lemminflect's universal tags.
UPOS = {"n": "NOUN", "v": "VERB", "a": "ADJ", "r": "ADV"}
BASE_TAG = {"NOUN": "NN", "VERB": "VB", "ADJ": "JJ", "ADV": "RB"}


@dataclass(frozen=True)
class Entry:
    """A thesaurus article: synonyms of the word's most frequent sense, and of the others,
    each list most frequent first."""

    first: tuple[str, ...]
    other: tuple[str, ...]

    @property
    def all(self) -> tuple[str, ...]:
        return self.first + self.other


@dataclass(frozen=True)
class Analysis:
    """One reading of a word form: universal part of speech, lemma and Penn tag."""

    upos: str
    lemma: str
    tag: str


@lru_cache(maxsize=1)
def thesaurus() -> dict[tuple[str, str], Entry]:
    """(lemma, universal POS) -> :class:`Entry`, from ``wordnet_synonyms.tsv``."""
    table: dict[tuple[str, str], Entry] = {}
    with open(DATA / "wordnet_synonyms.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            word, pos, first, other = line.rstrip("\n").split("\t")
            table[(word, UPOS[pos])] = Entry(
                tuple(first.split("|")) if first else (), tuple(other.split("|")) if other else ()
            )
    return table


@lru_cache(maxsize=50_000)
def analyses(form: str) -> tuple[Analysis, ...]:
    """Every reading of the lowercase word ``form`` that lemminflect knows, with the tag
    that produces exactly ``form`` from the lemma (the base tag when the form is the lemma)."""
    out = []
    for upos, lemmas in sorted(lemminflect.getAllLemmas(form).items()):
        if upos not in BASE_TAG:
            continue
        for lemma in lemmas:
            tags = sorted(tag for tag, forms in lemminflect.getAllInflections(lemma, upos).items() if form in forms)
            if not tags and form == lemma:
                tags = [BASE_TAG[upos]]
            for tag in tags[:1]:
                out.append(Analysis(upos, lemma, tag))
    return tuple(out)


def inflect(synonym: str, analysis: Analysis) -> str | None:
    """``synonym`` in the form ``analysis.tag`` asks for, or None where no sensible form
    exists. In a phrase the head is inflected: the last word of a noun ("guard dogs"),
    the first of a verb ("went after"); adjective and adverb phrases only in base form."""
    tag, upos = analysis.tag, analysis.upos
    if tag == BASE_TAG[upos] or tag in ("VBP", "NNP"):
        return synonym
    parts = synonym.split(" ")
    if upos == "NOUN":
        head = len(parts) - 1
    elif upos == "VERB":
        head = 0
    elif len(parts) > 1:
        return None
    else:
        head = 0
    forms = lemminflect.getInflection(parts[head], tag=tag)
    if not forms:
        return None
    parts[head] = forms[0]
    return " ".join(parts)
