"""Stage "tortured_search": tortured phrases that no list names, found through the spinner's word swaps.

The paraphrasing tools behind tortured phrases swap the words of an established term
one by one, and always the same way: "deep" becomes "profound", "network" becomes
"organization", "learning" becomes "getting to know". ``wordlists/substitutions.tsv``
holds those swaps, learned from the shipped list (``scripts/learn_substitutions.py``),
each with the number of listed pairs that show it. Mapping a run's words back through
them (and through the reverse thesaurus, ``wordlists/thesaurus.txt``) onto an
*established term* finds the term behind a phrase the list never saw: "profound
convolutional organization" -> "deep convolutional network".

The established terms (:data:`TERM_SOURCES`) are the expected side of
``wordlists/tortured_phrases.tsv``, the gazetteer and WordNet's multiword lemmas; the
caller may give its own (the benchmark leaves its held-out terms out).

The search is built to run on every document: it starts only at a *trigger*, a word
(any inflection) that a learned swap put in place of a word of some term, and a first set
test on the whole text's words rules most documents out at once. At a trigger, only the
terms whose word next to the swapped one the text's neighbouring word may stand for are
read in full (as :mod:`textrepair.stages.expressions` does).

Each match gets a confidence (:func:`tortured_confidence`) from how often the list
showed each swap, how much rarer the text's words are than the term's, how often the
list keeps rather than swaps them, how much of the term is still exact and where the
term comes from. With pocketsphinx (a dependency of textrepair), its trigram
model of general English then weighs the term's wording against the run's
(:meth:`TorturedIndex.weighed`): a tortured phrase is an odd string of rare words and its
term a familiar one, so a find whose term is not at least :data:`MIN_GAIN` (log10) likelier
than the run is dropped, and the gain above that moves its odds by
``10 ** (GAIN_WEIGHT * gain)``. From :data:`~textrepair.findings.TORTURED_EDIT` up a find is
repaired, in any document, like a listed fingerprint; from
:data:`~textrepair.findings.TORTURED_FLAG` it is flagged with the term as suggestion.
Where no term is found, a run of words the spinner is known to write is flagged on its
own (:mod:`textrepair.stages.tortured_runs`). The levels were chosen on training pairs
(``scripts/tune_tortured_search.py``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress

from ..findings import TORTURED_FLAG, Candidate, Expression
from ..model import Edit
from ..pipeline import Document
from ..resources import data_lines, wordlist_text
from ..scoring import NGramScorer, Scorer, default_scorer, ngram_scorer
from ..text.runs import widen
from .expressions import _inflect_like, key
from .scan import overlaps
from .tortured_check import term_gain
from .tortured_runs import (
    LONE_WORD,
    RUN_FIT_WEIGHT,
    RUN_FLOOR,
    RUN_MIN_FIT,
    RUN_WORD,
    UNCHECKED_LONE_WORD,
    UNCHECKED_RUN_WORD,
    RunSearch,
)
from .tortured_words import (
    _PUNCTUATION,
    _TOKEN,
    MAX_TERM_WORDS,
    _forms,
    _is_content,
    _joined,
    _key_at,
    _Link,
    _occurrences,
    _run_bounds,
    _separators,
    read_substitutions,
    tortured_terms,
)

#: Where the established terms come from, in order of trust (a term listed twice keeps the first).
TERM_SOURCES = ("tortured", "gazetteer", "wordnet")
MAX_SPAN = 3  # words a swap may span on either side ("getting to know" for "learning")
MIN_CONTENT = 2  # content words a term needs
MIN_TRIGGER_COUNT = 1
TRIGGER_EXPONENT = 2 / 3  # see TorturedIndex._build_triggers
#: The confidence a candidate through a swap must be able to reach for the swap to start a
#: search: a knob of cost, not of quality (``benchmarks/tortured_cost.py``).
TRIGGER_LEVEL = 0.35
TRIGGER_MAX_ZIPF = 4.5  # a spelling this common (wordfreq Zipf) starts no search

# Evidence weights (see tortured_confidence() and TorturedIndex.evidence()).
SOURCE_WEIGHT = {"tortured": 1.0, "gazetteer": 0.9, "wordnet": 0.8}
NO_ANCHOR = 0.85  # no content word of the term left exact
RARITY_SLOPE = 0.25  # per Zipf step the text's word is rarer than the term's, up from 0.5
RARITY_FLOOR = 0.1
SHARE_FLOOR = 0.3  # the factor of a word the list keeps in terms but never swaps
THESAURUS_WEIGHT = {"synonym": 0.45, "related": 0.25}  # a thesaurus link against a learned swap's weight


#: With a language model (pocketsphinx's trigram model), a find is kept
#: only when its term's wording is this much likelier (log10) than the run's; chosen on the
#: tuning pairs (``scripts/tune_tortured_search.py``).
MIN_GAIN = 0.0
GAIN_WEIGHT = 0.1  # how far the gain (log10) moves the odds of a find: 10 ** (GAIN_WEIGHT * (gain - MIN_GAIN))

WINDOW = 80  # characters read on each side of a trigger: the longest phrase around it


def learned_weight(count: int) -> float:
    """A learned swap's weight among the links of one word: the more pairs show it, the surer.

    >>> learned_weight(1), learned_weight(3)
    (0.5, 0.75)
    """
    return count / (count + 1)


def tortured_confidence(source: str, weights: Sequence[float], anchors: int, content: int) -> float:
    """How sure the search is that a run is a tortured ``source`` term: the product of
    the changed words' weights (:meth:`TorturedIndex.evidence`), softened by the share of
    the term still exact, times the source's trust (:data:`SOURCE_WEIGHT`), times
    :data:`NO_ANCHOR` when nothing is exact.

    >>> round(tortured_confidence("tortured", [0.75], 1, 2), 3)
    0.806
    >>> round(tortured_confidence("wordnet", [0.5, 0.45], 0, 2), 3)
    0.153
    """
    evidence = math.prod(weights)
    exponent = 1.0 - 0.5 * (anchors / content if content else 0.0)
    return round(SOURCE_WEIGHT[source] * evidence**exponent * (1.0 if anchors else NO_ANCHOR), 4)


class TorturedIndex(RunSearch):
    """The established terms and the spinner's swaps, and the search over text.

    ``terms``: (term, source) pairs, source one of :data:`TERM_SOURCES`; None: the
    built-in ones (:func:`default_terms`). ``substitutions``: (spun lemmas, original
    lemmas, count) triples; None: ``wordlists/substitutions.tsv``.
    """

    def __init__(
        self,
        terms: Iterable[tuple[str, str]] | None = None,
        substitutions: Iterable[tuple[str, str, int]] | None = None,
        *,
        thesaurus: bool = True,
        scorer: Scorer | None = None,
        trigger_level: float = TRIGGER_LEVEL,
        runs: bool = True,
        run_word: float | None = None,
        lone_word: float | None = None,
        run_floor: float = RUN_FLOOR,
        language_model: NGramScorer | None = None,
        min_gain: float | None = None,
    ) -> None:
        self.language_model = language_model  # checks each find's wording against the run's (plausible())
        self.min_gain = MIN_GAIN if min_gain is None else min_gain
        self.gain_weight = GAIN_WEIGHT
        self.trigger_level = trigger_level  # the confidence a search must be able to reach to start
        self.runs = runs  # also flag runs of swapped words with no term behind them
        # The levels of a run of swapped words (:mod:`.tortured_runs`): lower when the model checks the runs.
        checked = language_model is not None
        self.run_word = run_word if run_word is not None else RUN_WORD if checked else UNCHECKED_RUN_WORD
        self.lone_word = lone_word if lone_word is not None else LONE_WORD if checked else UNCHECKED_LONE_WORD
        self.run_floor = run_floor  # with the language model: the confidence a run needs (_read_run)
        self.run_fit_weight = RUN_FIT_WEIGHT
        self.run_min_fit = RUN_MIN_FIT
        self._swap_weights: dict[str, tuple[float, _Link | None]] = {}  # token -> swap_weight()
        self._swap_options: dict[str, tuple[_Link, ...]] = {}  # token -> swap_options()
        self.targets: list[Expression] = []
        self._texts: list[str] = []  # each target's words as written, with its hyphens
        self.known: set[tuple[str, ...]] = set()  # every term's keys: a run that is one is not spun
        seen: set[tuple[str, ...]] = set()
        for text, source in default_terms() if terms is None else terms:
            self._add_term(text, source, seen)
        self._links: dict[str, list[_Link]] = {}  # first spun key -> links
        self.scorer = scorer if scorer is not None else default_scorer()
        learned = list(read_substitutions() if substitutions is None else substitutions)
        wanted = {k for t in self.targets for k in t.keys}
        self._swapped: dict[str, int] = {}  # spun key -> listed pairs that swap it
        for spun, _, count in learned:
            if " " not in spun:
                self._swapped[spun] = self._swapped.get(spun, 0) + count
        self._kept: dict[str, int] = {}  # key -> listed terms that hold it
        for t in self.targets:
            if t.source == "tortured":
                for k in set(t.keys):
                    self._kept[k] = self._kept.get(k, 0) + 1
        for spun, original, count in learned:
            s, o = tuple(spun.split()), tuple(original.split())
            if not s or not o or len(s) > MAX_SPAN or len(o) > MAX_SPAN or not set(o) <= wanted:
                continue
            self._links.setdefault(s[0], []).append(_Link(s, o, learned_weight(count), "learned", count))
        if thesaurus:
            self._load_thesaurus(wanted)
        self._build_places()
        self._trigger_links = self._build_triggers()
        self._triggers = frozenset(self._trigger_links)

    def _build_triggers(self) -> dict[str, tuple[_Link, ...]]:
        """Per spelling (any inflection of a swap's spun word), the learned swaps a search
        starts from. A swap whose own weight (:meth:`evidence`) is too small for any
        candidate through it to reach ``trigger_level`` (:data:`TRIGGER_LEVEL`) starts
        none: with every other word exact, a candidate's confidence is its weight to the
        power 1 - 0.5 * anchors / content (:func:`tortured_confidence`), at most
        :data:`TRIGGER_EXPONENT` for a term of up to three content words; longer terms with
        a single change may be missed. This keeps common words that the list also keeps
        in its terms ("system", "information") from starting a look at every other sentence;
        nor does a spelling as common as :data:`TRIGGER_MAX_ZIPF` (it may still be read as
        part of a phrase another word starts)."""
        floor = self.trigger_level ** (1 / TRIGGER_EXPONENT)
        out: dict[str, list[_Link]] = {}
        for first, links in self._links.items():
            if not _is_content(first):
                continue
            for link in links:
                if link.kind != "learned" or link.count < MIN_TRIGGER_COUNT:
                    continue
                for form in _forms(first):
                    if self.scorer.zipf(form) >= TRIGGER_MAX_ZIPF:
                        continue  # "three", "house", "help": everywhere in plain English
                    if self.evidence(link, (form, *link.spun[1:])) >= floor:
                        out.setdefault(form, []).append(link)
        return {form: tuple(links) for form, links in out.items()}

    # -- building ----------------------------------------------------------------

    def _add_term(self, text: str, source: str, seen: set[tuple[str, ...]]) -> None:
        words = tuple(_TOKEN.findall(text.replace("’", "'")))
        if not 2 <= len(words) <= MAX_TERM_WORDS:
            return
        if sum(map(_is_content, (key(w) for w in words))) < MIN_CONTENT:
            return  # "the States": one content word is too little to read a swap against
        keys = tuple(key(w) for w in words)
        self.known.add(keys)
        if keys in seen:
            return
        seen.add(keys)
        is_name = source == "gazetteer" and any(w[:1].isupper() for w in words)
        self.targets.append(Expression(words, keys, source, is_name, sum(map(_is_content, keys))))
        self._texts.append(" ".join(text.split()))

    def _load_thesaurus(self, wanted: set[str]) -> None:
        """Reverse thesaurus links into the terms' words, weaker than learned swaps."""
        for _, line in data_lines(wordlist_text("thesaurus.txt")):
            word, _, _, originals = line.split("\t")
            if originals == "-" or not _is_content(word):
                continue
            for o in originals.split():
                original = o.lstrip("~")
                if original in wanted and original != word:
                    kind = "related" if o.startswith("~") else "synonym"
                    link = _Link((word,), (original,), THESAURUS_WEIGHT[kind], kind)
                    self._links.setdefault(word, []).append(link)

    def _build_places(self) -> None:
        """Per original key a trigger may stand for, the terms holding it, by the key of
        the term's word after it (or, for a last word, before it)."""
        self._places: dict[str, tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]]] = {}
        for t, expr in enumerate(self.targets):
            m = len(expr.keys)
            for p, k in enumerate(expr.keys):
                if not _is_content(k):
                    continue
                after, before = self._places.setdefault(k, ({}, {}))
                if p + 1 < m:
                    after.setdefault(expr.keys[p + 1], []).append((t, p))
                else:
                    before.setdefault(expr.keys[p - 1], []).append((t, p))

    # -- what a word may stand for ------------------------------------------------

    def evidence(self, link: _Link, spun: Sequence[str]) -> float:
        """The weight of one changed word: the link's own (how often the list showed the
        swap, :func:`learned_weight`; a thesaurus link less), times how much rarer the
        text's word is than the term's (spinners pick rare synonyms: "profound" for "deep";
        "information" for "data" is no sign), times the share of the times the list shows
        the word swapped rather than kept in a term ("system" is mostly a real word of
        real terms)."""
        zipf = self.scorer.zipf
        words = [w for w in spun if _is_content(key(w))] or list(spun)
        gap = zipf(" ".join(link.original)) - min(zipf(w) for w in words)
        rarity = min(1.0, max(RARITY_FLOOR, 0.5 + RARITY_SLOPE * gap))
        swapped = self._swapped.get(link.spun[0], 0)
        share = swapped / (swapped + self._kept.get(link.spun[0], 0)) if swapped else 0.0
        return link.weight * rarity * (SHARE_FLOOR + (1.0 - SHARE_FLOOR) * share)

    def _options(self, tokens: Sequence[str], keys: list[str | None], options: dict[int, set[str]], k: int) -> set[str]:
        """Term keys the word at ``k`` may stand for (itself, or through a link that starts
        there), kept in ``options`` for the document."""
        found = options.get(k)
        if found is not None:
            return found
        own = _key_at(tokens, keys, k)
        out = {own}
        for link in self._links.get(own, ()):
            out.add(link.original[0])
        options[k] = out
        return out

    def _match(
        self, tokens: Sequence[str], keys: list[str | None], start: int, expr: Expression, stop: int
    ) -> tuple[int, list[tuple[int, int, _Link]], int] | None:
        """Read ``expr`` over the words from ``start`` (not past ``stop``): the end word,
        the changed spans (first word, last word + 1, weight) and the exact content words;
        None when it does not fit. Exact words first, then the surest link."""
        changed: list[tuple[int, int, _Link]] = []
        anchors = 0
        k, q, n = start, 0, len(expr.keys)
        while q < n:
            if k >= stop:
                return None
            own = _key_at(tokens, keys, k)
            if own == expr.keys[q]:
                anchors += _is_content(own)
                k, q = k + 1, q + 1
                continue
            best: _Link | None = None
            for link in self._links.get(own, ()):
                o, s = link.original, link.spun
                if expr.keys[q : q + len(o)] != o or k + len(s) > stop:
                    continue
                if len(s) > 1 and any(_key_at(tokens, keys, k + j) != s[j] for j in range(1, len(s))):
                    continue
                if best is None or link.weight > best.weight:
                    best = link
            if best is None:
                return None
            changed.append((k, k + len(best.spun), best))
            k, q = k + len(best.spun), q + len(best.original)
        return (k, changed, anchors) if changed else None

    # -- the search ---------------------------------------------------------------

    def find(self, text: str, lo: int = 0, hi: int | None = None) -> list[Candidate]:
        """Candidates whose trigger lies inside ``text[lo:hi]``, in text order."""
        hi = len(text) if hi is None else hi
        return self.find_in_windows(text, [(lo, hi)])

    def find_in_windows(self, text: str, spans: Sequence[tuple[int, int]], runs: bool = True) -> list[Candidate]:
        """Candidates whose trigger lies inside one of ``spans``, in text order (with ``runs``
        False, no runs of swapped words).

        Most text costs two passes at C speed: its words, split on white space, are tested
        against the triggers as one set. Where some are present, each occurrence is found
        with ``str.find`` and only the stretch of text around it is read word by word.
        """
        low = text.lower()
        found: dict[tuple[int, int], Candidate] = {}
        starts: list[int] = []
        for lo, hi in spans:
            piece = low[lo:hi]
            words = {w.strip(_PUNCTUATION) for w in piece.replace("-", " ").replace("/", " ").split()}
            present = self._triggers.intersection(words)
            if not present:
                continue
            if len(low) != len(text):  # lowercasing moved the offsets: read the span word by word
                self._find_in(text, 0, lo, hi, found, runs)
                continue
            starts += _occurrences(low, present, lo, hi)
        windows: list[list[int]] = []
        for start in sorted(set(starts)):
            a, b = max(0, start - WINDOW), min(len(text), start + WINDOW)
            if windows and a <= windows[-1][1]:
                windows[-1][1] = b
            else:
                windows.append([a, b])
        for a, b in windows:
            a, b = widen(text, a, -1), widen(text, b, 1)
            self._find_in(text[a:b], a, 0, b - a, found, runs)
        return sorted(found.values(), key=lambda c: (c.start, -c.confidence))

    def _find_in(
        self, text: str, base: int, lo: int, hi: int, found: dict[tuple[int, int], Candidate], with_runs: bool = True
    ) -> None:
        """The search over ``text`` (which starts at ``base`` in the document), for triggers
        in ``text[lo:hi]``; candidates go into ``found`` with document offsets."""
        matches = list(_TOKEN.finditer(text))
        tokens = [m.group().lower().replace("’", "'") for m in matches]
        keys: list[str | None] = [None] * len(tokens)
        local: dict[tuple[int, int], Candidate] = {}
        options: dict[int, set[str]] = {}
        triggers = self._triggers
        started = []
        for i in compress(range(len(tokens)), map(triggers.__contains__, tokens)):
            if lo <= matches[i].start() < hi:
                self._search_at(text, matches, tokens, keys, options, i, local)
                started.append(i)
        if local and self.language_model is not None:  # finds the choice drops anyway need no check
            local = {s: c for s, c in local.items() if c.confidence < TORTURED_FLAG} | {
                s: c
                for s, c in ((s, self.weighed(text, c)) for s, c in local.items() if c.confidence >= TORTURED_FLAG)
                if c is not None
            }
        if started and self.runs and with_runs:
            runs: dict[tuple[int, int], Candidate] = {}
            self._add_runs(text, matches, tokens, keys, started, local, runs)
            local.update(runs)
        for (a, b), cand in local.items():
            span = (a + base, b + base)
            best = found.get(span)
            if best is None or cand.confidence > best.confidence:
                changed = tuple((x + base, y + base) for x, y in cand.changed)
                found[span] = cand._replace(start=span[0], end=span[1], changed=changed)

    def _search_at(self, text, matches, tokens, keys, options, i, found) -> None:
        """The terms the trigger at word ``i`` may be part of, read in full. A phrase is
        words joined by a space or a hyphen: it never crosses other characters."""
        n = len(tokens)
        tried: set[tuple[int, int]] = set()
        bounds: tuple[int, int] | None = None
        for link in self._trigger_links[tokens[i]]:
            end = i + len(link.spun)  # the word after the swapped span
            if end > n or (
                len(link.spun) > 1
                and any(
                    not _joined(text, matches, i + j) or _key_at(tokens, keys, i + j) != link.spun[j]
                    for j in range(1, len(link.spun))
                )
            ):
                continue
            places = self._places.get(link.original[-1])
            if places is None:
                continue
            after_keys = self._options(tokens, keys, options, end) if end < n and _joined(text, matches, end) else set()
            before_keys = self._options(tokens, keys, options, i - 1) if i and _joined(text, matches, i) else set()
            # The term word after the link's last original word, or (a last word) before its first.
            if len(link.original) > 1:  # the word before the last original is the link's own
                before_keys = {link.original[-2]} if before_keys else set()
            for near, side in ((after_keys, places[0]), (before_keys, places[1])):
                for nk in near & side.keys():
                    for t, p in side[nk]:
                        p0 = p - len(link.original) + 1  # where the link's originals start in the term
                        if p0 < 0 or self.targets[t].keys[p0 : p + 1] != link.original:
                            continue
                        if bounds is None:
                            bounds = _run_bounds(text, matches, i)
                        first, stop = bounds
                        for s in range(max(first, i - 2 * p0), i - p0 + 1):
                            if (t, s) not in tried:
                                tried.add((t, s))
                                self._try(text, matches, tokens, keys, t, s, stop, found)

    def weighed(self, text: str, cand: Candidate) -> Candidate | None:
        """The candidate with the language model's gain (:meth:`plausible`) taken into its
        confidence, or None when the gain is below :data:`MIN_GAIN`."""
        gain = self.gain(text, cand)
        if gain < self.min_gain:
            return None
        if self.gain_weight and cand.expression.source != "swaps" and cand.confidence < 1.0:
            odds = (
                cand.confidence / (1.0 - cand.confidence) * 10 ** (self.gain_weight * (gain - max(self.min_gain, 0.0)))
            )
            cand = cand._replace(confidence=round(odds / (1.0 + odds), 4))
        return cand

    def plausible(self, text: str, cand: Candidate) -> bool:
        """Whether the language model finds the candidate's wording at least
        :data:`MIN_GAIN` (log10) likelier than the run's: a tortured phrase is an odd
        string of rare words and its term a familiar one, while a run of plain English
        that happens to map onto a term ("town council" -> "city council", "health
        records" -> "health data") is about as likely as the term."""
        return self.gain(text, cand) >= self.min_gain

    def gain(self, text: str, cand: Candidate) -> float:
        """log10 of how much likelier the model finds the candidate's wording than the
        run's (:func:`~.tortured_check.term_gain`)."""
        assert self.language_model is not None
        return term_gain(self.language_model, text, cand.start, cand.end, cand.replacement)

    def _try(self, text, matches, tokens, keys, t, start, stop, found) -> None:
        expr = self.targets[t]
        read = self._match(tokens, keys, start, expr, stop)
        if read is None:
            return
        end, changed, anchors = read
        if end - start < 2:
            return  # one word for a whole term ("AI" for "machine learning"): too little to go on
        run_keys = tuple(_key_at(tokens, keys, j) for j in range(start, end))
        if run_keys in self.known:
            return  # the run is itself an established term
        weights = [self.evidence(link, tokens[x:y]) for x, y, link in changed]
        conf = tortured_confidence(expr.source, weights, anchors, expr.content)
        a, b = matches[start].start(), matches[end - 1].end()
        best = found.get((a, b))
        if best is not None and best.confidence >= conf:
            return
        replacement = self._replacement(t, text, matches, start, end, changed)
        spans = tuple((matches[x].start(), matches[y - 1].end()) for x, y, _ in changed)
        links = tuple(link.kind for _, _, link in changed)
        found[(a, b)] = Candidate(a, b, expr, replacement, conf, links, spans, family="tortured")

    def _replacement(self, t, text, matches, start, end, changed) -> str:
        """The term's wording over the run: exact words as the text writes them, changed
        ones as the term does (a last word inflected like the run's), joined the way the
        term joins them (a space or a hyphen)."""
        expr, written = self.targets[t], self._texts[t]
        links = {x: (y, link) for x, y, link in changed}
        seps = _separators(written, expr.words)
        out: list[str] = []
        k, q = start, 0
        while k < end:
            if k in links:
                y, link = links[k]
                n = len(link.original)
                words = list(expr.words[q : q + n])
                if y == end and words[-1].islower():
                    last = text[matches[y - 1].start() : matches[y - 1].end()]
                    words[-1] = _inflect_like(last, expr.keys[q + n - 1], words[-1])
                for j, w in enumerate(words):
                    out.append((seps[q + j - 1] if q + j else "") + w)
                k, q = y, q + n
            else:
                out.append((seps[q - 1] if q else "") + text[matches[k].start() : matches[k].end()])
                k, q = k + 1, q + 1
        return "".join(out)


