"""Stage "lexicon": find the lexicon's entries in the text and read their context.

One Aho-Corasick pass (:class:`~textrepair.lexicon.automaton.Scanner`) finds every
entry. Fingerprints whose context holds are kept without overlaps; each ambiguous hit
they leave free is judged: whether it may fire in a spun document, and whether its
context is *telling* (its constraints hold, or the article before it fits the original
word and not the spun one: "an settlement"). The verdict and choice stages use both.

An entry with a document condition (``doc_has``, ``doc_lacks``: "neural community" is a
tortured "neural network" in a text that also writes "neural network") fires only where
the document meets it; the rest are held back, to become flags. The document is read as
its original text together with what its unconditional fingerprints repair into, so that
repairing the output again gives the same answer.

The first round reads the whole text; later rounds read only windows around the last
changes (a hit can only have gained its context from a change next to it), outside the
spans already repaired.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from ..lexicon.automaton import Hit, Scanner
from ..lexicon.conditions import DocCondition, doc_condition_holds
from ..lexicon.context import ContextCheck
from ..lexicon.entry import AMBIGUOUS, FINGERPRINT, Context, Entry
from ..model import Edit
from ..pipeline import Document, Span
from ..text.articles import indefinite_article
from ..text.edits import changed_part
from ..text.fold import fold
from ..text.tokens import Neighbours, Token
from .name_words import NameWords

#: How far beyond a change later rounds look, on top of the longest entry: a hit that
#: gained its context from a change lies within one entry and one neighbouring word of it.
WINDOW_MARGIN = 40
#: How far around a hit to look for a name it may cut into (characters).
NAME_REACH = 80


class EntryTraits:
    """What the stages need to know about an entry at each of its hits, worked out once."""

    __slots__ = ("ambiguous", "betraying", "check", "entry", "fingerprint", "gated", "name_risk")

    def __init__(self, entry: Entry, names: NameWords | None) -> None:
        self.entry = entry
        self.fingerprint = entry.cls == FINGERPRINT
        self.ambiguous = entry.cls == AMBIGUOUS
        self.check = ContextCheck.of(entry.context)
        # "an settlement": the article that fits the canonical first word and not the spun
        # one, or None when both take the same article. Only ambiguous hits are judged by
        # it (a fingerprint fires wherever it is), so it is worked out for them alone.
        self.betraying = None if self.fingerprint else _betraying(entry)
        #: Whether the frequency gate applies (see :mod:`textrepair.stages.choose`): to one-word
        #: ambiguous entries without context; others have their context, or their several words,
        #: as evidence.
        self.gated = self.ambiguous and self.check is None and " " not in entry.spun
        #: Whether a hit could ever change a word of a name written around it
        #: (:meth:`NameWords.risky`; with no test for the lexicon's names, every hit could).
        #: Most entries never can, and their hits are not looked at for names at all.
        self.name_risk = names is None or names.risky(entry)

    def betrayed_by(self, prev: Token | None) -> bool:
        """Whether the article ``prev`` betrays the swap: it fits the canonical wording, not the spun one."""
        return self.betraying is not None and prev is not None and prev.text.lower() == self.betraying


def _betraying(entry: Entry) -> str | None:
    spun, canonical = entry.spun.split(), entry.canonical.split()
    spun_article = indefinite_article(spun[0]) if spun else None
    canonical_article = indefinite_article(canonical[0]) if canonical else None
    return canonical_article if canonical_article != spun_article else None


class TraitsTable(dict[int, EntryTraits]):
    """The traits of a lexicon's entries by ``id(entry)``, worked out the first time an
    entry is hit (most never are); entries made on the fly (broken expressions) get
    theirs each time, unremembered. Hot loops read it as the dict it is:
    ``table.get(id(entry)) or table(entry)``.

    It also holds the names the lexicon repairs into (:attr:`names`) and the word test
    for them (:attr:`name_words`), which an entry's :attr:`EntryTraits.name_risk` comes from."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        super().__init__()
        self._entries = list(entries)  # held, so that no other object can take one of their ids
        self._ids = frozenset(id(e) for e in self._entries)
        self.names = _names(self._entries)
        self.name_words = NameWords.of(self.names, NAME_REACH)

    def __call__(self, entry: Entry) -> EntryTraits:
        traits = self.get(id(entry))
        if traits is None:
            traits = EntryTraits(entry, self.name_words)
            if id(entry) in self._ids:
                self[id(entry)] = traits
        return traits


class Judged(NamedTuple):
    """An ambiguous hit, whether it may fire in a spun document, and whether its context is telling."""

    hit: Hit
    may_fire: bool
    telling: bool


