"""The paraphraser: a gentler spinner that tries to stay grammatical.

Commercial paraphrasers change fewer words and choose better: a synonym from the word's
most frequent sense, a frequent one, a single word, and only where the part of speech
the sentence needs is the one the synonym has. This simulator guesses that part of
speech from the neighbouring words (after "the" a noun or an adjective, after "to" or
"will" a verb, and so on) and skips a word when the guess is unsure. Its output is the
hardest of the four to recognise, which is why the benchmarks keep it held out.
"""

from __future__ import annotations

import random

import lemminflect
from wordfreq import zipf_frequency

from .base import Spun, Word, function_words, is_name, match_case, rewrite, words
from .morph import Analysis, analyses, inflect, thesaurus

DEFAULT_RATE = 0.12
MAX_ZIPF_DROP = 1.5  # a synonym much rarer than the word would stand out: not used


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


DETERMINERS = _wordset(
    "a an the this that these those my your his her its our their some any each every no many few several another such"
)
VERB_BEFORE = _wordset("to will would can could may might must should shall did does do not never")
BE_HAVE = _wordset("is are was were be been being am has have had having")
PREPOSITIONS = _wordset("of in on at for from with by about into over under between among after before")


def guess(word: Word, prev: str, next_word: str) -> Analysis | None:
    """The reading of ``word`` its neighbours point to, or None when they do not decide."""
    readings = analyses(word.text.lower())
    if not readings:
        return None
    by_pos = {r.upos: r for r in readings}
    if len(by_pos) == 1:
        return readings[0]
    next_readings = {r.upos for r in analyses(next_word)} if next_word else set()
    if prev in DETERMINERS or prev in PREPOSITIONS:
        if "ADJ" in by_pos and next_readings == {"NOUN"}:
            return by_pos["ADJ"]
        return by_pos.get("NOUN")
    if prev in VERB_BEFORE and "VERB" in by_pos and by_pos["VERB"].tag == "VB":
        return by_pos["VERB"]
    if prev in BE_HAVE and "VERB" in by_pos and by_pos["VERB"].tag in ("VBN", "VBG"):
        return by_pos["VERB"]
    if word.text.endswith("ly") and "ADV" in by_pos:
        return by_pos["ADV"]
    return None


def choose(word: Word, reading: Analysis, rng: random.Random) -> str | None:
    """A frequent single-word synonym from the word's first sense, inflected; or None."""
    entry = thesaurus().get((reading.lemma, reading.upos))
    if entry is None:
        return None
    form = word.text.lower()
    floor = zipf_frequency(form, "en") - MAX_ZIPF_DROP
    options = []
    for synonym in entry.first:
        if " " in synonym or "-" in synonym:
            continue
        if synonym not in lemminflect.getAllLemmas(synonym).get(reading.upos, ()):
            continue  # listed in an inflected form ("conditions"): would not agree
        inflected = inflect(synonym, reading)
        if inflected and inflected != form and zipf_frequency(inflected, "en") >= floor:
            options.append(inflected)
    if not options:
        return None
    # the most frequent synonym most of the time, the next one otherwise
    return options[0] if len(options) == 1 or rng.random() < 0.7 else options[1]


def spin(text: str, seed: int | str = 0, rate: float = DEFAULT_RATE) -> Spun:
    """Spin ``text`` gently: ``rate`` of its content words (as far as there are enough
    candidates) are replaced by a frequent first-sense synonym, chosen among the words
    (never names) whose part of speech the context settles.

    >>> spin("The weather was unusually cold.", seed=0, rate=1.0).text
    'The weather was remarkably cold.'
    """
    rng = random.Random(f"paraphraser:{seed}")
    ws = words(text)
    candidates = []
    content = 0
    for i, word in enumerate(ws):
        form = word.text.lower()
        if form in function_words() or is_name(word) or "-" in form or "'" in form or "’" in form:
            continue
        content += 1
        prev = ws[i - 1].text.lower() if i and text[ws[i - 1].end : word.start] == " " else ""
        next_word = ws[i + 1].text.lower() if i + 1 < len(ws) and text[word.end : ws[i + 1].start] == " " else ""
        reading = guess(word, prev, next_word)
        if reading is None:
            continue
        replacement = choose(word, reading, rng)
        if replacement is not None:
            candidates.append((word.start, word.end, match_case(word.text, replacement)))
    chosen = rng.sample(candidates, min(len(candidates), round(rate * content)))
    return rewrite(text, chosen)
