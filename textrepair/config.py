"""Every option of a repair, declared once: :class:`RepairConfig`.

The :class:`~textrepair.Repairer` is built from one, ``Repairer(config, **overrides)``
takes overrides by field name, worker processes receive it (it is small and
picklable) and the command line makes one option per field from the field's metadata
(:mod:`textrepair.cli.args`). Adding an option is adding a field here; the stage that
reads it reads ``config.<name>``. The switches of the optional stages (``unicode``,
``typography``, ``spintax``, ``whitespace``, ``expressions``) are named after the stages
(:mod:`textrepair.stages`).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field, fields, replace
from typing import Any


def _option(default: Any, help: str, **cli: Any) -> Any:
    """A config field: its default, the one-line help the CLI shows, and how the CLI spells it."""
    return field(default=default, metadata={"help": help, **cli})


@dataclass(frozen=True)
class RepairConfig:
    """How a :class:`~textrepair.Repairer` repairs. The defaults leave clean text byte
    for byte alone and repair the spinner families textrepair knows.

    >>> RepairConfig().replace(threshold=0.7).threshold
    0.7
    """

    lexicons: tuple[str, ...] = _option((), "extra lexicon file (repeatable)", flag="--lexicon", metavar="FILE")
    """Extra lexicon files (see :mod:`textrepair.lexicon.parse` for the format), applied
    after the built-in ones; a later file's entry overrides an earlier one's."""
    default_lexicon: bool = _option(
        True, "do not use the built-in spinner lexicon (with --expressions and no --lexicon: expressions alone)"
    )
    """Use the lexicons that ship with textrepair. Off, with no ``lexicons``, the
    expression stage works alone."""
    tortured_phrases: bool = _option(
        True,
        'do not use the built-in list of tortured phrases ("counterfeit consciousness" -> "artificial intelligence")',
    )
    """Use the built-in list of tortured phrases (``wordlists/tortured.lex``, from the
    Problematic Paper Screener): a second spinner family, the paraphrasing tools behind
    "counterfeit consciousness" for "artificial intelligence". Part of the built-in
    lexicon: off with ``default_lexicon=False`` too."""
    expressions: bool = _option(
        False,
        "also restore broken multiword expressions and names no lexicon lists (slower on spun text)",
        negatable=True,
    )
    """Run the expression stage, which restores broken multiword expressions and names
    that no lexicon lists ("Center East" -> "Middle East"; see
    :mod:`textrepair.stages.expressions`). Off by default: on spun text it about doubles
    the time of a repair for a small gain where the lexicon is on."""
    context: bool = _option(
        False,
        "also score words with a language model, to find spin no list names (check: on unless --no-context)",
        negatable=True,
    )
    """Run the context stage (:mod:`textrepair.stages.context`): a trigram model of English
    tries each unlikely word's thesaurus neighbours in its place; its suspicions become
    flags (and, where sure, edits) and evidence of the calibrated spin score. Off by
    default, because it halves the speed of a repair; ``textrepair check``, which answers
    "is this spun?", turns it on unless ``--no-context``."""
    tortured_search: bool = _option(
        False,
        'also look for tortured phrases that no list names ("profound convolutional organization")',
        negatable=True,
    )
    """Look for tortured phrases that no list names, by mapping a run's words back through
    the swaps the tortured-phrase spinner is known to make onto an established term
    ("profound convolutional organization" -> "deep convolutional network"; see
    :mod:`textrepair.stages.tortured_search`). Sure finds are repaired, weaker ones flagged,
    and runs of swapped words that map to no known term are flagged too. With the
    ``context`` extra installed, each find is also checked with the language model, and
    each run read back through the swaps that fit its context best. Off by default: on
    news text it about triples the time of a repair (``benchmarks/tortured_cost.py``:
    +185%; +203% in instructions)."""
    threshold: float = _option(0.5, "spin score from which a document is spun (0..1)", metavar="X")
    """Spin score from which a document counts as spun, so that ambiguous entries may fire (0..1)."""
    min_evidence: float = _option(
        2.0, "spin evidence needed to change ambiguous words (a fingerprint counts 1)", metavar="X"
    )
    """Spin evidence a document must show before ambiguous entries fire: a fingerprint
    counts 1, an ambiguous word in a telling context 0.5 (see
    :func:`textrepair.stages.verdict.evidence_weight`)."""
    unicode: bool = _option(True, "leave look-alike Unicode characters and mojibake alone")
    """Repair mojibake and broken Unicode with ftfy (NFC, HTML entities in plain text...)."""
    typography: bool = _option(False, "straighten curly quotes and dashes")
    """Straighten curly quotes, dashes and ellipses to ASCII."""
    spintax: bool = _option(True, "leave {a|b} spintax alone")
    """Remove leftover spinner syntax: ``{dollars}`` -> ``dollars``, ``{a|b}`` -> ``a``."""
    whitespace: bool = _option(True, "leave white space alone")
    """Collapse runs of spaces inside a sentence, which a spinner leaves where it dropped a word."""

    def __post_init__(self) -> None:
        lexicons = self.lexicons
        if isinstance(lexicons, (str, os.PathLike)):
            lexicons = (lexicons,)
        object.__setattr__(self, "lexicons", tuple(os.fspath(p) for p in lexicons))
        if not (isinstance(self.threshold, (int, float)) and 0.0 <= self.threshold <= 1.0):
            raise ValueError(f"threshold must be between 0 and 1, not {self.threshold!r}")
        if not (isinstance(self.min_evidence, (int, float)) and 0.0 <= self.min_evidence < math.inf):
            raise ValueError(f"min_evidence must be a number >= 0, not {self.min_evidence!r}")

    def replace(self, **overrides: Any) -> RepairConfig:
        """A copy with ``overrides`` (field names) changed; an unknown name is a ``TypeError``."""
        unknown = set(overrides) - {f.name for f in fields(self)}
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}; known: {', '.join(option_names())}")
        return replace(self, **overrides) if overrides else self


def option_names() -> list[str]:
    """The names of every option, in declaration order."""
    return [f.name for f in fields(RepairConfig)]
