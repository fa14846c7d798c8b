"""The values textrepair hands back: :class:`Edit`, :class:`Flag`, :class:`Verdict` and :class:`Report`.

Every offset in these objects points into the text the caller passed in, so a
user can map any result (an entity span, a sentence boundary) back to the
original document with nothing but these numbers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass(frozen=True, slots=True, init=False)
class Edit:
    """One change to the input: ``text[start:end]`` (== ``original``) became ``replacement``.

    ``kind`` names what made it (``"unicode"``, ``"typography"``, ``"spintax"``,
    ``"whitespace"``, ``"lexicon"``, ``"expression"``, ``"tortured-search"``, ``"article"``);
    ``rule`` names the rule inside it,
    for example ``"lexicon:suppose tank"``. When two stages touched the same characters
    their edits are merged and ``rule`` lists both, joined by ``+``.
    ``confidence`` is in (0, 1]: how sure the rule is that the replacement is the
    author's original wording.
    """

    start: int
    end: int
    original: str
    replacement: str
    kind: str
    rule: str
    confidence: float

    def __init__(
        self, start: int, end: int, original: str, replacement: str, kind: str, rule: str, confidence: float
    ) -> None:
        # What the generated __init__ of a frozen dataclass does (object.__setattr__ per
        # field), through the slots directly: three times faster, and a repair makes
        # dozens of edits per document.
        _EDIT_SLOTS[0](self, start)
        _EDIT_SLOTS[1](self, end)
        _EDIT_SLOTS[2](self, original)
        _EDIT_SLOTS[3](self, replacement)
        _EDIT_SLOTS[4](self, kind)
        _EDIT_SLOTS[5](self, rule)
        _EDIT_SLOTS[6](self, confidence)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __reduce__(self) -> tuple[type[Edit], tuple[int, int, str, str, str, str, float]]:
        # Pickled as the plain tuple of fields: several times faster than the default
        # for slotted dataclasses, and pipe(n_process > 1) moves thousands of edits.
        return (Edit, (self.start, self.end, self.original, self.replacement, self.kind, self.rule, self.confidence))


_EDIT_SLOTS = tuple(getattr(Edit, f.name).__set__ for f in fields(Edit))


@dataclass(frozen=True, slots=True, init=False)
class Flag:
    """A span that looks spun but was left alone, with the reason and what it would become.
    ``confidence``: how sure the rule would be of the suggestion, were it to repair it."""

    start: int
    end: int
    text: str
    suggestion: str
    rule: str
    reason: str
    confidence: float = 0.0

    def __init__(
        self, start: int, end: int, text: str, suggestion: str, rule: str, reason: str, confidence: float = 0.0
    ) -> None:
        # Through the slots directly, as Edit does: a spun document has many flags.
        _FLAG_SLOTS[0](self, start)
        _FLAG_SLOTS[1](self, end)
        _FLAG_SLOTS[2](self, text)
        _FLAG_SLOTS[3](self, suggestion)
        _FLAG_SLOTS[4](self, rule)
        _FLAG_SLOTS[5](self, reason)
        _FLAG_SLOTS[6](self, confidence)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __reduce__(self) -> tuple[type[Flag], tuple[int, int, str, str, str, str, float]]:
        return (Flag, (self.start, self.end, self.text, self.suggestion, self.rule, self.reason, self.confidence))


_FLAG_SLOTS = tuple(getattr(Flag, f.name).__set__ for f in fields(Flag))


@dataclass(frozen=True, slots=True)
class Verdict:
    """The judgement of a whole document: its spin score in [0, 1], and whether it counts
    as spun (the score reached the threshold with enough evidence)."""

    score: float
    is_spun: bool
    #: The spinner families whose own evidence judges the document spun: an ambiguous
    #: lexicon entry fires only where its family is among them.
    families: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Report:
    """Everything :func:`textrepair.analyze` found out about one document.

    ``text`` is the repaired text; applying ``edits`` (sorted, non-overlapping) to the
    input gives exactly ``text``. ``spin_score`` in [0, 1] says how strongly the
    document as a whole shows a spinner's fingerprints; ``is_spun`` compares it with
    the threshold the :class:`~textrepair.Repairer` was configured with.
    """

    text: str
    edits: tuple[Edit, ...] = ()
    flags: tuple[Flag, ...] = ()
    spin_score: float = 0.0
    is_spun: bool = False
    evidence: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "spin_score": round(self.spin_score, 4),
            "is_spun": self.is_spun,
            "evidence": dict(self.evidence),
            "edits": [e.to_dict() for e in self.edits],
            "flags": [f.to_dict() for f in self.flags],
        }
