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
from collections.abc import Sequence
from functools import cache

from ..findings import FIRE, STRONG, Candidate
from ..model import Edit, Verdict
from ..pipeline import Document
from ..resources import wordlist_text

SUPPORTED_WEIGHT = 0.5  # an ambiguous hit whose context constraint holds (or whose article betrays it)
AMBIGUOUS_WEIGHT = 0.05  # any other ambiguous hit
MIN_WORDS = 50  # shorter texts are scored as if they had this many words
MIN_CONTENT = 75  # the context stage's rates over fewer content words are taken over this many
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


class Tally:
    """The document's evidence by family, counted in one pass over the round's findings.

    Each weight is summed in the order the findings come in (fingerprints, spintax,
    ambiguous hits in a telling context, other ambiguous hits, broken expressions), as
    one list of weights would be; where each piece lies is looked at only for the few
    families whose evidence must also be shown to be spread (:meth:`places`). Entries
    marked ``evidence=no`` (house style: "2 children") may fire, but say nothing about
    the document; an ambiguous span counts once, telling first (and for the family of
    the first hit there)."""

    __slots__ = ("counts", "doc", "other", "telling", "weights")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        counts: dict[tuple[str, str], int] = {}
        for h in doc.fingerprints:
            key = (h.entry.family, "fingerprint")
            counts[key] = counts.get(key, 0) + 1
        if doc.spintax:
            counts[NEWS, "spintax"] = len(doc.spintax)
        # Span -> family, the first hit on a span setting it: the hits are read from the
        # last to the first, so that the first one's family is the one written last.
        # (Nothing depends on the order of the spans: places() sorts them.)
        telling: dict[tuple[int, int], str] = {}
        other: dict[tuple[int, int], str] = {}
        for judged in reversed(doc.ambiguous):
            hit = judged[0]
            entry = hit[2]
            if entry.evidence:
                if judged[2]:
                    telling[hit[:2]] = entry.family
                else:
                    other[hit[:2]] = entry.family
        if telling and other:
            other = {span: family for span, family in other.items() if span not in telling}
        for spans, kind in ((telling, "ambiguous_in_context"), (other, "ambiguous_other")):
            if spans:
                families = list(spans.values())
                for family in set(families):
                    counts[family, kind] = families.count(family)
        self.telling, self.other = telling, other
        # A surely broken name ("White Home") is a fingerprint of the document; any other
        # likely broken expression ("colossal information") is a telling sign, like an
        # ambiguous lexicon word in context.
        self.weights = [_candidate_weight(c) for c in doc.candidates]
        if self.weights:
            counts[NEWS, "expression"] = len(self.weights)
        self.counts = counts

    def families(self) -> set[str]:
        return {family for family, _ in self.counts}

    def evidence(self, family: str | None = None) -> float:
        """The weight of ``family``'s evidence (None: of all of it), summed in order."""
        counts = self.counts
        if family is None:
            fingerprints = sum(n for (_, kind), n in counts.items() if kind in ("fingerprint", "spintax"))
            telling = sum(n for (_, kind), n in counts.items() if kind == "ambiguous_in_context")
            other = sum(n for (_, kind), n in counts.items() if kind == "ambiguous_other")
        else:
            fingerprints = counts.get((family, "fingerprint"), 0) + counts.get((family, "spintax"), 0)
            telling = counts.get((family, "ambiguous_in_context"), 0)
            other = counts.get((family, "ambiguous_other"), 0)
        weights = [1.0] * fingerprints + [SUPPORTED_WEIGHT] * telling + [AMBIGUOUS_WEIGHT] * other
        if family is None or family == NEWS:
            weights += self.weights
        return sum(weights)

    def places(self, family: str) -> list[tuple[int, float]]:
        """Where each piece of ``family``'s evidence lies, with its weight, in order of
        position (pieces at one place in order of weight: their order does not change a sum)."""
        doc = self.doc
        places = [(h.start, 1.0) for h in doc.fingerprints if h.entry.family == family]
        places += [(span[0], SUPPORTED_WEIGHT) for span, f in self.telling.items() if f == family]
        places += [(span[0], AMBIGUOUS_WEIGHT) for span, f in self.other.items() if f == family]
        if family == NEWS:
            places += [(pos, 1.0) for pos in doc.spintax]
            places += [(c.start, w) for c, w in zip(doc.candidates, self.weights, strict=True)]
        places.sort()
        return places


