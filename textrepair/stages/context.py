"""Stage "context": what a language model says about the words no list names.

Every spinner puts words where English would not put them, and the original is a
thesaurus neighbour of the spun word. So the spinner's channel can be run backwards:
for each content word, its neighbours (``wordlists/neighbours.txt``) are tried in its
place, and a trigram model of English (:class:`~textrepair.scoring.NGramScorer`) scores
the three trigrams the word takes part in. A neighbour that makes them far more likely
("mental hospital seeker" -> "asylum seeker": here the model prefers the original by
orders of magnitude) is a *suspicion*: a span, a suggestion and the gain in log10
probability. The document's evidence is the share of its content words with such a gain.

Only words the model finds unlikely where they stand are tried (most words are not),
and at most :data:`MAX_WORDS` words of a document are read, spread over it, so that the
stage's cost stays bounded on long texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

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
MIN_GAIN = 2.0
#: From this gain (log10) a suspicion is a flag: on the simulated spinners' development
#: documents 83% (tune) and 80% (held out) of such flags point at a word a spinner changed
#: (``python -m benchmarks.context_model``).
FLAG_GAIN = 3.0
#: From this gain a suspicion is repaired: its suggestion was the spinner's original word
#: in 95% (tune, 42 suspicions) and 94% (held out, 32) of cases, and no clean passage had one.
EDIT_GAIN = 6.0
#: At most this many words of a document are read.
MAX_WORDS = 1500
_POS = {"NOUN": "n", "VERB": "v", "ADJ": "a", "ADV": "r"}
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
    """``wordlists/neighbours.txt``: (lemma, pos) -> the lemmas it may have replaced."""
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
    for upos, lemmas in lemminflect.getAllLemmas(token).items():
        pos = _POS.get(upos)
        if pos is None:
            continue
        for lemma in lemmas:
            # The word as its own lemma is the base form ("colour" is no plural, though
            # lemminflect lists it among the plurals of a mass noun).
            inflections = lemminflect.getAllInflections(lemma, upos=upos).items()
            tag = None if token == lemma else next((t for t, forms in inflections if token in forms), None)
            for neighbour in neighbour_table().get((lemma, pos), ()):
                if tag is None or tag in ("VB", "VBP", "NN", "JJ", "RB"):
                    form = neighbour
                else:
                    inflected = lemminflect.getInflection(neighbour, tag=tag)
                    form = inflected[0] if inflected else neighbour
                if form != token and not same_spelling(form, token):  # "colour" for "color" is no spin
                    out[form] = None
    return tuple(out)


class ContextModel:
    """The "context" stage: fills ``doc.suspicions`` and the context evidence, in the first round."""

    name = "context"

    def __init__(self, scorer: NGramScorer) -> None:
        self.scorer = scorer

    def __call__(self, doc: Document) -> Sequence[Edit]:
        if not doc.first_round:
            return ()
        content, suspicions = self.read(doc.text)
        doc.suspicions = suspicions
        doc.evidence["context_words"] = content
        doc.evidence["context_suspicions"] = len(suspicions)
        return ()

    def read(self, text: str) -> tuple[int, list[Suspicion]]:
        """How many content words were read, and the suspicions among them."""
        logprob = self.scorer.logprob
        small = function_words()
        read = content = 0
        found: list[Suspicion] = []
        for sentence in _SENTENCE.finditer(text):
            words = [(m.group().lower(), m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence.group())]
            if not words:
                continue
            tokens = ["<s>"] + [w for w, *_ in words] + ["</s>"]
            for i, (word, start, end, written) in enumerate(words, start=1):
                read += 1
                if word in small or len(word) < 3 or (i > 1 and written[:1].isupper()):
                    continue  # a function word, or a name
                own = logprob(word, tokens[i - 2 : i])
                if own is None:
                    continue
                content += 1
                if own >= SUSPECT_BELOW:
                    continue
                best = self._best_neighbour(tokens, i, own)
                if best is not None:
                    base = sentence.start()
                    found.append(Suspicion(base + start, base + end, written, best[0], best[1]))
            if read >= MAX_WORDS:
                break
        return content, found

    def _best_neighbour(self, tokens: list[str], i: int, own: float) -> tuple[str, float] | None:
        """The neighbour of ``tokens[i]`` that makes its trigrams likeliest, with the gain,
        if the gain reaches :data:`MIN_GAIN`."""
        logprob = self.scorer.logprob
        word = tokens[i]

        def window(candidate: str, first: float | None) -> float | None:
            if first is None:
                return None
            total = first
            for j in (i + 1, i + 2):
                if j >= len(tokens):
                    break
                context = [tokens[j - 2] if j - 2 != i else candidate, candidate if j - 1 == i else tokens[j - 1]]
                lp = logprob(tokens[j], context)
                if lp is None:
                    break
                total += lp
            return total

        mine = window(word, own)
        if mine is None:
            return None
        best: tuple[str, float] | None = None
        for candidate in neighbours(word):
            score = window(candidate, logprob(candidate, tokens[i - 2 : i]))
            if score is not None and (best is None or score - mine > best[1]):
                best = (candidate, score - mine)
        return best if best is not None and best[1] >= MIN_GAIN else None
