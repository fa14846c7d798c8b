"""Loading lexicons: the built-in ones shipped in ``wordlists/`` and the user's files."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..resources import wordlist_text
from .entry import Entry, LexiconError
from .parse import parse_lexicon
from .validate import merge, validate

#: The lexicons that ship with textrepair: the curated spinner lexicon, then the spun
#: name variants generated from the gazetteer (``scripts/build_name_variants.py``).
DEFAULT_LEXICONS = ("spinner.lex", "names.lex")


def load_lexicon(path: str | os.PathLike[str]) -> list[Entry]:
    """Read and parse a lexicon file; errors name the file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(str(path), 0, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return parse_lexicon(text, source=str(path))


@lru_cache(maxsize=1)
def default_lexicon() -> tuple[Entry, ...]:
    """The lexicon that ships with textrepair (``DEFAULT_LEXICONS`` in ``wordlists/``).

    Each file is validated on its own, then the two together: a generated name variant
    must not repair the curated lexicon's wording, nor the other way round.
    """
    entries = [e for name in DEFAULT_LEXICONS for e in parse_lexicon(wordlist_text(name), source=f"wordlists/{name}")]
    merged = merge(entries, within_file=False)
    if len(merged) != len(entries):
        raise LexiconError(f"wordlists/{DEFAULT_LEXICONS[-1]}", 0, "repeats spun wording of the curated lexicon")
    validate(merged)
    return tuple(merged)


def build_lexicon(paths: Iterable[str | os.PathLike[str]] = (), *, include_default: bool = True) -> list[Entry]:
    """The default lexicon (unless excluded) followed by the user's files, in order.

    Each file is validated on its own; then entries of later files override earlier
    ones with the same spun wording, class and context, and the whole is validated again.
    """
    entries: list[Entry] = list(default_lexicon()) if include_default else []
    paths = list(paths)
    for path in paths:
        entries.extend(load_lexicon(path))
    if not paths:
        return entries
    merged = merge(entries, within_file=False)
    validate(merged)
    return merged
