"""Stage "choose": decide which hits and broken expressions to repair.

* Fingerprints are always repaired.
* Ambiguous entries ("mentioned" -> "said") are repaired only in a document judged spun
  by their own family's evidence (:attr:`textrepair.Verdict.families`: another spinner's
  damage is no reason to rewrite "mentioned", nor to flag it), and only where their
  context is telling or they name no context. A one-word entry with
  no context passes the *frequency gate* only where its original is at least
  :data:`FREQUENCY_GATE` of the two wordings' weight (the scorer's): in a spun document
  "folks" (people: 99%) is repaired, a word as common as its original is not.
* Where several entries offer different originals for one span (``provided => supplied
  / offered``), the one the scorer weighs most wins, and the edit's confidence carries
  its share.
* Broken expressions: a surely broken name anywhere, a likely broken one in a spun
  document (:mod:`textrepair.findings`); the rest become flags. A tortured phrase found
  through the spinner's swaps is repaired from its own level, in any document, and flagged
  below it (down to a floor).

Chosen repairs never overlap: earliest first, then longest, fingerprints before
ambiguous entries, lexicon hits before broken expressions. In the first round what is
left alone becomes a flag with the reason (but not an ambiguous entry in a document that
only another family's evidence judges spun).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..findings import FIRE, STRONG, TORTURED_EDIT, TORTURED_FLAG, Candidate, Suspicion
from ..lexicon.automaton import Hit
from ..lexicon.entry import AMBIGUOUS, Entry
from ..model import Edit, Flag
from ..pipeline import Document, Span
from ..scoring import Scorer
from ..text.casing import match_case
from ..text.fold import fold
from .context import EDIT_GAIN, FLAG_GAIN, suspicion_entry
from .expressions import expression_entry
from .scan import TraitsTable, overlaps, select

#: The share of the weight of original and spun wording the original needs to pass the
#: frequency gate.
FREQUENCY_GATE = 0.5


class Choice:
    """The "choose" stage: fills ``doc.chosen`` and ``doc.shares``, and in the first round ``doc.flags``."""

    name = "choose"

    def __init__(self, traits: TraitsTable, scorer: Scorer) -> None:
        self.traits = traits
        self.scorer = scorer
        self._gate: dict[int, bool] = {}  # per entry, when the scorer ignores context

    def __call__(self, doc: Document) -> Sequence[Edit]:
        verdict = doc.verdict
        score, is_spun = (verdict.score, verdict.is_spun) if verdict is not None else (0.0, False)
        families = verdict.families if verdict is not None else frozenset()
        firing: list[Hit] = list(doc.fingerprints)
        rejected: list[tuple[Hit, str]] = list(doc.held_back)
        # What is left alone, with the reason, becomes a flag in the first round only (later
        # rounds need no reasons). The reasons are the same for every hit of a kind: each is
        # written once per document.
        reasons = doc.first_round
        not_spun = f"document not judged spun (score {score:.2f})" if reasons else ""
        for judged in doc.ambiguous:
            hit, may_fire = judged[0], judged[1]  # (indexing a named tuple is cheaper than unpacking it)
            family = hit.entry.family
            spun_here = family in families  # its own family's evidence judges the document spun
            if spun_here and may_fire and self.passes_gate(hit.entry):
                firing.append(hit)
            elif not reasons:
                continue
            elif spun_here and may_fire:
                rejected.append((hit, f"{hit.entry.canonical!r} is not more common than {hit.entry.spun!r}"))
            elif spun_here:
                rejected.append((hit, "context does not match"))
            elif is_spun:
                # Another spinner's damage says nothing about this entry's word: in such
                # documents half or fewer of these hits were a substitution (the simulated
                # spinners' tune documents), so they are not flagged either.
                continue
            else:
                rejected.append((hit, not_spun))
        firing, doc.shares = self.pick_alternatives(firing)
        doc.chosen = _choose(doc.text, firing, doc.candidates, doc.suspicions, score, is_spun, rejected)
        if doc.first_round:
            tortured = any(c.family == "tortured" for c in doc.candidates)
            if doc.fingerprints or doc.spintax or is_spun or tortured:
                doc.add_flags(_flags(doc.text, rejected, doc.chosen))
            elif doc.suspicions:
                # Only the language model saw something: its own suspicions are flagged, not
                # every ambiguous word of the lexicon (clean text has suspicions too).
                own = [(hit, reason) for hit, reason in rejected if hit.entry.kind == "context"]
                doc.add_flags(_flags(doc.text, own, doc.chosen))
        return ()

    def passes_gate(self, entry: Entry) -> bool:
        """Whether the entry passes the frequency gate (see the module docstring); entries
        it does not apply to pass."""
        key = id(entry)  # only lexicon entries are ambiguous, and they live as long as the stage
        passed = self._gate.get(key)
        if passed is not None:
            return passed
        gated = self.traits(entry).gated
        if gated:
            weight = self.scorer.frequency
            original = sum(weight(c) for c in (entry.alternatives or (entry.canonical,)))
            passed = original >= FREQUENCY_GATE * (original + weight(entry.spun))
        else:
            passed = True
        if not (gated and self.scorer.uses_context):
            self._gate[key] = passed
        return passed

    def pick_alternatives(self, hits: list[Hit]) -> tuple[list[Hit], dict[Span, float]]:
        """Where several ambiguous hits cover the same span with different canonical wording
        (the alternatives of ``provided => supplied / offered``, or two lines whose contexts
        both hold), keep the one the scorer weighs most. Returns the hits left and, per span
        that had a choice, the kept one's share of the weight of all of them."""
        spans: dict[Span, list[Hit]] = {}
        for hit in hits:
            if hit.entry.cls == AMBIGUOUS:
                spans.setdefault((hit.start, hit.end), []).append(hit)
        contested = {
            span: group
            for span, group in spans.items()
            if len(group) > 1 and len({fold(h.entry.canonical) for h in group}) > 1  # one hit offers no choice
        }
        if not contested:
            return hits, {}
        shares: dict[Span, float] = {}
        dropped: set[int] = set()
        for span, group in contested.items():
            weights = {fold(h.entry.canonical): self.scorer.frequency(h.entry.canonical) for h in group}
            best = max(group, key=lambda h: (weights[fold(h.entry.canonical)], -group.index(h)))
            total = sum(weights.values())
            shares[span] = weights[fold(best.entry.canonical)] / total if total else 1.0 / len(weights)
            dropped.update(id(h) for h in group if h is not best)
        return [h for h in hits if id(h) not in dropped], shares


