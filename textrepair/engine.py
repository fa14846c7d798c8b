"""Stage 3: score the lexicon hits, choose which to repair, and write the edits.

The decision has two levels:

* **Document**: the spin score. A spinner leaves fingerprints, wording almost nobody
  writes ("suppose tank", "p.c", leftover ``{braces}``), and ambiguous words in the
  contexts that betray them ("final week", "an settlement"). The density of this
  evidence per 100 words (:func:`evidence_weight`) gives ``spin_score = 1 - exp(-density)``;
  a clean text full of "mentioned" and "however" in ordinary contexts stays low.
* **Span**: fingerprints are always repaired. Ambiguous entries ("mentioned" -> "said")
  are repaired only when the document is judged spun (score >= threshold, and
  weighted evidence of at least ``min_evidence``) *and* their context constraints hold, or the
  article in front of them betrays the swap ("an settlement": "an" fits "agreement",
  not "settlement").

Chosen repairs never overlap: earliest first, then longest, fingerprints before
ambiguous entries. The article before a replacement is fixed when it no longer agrees
("a rise" -> "an increase").
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from .articles import agrees, indefinite_article, with_article_case
from .casing import match_case
from .edits import apply_edits, compose
from .expressions import FIRE, STRONG, Candidate, ExpressionIndex
from .lexicon import AMBIGUOUS, FINGERPRINT, Context, Entry, fold
from .model import Edit, Flag
from .scan import Hit, Scanner
from .tokenize import Neighbours, Token

_SENTENCE_END = {".", "!", "?"}
_OPENERS = {"“", '"', "‘", "(", "[", "'"}
SUPPORTED_WEIGHT = 0.5  # an ambiguous hit whose context constraint holds (or whose article betrays it)
AMBIGUOUS_WEIGHT = 0.05  # any other ambiguous hit
MAX_ROUNDS = 3  # a lexicon without cycles settles in two rounds; three leaves a margin
MIN_WORDS = 50  # shorter texts are scored as if they had this many words
#: A one-word ambiguous entry with no context to support it fires only where its
#: canonical wording is at least this share of the two words' frequency (wordfreq): in a
#: spun document "folks" (people: 99%) is repaired, a word as common as its original is not.
FREQUENCY_GATE = 0.5

# The same few words come up again and again (every "mentioned" is cased like the last
# one), so casing a replacement and folding a neighbouring token are remembered.
_cased = lru_cache(maxsize=4096)(match_case)
_folded = lru_cache(maxsize=8192)(fold)


@dataclass(frozen=True)
class EngineResult:
    edits: list[Edit]
    flags: list[Flag]
    spin_score: float
    is_spun: bool
    evidence: dict[str, int]


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


def _token_is(token: Token | None, item: str, gap: str) -> bool:
    """Whether ``token`` (None: no token) is ``item``; ``gap`` is the text between it and the match."""
    if item == "<end>":
        return token is None or "\n" in gap
    if item == "<start>":
        return token is None or "\n" in gap or token.text in _SENTENCE_END or token.text in _OPENERS
    if token is None:
        return False
    if item == "<punct>":
        return not token.is_word
    if item == "<cap>":
        return token.is_word and token.text[:1].isupper()
    if item == "<lower>":
        return token.is_word and token.text[:1].islower()
    if item == "<num>":
        return token.text[:1].isdigit()
    return fold(token.text) == item


@cache
def _split(items: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A context list split into plain words and token classes ("<punct>"), once per list."""
    return frozenset(i for i in items if not i.startswith("<")), tuple(i for i in items if i.startswith("<"))


_Side = tuple[frozenset[str], tuple[str, ...]]  # a context list: its plain words, its token classes


def _side(items: frozenset[str]) -> _Side | None:
    return _split(items) if items else None


