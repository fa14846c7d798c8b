"""Stage "verdict": judge the whole document once, in the first round.

A spinner leaves fingerprints, wording almost nobody writes ("suppose tank", "p.c",
leftover ``{braces}``, a surely broken name), and ambiguous words in the contexts that
betray them ("final week", "an settlement"). The density of this evidence per 100
words (:func:`evidence_weight`) gives ``spin_score = 1 - exp(-density)``; a clean text
full of "mentioned" and "however" in ordinary contexts stays low. The document counts
as spun from the configured threshold on, with at least ``min_evidence`` of evidence.
Later rounds keep the verdict, so repairing the output again changes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..findings import FIRE, STRONG
from ..model import Edit, Verdict
from ..pipeline import Document

SUPPORTED_WEIGHT = 0.5  # an ambiguous hit whose context constraint holds (or whose article betrays it)
AMBIGUOUS_WEIGHT = 0.05  # any other ambiguous hit
MIN_WORDS = 50  # shorter texts are scored as if they had this many words


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


class DocumentVerdict:
    """The "verdict" stage: sets ``doc.verdict`` and ``doc.evidence`` in the first round."""

    name = "verdict"

    def __init__(self, threshold: float, min_evidence: float) -> None:
        self.threshold = threshold
        self.min_evidence = min_evidence

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
        evidence = evidence_weight(len(doc.fingerprints) + doc.spintax + sure, len(telling) + likely, len(other) + weak)
        score = spin_score(evidence, words)
        doc.verdict = Verdict(score, score >= self.threshold and evidence >= self.min_evidence)
        doc.evidence = {
            "words": words,
            "fingerprints": len(doc.fingerprints),
            "spintax": doc.spintax,
            "ambiguous_in_context": len(telling),
            "ambiguous_other": len(other),
            "expressions": len(candidates),
        }
        return ()
