"""Stage "expressions": find broken multiword expressions and names that no lexicon lists.

A spinner swaps the words of a fixed expression one by one ("think tank" -> "suppose
tank", "Middle East" -> "Center East"). No lexicon can list every such break, but the
break can be undone in general: map each word of a run back through a *reverse
thesaurus* (the words it may have replaced, ``wordlists/thesaurus.txt``), and when the
result is a *known expression* (``wordlists/gazetteer.txt`` and WordNet's multiword
lemmas) while the run itself is not one, the run was probably spun.

Matching is on lemmas ("safety ensures" finds "security guarantee" and comes back as
"security guarantees"). Function words ("of", "the") must match exactly; so must
spelling variants, compared with rapidfuzz ("Organisation" is "Organization", not a
spun word). A long capitalised name may also have one word that no thesaurus links
("Royal United Providers Institute"), as long as the rest of the name is exact.

Each candidate (:class:`~textrepair.findings.Candidate`) gets a confidence from the
evidence (see :func:`confidence`):

* where the expression comes from: the curated gazetteer or WordNet;
* how each changed word is linked to the original: a synonym, a broader or related
  term, or nothing (inside a name);
* how much of the expression is still exact (anchors);
* word frequency (from the scorer, :mod:`textrepair.scoring`): spinners pick thesaurus
  neighbours that are usually rarer than the original word.

The choice stage decides what to do with a candidate (:mod:`textrepair.findings` gives
the levels). The stage is opt-in (``Repairer(expressions=True)``, CLI ``--expressions``): most words
of news text are a thesaurus neighbour of some gazetteer word, and on a corpus half
spun, half clean the search nearly doubles the time of a repair
(``benchmarks/engine_cost.py``; ``benchmarks/engine_snapshot.py`` checks that a faster
search finds the same).

:class:`ExpressionIndex` holds the data and the search; :class:`ExpressionSearch` is the stage.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from itertools import compress
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from ..findings import Candidate, Expression
from ..lexicon.entry import FINGERPRINT, Context, Entry
from ..model import Edit
from ..pipeline import Document
from ..resources import data_lines, wordlist_text
from ..scoring import Scorer, default_scorer
from ..text.runs import MAX_WORDS, in_compound, may_start_with_capital, spaced, widen, words_around
from ..text.tokens import WORD_RE
from .scan import overlaps

GAZETTEER = "gazetteer.txt"
WORDNET_EXPRESSIONS = "wordnet_expressions.txt"
THESAURUS = "thesaurus.txt"

# Evidence weights (see confidence()).
SOURCE_WEIGHT = {"gazetteer": 0.9}
LINK_WEIGHT = {"synonym": 0.9, "related": 0.7, "name": 0.6}
NO_ANCHOR = 0.8  # every content word changed: the run shares nothing with the expression
TRIGGER_MAX_ZIPF = 6.0  # a spun word this common (wordfreq Zipf) does not trigger a search in a name
COLLOCATION_TRIGGER_MAX_ZIPF = 5.2  # nor, in lowercase collocations, one this common
WEAK_LINK_MAX_ZIPF = 5.5  # weak links count only for words rarer than this (wordfreq Zipf)
SPELLING_SIMILARITY = 0.8  # normalised Levenshtein similarity from which two words are one spelled two ways
MIN_SPELLING_LENGTH = 5  # shorter words are too short to compare that way ("East" vs "West")


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """The lemma an expression word or text token is matched on: lowercase, straight
    apostrophe, the noun reading first ("earths" -> "earth", "ensures" -> "ensure")."""
    import lemminflect  # imported lazily: most text never gets here

    low = word.lower().replace("’", "'")
    if not low.isalpha():
        return low
    lemmas = lemminflect.getAllLemmas(low)
    for upos in ("NOUN", "ADJ", "VERB", "ADV"):
        if upos in lemmas:
            return str(lemmas[upos][0])
    return low


@lru_cache(maxsize=20_000)
def _inflect_like(token: str, lemma: str, written: str) -> str:
    """The expression's word (``written``, lemma ``lemma``) in the inflection ``token``
    has: "Providers" for "services" gives "services", "binding" for "sticking" gives
    "sticking"."""
    import lemminflect

    low = token.lower()
    base = key(token)
    if low == base or written != lemma:
        return written  # an uninflected word, or the expression fixes the form ("defence spending")
    for upos in ("NOUN", "VERB", "ADJ"):
        for tag, forms in lemminflect.getAllInflections(base, upos=upos).items():
            if low in forms:
                # Only a form the expression's word has in that part of speech: "sharing"
                # (a verb form) for "community" stays "community", never "communitying".
                # An unknown noun still takes the regular plural.
                inflected = lemminflect.getInflection(lemma, tag=tag, inflect_oov=upos == "NOUN")
                if inflected:
                    return str(inflected[0])
    return written


def _cased_like(word: str, model: str) -> str:
    """``word`` with the capitals of ``model`` (the expression's own spelling)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def confidence(source: str, links: Sequence[str], anchors: int, content: int, rarity: float) -> float:
    """How sure the search is that a run is a broken expression.

    ``links`` names how each changed word maps back to the original; ``anchors`` of the
    ``content`` words are exact; ``rarity`` in [-1, 1] says how much rarer the spun words
    are than the originals (spinners pick thesaurus neighbours, usually rarer words).
    Exact anchors soften the penalty of each link: "Royal United Providers Institute",
    three words exact, is surer than "counterfeit consciousness", none exact, which
    also pays :data:`NO_ANCHOR`.

    >>> round(confidence("gazetteer", ["synonym"], 1, 2, 0.0), 2)
    0.83
    >>> round(confidence("gazetteer", ["synonym", "synonym"], 0, 2, 1.0), 2)
    0.61
    """
    evidence = math.prod(LINK_WEIGHT[link] for link in links)
    exponent = 1.0 - 0.5 * (anchors / content if content else 0.0)
    base = SOURCE_WEIGHT[source] * evidence**exponent * (1.0 if anchors else NO_ANCHOR)
    return max(0.0, min(0.99, base * (1.0 + 0.05 * rarity)))


class ExpressionIndex:
    """The known expressions and the reverse thesaurus, and the search over text.

    ``pairs`` are extra (spun word, original word) links, such as the word mappings of
    the spinner lexicon, in the inflected forms they are written in.

    The search does not look at every word. A broken expression has a changed word, so
    one dictionary lookup per word finds the words that may have replaced an expression
    word (its *triggers*, see :meth:`_build_triggers`); at each, only the expressions
    whose neighbouring word the text's neighbouring word may stand for are read in full.
    """

    def __init__(self, pairs: Iterable[tuple[str, str]] = (), scorer: Scorer | None = None) -> None:
        self.scorer = scorer if scorer is not None else default_scorer()
        self.targets: list[Expression] = []
        self.known: set[str] = set()  # expressions as lowercase text and as lemma keys
        self._load_expressions()
        self._listed_zipf: dict[str, float] = {}
        self._forms: dict[str, tuple[str, ...]] = {}  # lemma -> its inflected forms, itself first
        self._lemmas_of: dict[str, list[str]] = {}  # form -> the lemmas it is a form of
        self._originals: dict[str, tuple[tuple[str, bool], ...]] = {}  # spun lemma -> (original key, strong)
        self._load_thesaurus(wordlist_text(THESAURUS))
        self._extra: dict[str, set[str]] = {}  # spun form -> original keys, from ``pairs``
        for spun, original in pairs:
            if " " not in spun and " " not in original and spun.lower() != original.lower():
                self._extra.setdefault(spun.lower().replace("’", "'"), set()).add(key(original))
        self._sources: dict[str, dict[str, str]] = {}
        self._build_triggers()

    def _load_expressions(self) -> None:
        seen: set[tuple[tuple[str, ...], bool]] = set()
        for _, line in data_lines(wordlist_text(GAZETTEER)):
            self._add(line, "gazetteer", seen)
        for _, line in data_lines(wordlist_text(WORDNET_EXPRESSIONS)):
            # WordNet writes lemmas, so the lowercase text is its key already.
            self.known.add(" ".join(WORD_RE.findall(line.lower())))

    def _add(self, text: str, source: str, seen: set[tuple[tuple[str, ...], bool]]) -> None:
        words = tuple(WORD_RE.findall(text))
        if not 2 <= len(words) <= MAX_WORDS or " ".join(words) != " ".join(text.split()):
            return  # one word, too many, or punctuation inside ("long-range missile"): not matched
        keys = tuple(key(w) for w in words)
        is_name = any(w[:1].isupper() for w in words)
        expr = Expression(words, keys, source, is_name, sum(1 for k in keys if _is_content(k)))
        self.known.add(" ".join(expr.keys))
        self.known.add(" ".join(words).lower())
        if (expr.keys, expr.is_name) not in seen:  # the gazetteer, read first, wins
            seen.add((expr.keys, expr.is_name))
            self.targets.append(expr)

    def _load_thesaurus(self, text: str) -> None:
        for _, line in data_lines(text):
            word, zipf, forms, originals = line.split("\t")
            self._listed_zipf[word] = float(zipf)
            self._forms[word] = (word, *forms.split()) if forms != "-" else (word,)
            for form in self._forms[word]:
                self._lemmas_of.setdefault(form, []).append(word)
            if originals != "-":
                links = ((o.lstrip("~"), not o.startswith("~")) for o in originals.split())
                # A weak link (a broader or related term) says little when the word is common.
                self._originals[word] = tuple(
                    (o, strong) for o, strong in links if strong or self._listed_zipf[word] < WEAK_LINK_MAX_ZIPF
                )

    def _build_triggers(self) -> None:
        """The spellings that can start a look at an expression, and the keys each may
        stand for.

        A broken expression has at least one changed word, so the triggers are the words
        that may have replaced an expression's word, all inflected; exact words need not
        trigger. Names and collocations are kept apart, because a spinner keeps the
        capital of a name's word ("White Home"): name triggers are matched in the text
        as written, in title case or capitals, so the common word "home" costs nothing;
        collocation triggers are matched in lower case, and only words rarer than
        :data:`COLLOCATION_TRIGGER_MAX_ZIPF`. A long name, where the one change may be a
        word no thesaurus links, also triggers on its own first or second word.
        """
        replaced_by: dict[str, set[str]] = {}  # original key -> spun lemmas or forms
        for spun, originals in self._originals.items():
            for original, _ in originals:
                replaced_by.setdefault(original, set()).add(spun)
        for form, keys in self._extra.items():
            for original in keys:
                replaced_by.setdefault(original, set()).add(form)
        # Places are kept per word, not per expression: a word like "minister" sits in
        # hundreds of expressions, and its spellings are listed once.
        name_places: dict[str, list[_Place]] = {}
        collocation_places: dict[str, list[_Place]] = {}
        exact_places: dict[str, list[_Place]] = {}  # long names, by their exact first or second word
        for e, expr in enumerate(self.targets):
            for pos, k in enumerate(expr.keys):
                if _is_content(k):
                    group = name_places if expr.is_name and expr.words[pos][:1].isupper() else collocation_places
                    group.setdefault(k, []).append(self._place(e, expr, pos))
            if expr.is_name and len(expr.keys) >= 3:
                first = [p for p in (0, 1) if _is_content(expr.keys[p])]
                if first:
                    pos = min(first, key=lambda p: self._listed_zipf.get(expr.keys[p], 3.0))
                    exact_places.setdefault(expr.keys[pos], []).append(self._place(e, expr, pos))
        indexes = {
            "name": _by_neighbour(name_places),
            "collocation": _by_neighbour(collocation_places),
            "exact": _by_neighbour(exact_places),
        }
        # Spellings are matched in the text as written: names' in title case and
        # capitals, collocations' in lowercase (a capitalised word inside a sentence is a
        # name, not a spun common word).
        triggers: dict[str, set[tuple[str, str]]] = {}  # spelling -> (index, key)
        for kind, group, limit in (
            ("name", name_places, TRIGGER_MAX_ZIPF),
            ("collocation", collocation_places, COLLOCATION_TRIGGER_MAX_ZIPF),
        ):
            for k in group:
                exact = self._forms.get(k, (k,))
                for lemma in replaced_by.get(k, ()):
                    # The commonest words are normal English everywhere: as a trigger they
                    # would cost a look at every other sentence for very little.
                    if self._listed_zipf.get(lemma, self._listed_zipf.get(key(lemma), 0.0)) >= limit:
                        continue
                    for spelling in self._forms.get(lemma, (lemma,)):
                        if spelling in exact:
                            continue
                        if kind == "name":
                            for cased in (spelling[:1].upper() + spelling[1:], spelling.upper()):
                                triggers.setdefault(cased, set()).add((kind, k))
                        else:
                            triggers.setdefault(spelling, set()).add((kind, k))
        for k, places in exact_places.items():
            spellings = set(self._forms.get(k, (k,)))
            spellings.update(self.targets[p.expression].words[p.position].lower() for p in places)
            for spelling in spellings:
                for cased in (spelling[:1].upper() + spelling[1:], spelling.upper()):
                    triggers.setdefault(cased, set()).add(("exact", k))
        self._indexes = indexes
        # spelling -> the (index, key) pairs it may stand for
        self._trigger_keys = {spelling: tuple(sorted(sources)) for spelling, sources in triggers.items()}
        self._spellings = frozenset(triggers)  # every word searched is tested against these
        self._trigger_places: dict[str, _TriggerPlaces | None] = dict.fromkeys(triggers)  # built as spellings are met

    def _search(
        self,
        text: str,
        lo: int,
        copy: str,
        found: dict[tuple[int, int], Candidate],
    ) -> None:
        """Every trigger in ``copy`` (the text from ``lo``, padded by a space, with its
        non-word characters made spaces) and the expressions it opens.

        The copy is split on single spaces, so a word's neighbour is the next item of
        the list, or "" when more than one non-word character separates them. A trigger
        is read further only when some key its neighbour may stand for is one its
        expressions want there, one set test; most triggers stop at that test.
        """
        words = copy.split(" ")  # "" first and last (the padding), so never a trigger
        known_places, sources = self._trigger_places, self._sources
        at = offset = 0  # offset: where words[at] starts in ``copy``
        for i in compress(range(len(words)), map(self._spellings.__contains__, words)):
            word = words[i]
            places = known_places[word] or self._places_of(word)
            after = before = None
            if places.after_keys and (after_word := words[i + 1]):
                near = sources.get(after_word) or self.sources(after_word)
                if not places.after_keys.isdisjoint(near):
                    after = near
            if places.before_keys and (before_word := words[i - 1]):
                near = sources.get(before_word) or self.sources(before_word)
                if not places.before_keys.isdisjoint(near):
                    before = near
            if after is None and before is None:
                continue
            offset += sum(map(len, words[at:i])) + i - at
            at = i
            start = lo + offset - 1  # the copy has one space more in front
            if after is not None:
                self._read(text, words, i, start, places.after, after, found)
            if before is not None:
                self._read(text, words, i, start, places.before, before, found)

    def _read(
        self,
        text: str,
        words: list[str],
        i: int,
        start: int,
        by_key: dict[str, list[_Place]],
        near: dict[str, str],
        found: dict[tuple[int, int], Candidate],
    ) -> None:
        """Read the expressions whose word next to the trigger ``words[i]`` (at ``start``
        in ``text``) is one of the keys ``near`` (what the neighbouring word may stand
        for).

        The words of the split copy are first read as the run (see :meth:`_fits`): when
        none has an apostrophe and the run lies inside the copy, they are the words
        :func:`_words_around` would find, if it finds any, so a run they do not fit is
        rejected without reading the text (most places are rejected there), and the
        reading of a run they fit is passed on.
        """
        length, last = len(words[i]), len(words) - 1
        for neighbour_key in near:
            for place in by_key.get(neighbour_key, ()):
                expr = self.targets[place.expression]
                n = len(expr.keys)
                first = i - place.position
                fit = None
                if first > 0 and first + n <= last:
                    run = words[first : first + n]
                    if not all(run):
                        continue  # two non-word characters inside the run
                    if "'" not in "".join(run):
                        fit = self._fits(run, expr)
                        if fit is None:
                            continue
                spans = words_around(text, start, start + length, place.position, n - place.position - 1)
                if spans is not None:
                    self._try(text, spans, expr, found, fit)

    def _places_of(self, spelling: str) -> _TriggerPlaces:
        """The places of every key trigger ``spelling`` may stand for, merged by
        neighbour.

        A place whose word is capitalised in a name is dropped for a spelling in lower
        case: the text's word is this spelling, so the name cannot be read there.
        """
        capital = spelling[:1].isupper()
        merged: tuple[dict[str, list[_Place]], dict[str, list[_Place]]] = ({}, {})
        for kind, k in self._trigger_keys[spelling]:
            for side, by_key in enumerate(self._indexes[kind][k]):
                for neighbour_key, places in by_key.items():
                    kept = [p for p in places if capital or not p.capital]
                    if kept:
                        merged[side].setdefault(neighbour_key, []).extend(kept)
        places = _TriggerPlaces(frozenset(merged[0]), merged[0], frozenset(merged[1]), merged[1])
        self._trigger_places[spelling] = places
        return places

    @staticmethod
    def _place(e: int, expr: Expression, pos: int) -> _Place:
        q = pos + 1 if pos + 1 < len(expr.keys) else pos - 1
        return _Place(e, pos, q, expr.keys[q], expr.is_name and expr.words[pos][:1].isupper())

    def is_known(self, run: Sequence[str]) -> bool:
        """Whether the words of ``run`` are themselves a known expression."""
        return " ".join(run).lower() in self.known or " ".join(key(t) for t in run) in self.known

    # -- what a word may stand for -------------------------------------------------

    def sources(self, token: str) -> dict[str, str]:
        """Expression keys ``token`` may stand for, each with how it is linked:
        "exact" (its own lemma), "synonym" or "related"."""
        found = self._sources.get(token)
        if found is not None:
            return found
        k = key(token)
        found = {k: "exact"}
        if _is_content(k):
            low = token.lower().replace("’", "'")
            for lemma in self._lemmas_of.get(low, ()):
                for original, strong in self._originals.get(lemma, ()):
                    if original != k and found.get(original) != "synonym":
                        found[original] = "synonym" if strong else "related"
            for original in self._extra.get(low, ()):
                if original != k:
                    found[original] = "synonym"
        self._sources[token] = found
        return found

    # -- the search ----------------------------------------------------------------

    def find(self, text: str, lo: int = 0, hi: int | None = None) -> list[Candidate]:
        """Candidates whose trigger word lies inside ``text[lo:hi]``, in text order.

        The window is first widened to whole words, plus the word on each side, so that
        a trigger at its edge is read with its real neighbours, as in a full search.
        """
        hi = len(text) if hi is None else hi
        if lo >= hi:
            return []
        lo, hi = widen(text, lo, -1), widen(text, hi, 1)
        found: dict[tuple[int, int], Candidate] = {}
        if self._trigger_places:
            self._search(text, lo, spaced(text[lo:hi]), found)
        return sorted(found.values(), key=lambda c: (c.start, -c.confidence))

    def _try(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        expr: Expression,
        found: dict[tuple[int, int], Candidate],
        fit: _Fit | None = None,
    ) -> None:
        """Read ``expr`` over the words at ``spans``; when it fits (see :meth:`_fits`),
        keep the candidate in ``found`` unless a surer one covers the same span.
        ``fit``, when given, is the reading of these very words, done already."""
        run = [text[a:b] for a, b in spans]
        if fit is None:
            fit = self._fits(run, expr)
            if fit is None:
                return
        links, changed, anchors, capital_first = fit
        if capital_first and not may_start_with_capital(text, spans[0][0]):
            return  # a capital inside a sentence makes a name ("Union government")
        start, end = spans[0][0], spans[-1][1]
        if in_compound(text, start, end) or self.is_known(run):
            return  # the run is itself an expression
        conf = round(confidence(expr.source, links, anchors, expr.content, self._run_rarity(run, expr)), 3)
        best = found.get((start, end))
        if best is None or conf > best.confidence:
            out = list(run)
            for j in changed:
                k = expr.keys[j]
                out[j] = _cased_like(_inflect_like(run[j], k, expr.words[j].lower()), expr.words[j])
            changed_spans = tuple(spans[j] for j in changed)
            found[(start, end)] = Candidate(start, end, expr, " ".join(out), conf, tuple(links), changed_spans)

    def _run_rarity(self, run: Sequence[str], expr: Expression) -> float:
        """In [-1, 1]: how much rarer the run's changed words are than the expression's
        (Zipf scale, from the scorer; a gap of 2 or more counts fully)."""
        zipf = self.scorer.zipf
        gaps = [
            zipf(word) - zipf(token)
            for token, word, k in zip(run, expr.words, expr.keys, strict=True)
            if key(token) != k
        ]
        if not gaps:
            return 0.0
        return max(-1.0, min(1.0, sum(gaps) / len(gaps) / 2.0))

    def _fits(self, run: Sequence[str], expr: Expression) -> _Fit | None:
        """How the words of ``run`` read as ``expr``, or None when they cannot.

        Each word of the expression must be the run's word (its lemma, or a spelling
        variant) or one the run's word may have replaced. Inside a name of three words
        or more, from the third word on, one word may be anything capitalised
        ("Royal United Providers Institute"): the rest of the name vouches for it.
        Only the words are read, so that the search can test a run before finding it
        in the text; the one test that needs the text, whether a changed first word in
        capitals starts a sentence, is left to the caller (``capital_first``).
        """
        n = len(expr.keys)
        links: list[str] = []
        changed: list[int] = []  # positions in the run
        anchors = 0
        capital_first = False
        for j in range(n):
            token, word, k = run[j], expr.words[j], expr.keys[j]
            if expr.is_name and word[:1].isupper() and not token[:1].isupper():
                return None  # "white home" is not a broken "White House"
            link = self.sources(token).get(k)
            if link == "exact" or (link is None and same_spelling(token, word)):
                anchors += _is_content(k)
                continue
            if link is None:
                if "name" in links or j < 2 or not (expr.is_name and _is_content(k) and token.isalpha()):
                    return None
                link = "name"
            elif not expr.is_name and token[:1].isupper():
                if j:
                    return None  # a capital inside a sentence makes a name ("Union government")
                capital_first = True
            links.append(link)
            changed.append(j)
        if not links or ("name" in links and (not anchors or n - len(links) < 3)):
            return None  # nothing changed; or a free word without enough of the name around it
        return _Fit(links, changed, anchors, capital_first)


class _Fit(NamedTuple):
    """How a run reads as an expression (see :meth:`ExpressionIndex._fits`)."""

    links: list[str]  # per changed word: "synonym", "related" or "name"
    changed: list[int]  # positions of the changed words in the run
    anchors: int  # content words unchanged
    capital_first: bool  # the first word is changed and capitalised: fits only at a sentence start


class _TriggerPlaces(NamedTuple):
    """What a trigger spelling opens: its places by the key of the word after it and by
    the key of the word before it, with those keys as sets for a first cheap test."""

    after_keys: frozenset[str]
    after: dict[str, list[_Place]]
    before_keys: frozenset[str]
    before: dict[str, list[_Place]]


class _Place(NamedTuple):
    """Where a trigger spelling sits in an expression, and what to test first."""

    expression: int  # index into ExpressionIndex.targets
    position: int  # of the trigger word in the expression
    neighbour: int  # the position next to it, tested before the whole expression
    neighbour_key: str
    capital: bool  # the trigger word is capitalised in a name, so must be in the text


def _by_neighbour(places: dict[str, list[_Place]]) -> dict[str, tuple[dict[str, list[_Place]], ...]]:
    """Per key, its places split by the word that follows (first dict) or, for the last
    word of an expression, precedes it (second dict), keyed by that word's key."""
    out: dict[str, tuple[dict[str, list[_Place]], ...]] = {}
    for k, group in places.items():
        after: dict[str, list[_Place]] = {}
        before: dict[str, list[_Place]] = {}
        for place in group:
            (after if place.neighbour > place.position else before).setdefault(place.neighbour_key, []).append(place)
        out[k] = (after, before)
    return out


@cache
def function_words() -> frozenset[str]:
    """``wordlists/function_words.txt``: words that must match exactly inside an
    expression and that the reverse thesaurus leaves out."""
    lines = wordlist_text("function_words.txt").splitlines()
    return frozenset(w for line in lines if (w := line.split("#")[0].strip()))


def _is_content(k: str) -> bool:
    return k.isalpha() and k not in function_words()


def same_spelling(token: str, word: str) -> bool:
    """Two spellings of one word ("Organisation", "Organization"), not a swap."""
    if min(len(token), len(word)) < MIN_SPELLING_LENGTH:
        return False
    return Levenshtein.normalized_similarity(token.lower(), word.lower()) >= SPELLING_SIMILARITY


class ExpressionSearch:
    """The "expressions" stage: fills ``doc.candidates`` with the broken expressions found.

    In the first round it reads a document only once the lexicon has seen a sign of spin
    there (or when there is no lexicon): clean text does not pay for the search. Later
    rounds read the lexicon stage's windows, and drop candidates that would rewrite an
    earlier repair (they may still lean on one: "security ensures" -> "security guarantees").
    """

    name = "expressions"

    def __init__(self, index: ExpressionIndex, *, search_all: bool) -> None:
        self.index = index
        self.search_all = search_all

    def __call__(self, doc: Document) -> Sequence[Edit]:
        if doc.first_round and not (
            self.search_all
            or doc.fingerprints
            or doc.spintax
            or any(judged.telling and judged.hit.entry.evidence for judged in doc.ambiguous)
        ):
            return ()
        text, index, protected = doc.text, self.index, doc.protected
        found = index.find(text) if doc.windows is None else [c for w in doc.windows for c in index.find(text, *w)]
        if protected:
            found = [c for c in found if not any(overlaps(span, protected) for span in c.changed)]
        doc.candidates = found
        return ()


def expression_entry(text: str, cand: Candidate) -> Entry:
    """A candidate in the shape of a lexicon entry, so that it is chosen, cased and given
    its article like one."""
    expr = cand.expression
    return Entry(
        spun=text[cand.start : cand.end],
        canonical=cand.replacement,
        cls=FINGERPRINT,
        case_sensitive=False,
        context=Context(),
        confidence=cand.confidence,
        rule=f"{'tortured-search' if cand.family == 'tortured' else 'expression'}:{expr.text}",
        source=expr.source,
        kind="tortured-search" if cand.family == "tortured" else "expression",
        family=cand.family,
    )