def _side_matches(side: _Side, token: Token | None, text: str, lo: int, hi: int) -> bool:
    """Whether ``token`` (None: no token) is one of the words or token classes of a
    context list; ``text[lo:hi]`` is the gap between it and the match."""
    words, classes = side
    if words and token is not None and _folded(token.text) in words:
        return True
    if classes:
        gap = text[lo:hi]
        for item in classes:
            if _token_is(token, item, gap):
                return True
    return False


class _Check(NamedTuple):
    """An entry's context constraints, each list split into words and token classes once."""

    prev: _Side | None
    next: _Side | None
    not_prev: _Side | None
    not_next: _Side | None

    def holds(self, text: str, start: int, end: int, prev: Token | None, nxt: Token | None) -> bool:
        lo = prev.end if prev else start  # the gap before the match: empty when there is no token
        hi = nxt.start if nxt else end
        if self.prev is not None and not _side_matches(self.prev, prev, text, lo, start):
            return False
        if self.next is not None and not _side_matches(self.next, nxt, text, end, hi):
            return False
        if self.not_prev is not None and _side_matches(self.not_prev, prev, text, lo, start):
            return False
        return not (self.not_next is not None and _side_matches(self.not_next, nxt, text, end, hi))


def _check_of(context: Context) -> _Check | None:
    """The engine's test for a context, or None when the context constrains nothing."""
    if not context:
        return None
    return _Check(_side(context.prev), _side(context.next), _side(context.not_prev), _side(context.not_next))


def word_fits(word: str, items: frozenset[str]) -> bool:
    """Whether a neighbouring ``word`` is one of the words or token classes of a context
    list, as the engine would judge it right next to a match (for the lexicon's chain check)."""
    return _side_matches(_split(items), Token(0, len(word), word), word, 0, 0)


def context_holds(context: Context, text: str, start: int, end: int, prev: Token | None, nxt: Token | None) -> bool:
    """Whether ``context`` holds for a match ``text[start:end]`` between tokens ``prev``
    and ``nxt``: the engine's own test, for callers outside it (the lexicon's chain check)."""
    check = _check_of(context)
    return check is None or check.holds(text, start, end, prev, nxt)


class _Plan:
    """What the engine needs to know about an entry at each of its hits, worked out once."""

    __slots__ = ("ambiguous", "betraying", "check", "entry", "fingerprint", "frequent", "kind")

    def __init__(self, entry: Entry) -> None:
        self.entry = entry  # held, so that no other entry can reuse its id() while the plan is cached
        self.fingerprint = entry.cls == FINGERPRINT
        self.ambiguous = entry.cls == AMBIGUOUS
        self.check = _check_of(entry.context)
        # "an settlement": the article that fits the canonical first word and not the spun
        # one, or None when both take the same article.
        spun, canonical = entry.spun.split(), entry.canonical.split()
        spun_article = indefinite_article(spun[0]) if spun else None
        canonical_article = indefinite_article(canonical[0]) if canonical else None
        self.betraying = canonical_article if canonical_article != spun_article else None
        self.kind = entry.rule.partition(":")[0]  # "lexicon" or "expression"
        # The frequency gate (FREQUENCY_GATE) applies to one-word ambiguous entries without
        # context; others have their context, or their several words, as evidence.
        gated = self.ambiguous and self.check is None and " " not in entry.spun
        self.frequent: bool | None = None if gated else True  # None: not yet looked up

    def frequent_enough(self) -> bool:
        """Whether the entry passes the frequency gate: its original (all alternatives
        together) at least ``FREQUENCY_GATE`` of the original's and spun word's frequency."""
        if self.frequent is None:
            from wordfreq import word_frequency  # imported lazily, as for the rarity

            entry = self.entry
            original = sum(word_frequency(c, "en") for c in (entry.alternatives or (entry.canonical,)))
            spun = word_frequency(entry.spun, "en")
            self.frequent = original >= FREQUENCY_GATE * (original + spun)
        return self.frequent

    def betrayed_by(self, prev: Token | None) -> bool:
        """Whether the article ``prev`` betrays the swap: it fits the canonical wording, not the spun one."""
        return self.betraying is not None and prev is not None and prev.text.lower() == self.betraying