def _choose(
    text: str,
    firing: list[Hit],
    candidates: list[Candidate],
    suspicions: list[Suspicion],
    score: float,
    is_spun: bool,
    rejected: list[tuple[Hit, str]],
) -> list[Hit]:
    """The lexicon hits to repair (without overlaps), then the broken expressions and the
    context stage's suspicions that none of them covers; sorted. What is left alone is
    added to ``rejected`` with the reason."""
    chosen = select(firing)
    taken = [(h.start, h.end) for h in chosen]  # lexicon repairs come first
    free = [c for c in candidates if not (taken and overlaps((c.start, c.end), taken))]
    for cand, crossed in _untangle(free):
        hit = Hit(cand.start, cand.end, expression_entry(text, cand))
        if crossed:
            reason = "overlaps another broken expression"
        elif cand.family == "tortured":
            if cand.confidence >= TORTURED_EDIT:
                chosen.append(hit)
                continue
            if cand.confidence < TORTURED_FLAG:
                continue
            reason = f"tortured phrase? confidence {cand.confidence:.2f} below {TORTURED_EDIT}"
        elif (cand.is_name and cand.confidence >= STRONG) or (is_spun and cand.confidence >= FIRE):
            chosen.append(hit)
            continue
        elif cand.confidence < FIRE:
            reason = f"confidence {cand.confidence:.2f} below {FIRE}"
        else:
            reason = f"document not judged spun (score {score:.2f})"
        rejected.append((hit, reason))
    taken = sorted((h.start, h.end) for h in chosen)
    for suspicion in suspicions:
        if suspicion.gain < FLAG_GAIN or (taken and overlaps((suspicion.start, suspicion.end), taken)):
            continue
        hit = Hit(suspicion.start, suspicion.end, suspicion_entry(suspicion))
        if suspicion.gain >= EDIT_GAIN:
            chosen.append(hit)
        else:
            times = f"{10**suspicion.gain:,.0f}"
            rejected.append((hit, f"a language model finds {suspicion.suggestion!r} {times} times likelier here"))
    chosen.sort(key=lambda h: h.start)
    return chosen


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


def _flags(text: str, rejected: list[tuple[Hit, str]], chosen: list[Hit]) -> list[Flag]:
    """A flag for each hit left alone that no chosen repair covers, one per span."""
    spans = [(h.start, h.end) for h in chosen]
    flags: dict[Span, Flag] = {}
    for hit, reason in rejected:
        if overlaps(hit, spans) or (hit.start, hit.end) in flags:
            continue
        surface = text[hit.start : hit.end]
        suggestion = match_case(surface, hit.entry.canonical)
        flags[(hit.start, hit.end)] = Flag(
            hit.start, hit.end, surface, suggestion, hit.entry.rule, reason, hit.entry.confidence
        )
    return [flags[k] for k in sorted(flags)]
