"""Find the data files in ``wordlists/``.

An installed wheel carries them as ``textrepair/wordlists/``; a source checkout (or an
editable install) has them beside the package, in the repository's ``wordlists/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path


def wordlist_text(name: str) -> str:
    """The text of ``wordlists/<name>``, from the installed package or the source tree."""
    packaged = resources.files("textrepair").joinpath("wordlists", name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parent.parent / "wordlists" / name
    if checkout.is_file():
        return checkout.read_text(encoding="utf-8")
    raise FileNotFoundError(f"textrepair data file {name!r} is missing from this installation")


def data_lines(text: str) -> Iterator[tuple[int, str]]:
    r"""The lines of a word list that hold data, with their line numbers (from 1), each
    stripped of surrounding white space: blank lines and ``#`` comments are skipped.

    >>> list(data_lines("# a comment\n\n  White Home => White House \n"))
    [(3, 'White Home => White House')]
    """
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            yield lineno, line
