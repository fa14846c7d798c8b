"""Choose "a" or "an" for the word that follows.

The spinner swaps the word after an article without touching the article, leaving "an
settlement" or "a army"; the apply stage uses this module to repair the article next
to a replacement, the lexicon stage as evidence that a word was swapped.

>>> indefinite_article("increase"), indefinite_article("rise"), indefinite_article("hour")
('an', 'a', 'an')
>>> indefinite_article("European"), indefinite_article("FBI"), indefinite_article("NATO")
('a', 'an', 'a')
>>> indefinite_article("8-year-old"), indefinite_article("11th")
('an', 'an')
"""

from __future__ import annotations

from functools import lru_cache

from ..resources import data_lines, wordlist_text

_LETTER_NAMES_WITH_VOWEL_SOUND = set("AEFHILMNORSX")


@lru_cache(maxsize=1)
def _exceptions() -> dict[str, dict[str, str]]:
    sections: dict[str, dict[str, str]] = {"words": {}, "acronyms": {}}
    current = None
    for _, line in data_lines(wordlist_text("articles.txt")):
        if line.startswith("["):
            current = line.strip("[]")
            continue
        if current in ("a", "an"):
            sections["words"][line] = current
        elif current in ("acronyms-a", "acronyms-an"):
            sections["acronyms"][line] = current.split("-")[1]
    return sections


def _article_for_number(word: str) -> str:
    digits = "".join(c for c in word.split("-")[0] if c.isdigit() or c == ",")
    groups = digits.split(",")
    head = groups[0]
    if head.startswith("8"):
        return "an"
    if head in ("11", "18") and (len(groups) > 1 or len(head) == 2):
        return "an"
    return "a"


@lru_cache(maxsize=4096)
def indefinite_article(word: str) -> str:
    """Return ``"a"`` or ``"an"``, whichever English uses before ``word``. The same few
    words are asked about again and again (each repair's first word), so the answers
    are remembered."""
    word = word.strip("\"'“‘([")
    if not word:
        return "a"
    if word[0].isdigit():
        return _article_for_number(word)
    exceptions = _exceptions()
    core = word.split("-")[0]
    if len(core) >= 2 and core.isupper():
        listed = exceptions["acronyms"].get(core.lower())
        if listed:
            return listed
        return "an" if core[0] in _LETTER_NAMES_WITH_VOWEL_SOUND else "a"
    lower = word.lower()
    for end in range(len(lower), 0, -1):
        listed = exceptions["words"].get(lower[:end])
        if listed:
            return listed
    return "an" if lower[0] in "aeiou" else "a"


def agrees(article: str, word: str) -> bool:
    """Whether ``article`` ("a"/"an" in any case) is the right one before ``word``."""
    return article.lower() == indefinite_article(word)


def with_article_case(article: str, like: str) -> str:
    """``article`` cased like ``like`` ("A" -> "An", "AN" -> "A")."""
    if like.isupper() and len(like) > 1:
        return article.upper()
    if like[:1].isupper():
        return article.capitalize()
    return article
