"""textrepair: repair news text damaged by article spinners.

>>> from textrepair import repair
>>> repair("Russian Overseas Minister Sergey Lavrov mentioned 90 p.c of the suppose tank agreed.")
'Russian Foreign Minister Sergey Lavrov said 90 percent of the think tank agreed.'
>>> repair("She mentioned the budget in the final week of talks.")
'She mentioned the budget in the final week of talks.'

"mentioned" became "said" in the first text only: it is ordinary English, repaired only
in a document whose fingerprints ("Overseas Minister", "p.c", "suppose tank") show it
was spun. See :func:`analyze` for the edits and the spin score.

The pipeline (:mod:`textrepair.pipeline`) runs named stages (:mod:`textrepair.stages`:
normalisation, lexicon, expressions, verdict, choose, apply) to a fixed point;
:class:`RepairConfig` holds every option, :mod:`textrepair.scoring` answers "which
wording is more likely", :mod:`textrepair.lexicon` reads the data.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .config import RepairConfig
from .failure import Failure
from .model import Edit, Flag, Report, Verdict

if TYPE_CHECKING:
    from .lexicon import LexiconError
    from .repairer import Repairer

_LAZY = {"Repairer": "repairer", "LexiconError": "lexicon"}


def __getattr__(name: str) -> Any:
    """``Repairer`` and ``LexiconError`` bring in the lexicon machinery (most of the import
    time): loaded on first use, so that the command line starts, and can be interrupted,
    before that cost."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Edit",
    "Failure",
    "Flag",
    "LexiconError",
    "RepairConfig",
    "Repairer",
    "Report",
    "Verdict",
    "__version__",
    "analyze",
    "repair",
]


@lru_cache(maxsize=1)
def _default() -> Repairer:
    from .repairer import Repairer

    return Repairer()


def repair(text: str) -> str:
    """Return ``text`` with spinner damage repaired, using the default settings.

    Clean text comes back unchanged. Raises ``TypeError`` for anything but ``str``.

    >>> repair("The White Home is 350 billion {dollars} away.")
    'The White House is 350 billion dollars away.'
    """
    return _default().repair(text)


def analyze(text: str) -> Report:
    """Repair ``text`` and explain every change: a :class:`Report` with the repaired
    text, the edits (offsets into ``text``), flags and the document spin score.

    >>> report = analyze("a suppose tank")
    >>> [(e.start, e.end, e.original, e.replacement, e.rule) for e in report.edits]
    [(2, 14, 'suppose tank', 'think tank', 'lexicon:suppose tank')]
    """
    return _default().analyze(text)
