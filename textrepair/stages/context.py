"""Stage "context": what a language model says about the words no list names.

Every spinner puts words where English would not put them, and the original is a
thesaurus neighbour of the spun word. So the spinner's channel can be run backwards:
for each content word, its neighbours (``wordlists/neighbours.txt``) are tried in its
place, and a trigram model of English (:class:`~textrepair.scoring.NGramScorer`) scores
the three trigrams the word takes part in. A neighbour that makes them far more likely
("mental hospital seeker" -> "asylum seeker": here the model prefers the original by
orders of magnitude) is a *suspicion*: a span, a suggestion and the gain in log10
probability.

The document's evidence is normalised for its genre: not how surprising its words are
(a news-trained model doubts every technical term), but how many *distinct* words have a
neighbour that is far likelier in their place, per 100 content words read. A technical
text repeats its few odd terms; a spinner scatters its swaps over many words.

A dictionary spinner's swaps often read as fluent English ("said" -> "stated",
"first" -> "initial"): the original is no far likelier in place, only much commoner. So
a third count: the distinct *rare words where a common synonym fits*, words the model
doubts in place that have a neighbour :data:`COMMONER_BY` commoner out of context which
is at least as likely after the same two words. A writer reaches for the common word; a
spinner picks rarer synonyms at a steady rate. It costs no model call beyond the search
below: the neighbours' first trigrams are scored anyway.

Cost: one trigram per content word is the first pass; only the words the model finds
unlikely where they stand have their neighbours tried, only the neighbours not much
rarer than the word (:func:`candidates`), and a neighbour's whole window is scored only
if its first trigram beats the word's and could still beat the best gain so far. A long
text is read :data:`SAMPLE_WORDS` content words at a time, and reading stops after a
sample that shows little evidence (a clean-looking text), or after :data:`MAX_WORDS`
words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from ..findings import Suspicion
from ..lexicon.entry import FINGERPRINT, Context, Entry
from ..model import Edit
from ..pipeline import Document
from ..resources import data_lines, wordlist_text
from ..scoring import NGramScorer
from .expressions import function_words, same_spelling

#: A word is tried only when the model gives it less than this (log10) after the two before it.
SUSPECT_BELOW = -3.5
#: A neighbour is a suspicion when it makes the word's three trigrams this much likelier (log10).
MIN_GAIN = 2.5
#: A suspicion from this gain (log10) is strong evidence (a second feature of the verdict).
STRONG_GAIN = 4.0
#: From this gain (log10) a suspicion is a flag: on the simulated spinners' development
#: documents 83% (tune) and 80% (held out) of such flags point at a word a spinner changed
#: (``python -m benchmarks.context_model``).
FLAG_GAIN = 3.0
#: From this gain a suspicion is repaired: its suggestion was the spinner's original word
#: in 95% (tune, 42 suspicions) and 94% (held out, 32) of cases, and no clean passage had one.
EDIT_GAIN = 6.0
#: A neighbour is tried only when the model finds it, out of context, at least this
#: (log10) as common as the word: a third as common (see :func:`candidates`).
RARER_BY = -0.5
#: A neighbour is tried over its whole window only if it is likelier than the word in the
#: word's own trigram (by this, log10): a fifth fewer model calls, the same evidence on the
#: development documents.
FIRST_GAIN = 0.0
#: A neighbour this much (log10) commoner than the word out of context, and at least as
#: likely after the word's two words, makes the word a "rare word where a common synonym
#: fits" (:attr:`Reading.rare_words`). Ten times commoner: a spinner's dressed-up synonym
#: ("subsequent", "individuals", "initial") against the word a writer uses.
COMMONER_BY = 1.0
#: At most this many words of a document are read.
MAX_WORDS = 1500
#: A long text is read this many content words at a time (a passage of 400 words has about
#: 200); after each sample, reading goes on only if the sample had :data:`SAMPLE_EVIDENCE`
#: new distinct suspected words per 100 content words or more. Clean news has about 1 (the
#: simulated spinners 3 to 9), so a long clean text is judged on its first sample; the
#: evidence is a rate, which a sample estimates as well as the whole.
SAMPLE_WORDS = 250
SAMPLE_EVIDENCE = 2.0
_POS = {"NOUN": "n", "VERB": "v", "ADJ": "a", "ADV": "r"}
#: The part of speech of ``neighbours.txt``'s links kept as written: not inflected.
AS_WRITTEN = "w"
_SENTENCE = re.compile(r"[^.!?;:\n“”\"()]+")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def confidence(gain: float) -> float:
    """How sure a suspicion's suggestion is, from its gain: the share of suggestions that
    were the original word at that gain on the development documents, rising from 0.67
    at :data:`FLAG_GAIN` to 0.95 at :data:`EDIT_GAIN` (log-linear between), 0.99 at most."""
    return round(min(0.99, 0.67 + (0.95 - 0.67) * (gain - FLAG_GAIN) / (EDIT_GAIN - FLAG_GAIN)), 3)


def suspicion_entry(suspicion: Suspicion) -> Entry:
    """A suspicion in the shape of a lexicon entry, so that it is chosen, cased and given
    its article like one."""
    return Entry(
        spun=suspicion.word,
        canonical=suspicion.suggestion,
        cls=FINGERPRINT,
        case_sensitive=False,
        context=Context(),
        confidence=confidence(suspicion.gain),
        rule=f"context:{suspicion.word.lower()}",
        source="context",
        kind="context",
    )


@cache
def neighbour_table() -> dict[tuple[str, str], tuple[str, ...]]:
    """``wordlists/neighbours.txt``: (lemma, pos) -> the lemmas it may have replaced, and
    (word, :data:`AS_WRITTEN`) -> the words it may have replaced, as written."""
    table: dict[tuple[str, str], tuple[str, ...]] = {}
    for _, line in data_lines(wordlist_text("neighbours.txt")):
        word, pos, listed = line.split("\t")
        table[word, pos] = tuple(listed.split())
    return table


@lru_cache(maxsize=50_000)
def neighbours(token: str) -> tuple[str, ...]:
    """The words ``token`` (lowercase, as written) may have replaced, in its inflection."""
    import lemminflect  # imported lazily, as everywhere

    out: dict[str, None] = {}
    table = neighbour_table()
    for written in table.get((token, AS_WRITTEN), ()):  # a spinner's own swap, kept as written
        out[written] = None
    for upos, lemmas in lemminflect.getAllLemmas(token).items():
        pos = _POS.get(upos)
        if pos is None:
            continue
        for lemma in lemmas:
            # The word as its own lemma is the base form ("colour" is no plural, though
            # lemminflect lists it among the plurals of a mass noun).
            inflections = lemminflect.getAllInflections(lemma, upos=upos).items()
            tag = None if token == lemma else next((t for t, forms in inflections if token in forms), None)
            for neighbour in table.get((lemma, pos), ()):
                if tag is None or tag in ("VB", "VBP", "NN", "JJ", "RB"):
                    form = neighbour
                else:
                    inflected = lemminflect.getInflection(neighbour, tag=tag)
                    form = inflected[0] if inflected else neighbour
                if form != token and not same_spelling(form, token):  # "colour" for "color" is no spin
                    out[form] = None
    return tuple(out)


def candidates(scorer: NGramScorer, token: str) -> tuple[str, ...]:
    """The neighbours of ``token`` worth trying: those the model finds, out of context, not
    much rarer than the word itself (:data:`RARER_BY`). A spinner swaps a word for a
    synonym that looks different, rarely for a much commoner one; run backwards, the
    original is seldom much rarer than the spun word. On the development documents this
    saves about 40% of the model calls and leaves the evidence about as good
    (``python -m benchmarks.context_model``)."""
    return _to_try(scorer, token)[0]


@lru_cache(maxsize=50_000)
def _to_try(scorer: NGramScorer, token: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """:func:`candidates`, and those of them :data:`COMMONER_BY` commoner than ``token``
    out of context (for :attr:`Reading.rare_words`), from one look at each neighbour."""
    own = scorer.logprob(token)
    if own is None:
        return (), frozenset()
    out, commoner = [], set()
    for neighbour in neighbours(token):
        lp = scorer.logprob(neighbour)
        if lp is not None and lp - own >= RARER_BY:
            out.append(neighbour)
            if lp - own >= COMMONER_BY:
                commoner.add(neighbour)
    return tuple(out), frozenset(commoner)


class Reading(NamedTuple):
    """What the stage read in a text: the content words it scored, the suspicions among
    them, how many distinct words (lowercase) were suspected from :data:`MIN_GAIN` and
    from :data:`STRONG_GAIN`, how many distinct rare words had a common synonym that
    fits (:data:`COMMONER_BY`), and how many of the content words read (each occurrence,
    as ``content`` counts them) the model found unlikely where they stand (below
    :data:`SUSPECT_BELOW`: the text's surprise, the yardstick for the rest: a technical
    text is doubted throughout, and a suspicion in it says less than one in plain news)."""

    content: int
    suspicions: list[Suspicion]
    suspected_words: int
    strong_words: int
    rare_words: int = 0
    doubted_words: int = 0


class ContextModel:
    """The "context" stage: fills ``doc.suspicions`` and the context evidence, in the first round."""

    name = "context"

    def __init__(self, scorer: NGramScorer) -> None:
        self.scorer = scorer

    def __call__(self, doc: Document) -> Sequence[Edit]:
        if not doc.first_round:
            return ()
        reading = self.read(doc.text)
        doc.suspicions = reading.suspicions
        doc.evidence["context_words"] = reading.content
        doc.evidence["context_suspicions"] = len(reading.suspicions)
        doc.evidence["context_suspected_words"] = reading.suspected_words
        doc.evidence["context_strong_words"] = reading.strong_words
        doc.evidence["context_rare_words"] = reading.rare_words
        doc.evidence["context_doubted_words"] = reading.doubted_words
        return ()

    def read(self, text: str) -> Reading:
        """Score the content words of ``text`` (see the module docstring for what is skipped)."""
        trigram = self.scorer.trigram_lookup()
        small = function_words()
        read = content = doubted = 0
        found: list[Suspicion] = []
        suspected: set[str] = set()
        strong: set[str] = set()
        rare: set[str] = set()
        sample_start, sample_suspected = 0, 0  # where the current sample began: content words, suspected
        for sentence in _SENTENCE.finditer(text):
            chunk = sentence.group()
            written = _WORD.findall(chunk)
            if not written:
                continue
            tokens = ["", "<s>", *(w.lower() for w in written), "</s>"]
            spans: list[tuple[int, int]] = []  # the words' places, found only once one is suspected
            read += len(written)
            for i in range(2, len(written) + 2):
                word = tokens[i]
                if word in small or len(word) < 3 or (i > 2 and written[i - 2][:1].isupper()):
                    continue  # a function word, or a name
                own = trigram(word, tokens[i - 2], tokens[i - 1])
                if own is None:
                    continue
                content += 1
                if own < SUSPECT_BELOW:
                    doubted += 1
                    tried, commoner = _to_try(self.scorer, word)
                    firsts = _firsts(trigram, tried, tokens, i, own)
                    if not firsts:
                        continue
                    if commoner and word not in rare and any(candidate in commoner for _, candidate in firsts):
                        rare.add(word)
                    best = _best_neighbour(trigram, firsts, tokens, i, own)
                    if best is not None:
                        spans = spans or [m.span() for m in _WORD.finditer(chunk)]
                        start, end = spans[i - 2]
                        base = sentence.start()
                        found.append(Suspicion(base + start, base + end, written[i - 2], best[0], best[1]))
                        suspected.add(word)
                        if best[1] >= STRONG_GAIN:
                            strong.add(word)
            if read >= MAX_WORDS:
                break
            if content - sample_start >= SAMPLE_WORDS:  # a sample read: go on only if it showed evidence
                if 100 * (len(suspected) - sample_suspected) < SAMPLE_EVIDENCE * (content - sample_start):
                    break
                sample_start, sample_suspected = content, len(suspected)
        return Reading(content, found, len(suspected), len(strong), len(rare), doubted)


def _firsts(
    trigram: Callable[[str, str, str], float | None],
    candidates: tuple[str, ...],
    tokens: list[str],
    i: int,
    own: float,
) -> list[tuple[float, str]]:
    """Each of ``candidates`` (for ``tokens[i]``, whose own trigram scores ``own``) with its
    first trigram, the one it ends, if it is likelier there than the word by
    :data:`FIRST_GAIN`: the others cannot be a suspicion's suggestion."""
    before, previous = tokens[i - 2], tokens[i - 1]
    firsts = []
    for candidate in candidates:
        first = trigram(candidate, before, previous)
        if first is not None and first - own >= FIRST_GAIN:
            firsts.append((first, candidate))
    return firsts