def _candidate_weight(c: Candidate) -> float:
    sure = c.is_name and c.confidence >= STRONG
    return 1.0 if sure else SUPPORTED_WEIGHT if c.confidence >= FIRE else AMBIGUOUS_WEIGHT


def _strongest_spot(text: str, places: list[tuple[int, float]]) -> float:
    """The most evidence that falls into one stretch of :data:`SPOT_WORDS` words
    (``places``: positions and weights, in order of position). The words before a place
    are counted as the gaps before it count them (spaces and line breaks), on from the
    last place; a spot's weights are added up in order."""
    count = text.replace("\n", " ").count  # one count for both: a line break is one character, as a space
    strongest = weight_here = 0.0
    spot_here = -1
    words = at = 0
    for start, weight in places:
        words += count(" ", at, start)
        at = start
        spot = words // SPOT_WORDS
        if spot == spot_here:
            weight_here += weight
        else:  # places come in order, so a spot once left is done
            strongest = max(strongest, weight_here)
            spot_here, weight_here = spot, weight
    return max(strongest, weight_here)


def spin_features(evidence: dict[str, int]) -> list[float]:
    """The calibrated model's inputs, from a report's evidence: the news family's and the
    tortured family's evidence per 100 words, the distinct words the context stage
    suspected (from a gain of 10^2.5, and from 10^4) per 100 content words it read, the
    distinct rare words where a much commoner synonym fits, per 100 content words, and the
    share of content words the model found unlikely where they stand.

    Distinct words, because a text repeats its own odd terms (a technical text its jargon,
    which a news-trained model doubts) while a spinner scatters its swaps over many words.
    The share of doubted words says what kind of text it is: in one the model doubts
    throughout (technical prose), a suspicion is weaker evidence than in plain news.
    Rates over fewer than :data:`MIN_CONTENT` content words are taken over that many: one
    suspicion in a three-sentence text is no rate of spin."""
    words = max(evidence["words"], MIN_WORDS)
    news = evidence_weight(
        evidence["fingerprints"] + evidence["spintax"], evidence["ambiguous_in_context"], evidence["ambiguous_other"]
    )
    content = evidence.get("context_words", 0)
    per_content = 100.0 / max(content, MIN_CONTENT)
    return [
        100.0 * news / words,
        100.0 * evidence["tortured"] / words,
        per_content * evidence.get("context_suspected_words", 0),
        per_content * evidence.get("context_strong_words", 0),
        per_content * evidence.get("context_rare_words", 0),
        evidence.get("context_doubted_words", 0) / max(content, 1),
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
        tally = Tally(doc)
        spun = frozenset(f for f in tally.families() if self._judged_spun(doc.text, tally, f, words))
        evidence = tally.evidence()
        doc.verdict = Verdict(spin_score(evidence, words), bool(spun), spun)
        counts = tally.counts
        doc.evidence = {  # after what earlier stages noted (the context stage's counts)
            "words": words,
            "fingerprints": counts.get((NEWS, "fingerprint"), 0),
            "spintax": counts.get((NEWS, "spintax"), 0),
            "ambiguous_in_context": counts.get((NEWS, "ambiguous_in_context"), 0),
            "ambiguous_other": counts.get((NEWS, "ambiguous_other"), 0),
            "expressions": counts.get((NEWS, "expression"), 0),
            "tortured": counts.get((TORTURED, "fingerprint"), 0),
            **doc.evidence,
        }
        if "context_words" in doc.evidence:  # the context stage ran: the calibrated probability
            probability = calibrated_probability(doc.evidence)
            doc.verdict = Verdict(probability, probability >= self.threshold or bool(spun), spun)
        return ()

    def _judged_spun(self, text: str, tally: Tally, family: str, words: int) -> bool:
        """Whether one family's evidence judges the document spun: its score reaches the
        threshold with enough evidence, and, in a text of :data:`MIN_SPOTS` spots or more,
        still would without its strongest spot (evidence must be spread through the text,
        or one spun sentence would turn a clean article into a rewrite)."""
        evidence = tally.evidence(family)
        if not self._spun(spin_score(evidence, words), evidence):
            return False
        if words < MIN_SPOTS * SPOT_WORDS:
            return True
        rest = evidence - _strongest_spot(text, tally.places(family))
        return self._spun(spin_score(rest, words), rest)
