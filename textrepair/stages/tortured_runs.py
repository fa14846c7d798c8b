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
(``scripts/tune_tortured_search.py``). With the language model, the run's best reading
(each word kept or mapped back through one of its surest swaps, :mod:`.tortured_check`)
then moves that confidence by how much better its words fit their context than the run's,
beyond their frequency, and a run below :data:`RUN_FLOOR` is dropped.

:func:`swapped_runs` is pure: :class:`RunSearch`, the part of the search's index that
reads runs, hands in the words and their weights.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..findings import TORTURED_EDIT, TORTURED_FLAG, Candidate, Expression
from .expressions import _inflect_like
from .tortured_check import FIT_LIMIT, READ_AROUND, RUN_OPTIONS, best_reading, weigh, words_around
from .tortured_words import _is_content, _joined, _key_at, _Link

if TYPE_CHECKING:
    from ..scoring import NGramScorer

RUN_WORD = 0.05  # the weight from which a word counts as swapped (with the language model)
RUN_WEIGHT = 0.6  # how far a run of swapped words is evidence on its own, without a term
MAX_GAP = 1  # function words allowed between two swapped words
MIN_SWAPPED = 2
#: A single word this surely swapped, joined to another content word, is a run on its own
#: ("gum ailments"): the list shows it swapped often, seldom kept, and far rarer than the
#: word it replaces.
LONE_WORD = 0.2
#: Without the language model nothing checks a run, and the levels are higher (chosen as the
#: others, with no model: ``scripts/tune_tortured_search.py``).
UNCHECKED_RUN_WORD = 0.3
UNCHECKED_LONE_WORD = 0.8
#: With the language model (:mod:`.tortured_check`), a run's odds are moved by
#: ``10 ** (RUN_FIT_WEIGHT * fit)``, the fit being how much better (log10) its best reading
#: fits the words around it than the run does, beyond their frequency; a run is flagged
#: from a confidence of ``RUN_FLOOR`` (``scripts/tune_tortured_search.py``).
RUN_FIT_WEIGHT = 0.2
RUN_FLOOR = 0.44
#: A run whose best reading fits its context no better than this (log10) is plain English.
RUN_MIN_FIT = 0.0
#: A run of swapped words with no term behind it is only ever flagged.
RUN_CEILING = round(TORTURED_EDIT - 0.01, 2)


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


