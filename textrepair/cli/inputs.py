"""The command line's inputs: files, directory trees and stdin, turned into *events*.

Every input becomes, lazily, a stream of events: the start of an output (:class:`Begin`),
a document to analyze (:class:`Doc`), text to copy through unchanged (:class:`Copy`, a
blank or bad JSONL line), a problem to report (:class:`Problem`), the end of an output
(:class:`End`). Plain text files are one document each; JSONL is streamed record by
record. :class:`Destinations` decides where each input's output goes.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

STDIN_LABEL = "<stdin>"
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
BINARY_SNIFF_BYTES = 8192  # a NUL byte in this much of a file marks it as binary

_JSON_TYPE_NAMES = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean"}


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
    """A failed input or line: reported on stderr, makes the run exit 1."""

    message: str


@dataclass(frozen=True)
class End:
    """An input is done; ``complete`` False means it broke off and its output must be dropped."""

    source: Source
    complete: bool = True


Event = Begin | Doc | Copy | Problem | End


def _reason(exc: OSError) -> str:
    """The human part of an OSError ("No such file or directory")."""
    return exc.strerror or str(exc)


def _decode_document(data: bytes) -> str:
    """UTF-8 text without its BOM (if any); line endings are kept as they are."""
    return data.removeprefix(codecs.BOM_UTF8).decode("utf-8")


def _decode_problem(data: bytes, exc: UnicodeDecodeError) -> str:
    """Where and why ``data`` is not UTF-8, for the error message."""
    line = data.count(b"\n", 0, exc.start) + 1
    return f"not valid UTF-8: {exc.reason} at line {line} (byte offset {exc.start})"


def _json_type(value: object) -> str:
    return "null" if value is None else _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def _record_problem(record: object, field: str) -> str | None:
    """Why a parsed JSONL line cannot be repaired, or None when it can."""
    if not isinstance(record, dict):
        return f"not a JSON object (got {_json_type(record)})"
    if field not in record:
        return f"no field {field!r}"
    if not isinstance(record[field], str):
        return f"field {field!r} is not a string (got {_json_type(record[field])})"
    return None


def _jsonl_line(source: Source, lineno: int, raw: bytes, field: str) -> Iterator[Event]:
    """The events of one JSONL line: a Doc, or a Problem and the line copied through as it was."""
    body = raw.rstrip(b"\r\n")
    as_read = raw.decode("utf-8", "surrogateescape")  # round-trips any bytes exactly
    if not body.strip():
        yield Copy(source, as_read)
        return
    try:
        line = body.decode("utf-8")
        record = json.loads(line)
    except UnicodeDecodeError as exc:
        problem: str | None = f"not valid UTF-8: {exc.reason} at byte {exc.start}"
    except json.JSONDecodeError as exc:
        problem = f"not valid JSON: {exc.msg} (column {exc.colno})"
    except RecursionError:
        problem = "not valid JSON: nested too deeply"
    else:
        problem = _record_problem(record, field)
    if problem is not None:
        yield Problem(f"{source.label}:{lineno}: {problem}")
        yield Copy(source, as_read)
        return
    ending = raw[len(body) :].decode("ascii")
    yield Doc(source, record[field], line=lineno, record=record, raw=line, ending=ending)


@contextlib.contextmanager
def _open_binary(source: Source) -> Iterator[IO[bytes]]:
    """The input's bytes; stdin is used, not closed."""
    if source.path is None:
        yield sys.stdin.buffer
        return
    with open(source.path, "rb") as stream:
        yield stream


def _looks_binary(stream: IO[bytes]) -> bool:
    """Whether the start of ``stream`` holds a NUL byte (peeked, so nothing is consumed)."""
    peek = getattr(stream, "peek", None)
    return peek is not None and b"\0" in peek(BINARY_SNIFF_BYTES)[:BINARY_SNIFF_BYTES]


def read_text_source(source: Source) -> Iterator[Event]:
    """A plain-text input: one document, read whole (it has to be: it is analyzed whole)."""
    try:
        with _open_binary(source) as stream:
            data = stream.read()
    except OSError as exc:
        yield Problem(f"{source.label}: {_reason(exc)}")
        return
    if b"\0" in data[:BINARY_SNIFF_BYTES]:
        yield Problem(f"{source.label}: binary file, skipped")
        return
    try:
        text = _decode_document(data)
    except UnicodeDecodeError as exc:
        yield Problem(f"{source.label}: {_decode_problem(data.removeprefix(codecs.BOM_UTF8), exc)}")
        return
    yield Begin(source)
    yield Doc(source, text)
    yield End(source)