def _starts_sentence(text: str, pos: int, prev: Token | None) -> bool:
    """Whether ``pos`` (whose previous token is ``prev``) starts a sentence, a line or a
    quotation; not after a bracket."""
    return _token_is(prev, "<start>", text[prev.end : pos] if prev else "") and (
        prev is None or prev.text not in {"(", "[", "'"}
    )


def _select(hits: Sequence[Hit]) -> list[Hit]:
    """Non-overlapping hits: leftmost, then longest, then fingerprint before ambiguous."""
    ordered = sorted(hits, key=lambda h: (h.start, -(h.end - h.start), h.entry.cls != FINGERPRINT))
    chosen: list[Hit] = []
    end = -1
    for hit in ordered:
        if hit.start >= end:
            chosen.append(hit)
            end = hit.end
    return chosen


class RuleEngine:
    """Applies a lexicon to (normalised) text; see :meth:`repair` for the whole stage."""

    def __init__(
        self,
        entries: Sequence[Entry],
        threshold: float = 0.5,
        min_evidence: float = 2.0,
        expressions: ExpressionIndex | None = None,
    ) -> None:
        self.scanner = Scanner(entries)
        self.expressions = expressions  # the frequency engine; None switches it off
        self._search_all = not entries
        self.threshold = threshold
        self.min_evidence = min_evidence
        self._plans = {id(e): _Plan(e) for e in entries}  # the frequency engine's entries are planned as they come
        # Later rounds scan only this far around a repair: a hit that gained its context
        # from the repair lies within one entry and one neighbouring word of it.
        self._margin = max((len(e.spun) for e in entries), default=0) + 40

    def run(
        self,
        text: str,
        prior_evidence: int = 0,
        verdict: tuple[float, bool] | None = None,
    ) -> EngineResult:
        """The first round over ``text``: its edits, flags and the document verdict.
        ``prior_evidence`` counts fingerprints found by earlier stages (leftover
        spintax). ``verdict`` (score, is_spun) overrides the document judgement, for text
        that was already repaired once and keeps that first verdict. Later rounds are
        :meth:`_later_round`."""
        near = Neighbours(text)  # each hit's neighbouring tokens are asked for several times
        fingerprints, ambiguous = self._hits(text, (), None, near)
        # Context first: it decides both whether a hit may fire and how much it says
        # about the document.
        judged = self._judge(text, ambiguous, near)
        # Entries marked evidence=no (house style: "2 children") may fire, but say nothing
        # about the document.
        telling = {(hit.start, hit.end) for hit, _, is_telling in judged if is_telling and hit.entry.evidence}
        other = {(h.start, h.end) for h, _ in ambiguous if h.entry.evidence} - telling
        # The frequency engine reads a document only once the lexicon has seen a sign of
        # spin there (or when there is no lexicon): clean text does not pay for it.
        searched = self._search_all or bool(fingerprints or prior_evidence or telling or verdict)
        candidates = self._candidates(text, (), None) if searched else []
        # A surely broken name ("White Home") is a fingerprint of the document; any other
        # likely broken expression ("colossal information") is a telling sign, like an
        # ambiguous lexicon word in context.
        sure = sum(1 for c in candidates if c.is_name and c.confidence >= STRONG)
        likely = sum(1 for c in candidates if c.confidence >= FIRE and not (c.is_name and c.confidence >= STRONG))
        words = len(text.split())  # white-space separated words: enough for a density
        weak = len(candidates) - sure - likely
        evidence = evidence_weight(len(fingerprints) + prior_evidence + sure, len(telling) + likely, len(other) + weak)
        score = spin_score(evidence, words)
        is_spun = score >= self.threshold and evidence >= self.min_evidence
        if verdict is not None:
            score, is_spun = verdict

        firing: list[Hit] = list(fingerprints)
        rejected: list[tuple[Hit, str]] = []
        reason = "context does not match" if is_spun else f"document not judged spun (score {score:.2f})"
        for hit, may_fire, _ in judged:
            if is_spun and may_fire and self._plan(hit.entry).frequent_enough():
                firing.append(hit)
            elif is_spun and may_fire:
                rejected.append((hit, f"{hit.entry.canonical!r} is not more common than {hit.entry.spun!r}"))
            else:
                rejected.append((hit, reason))

        firing, shares = _pick_alternatives(firing)
        chosen = self._choose(text, firing, candidates, score, is_spun, rejected)
        edits = self._edits(text, chosen, score, (), near, shares)
        wanted = fingerprints or prior_evidence or is_spun
        flags = self._flags(text, rejected, chosen) if wanted else []
        result_evidence = {
            "words": words,
            "fingerprints": len(fingerprints),
            "spintax": prior_evidence,
            "ambiguous_in_context": len(telling),
            "ambiguous_other": len(other),
            "expressions": len(candidates),
        }
        return EngineResult(edits, flags, score, is_spun, result_evidence)

    def _later_round(
        self,
        text: str,
        verdict: tuple[float, bool],
        protected: Sequence[tuple[int, int]],
        windows: list[tuple[int, int]],
    ) -> list[Edit]:
        """The edits of a round after the first: those of :meth:`run` with ``verdict``,
        found only inside ``windows`` (around the last round's repairs, where a hit may
        have gained its context) and outside ``protected`` (the repairs so far), without
        what only the edits do not need: the document's evidence, the reasons for leaving
        hits alone, and, when the verdict is "not spun", the context of ambiguous hits
        (none of which can fire)."""
        score, is_spun = verdict
        near = Neighbours(text)
        fingerprints, ambiguous = self._hits(text, protected, windows, near)
        firing: list[Hit] = list(fingerprints)
        if is_spun:
            judged = self._judge(text, ambiguous, near)
            firing.extend(hit for hit, may_fire, _ in judged if may_fire and self._plan(hit.entry).frequent_enough())
        firing, shares = _pick_alternatives(firing)
        candidates = self._candidates(text, protected, windows)  # with a verdict, the engine always searches
        chosen = self._choose(text, firing, candidates, score, is_spun, None)
        return self._edits(text, chosen, score, protected, near, shares)

    def _hits(
        self,
        text: str,
        protected: Sequence[tuple[int, int]],
        windows: Sequence[tuple[int, int]] | None,
        near: Neighbours,
    ) -> tuple[list[Hit], list[tuple[Hit, _Plan]]]:
        """The lexicon hits outside ``protected``: the fingerprints chosen (those whose
        context holds, without overlaps), and the ambiguous hits they leave free."""
        before, after, plans = near.before, near.after, self._plans
        found = (
            self.scanner.find(text) if windows is None else [h for w in windows for h in self.scanner.find(text, *w)]
        )
        if protected:
            found = [h for h, free in zip(found, _outside(found, protected), strict=True) if free]
        held: list[Hit] = []  # fingerprints whose context (if any) holds
        maybe: list[tuple[Hit, _Plan]] = []  # ambiguous hits
        for h in found:
            plan = plans.get(id(h.entry)) or _Plan(h.entry)
            if plan.ambiguous:
                maybe.append((h, plan))
            elif plan.fingerprint and (
                plan.check is None or plan.check.holds(text, h.start, h.end, before(h.start), after(h.end))
            ):
                held.append(h)  # fingerprints fire unconditionally unless their entry names a context
        fingerprints = _select(held)
        if not fingerprints:
            return fingerprints, maybe
        free = _outside([h for h, _ in maybe], [(h.start, h.end) for h in fingerprints])
        return fingerprints, [pair for pair, keep in zip(maybe, free, strict=True) if keep]

    @staticmethod
    def _judge(text: str, ambiguous: list[tuple[Hit, _Plan]], near: Neighbours) -> list[tuple[Hit, bool, bool]]:
        """Each ambiguous hit with whether it may fire (in a spun document) and whether its
        context is telling: its context constraints hold, or the article before it betrays
        the swap. A hit whose entry names no context may fire anywhere, telling nothing."""
        before, after = near.before, near.after
        judged = []
        for hit, plan in ambiguous:
            prev = before(hit.start)
            check = plan.check
            telling = plan.betrayed_by(prev) or (
                check is not None and check.holds(text, hit.start, hit.end, prev, after(hit.end))
            )
            judged.append((hit, telling or check is None, telling))
        return judged

    def _choose(
        self,
        text: str,
        firing: list[Hit],
        candidates: list[Candidate],
        score: float,
        is_spun: bool,
        rejected: list[tuple[Hit, str]] | None,
    ) -> list[Hit]:
        """The lexicon hits to repair (without overlaps), then the frequency engine's
        candidates that none of them covers; sorted. The candidates left alone are added
        to ``rejected`` with the reason, when it is given."""
        chosen = _select(firing)
        taken = [(h.start, h.end) for h in chosen]  # lexicon repairs come first
        free = [c for c in candidates if not (taken and _overlaps(_Span(c.start, c.end), taken))]
        for cand, crossed in _untangle(free):
            hit = Hit(cand.start, cand.end, _expression_entry(text, cand))
            if crossed:
                reason = "overlaps another broken expression"
            elif (cand.is_name and cand.confidence >= STRONG) or (is_spun and cand.confidence >= FIRE):
                chosen.append(hit)
                continue
            elif cand.confidence < FIRE:
                reason = f"confidence {cand.confidence:.2f} below {FIRE}"
            else:
                reason = f"document not judged spun (score {score:.2f})"
            if rejected is not None:
                rejected.append((hit, reason))
        chosen.sort(key=lambda h: h.start)
        return chosen

    def _edits(
        self,
        text: str,
        chosen: list[Hit],
        score: float,
        protected: Sequence[tuple[int, int]],
        near: Neighbours,
        shares: dict[tuple[int, int], float],
    ) -> list[Edit]:
        """The edits of the chosen hits; ``shares`` holds, per span where alternatives
        competed, the chosen one's share of their frequency (see :func:`_pick_alternatives`)."""
        edits: list[Edit] = []
        for hit in chosen:
            share = shares.get((hit.start, hit.end), 1.0) if shares else 1.0
            edits.extend(self._edits_for(text, hit, score, edits, protected, near, share))
        return edits

    def repair(self, text: str, prior_evidence: int = 0, verdict: tuple[float, bool] | None = None) -> EngineResult:
        """Run rounds until the text stops changing (at most ``MAX_ROUNDS``).

        A repair can give another entry the context it needs ("america Social gathering":
        only once "america" is "the United States" does "Social gathering" follow a
        capitalised word). Later rounds keep the first round's document verdict, so the
        result is a fixed point: repairing it again changes nothing. Edits, flags and
        evidence are reported against ``text``.
        """
        first = self.run(text, prior_evidence, verdict)
        edits, current = first.edits, apply_edits(text, first.edits)
        protected = _after(first.edits, [])
        changed = protected  # where the last round wrote
        for _ in range(MAX_ROUNDS - 1):
            if not changed:
                break
            # Only a hit next to a repair can have gained its context: scan around those.
            windows = _windows(changed, len(current), self._margin)
            kept = (first.spin_score, first.is_spun)
            more = self._later_round(current, kept, protected, windows)
            if not more:
                break
            following = apply_edits(current, more)
            edits = compose(text, edits, more, intermediate=current)
            protected = _after(more, protected)
            changed = _after(more, [])
            current = following
        return EngineResult(edits, first.flags, first.spin_score, first.is_spun, first.evidence)

    def _candidates(
        self, text: str, protected: Sequence[tuple[int, int]], windows: Sequence[tuple[int, int]] | None
    ) -> list[Candidate]:
        """The frequency engine's candidates, minus those that would rewrite an earlier
        repair (they may still lean on one: "security ensures" -> "security guarantees")."""
        if self.expressions is None:
            return []
        index = self.expressions
        found = index.find(text) if windows is None else [c for w in windows for c in index.find(text, *w)]
        if protected:
            found = [c for c in found if not any(_overlaps(_Span(*span), protected) for span in c.changed)]
        return found

    def _plan(self, entry: Entry) -> _Plan:
        plan = self._plans.get(id(entry))
        return plan if plan is not None else _Plan(entry)

    def _edits_for(
        self,
        text: str,
        hit: Hit,
        score: float,
        done: list[Edit],
        protected: Sequence[tuple[int, int]],
        near: Neighbours,
        share: float = 1.0,
    ) -> list[Edit]:
        """The edit for ``hit`` (and the article before it, if it no longer agrees).
        ``share`` is the chosen alternative's share of the frequency of all the
        alternatives that fit (1.0 when there was no choice): it scales the confidence."""
        entry = hit.entry
        plan = self._plan(entry)
        surface = text[hit.start : hit.end]
        prev = near.before(hit.start)
        replacement = _cased(surface, entry.canonical)
        if not surface[:1].isalpha() and replacement[:1].islower() and _starts_sentence(text, hit.start, prev):
            replacement = replacement[:1].upper() + replacement[1:]  # "1000's of" -> "Thousands of"
        if replacement == surface:
            return []
        if plan.fingerprint:
            confidence = entry.confidence
        else:
            # Spun-document strength, how much rarer the spun wording is than the
            # canonical one, and a betraying article all raise confidence.
            rarity = _rarity(entry.spun, entry.canonical)
            betrayed = plan.betrayed_by(prev)
            confidence = min(0.95, 0.5 + 0.3 * score + 0.15 * rarity + (0.05 if betrayed else 0.0)) * share
        edit = Edit(hit.start, hit.end, surface, replacement, plan.kind, entry.rule, round(confidence, 3))
        if (
            prev is not None
            and prev.text.lower() in ("a", "an")
            and text[prev.end : hit.start].isspace()
            and not (done and done[-1].end > prev.start)
            and not (protected and _overlaps(prev, protected))
            and not agrees(prev.text, replacement.split()[0])
        ):
            article = with_article_case(indefinite_article(replacement.split()[0]), prev.text)
            return [Edit(prev.start, prev.end, prev.text, article, "article", "article.agreement", confidence), edit]
        return [edit]

    @staticmethod
    def _flags(text: str, rejected: list[tuple[Hit, str]], chosen: list[Hit]) -> list[Flag]:
        spans = [(h.start, h.end) for h in chosen]
        flags: dict[tuple[int, int], Flag] = {}
        for hit, reason in rejected:
            if _overlaps(hit, spans) or (hit.start, hit.end) in flags:
                continue
            surface = text[hit.start : hit.end]
            flags[(hit.start, hit.end)] = Flag(
                hit.start, hit.end, surface, _cased(surface, hit.entry.canonical), hit.entry.rule, reason
            )
        return [flags[k] for k in sorted(flags)]