def swapped_runs(words: Sequence[RunWord], floor: float, lone: float) -> list[tuple[int, int, float]]:
    """(first word, word after the last, confidence) of each run of swapped words: words
    of weight ``floor`` or more, or a single one of weight ``lone`` or more.

    >>> def w(weight, content=True, joined=True):
    ...     return RunWord(content, not content, weight, joined, True)
    >>> swapped_runs([w(0.0), w(0.5), w(0.4)], 0.25, 0.7)
    [(1, 3, 0.42)]
    >>> swapped_runs([w(0.5), w(0.0, content=False), w(0.5)], 0.25, 0.7)
    [(0, 3, 0.45)]
    >>> swapped_runs([w(0.5), w(0.5, joined=False)], 0.25, 0.7)
    []
    >>> swapped_runs([w(0.0), w(0.8)], 0.25, 0.7)
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
            out.append((i, last + 1, run_confidence([words[k].weight for k in members])))
        elif len(members) == 1 and words[i].weight >= lone and words[i].plain and _in_phrase(words, i):
            out.append((i, i + 1, run_confidence([words[i].weight])))
        i = last + 1
    return out


def run_confidence(weights: Sequence[float]) -> float:
    """The confidence of a run whose swapped words have ``weights``: the chance that not
    all of them are innocent, times :data:`RUN_WEIGHT`.

    >>> run_confidence([0.5, 0.4]), run_confidence([0.8])
    (0.42, 0.48)
    """
    return round(RUN_WEIGHT * (1.0 - math.prod(1.0 - w for w in weights)), 4)


def _in_phrase(words: Sequence[RunWord], i: int) -> bool:
    """Whether word ``i`` is joined to a content word before or after it: part of a term."""
    before = i > 0 and words[i].joined and words[i - 1].content
    after = i + 1 < len(words) and words[i + 1].joined and words[i + 1].content
    return before or after


def _swapped(word: RunWord, floor: float) -> bool:
    return word.content and word.weight >= floor


class RunSearch:
    """The runs of swapped words, read by the tortured search's index
    (:class:`~textrepair.stages.tortured_search.TorturedIndex`), whose swaps, evidence and
    levels it uses."""

    _links: dict[str, list[_Link]]
    _swap_weights: dict[str, tuple[float, _Link | None]]
    _swap_options: dict[str, tuple[_Link, ...]]
    known: set[tuple[str, ...]]
    language_model: NGramScorer | None
    run_word: float
    lone_word: float
    run_floor: float
    run_fit_weight: float
    run_min_fit: float

    def evidence(self, link: _Link, spun: Sequence[str]) -> float:
        raise NotImplementedError

    def swap_weight(self, token: str, k: str) -> tuple[float, _Link | None]:
        """The weight of the surest learned one-word swap from ``token`` (lemma key ``k``), and the swap."""
        known = self._swap_weights.get(token)
        if known is not None:
            return known
        if len(self._swap_weights) > 50_000:
            self._swap_weights.clear()
        best, weight = None, 0.0
        for link in self._links.get(k, ()):
            if link.kind == "learned" and len(link.spun) == 1:
                w = self.evidence(link, (token,))
                if w > weight:
                    best, weight = link, w
        self._swap_weights[token] = (weight, best)
        return weight, best

    def _add_runs(self, text, matches, tokens, keys, started, found, runs) -> None:
        """Flag the runs of swapped words (:mod:`.tortured_runs`) through the triggers at
        ``started`` that no term found covers, with each word mapped back as suggestion.
        A trigger is read further only when it and a word next to it (or one function
        word away) count as swapped."""
        memo: dict[int, tuple[RunWord, _Link | None]] = {}

        def word(k: int) -> tuple[RunWord, _Link | None]:
            got = memo.get(k)
            if got is None:
                own = _key_at(tokens, keys, k)
                content = _is_content(own)
                weight, link = self.swap_weight(tokens[k], own) if content else (0.0, None)
                written = text[matches[k].start() : matches[k].end()]
                plain = written[1:].islower() or len(written) == 1
                joined = k > 0 and _joined(text, matches, k)
                got = memo[k] = (RunWord(content, own in GAP_WORDS, weight, joined, plain), link)
            return got

        def swapped(k: int) -> bool:
            w = word(k)[0]
            return w.content and w.weight >= self.run_word

        n = len(tokens)

        def reach(k: int, step: int) -> int:
            """The last word a run through word ``k`` may reach in direction ``step``."""
            while True:
                j = k + step
                if not 0 <= j < n or not word(max(j, k))[0].joined:
                    return k
                if swapped(j):
                    k = j
                elif word(j)[0].gap and 0 <= j + step < n and word(max(j + step, j))[0].joined and swapped(j + step):
                    k = j + step
                else:
                    return k

        spans: list[list[int]] = []
        for i in started:
            if not swapped(i):
                continue
            near = [k for k in (i - 1, i + 1) if 0 <= k < n and word(max(k, i))[0].joined]
            near += [
                k + (k - i) for k in near if word(k)[0].gap and 0 <= 2 * k - i < n and word(max(2 * k - i, k))[0].joined
            ]
            lone = word(i)[0].weight >= self.lone_word and any(word(k)[0].content for k in near)
            if not lone and not any(swapped(k) for k in near):
                continue
            first, stop = reach(i, -1), reach(i, 1) + 1
            first, stop = max(first - 1, 0), min(stop + 1, n)  # a word either side: the run's ends
            if spans and first <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], stop)
            else:
                spans.append([first, stop])
        taken = [span for span, cand in found.items() if cand.confidence >= TORTURED_FLAG]
        for first, stop in spans:
            read = [word(k) for k in range(first, stop)]
            words = [
                w._replace(joined=w.joined and k > first) for k, (w, _) in zip(range(first, stop), read, strict=True)
            ]
            for a, b, conf in swapped_runs(words, self.run_word, self.lone_word):
                start, end = matches[first + a].start(), matches[first + b - 1].end()
                if any(x < end and start < y for x, y in taken):
                    continue
                links = [link for _, link in read[a:b]]
                self._add_run(text, matches, tokens, keys, first + a, first + b, links, conf, runs)

    def _add_run(self, text, matches, tokens, keys, x, y, links, conf, found) -> None:
        """The run of words ``x`` to ``y`` as a candidate, each word mapped back through
        its surest swap (``links``); with the language model, through the swaps of the
        reading that fits best (:meth:`_read_run`), which also weighs the confidence."""
        run_keys = tuple(_key_at(tokens, keys, j) for j in range(x, y))
        if run_keys in self.known:
            return
        if self.language_model is None:
            picked = [
                link if link is not None and link.weight and self.swap_weight(t, k)[0] >= self.run_word else None
                for t, k, link in zip(tokens[x:y], run_keys, links, strict=True)
            ]
        else:
            read = self._read_run(text, matches, tokens, run_keys, x, y, conf)
            if read is None:
                return
            picked, conf = read
        out, new_keys, changed = [], [], []
        for j, link in zip(range(x, y), picked, strict=True):
            written = text[matches[j].start() : matches[j].end()]
            sep = text[matches[j - 1].end() : matches[j].start()] if j > x else ""
            if link is not None:
                changed.append((matches[j].start(), matches[j].end()))
                new_keys += list(link.original)
                written = _mapped_back(written, link)
            else:
                new_keys.append(run_keys[j - x])
            out.append(sep + written)
        replacement = "".join(out)
        expr = Expression(tuple(replacement.split()), tuple(new_keys), "swaps", False, len(changed))
        conf = min(conf, RUN_CEILING)
        found[(matches[x].start(), matches[y - 1].end())] = Candidate(
            matches[x].start(),
            matches[y - 1].end(),
            expr,
            replacement,
            conf,
            ("learned",) * len(changed),
            tuple(changed),
            family="tortured",
        )

    def _read_run(self, text, matches, tokens, run_keys, x, y, conf) -> tuple[list[_Link | None], float] | None:
        """The swaps of the run's reading that fits its context best
        (:func:`~.tortured_check.best_reading`: each word kept or mapped back through one of
        its :data:`RUN_OPTIONS` surest learned swaps), and the run's confidence with its odds moved by
        ``10 ** (run_fit_weight * fit)``; None when that is below ``run_floor`` or the fit
        not above ``run_min_fit``."""
        assert self.language_model is not None
        if weigh(conf, FIT_LIMIT, self.run_fit_weight) < self.run_floor:
            return None  # no reading could fit well enough
        options: list[list[str]] = []
        swaps: list[tuple[_Link, ...]] = []
        for j, k in zip(range(x, y), run_keys, strict=True):
            written = text[matches[j].start() : matches[j].end()]
            ranked = self.swap_options(tokens[j], k)
            swaps.append(ranked)
            options.append([written.lower(), *(_mapped_back(written, link).lower() for link in ranked)])
        before, after = words_around(text, matches[x].start(), matches[y - 1].end(), READ_AROUND, READ_AROUND)
        best = best_reading(self.language_model, before, options, after)
        if best is None:
            return None
        fit, picked = best
        links = [s[p - 1] if p else None for s, p in zip(swaps, picked, strict=True)]
        conf = weigh(conf, fit, self.run_fit_weight)
        if fit <= self.run_min_fit or conf < self.run_floor:
            return None
        return links, conf

    def swap_options(self, token: str, k: str) -> tuple[_Link, ...]:
        """The :data:`RUN_OPTIONS` learned one-word swaps from ``token`` (lemma key ``k``) of most weight."""
        known = self._swap_options.get(token)
        if known is not None:
            return known
        if len(self._swap_options) > 50_000:
            self._swap_options.clear()
        ranked: tuple[_Link, ...] = ()
        if _is_content(k):
            links = (link for link in self._links.get(k, ()) if link.kind == "learned" and len(link.spun) == 1)
            ranked = tuple(sorted(links, key=lambda link: -self.evidence(link, (token,)))[:RUN_OPTIONS])
        self._swap_options[token] = ranked
        return ranked


@lru_cache(maxsize=20_000)
def _mapped_back(written: str, link: _Link) -> str:
    """The text's word ``written`` mapped back through the one-word swap ``link``, inflected like it."""
    original = " ".join(link.original)
    return _inflect_like(written, original, original) if len(link.original) == 1 else original
