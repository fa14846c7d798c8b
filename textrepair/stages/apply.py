"""Stage "apply": turn the chosen hits into edits.

The replacement takes the casing of the text it replaces ("OVERSEAS" -> "FOREIGN"),
capitalised where a sentence starts ("1000's of" -> "Thousands of"); the article before
it is fixed when it no longer agrees ("a rise" -> "an increase"). A fingerprint's edit
has its entry's confidence; an ambiguous entry's grows with the document's spin score,
with how much rarer the spun wording is than the original, and with an article that
betrays the swap.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon.automaton import Hit
from ..lexicon.context import token_is
from ..model import Edit
from ..pipeline import Document, Span
from ..scoring import Scorer
from ..text.articles import agrees, indefinite_article, with_article_case
from ..text.casing import match_case
from ..text.tokens import Neighbours, Token
from .scan import TraitsTable, overlaps


class ApplyChoices:
    """The "apply" stage: the edits of ``doc.chosen``."""

    name = "apply"

    def __init__(self, traits: TraitsTable, scorer: Scorer) -> None:
        self.traits = traits
        self.scorer = scorer
        self._rarity: dict[tuple[str, str], float] = {}  # per pair, when the scorer ignores context

    def __call__(self, doc: Document) -> Sequence[Edit]:
        if not doc.chosen:
            return ()
        score = doc.verdict.score if doc.verdict is not None else 0.0
        text, near, protected, shares = doc.text, doc.near, doc.protected, doc.shares
        edits: list[Edit] = []
        for hit in doc.chosen:
            share = shares.get((hit.start, hit.end), 1.0) if shares else 1.0
            edits.extend(self._edits_for(text, hit, score, edits, protected, near, share))
        return edits

    def rarity(self, spun: str, canonical: str) -> float:
        """How much rarer the ``spun`` wording is than the ``canonical`` one, from 0 to 1:
        a gap of three on the Zipf scale (a thousand times rarer, "1000's" vs
        "thousands") or more counts as 1."""
        known = self._rarity.get((spun, canonical))
        if known is not None:
            return known
        gap = self.scorer.zipf(canonical) - self.scorer.zipf(spun)
        rarity = max(0.0, min(1.0, gap / 3.0))
        if not self.scorer.uses_context:
            self._rarity[(spun, canonical)] = rarity
        return rarity

    def _edits_for(
        self,
        text: str,
        hit: Hit,
        score: float,
        done: list[Edit],
        protected: Sequence[Span],
        near: Neighbours,
        share: float,
    ) -> list[Edit]:
        """The edit for ``hit`` (and the article before it, if it no longer agrees).
        ``share`` is the chosen alternative's share of the weight of all the alternatives
        that fit (1.0 when there was no choice): it scales the confidence."""
        entry = hit.entry
        traits = self.traits.get(id(entry)) or self.traits(entry)
        surface = text[hit.start : hit.end]
        prev = near.before(hit.start)
        replacement = match_case(surface, entry.canonical)
        if not surface[:1].isalpha() and replacement[:1].islower() and _opens_sentence(text, hit.start, prev):
            replacement = replacement[:1].upper() + replacement[1:]  # "1000's of" -> "Thousands of"
        if replacement == surface:
            return []
        if traits.fingerprint:
            confidence = entry.confidence
        else:
            rarity = self.rarity(entry.spun, entry.canonical)
            betrayed = traits.betrayed_by(prev)
            confidence = min(0.95, 0.5 + 0.3 * score + 0.15 * rarity + (0.05 if betrayed else 0.0)) * share
        edit = Edit(hit.start, hit.end, surface, replacement, entry.kind, entry.rule, round(confidence, 3))
        if (
            prev is not None
            and prev.text.lower() in ("a", "an")
            and text[prev.end : hit.start].isspace()
            and not (done and done[-1].end > prev.start)
            and not (protected and overlaps(prev, protected))
            and not agrees(prev.text, replacement.split()[0])
        ):
            article = with_article_case(indefinite_article(replacement.split()[0]), prev.text)
            return [Edit(prev.start, prev.end, prev.text, article, "article", "article.agreement", confidence), edit]
        return [edit]


def _opens_sentence(text: str, pos: int, prev: Token | None) -> bool:
    """Whether a replacement at ``pos`` (whose previous token is ``prev``) starts a
    sentence, a line or a quotation, so takes a capital; not after a bracket."""
    return token_is(prev, "<start>", text[prev.end : pos] if prev else "") and (
        prev is None or prev.text not in {"(", "[", "'"}
    )