def _windows(spans: Sequence[tuple[int, int]], length: int, margin: int) -> list[tuple[int, int]]:
    """Spans widened by ``margin`` on each side and merged."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        lo, hi = max(0, start - margin), min(length, end + margin)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _after(edits: Sequence[Edit], spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where ``spans`` (which no edit touches) and the edits' replacements lie once
    ``edits`` are applied: the text that later rounds must leave alone."""
    out: list[tuple[int, int]] = []
    ends = [e.end for e in edits]
    shifts = [0]
    for e in edits:
        shifts.append(shifts[-1] + len(e.replacement) - (e.end - e.start))
    for start, end in spans:
        k = bisect_right(ends, start)
        out.append((start + shifts[k], end + shifts[k]))
    for k, e in enumerate(edits):
        out.append((e.start + shifts[k], e.start + shifts[k] + len(e.replacement)))
    return sorted(out)


def _pick_alternatives(hits: list[Hit]) -> tuple[list[Hit], dict[tuple[int, int], float]]:
    """Where several ambiguous hits cover the same span with different canonical wording
    (the alternatives of ``provided => supplied / offered``, or two lines whose contexts
    both hold), keep the one whose canonical wording is most frequent (wordfreq). Returns
    the hits left and, per span that had a choice, the kept one's share of the
    frequency of all of them."""
    spans: dict[tuple[int, int], list[Hit]] = {}
    for hit in hits:
        if hit.entry.cls == AMBIGUOUS:
            spans.setdefault((hit.start, hit.end), []).append(hit)
    contested = {span: group for span, group in spans.items() if len({fold(h.entry.canonical) for h in group}) > 1}
    if not contested:
        return hits, {}
    from wordfreq import word_frequency  # imported lazily: only a choice needs it

    shares: dict[tuple[int, int], float] = {}
    dropped: set[int] = set()
    for span, group in contested.items():
        weights = {fold(h.entry.canonical): word_frequency(h.entry.canonical, "en") for h in group}
        best = max(group, key=lambda h: (weights[fold(h.entry.canonical)], -group.index(h)))
        total = sum(weights.values())
        shares[span] = weights[fold(best.entry.canonical)] / total if total else 1.0 / len(weights)
        dropped.update(id(h) for h in group if h is not best)
    return [h for h in hits if id(h) not in dropped], shares