@lru_cache(maxsize=1)
def default_terms() -> tuple[tuple[str, str], ...]:
    """The built-in established terms: every expected term of the tortured list, the
    gazetteer and WordNet's multiword lemmas (WordNet writes them with "_" or " ")."""
    terms = [(t, "tortured") for t in tortured_terms()]
    terms += [(line, "gazetteer") for _, line in data_lines(wordlist_text("gazetteer.txt"))]
    terms += [(line.replace("_", " "), "wordnet") for _, line in data_lines(wordlist_text("wordnet_expressions.txt"))]
    return tuple(terms)


def language_model() -> NGramScorer | None:
    """pocketsphinx's trigram model, or None where it cannot be loaded:
    the search then keeps its finds without checking their wording (:meth:`TorturedIndex.plausible`)."""
    try:
        return ngram_scorer()
    except ImportError:
        return None


@lru_cache(maxsize=2)
def default_index() -> TorturedIndex:
    """The index of the built-in terms and swaps: read-only, built once."""
    return TorturedIndex(language_model=language_model())


class TorturedSearch:
    """The "tortured_search" stage: adds the tortured phrases found to ``doc.candidates``.

    It reads every document (a tortured phrase is a fingerprint on its own), in later
    rounds only the lexicon stage's windows, and drops candidates that would rewrite an
    earlier repair.
    """

    name = "tortured_search"

    def __init__(self, index: TorturedIndex) -> None:
        self.index = index

    def __call__(self, doc: Document) -> Sequence[Edit]:
        text, index = doc.text, self.index
        # Runs of swapped words are only ever flags, and flags come from the first round only.
        spans = [(0, len(text))] if doc.windows is None else doc.windows
        found = index.find_in_windows(text, spans, runs=doc.first_round)
        if doc.protected:
            found = [c for c in found if not any(overlaps(span, doc.protected) for span in c.changed)]
        if found:
            doc.candidates = [*doc.candidates, *found]
        return ()