def read_jsonl_source(source: Source, field: str) -> Iterator[Event]:
    """A JSONL input, streamed line by line; bad lines become a Problem plus a verbatim Copy."""
    try:
        with _open_binary(source) as stream:
            if _looks_binary(stream):
                yield Problem(f"{source.label}: binary file, skipped")
                return
            yield Begin(source)
            failure: Problem | None = None
            try:
                for lineno, line in enumerate(stream, start=1):
                    raw = line.removeprefix(codecs.BOM_UTF8) if lineno == 1 else line
                    yield from _jsonl_line(source, lineno, raw, field)
            except OSError as exc:  # a read error part-way: report it, drop the half-written output
                failure = Problem(f"{source.label}: {_reason(exc)}")
            if failure is not None:
                yield failure
            yield End(source, complete=failure is None)
    except OSError as exc:  # could not open it
        yield Problem(f"{source.label}: {_reason(exc)}")


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def walk_directory(root: Path, exclude: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """Regular files below ``root`` (relative to it, sorted), skipping hidden files and
    directories and the directory ``exclude`` (the output directory, so that a rerun
    never reads its own output), plus a Problem for every directory that cannot be listed."""
    problems: list[Problem] = []
    files: list[Path] = []

    def unreadable(exc: OSError) -> None:
        problems.append(Problem(f"{exc.filename}: {_reason(exc)}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        here = Path(dirpath)
        dirnames[:] = [
            d for d in dirnames if not _is_hidden(d) and (exclude is None or (here / d).resolve() != exclude)
        ]
        files.extend((here / f).relative_to(root) for f in filenames if not _is_hidden(f) and (here / f).is_file())
    return sorted(files, key=lambda p: p.parts), problems


class Destinations:
    """Decides, for each input file, whether it is JSONL and where its output goes; skips
    inputs whose output is up to date and refuses outputs that would clash."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.format: str = args.format
        self.output_dir: Path | None = getattr(args, "output_dir", None)
        self.force: bool = getattr(args, "force", False)
        self.skipped = 0
        self._claimed: dict[str, str] = {}  # output path -> label of the input writing it

    def is_jsonl(self, path: Path | None) -> bool:
        if self.format != "auto":
            return self.format == "jsonl"
        return path is not None and path.suffix.lower() in JSONL_SUFFIXES

    def plan(self, path: Path | None, relative: Path, label: str) -> Source | Problem | None:
        """The Source for one input, a Problem, or None when it is skipped as up to date."""
        jsonl = self.is_jsonl(path)
        if self.output_dir is None:
            return Source(label, path, jsonl)
        output = self.output_dir / relative
        key = os.path.normcase(os.path.abspath(output))
        if key in self._claimed:
            return Problem(f"{label}: output {output} is also the output of {self._claimed[key]}, skipped")
        self._claimed[key] = label
        if path is not None and _same_file(path, output):
            return Problem(f"{label}: the output would overwrite the input, skipped")
        if path is not None and not self.force and _up_to_date(output, path):
            self.skipped += 1
            return None
        return Source(label, path, jsonl, output)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _up_to_date(output: Path, source: Path) -> bool:
    """Whether ``output`` exists and was written no earlier than ``source`` was last changed."""
    try:
        return output.stat().st_mtime_ns >= source.stat().st_mtime_ns
    except OSError:
        return False


def input_events(args: argparse.Namespace, planner: Destinations) -> Iterator[Event]:
    """All events of all INPUT arguments, in order, produced lazily."""
    from .parquet import is_parquet, read_parquet_source  # it imports this module's events

    for arg in args.inputs or ["-"]:
        for item in _sources(arg, planner):
            if isinstance(item, Problem):
                yield item
            elif is_parquet(item, args.format):
                yield from read_parquet_source(item, args)
            elif item.jsonl:
                yield from read_jsonl_source(item, args.field)
            else:
                yield from read_text_source(item)


def _sources(arg: str, planner: Destinations) -> Iterator[Source | Problem]:
    """The inputs one INPUT argument stands for: stdin, one file, or every file below a directory."""
    if arg == "-":
        name = "stdin.jsonl" if planner.is_jsonl(None) else "stdin.txt"
        planned = planner.plan(None, Path(name), STDIN_LABEL)
        if planned is not None:
            yield planned
        return
    path = Path(arg)
    if not path.is_dir():  # a file, or something missing that reading will report
        planned = planner.plan(path, Path(path.name), arg)
        if planned is not None:
            yield planned
        return
    exclude = planner.output_dir.resolve() if planner.output_dir is not None else None
    files, problems = walk_directory(path, exclude)
    yield from problems
    for relative in files:
        planned = planner.plan(path / relative, relative, str(path / relative))
        if planned is not None:
            yield planned
