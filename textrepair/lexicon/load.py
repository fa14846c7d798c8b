"""Loading lexicons: the built-in ones shipped in ``wordlists/`` and the user's files."""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from functools import lru_cache
from pathlib import Path

from ..resources import wordlist_text
from ..text.fold import fold
from .entry import Entry, LexiconError
from .parse import inflections_loaded, parse_lexicon, release_inflections
from .validate import merge, validate

#: The lexicons that ship with textrepair, each with its spinner family: the curated
#: spinner lexicon, the spun name variants generated from the gazetteer
#: (``scripts/build_name_variants.py``), and the tortured phrases of the Problematic
#: Paper Screener (``scripts/build_tortured_lexicon.py``).
DEFAULT_LEXICONS = {"spinner.lex": "news", "names.lex": "news", "tortured.lex": "tortured"}


def load_lexicon(path: str | os.PathLike[str]) -> list[Entry]:
    """Read and parse a lexicon file; errors name the file and line."""
    path = Path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        lineno = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LexiconError(
            str(path), lineno, f"not UTF-8 text ({exc.reason}: byte {exc.start + 1} of the file, {column} of the line)"
        ) from None
    return parse_lexicon(text, source=str(path))


@lru_cache(maxsize=1)
def default_lexicon() -> tuple[Entry, ...]:
    """The lexicon that ships with textrepair (``DEFAULT_LEXICONS`` in ``wordlists/``).

    They are not validated here, at every start-up, but by the test suite
    (``tests/test_lexicon.py``), each file on its own and all together: a generated
    entry must not repair the curated lexicon's wording, nor the other way round.
    """
    entries: list[Entry] = []
    for name, family in DEFAULT_LEXICONS.items():
        earlier = {(fold(e.spun), fold(e.canonical)) for e in entries}
        # A mapping an earlier file already makes ("monetary disaster => financial
        # crisis" is news wording and a tortured phrase) stays the earlier file's.
        parsed = parse_lexicon(wordlist_text(name), source=f"wordlists/{name}", family=family, check=False)
        entries += [e for e in parsed if (fold(e.spun), fold(e.canonical)) not in earlier]
    merged = merge(entries, within_file=False)
    if len(merged) != len(entries):
        raise LexiconError("wordlists", 0, "a built-in lexicon repeats spun wording of another")
    return tuple(merged)


def build_lexicon(
    paths: Iterable[str | os.PathLike[str]] = (),
    *,
    include_default: bool = True,
    families: Collection[str] | None = None,
) -> list[Entry]:
    """The default lexicon (unless excluded; only the entries of ``families`` when given)
    followed by the user's files, in order.

    Each file is validated on its own; then entries of later files override earlier
    ones with the same spun wording, class and context, and the whole is validated again.
    """
    held = inflections_loaded()  # by a stage that inflects words as it repairs: it stays
    entries: list[Entry] = list(default_lexicon()) if include_default else []
    if families is not None:
        entries = [e for e in entries if e.family in families]
    paths = list(paths)
    for path in paths:
        entries.extend(load_lexicon(path))
    if not held:  # loaded only to expand lemma entries, which are expanded now
        release_inflections()
    if not paths:
        return entries
    merged = merge(entries, within_file=False)
    validate(merged)
    return merged
