"""The pipeline: named stages behind one small protocol, run to a fixed point.

A :class:`Stage` is called with the :class:`Document`, the state of one document that
all stages share (the current text, the edits so far, the verdict, the spans already
repaired, and the round's findings), and returns edits on the current text, or none:
stages that only find things (lexicon hits, broken expressions, the verdict, the
choice) leave them in the document for the next stage. :func:`run_stages` applies each
stage's edits as soon as it returns them, so every stage sees the text as the stages
before it left it.

The stages run in rounds. A round that changes nothing ends the run: that is the fixed
point, where repairing the output again changes nothing. A repair can give another
entry the context it needs ("america Social gathering": only once "america" is "the
United States" does "Social gathering" follow a capitalised word), and can change how
ftfy reads its line, so another round follows every round that changed the text, up to
:data:`MAX_ROUNDS`. The first round reads the whole text and judges the document; later
rounds keep that verdict, look only around the last changes, and leave earlier repairs
alone (``protected``), so that a repair is never repaired again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from .findings import Candidate, Suspicion
from .lexicon.automaton import Hit
from .model import Edit, Flag, Report, Verdict
from .text.buffer import Utf8Buffer
from .text.edits import OffsetMap, apply_edits, changed_part, compose
from .text.tokens import Neighbours

#: The bound of the fixed-point loop: a lexicon without cycles settles in two rounds of
#: repairs, a third may follow a repair that gave another entry its context, and the
#: last round finds nothing left to do.
MAX_ROUNDS = 4

Span = tuple[int, int]


class Stage(Protocol):
    """One step of the pipeline. ``name`` is also its config switch (where it has one) and
    appears in the rules of the edits it makes."""

    name: str

    def __call__(self, doc: Document) -> Sequence[Edit]:
        """Edits on ``doc.text`` (sorted, non-overlapping), or none; findings go into ``doc``."""
        ...


@dataclass(eq=False)
class Document:
    """One document as it goes through the stages."""

    original: str
    text: str
    round: int = 0
    #: The edits so far, composed into edits on ``original`` (sorted, non-overlapping).
    edits: list[Edit] = field(default_factory=list)
    #: What was left alone, with the reason, on ``original``.
    flags: list[Flag] = field(default_factory=list)
    #: The document's verdict, set in the first round and kept after it.
    verdict: Verdict | None = None
    evidence: dict[str, int] = field(default_factory=dict)
    #: Where leftover spinner syntax was removed in the first round (a fingerprint of spin).
    spintax: list[int] = field(default_factory=list)
    #: Spans of ``text`` written by repairs (not by normalisation): later rounds leave them alone.
    protected: list[Span] = field(default_factory=list)
    #: The words within ``protected`` that the repairs changed ("Foreign" of "Foreign
    #: Secretary"): a lexicon entry may still use the unchanged ones ("Secretary-Common").
    rewritten: list[Span] = field(default_factory=list)
    #: Spans of ``text`` changed since the lexicon stage last read it; None: read it all.
    changed: list[Span] | None = None
    #: Where this round's finding stages look (None: everywhere), set by the lexicon stage.
    windows: list[Span] | None = None
    # The round's findings, handed from stage to stage.
    fingerprints: list[Hit] = field(default_factory=list)
    #: Ambiguous hits, each with whether it may fire in a spun document and whether its context is telling.
    ambiguous: list[tuple[Hit, bool, bool]] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    suspicions: list[Suspicion] = field(default_factory=list)
    #: Hits left alone before the choice, with the reason (a document condition not met).
    held_back: list[tuple[Hit, str]] = field(default_factory=list)
    #: What documents conditions are read against (see :mod:`textrepair.stages.scan`), once set.
    mentions: str | None = None
    chosen: list[Hit] = field(default_factory=list)
    #: Per span where alternatives competed, the chosen one's share of their weight.
    shares: dict[Span, float] = field(default_factory=dict)
    _near: Neighbours | None = None

    @property
    def first_round(self) -> bool:
        return self.round == 0

    @property
    def near(self) -> Neighbours:
        """The tokens around positions of the current text, each looked up once."""
        if self._near is None or self._near.text is not self.text:
            self._near = Neighbours(self.text)
        return self._near

    def apply(self, edits: Sequence[Edit], *, protect: bool) -> None:
        """Apply ``edits`` (on the current text) and keep everything else in step: the
        composed edits, the protected and changed spans. ``protect``: the edits are repairs,
        which later rounds must leave alone."""
        following = apply_edits(self.text, edits)
        self.edits = compose(self.original, self.edits, edits, intermediate=self.text)
        written, words = _written(edits, changed_words=protect)
        self.protected = _merge(_shift(self.protected, edits), written) if protect else _shift(self.protected, edits)
        rewritten = _shift(self.rewritten, edits)
        self.rewritten = _merge(rewritten, words) if protect else rewritten
        if self.changed is not None:
            self.changed = _merge(_shift(self.changed, edits), written)
        self.text = following

    def add_flags(self, flags: Sequence[Flag]) -> None:
        """Keep ``flags`` (on the current text) with offsets into the original."""
        if not self.edits:
            self.flags.extend(flags)
            return
        offsets = OffsetMap(self.original, self.edits)
        for flag in flags:
            _, _, start, end, _ = offsets.span(flag.start, flag.end)
            text = self.original[start:end]
            self.flags.append(Flag(start, end, text, flag.suggestion, flag.rule, flag.reason, flag.confidence))

    def next_round(self) -> None:
        """Forget the round's findings; the text, edits, verdict and spans stay."""
        self.round += 1
        self.fingerprints, self.ambiguous, self.candidates, self.chosen, self.held_back = [], [], [], [], []
        self.suspicions = []
        self.shares = {}
        self.windows = None
        if self.changed is None:
            self.changed = []

    def report(self) -> Report:
        verdict = self.verdict or Verdict(0.0, False)
        return Report(
            text=self.text,
            edits=tuple(self.edits),
            flags=tuple(self.flags),
            spin_score=verdict.score,
            is_spun=verdict.is_spun,
            evidence=self.evidence,
        )


