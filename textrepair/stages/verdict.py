"""Stage "verdict": judge the whole document once, in the first round.

A spinner leaves fingerprints, wording almost nobody writes ("suppose tank", "p.c",
leftover ``{braces}``, a surely broken name), and ambiguous words in the contexts that
betray them ("final week", "an settlement"). The density of this evidence per 100
words (:func:`evidence_weight`) gives ``spin_score = 1 - exp(-density)``; a clean text
full of "mentioned" and "however" in ordinary contexts stays low.

Each spinner family's evidence is weighed on its own (the news spinner's lexicon,
spintax and broken expressions; the tortured-phrase list): a family judges the document
spun from the configured threshold on, with at least ``min_evidence`` of evidence, and,
in a text of :data:`MIN_SPOTS` spots or more, only if it still would without its
strongest spot (:data:`SPOT_WORDS` words): one spun sentence in a clean article gets
its fingerprints repaired, not the article rewritten. The document is spun when some
family judges it so; its score is that of all the evidence together. Later rounds keep
the verdict, so repairing the output again changes nothing.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from ..findings import FIRE, STRONG
from ..model import Edit, Verdict
from ..pipeline import Document
from ..resources import wordlist_text

SUPPORTED_WEIGHT = 0.5  # an ambiguous hit whose context constraint holds (or whose article betrays it)
AMBIGUOUS_WEIGHT = 0.05  # any other ambiguous hit
MIN_WORDS = 50  # shorter texts are scored as if they had this many words
SPOT_WORDS = 50  # the size of a "spot" in words: evidence confined to one is not spread through the text
MIN_SPOTS = 4  # texts of fewer spots are too short to tell one spot from the whole


def evidence_weight(fingerprints: int, supported: int, other: int) -> float:
    """The document's spin evidence: fingerprints (and leftover spintax) count 1 each,
    ambiguous hits in a telling context 0.5, other ambiguous hits 0.05.

    Clean news has ambiguous words too ("however", "final"), but rarely in the contexts
    the lexicon names ("final week", "army aid", "an settlement"), so those carry weight.
    """
    return fingerprints + SUPPORTED_WEIGHT * supported + AMBIGUOUS_WEIGHT * other


def spin_score(evidence: float, words: int) -> float:
    """Document spin score in [0, 1]: ``1 - exp(-evidence per 100 words)``.

    >>> round(spin_score(0, 400), 2), round(spin_score(4, 400), 2), round(spin_score(22, 1000), 2)
    (0.0, 0.63, 0.89)
    """
    density = 100.0 * evidence / max(words, MIN_WORDS)
    return 1.0 - math.exp(-density)


#: The family of the evidence that no lexicon entry carries: leftover spintax and broken
#: expressions, signs of the news spinner.
NEWS = "news"
TORTURED = "tortured"


class Place(NamedTuple):
    """A piece of evidence: where it lies, its weight (see :func:`evidence_weight`), its
    family, and what it is ("fingerprint", "spintax", "ambiguous_in_context",
    "ambiguous_other", "expression")."""

    start: int
    weight: float
    family: str
    kind: str


def weighted_places(doc: Document) -> list[Place]:
    """Every piece of the document's evidence. Entries marked ``evidence=no`` (house
    style: "2 children") may fire, but say nothing about the document."""
    places = [Place(h.start, 1.0, h.entry.family, "fingerprint") for h in doc.fingerprints]
    places += [Place(pos, 1.0, NEWS, "spintax") for pos in doc.spintax]
    seen: set[tuple[int, int]] = set()
    for hit, _, telling in sorted(doc.ambiguous, key=lambda j: not j.telling):  # a span counts once, telling first
        if hit.entry.evidence and (hit.start, hit.end) not in seen:
            seen.add((hit.start, hit.end))
            kind, weight = (
                ("ambiguous_in_context", SUPPORTED_WEIGHT) if telling else ("ambiguous_other", AMBIGUOUS_WEIGHT)
            )
            places.append(Place(hit.start, weight, hit.entry.family, kind))
    # A surely broken name ("White Home") is a fingerprint of the document; any other
    # likely broken expression ("colossal information") is a telling sign, like an
    # ambiguous lexicon word in context.
    for c in doc.candidates:
        sure = c.is_name and c.confidence >= STRONG
        weight = 1.0 if sure else SUPPORTED_WEIGHT if c.confidence >= FIRE else AMBIGUOUS_WEIGHT
        places.append(Place(c.start, weight, NEWS, "expression"))
    return places


def _strongest_spot(text: str, places: list[Place]) -> float:
    """The most evidence that falls into one stretch of :data:`SPOT_WORDS` words."""
    spots: dict[int, float] = {}
    words = at = 0
    for place in sorted(places):
        # The words before it, as the gaps before it count them: counted on from the last place.
        words += text.count(" ", at, place.start) + text.count("\n", at, place.start)
        at = place.start
        spot = words // SPOT_WORDS
        spots[spot] = spots.get(spot, 0.0) + place.weight
    return max(spots.values(), default=0.0)


def spin_features(evidence: dict[str, int]) -> list[float]:
    """The calibrated model's inputs, from a report's evidence: the news family's and the
    tortured family's evidence per 100 words, and the distinct words the context stage
    suspected (from a gain of 10^2.5, and from 10^4) per 100 content words it read.

    Distinct words, because a text repeats its own odd terms (a technical text its jargon,
    which a news-trained model doubts) while a spinner scatters its swaps over many words."""
    words = max(evidence["words"], MIN_WORDS)
    news = evidence_weight(
        evidence["fingerprints"] + evidence["spintax"], evidence["ambiguous_in_context"], evidence["ambiguous_other"]
    )
    per_content = 100.0 / max(evidence.get("context_words", 0), 1)
    return [
        100.0 * news / words,
        100.0 * evidence["tortured"] / words,
        per_content * evidence.get("context_suspected_words", 0),
        per_content * evidence.get("context_strong_words", 0),
    ]


@cache
def _calibration() -> tuple[float, tuple[float, ...]]:
    """The fitted weights, ``wordlists/verdict.json`` (``scripts/fit_verdict.py``)."""
    data = json.loads(wordlist_text("verdict.json"))
    return float(data["bias"]), tuple(float(w) for w in data["weights"])


def calibrated_probability(evidence: dict[str, int]) -> float:
    """How likely the document is spun, by a logistic model over :func:`spin_features`
    (each as ``log(1 + x)``), fitted on the development documents of several spinners."""
    bias, weights = _calibration()
    z = bias + sum(w * math.log1p(x) for w, x in zip(weights, spin_features(evidence), strict=True))
    return 1.0 / (1.0 + math.exp(-z))


class DocumentVerdict:
    """The "verdict" stage: sets ``doc.verdict`` and ``doc.evidence`` in the first round."""

    name = "verdict"

    def __init__(self, threshold: float, min_evidence: float) -> None:
        self.threshold = threshold
        self.min_evidence = min_evidence

    def _spun(self, score: float, evidence: float) -> bool:
        return score >= self.threshold and evidence >= self.min_evidence

    def __call__(self, doc: Document) -> Sequence[Edit]:
        if not doc.first_round:
            return ()
        words = len(doc.text.split())  # white-space separated words: enough for a density
        places = weighted_places(doc)
        families = {place.family for place in places}
        spun = frozenset(
            f for f in families if self._judged_spun(doc.text, [p for p in places if p.family == f], words)
        )
        evidence = sum(place.weight for place in places)
        doc.verdict = Verdict(spin_score(evidence, words), bool(spun), spun)
        counts = Counter((place.family, place.kind) for place in places)
        doc.evidence = {  # after what earlier stages noted (the context stage's counts)
            "words": words,
            "fingerprints": counts[NEWS, "fingerprint"],
            "spintax": counts[NEWS, "spintax"],
            "ambiguous_in_context": counts[NEWS, "ambiguous_in_context"],
            "ambiguous_other": counts[NEWS, "ambiguous_other"],
            "expressions": counts[NEWS, "expression"],
            "tortured": counts[TORTURED, "fingerprint"],
            **doc.evidence,
        }
        if "context_words" in doc.evidence:  # the context stage ran: the calibrated probability
            probability = calibrated_probability(doc.evidence)
            doc.verdict = Verdict(probability, probability >= self.threshold or bool(spun), spun)
        return ()

    def _judged_spun(self, text: str, places: list[Place], words: int) -> bool:
        """Whether one family's evidence judges the document spun: its score reaches the
        threshold with enough evidence, and, in a text of :data:`MIN_SPOTS` spots or more,
        still would without its strongest spot (evidence must be spread through the text,
        or one spun sentence would turn a clean article into a rewrite)."""
        evidence = sum(place.weight for place in places)
        if not self._spun(spin_score(evidence, words), evidence):
            return False
        if words < MIN_SPOTS * SPOT_WORDS:
            return True
        rest = evidence - _strongest_spot(text, places)
        return self._spun(spin_score(rest, words), rest)