class LexiconScan:
    """The "lexicon" stage: fills ``doc.fingerprints`` and ``doc.ambiguous`` (see the module docstring)."""

    name = "lexicon"

    def __init__(self, entries: Sequence[Entry], traits: TraitsTable) -> None:
        self.scanner = Scanner(entries)
        self.names = Scanner(traits.names)
        self.name_words = traits.name_words
        self.conditional = any(e.doc for e in entries)  # some entry has a document condition
        # (only fingerprints have one in the shipped lexicons: the many ambiguous hits need no look)
        self.conditional_ambiguous = any(e.doc for e in entries if e.cls != FINGERPRINT)
        self.traits = traits
        self.margin = max((len(e.spun) for e in entries), default=0) + WINDOW_MARGIN

    def __call__(self, doc: Document) -> Sequence[Edit]:
        text = doc.text
        if doc.changed is not None:  # a later round: only around the changes
            doc.windows = windows(doc.changed, len(text), self.margin)
            doc.changed = []
        else:
            doc.changed = []
        if doc.windows is not None and not doc.windows:
            return ()
        near = doc.near
        fingerprints, ambiguous = self._hits(text, doc.rewritten, doc.windows, near)
        if self.conditional and (
            any(h.entry.doc for h in fingerprints)
            or (self.conditional_ambiguous and any(h.entry.doc for h, _ in ambiguous))
        ):
            fingerprints, ambiguous = self._conditions_met(doc, fingerprints, ambiguous)
        doc.fingerprints = fingerprints
        # Ambiguous hits matter in the first round (they are evidence) and, later, only
        # in a spun document (elsewhere none can fire).
        if doc.first_round or (doc.verdict is not None and doc.verdict.is_spun):
            doc.ambiguous = self._judge(text, ambiguous, near)
        return ()

    def _hits(
        self, text: str, protected: Sequence[Span], windows: Sequence[Span] | None, near: Neighbours
    ) -> tuple[list[Hit], list[tuple[Hit, EntryTraits]]]:
        """The hits outside ``protected`` (the words earlier repairs changed), and not cutting
        into a name: the fingerprints chosen (those whose context holds, without overlaps),
        and the ambiguous hits they leave free."""
        before, after, known, traits_of = near.before, near.after, self.traits.get, self.traits
        scanner = self.scanner
        found = scanner.find(text) if windows is None else [h for w in windows for h in scanner.find(text, *w)]
        if protected:  # a fingerprint may overlap an earlier repair, as it would in the next call; an ambiguous hit not
            found = [
                h
                for h, free in zip(found, outside(found, protected), strict=True)
                if free or h.entry.cls == FINGERPRINT
            ]
        held: list[Hit] = []  # fingerprints whose context (if any) holds
        maybe: list[tuple[Hit, EntryTraits]] = []  # ambiguous hits
        at_risk: list[Hit] = []  # hits that could cut a name (see _name_cutters)
        for h in found:
            traits = known(id(h.entry)) or traits_of(h.entry)
            if traits.name_risk:
                at_risk.append(h)
            if traits.ambiguous:
                maybe.append((h, traits))
            elif traits.fingerprint and (
                traits.check is None or traits.check.holds(text, h.start, h.end, before(h.start), after(h.end))
            ):
                held.append(h)  # fingerprints fire unconditionally unless their entry names a context
        if at_risk and (cutters := self._name_cutters(text, at_risk, near)):
            held = [h for h in held if id(h) not in cutters]
            maybe = [pair for pair in maybe if id(pair[0]) not in cutters]
        fingerprints = select(held)
        if not fingerprints:
            return fingerprints, maybe
        free = outside([h for h, _ in maybe], [(h.start, h.end) for h in fingerprints])
        return fingerprints, [pair for pair, keep in zip(maybe, free, strict=True) if keep]

    def _name_cutters(self, text: str, hits: list[Hit], near: Neighbours) -> set[int]:
        """The ids of those of ``hits`` (the hits of entries whose :attr:`EntryTraits.name_risk`
        is set, in order) that would change a word of a name written correctly around them:
        in "White Home Office" the spun "White Home" shares "Home" with "Home Office", whose
        words are the author's ("NATIONAL SCIENCE FOUNDATION Factors" is no "foundation
        factors"). Such a repair would break a name; leaving it makes the repair a fixed
        point. Only a hit with a capital in it and a capitalised word next to it can touch
        a name beyond itself; the names around those are found in one pass over merged
        windows.

        A name can only be cut where the hit's changed words are words of some name
        (:meth:`NameWords.may_cut`: "However" is in no name): the neighbours of the other
        hits are not read, and no names are looked for around them. The hits of the
        other entries, which can never touch a name, are not even passed in."""
        guard = self.name_words
        suspects = []
        for hit in hits:
            surface = text[hit.start : hit.end]
            if surface.islower():
                continue  # a name's words are written with capitals; a lowercase hit changes none of them
            if guard is not None and not guard.may_cut(surface, hit.entry.canonical):
                continue
            prev, nxt = near.before(hit.start), near.after(hit.end)
            if (prev is not None and prev.text[:1].isupper()) or (nxt is not None and nxt.text[:1].isupper()):
                suspects.append(hit)
        if not suspects:
            return set()
        spans = [(hit.start, hit.end) for hit in suspects]
        names = [n for w in windows(spans, len(text), NAME_REACH) for n in self.names.find(text, *w)]
        if not names:
            return set()
        starts = [n.start for n in names]
        cutters = set()
        for hit in suspects:
            lo, hi, _, _ = changed_part(text[hit.start : hit.end].lower(), hit.entry.canonical.lower())
            lo, hi = hit.start + lo, hit.start + hi
            for name in names[bisect_right(starts, hi - NAME_REACH - 1) : bisect_right(starts, hi - 1)]:
                if lo < name.end and (name.start < hit.start or name.end > hit.end):
                    cutters.add(id(hit))
                    break
        return cutters

    @staticmethod
    def _conditions_met(
        doc: Document, fingerprints: list[Hit], ambiguous: list[tuple[Hit, EntryTraits]]
    ) -> tuple[list[Hit], list[tuple[Hit, EntryTraits]]]:
        """The hits whose document condition holds; the others go to ``doc.held_back``."""
        if doc.mentions is None:
            repairs = " ".join(h.entry.canonical for h in fingerprints if not h.entry.doc)
            doc.mentions = fold(doc.original) + " | " + fold(repairs)

        def met(hit: Hit) -> bool:
            condition = hit.entry.doc
            if condition is None or doc_condition_holds(condition, doc.mentions or ""):
                return True
            doc.held_back.append((hit, _unmet(condition)))
            return False

        return [h for h in fingerprints if met(h)], [pair for pair in ambiguous if met(pair[0])]

    @staticmethod
    def _judge(text: str, ambiguous: list[tuple[Hit, EntryTraits]], near: Neighbours) -> list[Judged]:
        """Each ambiguous hit with whether it may fire (in a spun document) and whether its
        context is telling: its context constraints hold, or the article before it betrays
        the swap. A hit whose entry names no context may fire anywhere, telling nothing."""
        before, after, new = near.before, near.after, tuple.__new__
        judged = []
        for hit, traits in ambiguous:
            prev = before(hit.start)
            check = traits.check
            telling = (traits.betraying is not None and traits.betrayed_by(prev)) or (
                check is not None and check.holds(text, hit.start, hit.end, prev, after(hit.end))
            )  # (most entries take the same article as their original: no call to ask)
            judged.append(new(Judged, (hit, telling or check is None, telling)))  # Judged(...), without its __new__
        return judged