def _best_neighbour(
    trigram: Callable[[str, str, str], float | None],
    firsts: list[tuple[float, str]],
    tokens: list[str],
    i: int,
    own: float,
) -> tuple[str, float] | None:
    """The one of the candidates for ``tokens[i]`` that makes its trigrams likeliest,
    with the gain, if the gain reaches :data:`MIN_GAIN`; ``firsts`` (from :func:`_firsts`,
    not empty) are the candidates with their first trigrams.

    A window can gain no more than its first trigram does (the other two are log
    probabilities, at most 0), so the word's own window is scored only once some
    candidate is left, and the other two trigrams of a candidate only while its first
    trigram could still beat the best gain so far."""
    previous = tokens[i - 1]
    after = tokens[i + 1 : i + 3]

    def rest(word: str) -> float:
        """The log10 probability of the (up to) two tokens after ``word`` in its place."""
        total = 0.0
        context = (previous, word)
        for token in after:
            lp = trigram(token, *context)
            if lp is None:
                break
            total += lp
            context = (context[1], token)
        return total

    mine = own + rest(tokens[i])
    best: tuple[str, float] | None = None
    for first, candidate in sorted(firsts, reverse=True):
        if first - mine < (best[1] if best is not None else MIN_GAIN):
            break  # neither this nor any later neighbour can do better
        gain = first + rest(candidate) - mine
        if gain >= MIN_GAIN and (best is None or gain > best[1]):
            best = (candidate, gain)
    return best
