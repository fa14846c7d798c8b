"""Stage "verdict": judge the whole document once, in the first round.

A spinner leaves fingerprints, wording almost nobody writes ("suppose tank", "p.c",
leftover ``{braces}``, a surely broken name), and ambiguous words in the contexts that
betray them ("final week", "an settlement"). The density of this evidence per 100
words (:func:`evidence_weight`) gives ``spin_score = 1 - exp(-density)``; a clean text
full of "mentioned" and "however" in ordinary contexts stays low. The document counts
as spun from the configured threshold on, with at least ``min_evidence`` of evidence,
and, in a text of :data:`MIN_SPOTS` spots or more, only if it still would without its
strongest spot (:data:`SPOT_WORDS` words): one spun sentence in a clean article gets
its fingerprints repaired, not the article rewritten.
Later rounds keep the verdict, so repairing the output again changes nothing.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence

from ..findings import FIRE, STRONG
from ..model import Edit, Verdict
from ..pipeline import Document

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


def _weighted_places(
    doc: Document, telling: set[tuple[int, int]], other: set[tuple[int, int]]
) -> list[tuple[int, float]]:
    """Where each piece of evidence lies in the text, with its weight (see :func:`evidence_weight`)."""
    places = [(h.start, 1.0) for h in doc.fingerprints] + [(pos, 1.0) for pos in doc.spintax]
    places += [(start, SUPPORTED_WEIGHT) for start, _ in telling] + [(start, AMBIGUOUS_WEIGHT) for start, _ in other]
    for c in doc.candidates:
        sure = c.is_name and c.confidence >= STRONG
        weight = 1.0 if sure else SUPPORTED_WEIGHT if c.confidence >= FIRE else AMBIGUOUS_WEIGHT
        places.append((c.start, weight))
    return places


def _strongest_spot(text: str, places: list[tuple[int, float]]) -> float:
    """The most evidence that falls into one stretch of :data:`SPOT_WORDS` words."""
    starts = [m.start() for m in _WORD_START.finditer(text)]
    spots: dict[int, float] = {}
    for pos, weight in places:
        spot = bisect_right(starts, pos) // SPOT_WORDS
        spots[spot] = spots.get(spot, 0.0) + weight
    return max(spots.values(), default=0.0)


_WORD_START = re.compile(r"\S+")


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
        # Entries marked evidence=no (house style: "2 children") may fire, but say nothing
        # about the document.
        telling = {(j.hit.start, j.hit.end) for j in doc.ambiguous if j.telling and j.hit.entry.evidence}
        other = {(j.hit.start, j.hit.end) for j in doc.ambiguous if j.hit.entry.evidence} - telling
        # A surely broken name ("White Home") is a fingerprint of the document; any other
        # likely broken expression ("colossal information") is a telling sign, like an
        # ambiguous lexicon word in context.
        candidates = doc.candidates
        sure = sum(1 for c in candidates if c.is_name and c.confidence >= STRONG)
        likely = sum(1 for c in candidates if c.confidence >= FIRE and not (c.is_name and c.confidence >= STRONG))
        weak = len(candidates) - sure - likely
        words = len(doc.text.split())  # white-space separated words: enough for a density
        fingerprints = len(doc.fingerprints) + len(doc.spintax) + sure
        evidence = evidence_weight(fingerprints, len(telling) + likely, len(other) + weak)
        score = spin_score(evidence, words)
        is_spun = self._spun(score, evidence)
        if is_spun and words >= MIN_SPOTS * SPOT_WORDS:
            # Evidence must be spread through the text: the verdict must hold without its
            # strongest spot, or one spun sentence would turn a clean article into a rewrite.
            rest = evidence - _strongest_spot(doc.text, _weighted_places(doc, telling, other))
            is_spun = self._spun(spin_score(rest, words), rest)
        doc.verdict = Verdict(score, is_spun)
        doc.evidence = {
            "words": words,
            "fingerprints": len(doc.fingerprints),
            "spintax": len(doc.spintax),
            "ambiguous_in_context": len(telling),
            "ambiguous_other": len(other),
            "expressions": len(candidates),
        }
        return ()
