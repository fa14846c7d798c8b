"""Conditions on the whole document that a lexicon entry may carry (``doc_has``, ``doc_lacks``).

Some spun wording is only a reliable sign of a spinner when the rest of the document
says what it is about: "neural community" is a tortured "neural network" in a paper
that also writes "neural network" somewhere, and "attractive stirrer" a tortured
"magnetic stirrer" unless the paper speaks of "repulsive" ones. A condition lists
phrases the document must contain (any one of them) and phrases it must not contain
(none of them). Phrases are matched on the folded text (see :func:`textrepair.text.fold.fold`)
at word boundaries; a phrase ending in ``*`` matches any word that begins with it
("optimiz*": "optimize", "optimization").

This module only answers the question for a given text; which text (the document, its
folded copy computed once) is the caller's choice.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text.tokens import is_word_char


@dataclass(frozen=True, slots=True)
class DocCondition:
    """Phrases (folded: lowercase, single spaces) the document must and must not contain.

    ``has`` holds alternatives: the condition needs at least one of them (none listed:
    no such need). ``lacks``: the document must contain none of them.
    """

    has: tuple[str, ...] = ()
    lacks: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.has or self.lacks)


def contains_phrase(folded_text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``folded_text`` as whole words (a trailing ``*`` in
    ``phrase`` lets its last word go on). Both are expected folded already."""
    prefix = phrase.endswith("*")
    if prefix:
        phrase = phrase[:-1]
    if not phrase:
        return False
    check_before, check_after = is_word_char(phrase[0]), is_word_char(phrase[-1]) and not prefix
    size = len(folded_text)
    start = folded_text.find(phrase)
    while start != -1:
        end = start + len(phrase)
        before_ok = not check_before or start == 0 or not is_word_char(folded_text[start - 1])
        after_ok = not check_after or end == size or not is_word_char(folded_text[end])
        if before_ok and after_ok:
            return True
        start = folded_text.find(phrase, start + 1)
    return False


def doc_condition_holds(condition: DocCondition | None, folded_text: str) -> bool:
    """Whether a document whose folded text is ``folded_text`` meets ``condition``: it
    contains one of ``condition.has`` (if any are listed) and none of ``condition.lacks``.
    No condition always holds."""
    if not condition:
        return True
    if condition.has and not any(contains_phrase(folded_text, p) for p in condition.has):
        return False
    return not any(contains_phrase(folded_text, p) for p in condition.lacks)
