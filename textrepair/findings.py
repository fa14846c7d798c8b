"""What the finding stages hand to the deciding stages, beyond lexicon hits: broken
expressions (:class:`Candidate`) and the confidence levels at which they are repaired.

A tortured phrase (``family == "tortured"``) has levels of its own, :data:`TORTURED_EDIT`
and :data:`TORTURED_FLAG`. A broken *name* at :data:`STRONG` confidence or above ("White Home") is repaired in any
document. Anything else from :data:`FIRE` up is repaired only in a document judged
spun: "military assistance" is good English, and only in a spun document is it likely
to be a broken "military aid". Below :data:`FIRE`, a candidate becomes a flag.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

STRONG = 0.8  # from here a broken name is repaired in any document
FIRE = 0.6  # from here a candidate is repaired in a document judged spun; below, it is a flag

#: A tortured phrase found through the spinner's swaps (:mod:`textrepair.stages.tortured_search`)
#: is a fingerprint: from this confidence it is repaired in any document. Chosen on training
#: pairs for an edit precision of at least 0.95 (``scripts/tune_tortured_search.py``).
TORTURED_EDIT = 0.75
#: From this confidence, a tortured phrase below :data:`TORTURED_EDIT` is flagged with its term as suggestion.
TORTURED_FLAG = 0.1


@dataclass(frozen=True, slots=True)
class Expression:
    """A canonical multiword expression: its words as written and their lemma keys."""

    words: tuple[str, ...]
    keys: tuple[str, ...]
    source: str  # "gazetteer" or "wordnet"
    #: Written with a capital: a proper name ("White House"), matched only in capitals.
    is_name: bool = False
    content: int = 0  # how many of its words are content words

    @property
    def text(self) -> str:
        return " ".join(self.words)


class Suspicion(NamedTuple):
    """A word a language model finds out of place, and the thesaurus neighbour it would
    rather see there (:mod:`textrepair.stages.context`)."""

    start: int
    end: int
    word: str
    suggestion: str
    gain: float  # log10 of how much likelier the neighbour makes the word's trigrams


class Candidate(NamedTuple):
    """A run of text that looks like a broken ``expression``, and its repair."""

    start: int
    end: int
    expression: Expression
    replacement: str
    confidence: float
    links: tuple[str, ...]  # per changed word: "synonym", "related" or "name"
    changed: tuple[tuple[int, int], ...]  # the spans of the changed words
    #: The spinner family it is evidence of: "news" (broken expressions and names) or "tortured".
    family: str = "news"

    @property
    def is_name(self) -> bool:
        return self.expression.is_name