@lru_cache(maxsize=8192)
def _rarity(spun: str, canonical: str) -> float:
    """How much rarer the ``spun`` wording is than the ``canonical`` one, from 0 to 1.

    Uses wordfreq's Zipf scale (log10 of frequency per billion words): a gap of three
    (a thousand times rarer, "1000's" vs "thousands") or more counts as 1. Computed on
    first use, so clean text never loads wordfreq; remembered per pair, because the
    frequency engine's entries are new objects at every candidate.
    """
    from wordfreq import zipf_frequency  # imported lazily: loads the English frequency table

    gap = zipf_frequency(canonical, "en") - zipf_frequency(spun, "en")
    return max(0.0, min(1.0, gap / 3.0))


def _untangle(candidates: Sequence[Candidate]) -> list[tuple[Candidate, bool]]:
    """The candidates not nested in a longer one (the longer reading explains more),
    each with whether it crosses another. Of two crossing readings ("White Home" and
    "Home campaign" in "White Home campaign") neither is repaired: either repair would
    leave the other's words half changed, for the next run to find."""
    outer = [
        c
        for c in candidates
        if not any(o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start for o in candidates)
    ]
    outer.sort(key=lambda c: c.start)
    return [(c, any(o is not c and o.start < c.end and c.start < o.end for o in outer)) for c in outer]


