"""The events every input of the command line turns into: the start of an output
(:class:`Begin`), a document to analyze (:class:`Doc`), text to copy through unchanged
(:class:`Copy`), a problem to report (:class:`Problem`), the end of an output
(:class:`End`). The readers (:mod:`.inputs`, :mod:`.parquet`) make them; the run loop
(:mod:`.run`) hands them to the outputs in input order."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Source:
    """One input stream: a file, or stdin when ``path`` is None. ``output`` None means stdout."""

    label: str
    path: Path | None
    jsonl: bool
    output: Path | None = None


@dataclass(frozen=True)
class Begin:
    """An input is about to produce output."""

    source: Source


@dataclass(frozen=True)
class Doc:
    """A text to analyze. For a JSONL record: its line number, parsed record, the line as read, its ending."""

    source: Source
    text: str
    line: int | None = None
    record: dict[str, Any] | None = None
    raw: str = ""
    ending: str = ""


@dataclass(frozen=True)
class Copy:
    """Text written through unchanged (a blank or a bad JSONL line)."""

    source: Source
    data: str


@dataclass(frozen=True)
class Problem:
    """A failed input or line: reported on stderr, makes the run exit 1. ``source`` is the
    input it belongs to, when it has one (so that its output is recorded as failed)."""

    message: str
    source: Source | None = None


@dataclass(frozen=True)
class End:
    """An input is done; ``complete`` False means it broke off and its output must be dropped."""

    source: Source
    complete: bool = True


Event = Begin | Doc | Copy | Problem | End


def reason(exc: OSError) -> str:
    """The human part of an OSError ("No such file or directory")."""
    return exc.strerror or str(exc)
