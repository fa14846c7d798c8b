"""The stages of the pipeline, in the order they run (see :mod:`textrepair.pipeline`).

========================  =====================================================  ==============
stage                     what it does                                           module
========================  =====================================================  ==============
``unicode``               mojibake and broken Unicode (ftfy)                     :mod:`.normalize`
``typography``            curly quotes and dashes to ASCII (off by default)      :mod:`.normalize`
``spintax``               leftover spinner syntax: ``{dollars}``, ``{a|b}``      :mod:`.normalize`
``whitespace``            runs of spaces inside a sentence                       :mod:`.normalize`
``lexicon``               lexicon entries found, their context read              :mod:`.scan`
``expressions``           broken expressions no lexicon lists (off by default)   :mod:`.expressions`
``context``               words a language model finds out of place (off)        :mod:`.context`
``verdict``               the document's spin score, in the first round          :mod:`.verdict`
``tortured_search``       tortured phrases no list names, via learned swaps      :mod:`.tortured_search`
``choose``                what to repair, what to flag                           :mod:`.choose`
``apply``                 the edits: casing, "a"/"an"                            :mod:`.apply`
========================  =====================================================  ==============

A stage whose name is a switch of :class:`~textrepair.config.RepairConfig` runs only
when that switch is on. A new stage is a class with a ``name`` and a ``__call__(doc)``
(:class:`~textrepair.pipeline.Stage`), added to :func:`build_stages` where it belongs
in the order.
"""

from __future__ import annotations

from functools import lru_cache

from ..config import RepairConfig
from ..lexicon.entry import Entry
from ..pipeline import Stage
from ..scoring import Scorer, ngram_scorer
from .apply import ApplyChoices
from .choose import Choice
from .context import ContextModel
from .expressions import ExpressionIndex, ExpressionSearch
from .normalize import STEPS, NormalizeStep
from .scan import LexiconScan, TraitsTable
from .tortured_search import TorturedSearch, default_index
from .verdict import DocumentVerdict

#: Every stage name, in the order the stages run.
STAGE_NAMES = (*STEPS, "lexicon", "expressions", "context", "verdict", "tortured_search", "choose", "apply")


@lru_cache(maxsize=4)
def expression_index(pairs: tuple[tuple[str, str], ...], scorer: Scorer) -> ExpressionIndex:
    """One index per lexicon and scorer: it is read-only, and takes a second to build."""
    return ExpressionIndex(pairs, scorer)


def build_stages(config: RepairConfig, entries: list[Entry], scorer: Scorer) -> list[Stage]:
    """The stages ``config`` switches on, in order, over the lexicon ``entries``."""
    traits = TraitsTable(entries)
    stages: list[Stage] = [NormalizeStep(name, step) for name, step in STEPS.items() if getattr(config, name)]
    stages.append(LexiconScan(entries, traits))
    if config.expressions:
        # The lexicon's word pairs are thesaurus links too ("mention" -> "say").
        index = expression_index(tuple((e.spun, e.canonical) for e in entries), scorer)
        stages.append(ExpressionSearch(index, search_all=not entries))
    if config.context:
        stages.append(ContextModel(ngram_scorer()))
    stages.append(DocumentVerdict(config.threshold, config.min_evidence))
    if config.tortured_search:
        # After the verdict: its finds are repaired or flagged on their own confidence,
        # and are not evidence for the news family's ambiguous entries.
        stages.append(TorturedSearch(default_index()))
    stages += [
        Choice(traits, scorer),
        ApplyChoices(traits, scorer),
    ]
    return stages