#: Stage names whose edits are normalisation, which later rounds may touch again.
NORMALISING = frozenset({"unicode", "typography", "spintax", "whitespace"})


#: A text longer than this many characters is repaired in blocks of lines (see
#: :func:`run_stages`): a document's working memory grows with its hits and edits, and a
#: 20 MB "document" is a corpus in one file, not an article.
BLOCK_CHARS = 1_000_000
#: The lines of one block. Repairs never add or remove a line break, so repairing the
#: output again cuts it into the same blocks.
BLOCK_LINES = 2_000


def run_stages(stages: Sequence[Stage], text: str) -> Report:
    """Run ``stages`` over ``text`` in rounds until a round changes nothing (at most
    :data:`MAX_ROUNDS`), and report what they did. A text of more than :data:`BLOCK_CHARS`
    characters is repaired :data:`BLOCK_LINES` lines at a time, each block judged on its
    own evidence, and the reports joined: its spin score is the blocks' average, weighted
    by their words, and it is spun where most of its words are in spun blocks."""
    if len(text) > BLOCK_CHARS:
        return _run_in_blocks(stages, text)
    return _run_document(stages, text)


def _run_in_blocks(stages: Sequence[Stage], text: str) -> Report:
    repaired = Utf8Buffer(2 * len(text))  # room for the UTF-8 of most texts, without growing
    edits: list[Edit] = []
    flags: list[Flag] = []
    shared = _Shared()
    evidence: dict[str, int] = {}
    score = spun_words = 0.0
    start = 0
    while start < len(text):
        end = start
        for _ in range(BLOCK_LINES):
            end = text.find("\n", end) + 1
            if not end:
                end = len(text)
                break
        block = _run_document(stages, text[start:end])
        if not start:  # offsets into the first block are offsets into the text
            edits += block.edits
            flags += block.flags
        else:
            if not shared.started:  # a second block: the first one's values become the copies to share
                edits, flags = shared.edits(edits, 0), shared.flags(flags, 0)
            edits += shared.edits(block.edits, start)
            flags += shared.flags(block.flags, start)
        for name, count in block.evidence.items():
            evidence[name] = evidence.get(name, 0) + count
        words = block.evidence.get("words", 0)
        score += block.spin_score * words
        spun_words += words if block.is_spun else 0
        start = end
        repaired.append(block.text)
    words = max(evidence.get("words", 0), 1)
    return Report(repaired.text(), tuple(edits), tuple(flags), score / words, spun_words * 2 > words, evidence)


