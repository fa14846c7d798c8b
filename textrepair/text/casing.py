"""Carry the casing of the text a replacement stands in for over to the replacement.

>>> match_case("Overseas Minister", "Foreign Minister")
'Foreign Minister'
>>> match_case("OVERSEAS MINISTER", "Foreign Minister")
'FOREIGN MINISTER'
>>> match_case("Mentioned", "said")
'Said'
>>> match_case("Suppose Tank", "think tank")
'Think Tank'
>>> match_case("Local weather Change", "climate change")
'Climate Change'
>>> match_case("gained’t", "won't")
'won’t'
"""

from __future__ import annotations

from functools import lru_cache


def _is_title_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper() and not any(c.isupper() for c in letters[1:])


@lru_cache(maxsize=4096)  # the same few words come up again and again (every "mentioned" is cased alike)
def match_case(source: str, replacement: str) -> str:
    """Return ``replacement`` cased like ``source`` and using its apostrophe style.

    - ``source`` in capitals (two letters or more): the replacement in capitals.
    - a replacement the lexicon writes with capitals ("Middle East") keeps them.
    - ``source`` in title case word by word ("Suppose Tank"): title case.
    - ``source`` starting with a capital ("Mentioned", sentence-initial): capital first letter.
    """
    if "’" in source and "'" in replacement:
        replacement = replacement.replace("'", "’")
    letters = [c for c in source if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return replacement.upper()
    if any(c.isupper() for c in replacement):
        if letters and letters[0].isupper() and replacement[:1].islower():
            return replacement[:1].upper() + replacement[1:]
        return replacement
    words = source.split()
    if len(words) >= 2 and _is_title_word(words[0]) and _is_title_word(words[-1]):
        # A name in title case, perhaps with a spun lowercase word inside ("Local weather Change").
        return " ".join(w[:1].upper() + w[1:] for w in replacement.split(" "))
    if source[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
