"""Runs of swapped words: a tortured phrase whose established term the search does not know.

The paraphrasing tools behind tortured phrases replace every word they have a synonym
for, so a tortured phrase is seldom one odd word: it is two or three words in a row that
the tool is known to write in place of others ("irregular woodland", "flag to clamor").
When the search (:mod:`textrepair.stages.tortured_search`) finds no established term
behind such a run, the run is still evidence, and is *flagged*, never repaired: its
suggestion is each word mapped back through its surest swap ("random forest"), which
may not be the right term.

A word counts as swapped when a learned swap starts from it with a weight (the search's
:meth:`~textrepair.stages.tortured_search.TorturedIndex.evidence`: how often the list
shows the swap, how much rarer the word is than the one it replaces, how seldom the list
keeps the word in a term) of at least :data:`RUN_WORD`. A run is at least two such words
joined by a space or a hyphen, with at most :data:`MAX_GAP` function words between two of
them ("to" in "flag to clamor"), or one word of weight :data:`LONE_WORD` or more joined to
another content word. Its confidence is the chance that not all of its words
are innocent, each weight read as the chance that its word was swapped, times
:data:`RUN_WEIGHT`, the share of such runs that the tuning pairs show to be spun
(``scripts/tune_tortured_search.py``). Everything here is pure: the search hands in
the words and their weights.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

RUN_WORD = 0.25  # the weight from which a word counts as swapped
RUN_WEIGHT = 0.6  # how far a run of swapped words is evidence on its own, without a term
MAX_GAP = 1  # function words allowed between two swapped words
MIN_SWAPPED = 2
#: A single word this surely swapped, joined to another content word, is a run on its own
#: ("gum ailments"): the list shows it swapped often, seldom kept, and far rarer than the
#: word it replaces.
LONE_WORD = 0.7


#: The function words a run may hold between two swapped words: the ones noun phrases and
#: terms use ("flag to clamor", "state of charge"); a verb's auxiliary or a clause's preposition
#: ("roads had reduced", "response throughout disease") ends the run.
GAP_WORDS = frozenset({"of", "to", "and", "for", "in", "on"})


class RunWord(NamedTuple):
    """One word of a stretch of joined words, as the search reads it."""

    content: bool  # not a function word
    gap: bool  # a function word a run may hold (:data:`GAP_WORDS`)
    weight: float  # its surest learned swap's weight (0 when none)
    joined: bool  # joined to the word before by a space or a hyphen
    plain: bool  # written in lowercase or with only a first capital (not an acronym or CamelCase)


def swapped_runs(
    words: Sequence[RunWord], floor: float = RUN_WORD, lone: float = LONE_WORD
) -> list[tuple[int, int, float]]:
    """(first word, word after the last, confidence) of each run of swapped words.

    >>> def w(weight, content=True, joined=True):
    ...     return RunWord(content, not content, weight, joined, True)
    >>> swapped_runs([w(0.0), w(0.5), w(0.4)])
    [(1, 3, 0.42)]
    >>> swapped_runs([w(0.5), w(0.0, content=False), w(0.5)])
    [(0, 3, 0.45)]
    >>> swapped_runs([w(0.5), w(0.5, joined=False)])
    []
    >>> swapped_runs([w(0.0), w(0.8)])
    [(1, 2, 0.48)]
    """
    out: list[tuple[int, int, float]] = []
    i, n = 0, len(words)
    while i < n:
        if not _swapped(words[i], floor):
            i += 1
            continue
        members, j, last = [i], i + 1, i
        while j < n and words[j].joined:
            if _swapped(words[j], floor):
                members.append(j)
                last = j
            elif words[j].content or not words[j].gap or j - last > MAX_GAP:
                break
            j += 1
        if len(members) >= MIN_SWAPPED and all(words[k].plain for k in range(i, last + 1)):
            innocent = math.prod(1.0 - words[k].weight for k in members)
            out.append((i, last + 1, round(RUN_WEIGHT * (1.0 - innocent), 4)))
        elif len(members) == 1 and words[i].weight >= lone and words[i].plain and _in_phrase(words, i):
            out.append((i, i + 1, round(RUN_WEIGHT * words[i].weight, 4)))
        i = last + 1
    return out


def _in_phrase(words: Sequence[RunWord], i: int) -> bool:
    """Whether word ``i`` is joined to a content word before or after it: part of a term."""
    before = i > 0 and words[i].joined and words[i - 1].content
    after = i + 1 < len(words) and words[i + 1].joined and words[i + 1].content
    return before or after


def _swapped(word: RunWord, floor: float) -> bool:
    return word.content and word.weight >= floor
