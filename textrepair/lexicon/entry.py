"""What a lexicon is made of: :class:`Entry` (one spun wording and its original),
:class:`Context` (constraints on the neighbouring tokens) and :class:`LexiconError`.

Every other part of the package reads entries; only :mod:`~textrepair.lexicon.parse`
makes them (and the expression stage, for the broken expressions it finds).
"""

from __future__ import annotations

from dataclasses import dataclass

from .conditions import DocCondition

FINGERPRINT = "fingerprint"
AMBIGUOUS = "ambiguous"
#: The token classes a context list may name besides plain words.
TOKEN_CLASSES = frozenset({"<punct>", "<cap>", "<lower>", "<num>", "<start>", "<end>"})


class LexiconError(ValueError):
    """A lexicon line that cannot be understood; the message names file and line."""

    def __init__(self, source: str, line: int, message: str) -> None:
        super().__init__(f"{source}:{line}: {message}")
        self.source = source
        self.line = line


@dataclass(frozen=True, slots=True)
class Context:
    """Constraints on the tokens next to a match; empty sets mean "anything"."""

    prev: frozenset[str] = frozenset()
    next: frozenset[str] = frozenset()
    not_prev: frozenset[str] = frozenset()
    not_next: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.prev or self.next or self.not_prev or self.not_next)


@dataclass(frozen=True, slots=True)
class Entry:
    """One concrete mapping, inflections already expanded."""

    spun: str
    canonical: str
    cls: str
    case_sensitive: bool
    context: Context
    confidence: float
    rule: str
    source: str
    swap: bool = False
    #: Whether a hit counts as evidence of spin (``evidence=no`` says it does not).
    evidence: bool = True
    #: Every canonical wording its line lists (``a / b``), when there is more than one.
    alternatives: tuple[str, ...] = ()
    #: The kind of the edits it makes (:attr:`textrepair.Edit.kind`): "lexicon", or
    #: "expression" for a broken expression found by the expression stage.
    kind: str = "lexicon"
    #: What the whole document must (not) contain for the entry to fire (``doc_has``,
    #: ``doc_lacks``); None when the line sets neither.
    doc: DocCondition | None = None
    #: The spinner family the entry belongs to: "news" (the founding news spinner, and
    #: users' lexicons) or "tortured" (the paraphrasing tools behind tortured phrases).
    #: An ambiguous entry fires only in a document its own family's evidence judges spun.
    family: str = "news"