class _Span(NamedTuple):
    start: int
    end: int


def _expression_entry(text: str, cand: Candidate) -> Entry:
    """A frequency-engine candidate in the shape of a lexicon entry, so that it is chosen,
    cased and given its article like one."""
    expr = cand.expression
    return Entry(
        spun=text[cand.start : cand.end],
        canonical=cand.replacement,
        cls=FINGERPRINT,
        case_sensitive=False,
        context=Context(),
        confidence=cand.confidence,
        rule=f"expression:{expr.text}",
        source=expr.source,
    )


def _outside(hits: Sequence[Hit], spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each of ``hits`` (non-empty, sorted by start), whether it overlaps none of ``spans``
    (sorted, non-overlapping): ``not _overlaps(hit, spans)`` for each, in one sweep over both."""
    out = []
    j, n = 0, len(spans)
    for hit in hits:
        start = hit.start
        while j < n and spans[j][1] <= start:  # spans ending before the hit: no later hit reaches them
            j += 1
        out.append(j == n or spans[j][0] >= hit.end)
    return out


def _overlaps(hit: Hit | Token | _Span, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``hit`` overlaps any of ``spans`` (sorted, non-overlapping)."""
    i = bisect_right(spans, (hit.start, math.inf))
    if i and spans[i - 1][1] > hit.start:
        return True
    return i < len(spans) and spans[i][0] < hit.end