def _names(entries: Sequence[Entry]) -> list[Entry]:
    """The names the lexicon repairs into ("Home Office", "National Science Foundation"),
    as entries a scanner finds where they are written correctly."""
    names: dict[str, Entry] = {}
    for e in entries:
        canonical = e.canonical
        if " " in canonical and any(c.isupper() for c in canonical) and canonical not in names:
            names[canonical] = Entry(canonical, canonical, FINGERPRINT, True, Context(), 1.0, "name", e.source)
    return list(names.values())


def _unmet(condition: DocCondition) -> str:
    """Why a hit with ``condition`` was held back, for its flag."""
    if condition.has:
        return "document does not mention " + " or ".join(repr(p) for p in condition.has)
    return "document mentions " + " or ".join(repr(p) for p in condition.lacks)


def select(hits: Sequence[Hit]) -> list[Hit]:
    """Non-overlapping hits: leftmost, then longest, then fingerprint before ambiguous."""
    ordered = sorted(hits, key=lambda h: (h.start, -(h.end - h.start), h.entry.cls != FINGERPRINT))
    chosen: list[Hit] = []
    end = -1
    for hit in ordered:
        if hit.start >= end:
            chosen.append(hit)
            end = hit.end
    return chosen


def windows(spans: Sequence[Span], length: int, margin: int) -> list[Span]:
    """Spans widened by ``margin`` on each side and merged."""
    out: list[Span] = []
    for start, end in spans:
        lo, hi = max(0, start - margin), min(length, end + margin)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def outside(hits: Sequence[Hit], spans: Sequence[Span]) -> list[bool]:
    """For each of ``hits`` (non-empty, sorted by start), whether it overlaps none of ``spans``
    (sorted, non-overlapping): ``not overlaps(hit, spans)`` for each, in one sweep over both."""
    out = []
    j, n = 0, len(spans)
    for hit in hits:
        start = hit.start
        while j < n and spans[j][1] <= start:  # spans ending before the hit: no later hit reaches them
            j += 1
        out.append(j == n or spans[j][0] >= hit.end)
    return out


def overlaps(span: Hit | Token | Span, spans: Sequence[Span]) -> bool:
    """Whether ``span`` (anything with a start and an end first) overlaps any of ``spans``
    (sorted, non-overlapping)."""
    start, end = span[0], span[1]
    i = bisect_right(spans, (start, math.inf))
    if i and spans[i - 1][1] > start:
        return True
    return i < len(spans) and spans[i][0] < end