class _Shared:
    """Edits and flags moved by a block's offset, keeping one copy of each equal value.

    The same wordings, rules and confidences come back in block after block: an edit or
    flag made here keeps the first copy of each value seen (they are immutable) instead
    of its own. Floats are shared by value, but not 0.0 (equal to -0.0, which prints
    differently) nor ints."""

    def __init__(self) -> None:
        self.started = False
        self._texts: dict[str, str] = {}
        self._numbers: dict[float, float] = {}

    def _number(self, value: float) -> float:
        if type(value) is not float or not value:
            return value
        return self._numbers.setdefault(value, value)

    def edits(self, edits: Sequence[Edit], shift: int) -> list[Edit]:
        self.started = True
        one, number = self._texts.setdefault, self._number
        return [
            Edit(
                e.start + shift,
                e.end + shift,
                one(e.original, e.original),
                one(e.replacement, e.replacement),
                one(e.kind, e.kind),
                one(e.rule, e.rule),
                number(e.confidence),
            )
            for e in edits
        ]

    def flags(self, flags: Sequence[Flag], shift: int) -> list[Flag]:
        self.started = True
        one, number = self._texts.setdefault, self._number
        return [
            Flag(
                f.start + shift,
                f.end + shift,
                one(f.text, f.text),
                one(f.suggestion, f.suggestion),
                one(f.rule, f.rule),
                one(f.reason, f.reason),
                number(f.confidence),
            )
            for f in flags
        ]


def _run_document(stages: Sequence[Stage], text: str) -> Report:
    doc = Document(original=text, text=text)
    for round_ in range(MAX_ROUNDS):
        if round_:
            doc.next_round()
        changed = False
        for stage in stages:
            edits = stage(doc)
            if edits:
                doc.apply(edits, protect=stage.name not in NORMALISING)
                changed = True
        if not changed:
            break
    return doc.report()


def _written(edits: Sequence[Edit], *, changed_words: bool = False) -> tuple[list[Span], list[Span]]:
    """Where the replacements of ``edits`` lie once they are applied, and (with
    ``changed_words``) those spans narrowed to the words each repair changed: "Overseas
    Secretary" -> "Foreign Secretary" protects "Foreign", so that "Secretary-Common" may
    still be repaired next to it in the same run, as it would be in the next."""
    out: list[Span] = []
    words: list[Span] = []
    shift = 0
    for e in edits:
        start = e.start + shift
        replacement = e.replacement
        out.append((start, start + len(replacement)))
        if changed_words:
            _, _, lo, hi = changed_part(e.original, replacement)
            words.append((start + lo, start + hi))
        shift += len(replacement) - (e.end - e.start)
    return out, words


def _shift(spans: Sequence[Span], edits: Sequence[Edit]) -> list[Span]:
    """``spans`` (sorted by start) moved to where they lie once ``edits`` are applied; a
    span an edit cuts into keeps the part outside the edit and grows over its
    replacement. One sweep over both lists."""
    if not edits or not spans:
        return list(spans)
    out: list[Span] = []
    k, shift, n = 0, 0, len(edits)
    for start, end in spans:
        while k < n and edits[k].end <= start:  # wholly before the span (an insertion at its start too)
            e = edits[k]
            shift += len(e.replacement) - (e.end - e.start)
            k += 1
        new_start = edits[k].start + shift if k < n and edits[k].start < start else start + shift
        j, inside = k, shift
        new_end = None
        while j < n and edits[j].start < end:
            e = edits[j]
            if e.end > end:  # cuts across the span's end: the span runs to the end of its replacement
                new_end = e.start + inside + len(e.replacement)
                break
            inside += len(e.replacement) - (e.end - e.start)
            j += 1
        out.append((new_start, end + inside if new_end is None else new_end))
    return out


def _merge(a: Sequence[Span], b: Sequence[Span]) -> list[Span]:
    """The spans of ``a`` and ``b`` together, sorted; spans that overlap become one
    (spans that only touch stay apart). ``b`` is sorted, and none of its spans overlap
    (the spans of edits' replacements), so without ``a`` it is the answer."""
    if not a:
        return list(b)
    out: list[Span] = []
    for start, end in sorted([*a, *b]):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
