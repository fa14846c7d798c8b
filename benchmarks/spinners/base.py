"""What every simulated spinner shares: the result type, word spans, casing and rewriting.

A spinner reads a clean text, chooses non-overlapping spans to replace, and writes the
replacements. :func:`rewrite` applies those choices and records each one as a
:class:`Substitution` whose span points into the *spun* text, so that a benchmark can
ask whether a flag or an edit of the repairer lands on a word the spinner really changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "benchmarks" / "data" / "spinners"
WORDLISTS = ROOT / "wordlists"

# A word as spinners see it: letters, with inner apostrophes ("don't") and hyphens ("long-term").
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class Substitution:
    """One change a spinner made: ``spun[start:end] == spun_wording`` replaced ``original``,
    which stood at ``clean[clean_start:clean_end]``."""

    start: int
    end: int
    original: str
    spun: str
    clean_start: int
    clean_end: int


@dataclass(frozen=True)
class Spun:
    """A spinner's output: the spun text and every substitution, in text order."""

    text: str
    substitutions: tuple[Substitution, ...]


@dataclass(frozen=True)
class Word:
    """A word of the clean text, with its position and whether it starts a sentence."""

    text: str
    start: int
    end: int
    sentence_start: bool


def words(text: str) -> list[Word]:
    """The words of ``text``; a word starts a sentence after ., !, ? or a line break
    (ignoring quotes and brackets in between), or at the start of the text."""
    out = []
    for m in WORD.finditer(text):
        before = text[: m.start()].rstrip(" \t\"'“‘([")
        out.append(Word(m.group(), m.start(), m.end(), not before or before[-1] in ".!?:\n"))
    return out


def match_case(model: str, replacement: str) -> str:
    """``replacement`` written with the casing of ``model``: all capitals, a capital
    first letter, or as given (spinners keep the case pattern of the word they replace)."""
    if len(model) > 1 and model.isupper():
        return replacement.upper()
    if model[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def is_name(word: Word) -> bool:
    """A capitalised word inside a sentence, or an all-capitals one: most likely a name
    or an acronym, which spinners mostly leave alone."""
    return (word.text[:1].isupper() and not word.sentence_start) or (len(word.text) > 1 and word.text.isupper())


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """English function words (the project's list): never content words."""
    lines = (WORDLISTS / "function_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def rewrite(text: str, choices: list[tuple[int, int, str]]) -> Spun:
    """Apply ``choices`` (clean start, clean end, replacement), which must not overlap,
    and record each as a :class:`Substitution` with its span in the spun text."""
    parts: list[str] = []
    subs: list[Substitution] = []
    pos = shift = 0
    for start, end, replacement in sorted(choices):
        if start < pos:
            raise ValueError(f"overlapping substitutions at {start}")
        parts.append(text[pos:start])
        new_start = start + shift
        parts.append(replacement)
        subs.append(Substitution(new_start, new_start + len(replacement), text[start:end], replacement, start, end))
        shift += len(replacement) - (end - start)
        pos = end
    parts.append(text[pos:])
    return Spun("".join(parts), tuple(subs))
