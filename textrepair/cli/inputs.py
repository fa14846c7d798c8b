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
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .events import Begin, Copy, Doc, End, Event, Problem, Source, reason
from .manifest import Manifest, fingerprint
from .parquet import is_parquet, read_parquet_source

STDIN_LABEL = "<stdin>"
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
BINARY_SNIFF_BYTES = 8192  # a NUL byte in this much of a file marks it as binary
_INT_DIGITS_LIMIT = 4000  # longer integers are kept as digits: int() refuses more than 4,300 of them

_JSON_TYPE_NAMES = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean"}


class LongInteger(str):
    """The digits of a JSON integer too long for ``int()``: a record holding one is still
    repaired (its other fields are written back as they were read, never re-encoded)."""


def _decode_document(data: bytes) -> str:
    """UTF-8 text without its BOM (if any); line endings are kept as they are."""
    return data.removeprefix(codecs.BOM_UTF8).decode("utf-8")


def _decode_problem(data: bytes, exc: UnicodeDecodeError) -> str:
    """Where and why ``data`` is not UTF-8, for the error message."""
    line = data.count(b"\n", 0, exc.start) + 1
    return f"not valid UTF-8: {exc.reason} at line {line} (byte offset {exc.start})"


def _json_type(value: object) -> str:
    if isinstance(value, LongInteger):
        return "number"
    return "null" if value is None else _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def _parse_int(digits: str) -> int | LongInteger:
    return int(digits) if len(digits) <= _INT_DIGITS_LIMIT else LongInteger(digits)


def _record_problem(record: object, field: str) -> str | None:
    """Why a parsed JSONL line cannot be repaired, or None when it can."""
    if not isinstance(record, dict):
        return f"not a JSON object (got {_json_type(record)})"
    if field not in record:
        return f"no field {field!r}"
    if type(record[field]) is not str:
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
        record = json.loads(line, parse_int=_parse_int)
    except UnicodeDecodeError as exc:
        problem: str | None = f"not valid UTF-8: {exc.reason} at byte {exc.start}"
    except json.JSONDecodeError as exc:
        problem = f"not valid JSON: {exc.msg} (column {exc.colno})"
    except RecursionError:
        problem = "not valid JSON: nested too deeply"
    else:
        problem = _record_problem(record, field)
    if problem is not None:
        yield Problem(f"{source.label}:{lineno}: {problem}", source)
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
    """A plain-text input: one document, read whole (it has to be: it is analyzed whole),
    once its first bytes have shown it is not binary (a huge binary file is never read)."""
    try:
        with _open_binary(source) as stream:
            head = stream.read(BINARY_SNIFF_BYTES)
            binary = b"\0" in head
            data = head if binary else head + stream.read()
    except OSError as exc:
        yield Problem(f"{source.label}: {reason(exc)}", source)
        return
    except MemoryError:
        yield Problem(f"{source.label}: too large to read into memory, skipped", source)
        return
    if binary:
        yield Problem(f"{source.label}: binary file, skipped", source)
        return
    try:
        text = _decode_document(data)
    except UnicodeDecodeError as exc:
        yield Problem(f"{source.label}: {_decode_problem(data.removeprefix(codecs.BOM_UTF8), exc)}", source)
        return
    yield Begin(source)
    yield Doc(source, text)
    yield End(source)


def read_jsonl_source(source: Source, field: str) -> Iterator[Event]:
    """A JSONL input, streamed line by line; bad lines become a Problem plus a verbatim Copy."""
    try:
        with _open_binary(source) as stream:
            if _looks_binary(stream):
                yield Problem(f"{source.label}: binary file, skipped", source)
                return
            yield Begin(source)
            failure: Problem | None = None
            try:
                for lineno, line in enumerate(stream, start=1):
                    raw = line.removeprefix(codecs.BOM_UTF8) if lineno == 1 else line
                    yield from _jsonl_line(source, lineno, raw, field)
            except OSError as exc:  # a read error part-way: report it, drop the half-written output
                failure = Problem(f"{source.label}: {reason(exc)}", source)
            if failure is not None:
                yield failure
            yield End(source, complete=failure is None)
    except OSError as exc:  # could not open it
        yield Problem(f"{source.label}: {reason(exc)}", source)


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _not_a_file(path: Path) -> str | None:
    """Why a directory entry is not read as an input (None for a regular file, or a link to one)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "dangling symbolic link, skipped" if path.is_symlink() else "vanished, skipped"
    except OSError as exc:
        return f"{reason(exc)}, skipped"
    if stat.S_ISREG(mode):
        return None
    kind = "FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
    return f"not a regular file ({kind}), skipped"


def walk_directory(root: Path, exclude: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """Regular files below ``root`` (relative to it, sorted), skipping hidden files and
    directories and the directory ``exclude`` (the output directory, so that a rerun
    never reads its own output), plus a Problem for every directory that cannot be listed
    and every entry that cannot be read as a file (a dangling link, a FIFO: reading one
    would wait for a writer forever)."""
    problems: list[Problem] = []
    files: list[Path] = []

    def unreadable(exc: OSError) -> None:
        problems.append(Problem(f"{exc.filename}: {reason(exc)}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        here = Path(dirpath)
        dirnames[:] = [
            d for d in dirnames if not _is_hidden(d) and (exclude is None or (here / d).resolve() != exclude)
        ]
        for name in filenames:
            if _is_hidden(name):
                continue
            why = _not_a_file(here / name)
            if why is None:
                files.append((here / name).relative_to(root))
            else:
                problems.append(Problem(f"{here / name}: {why}"))
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
        self.manifest = Manifest(self.output_dir, fingerprint(args)) if self.output_dir is not None else None

    def is_jsonl(self, path: Path | None) -> bool:
        if self.format != "auto":
            return self.format == "jsonl"
        return path is not None and path.suffix.lower() in JSONL_SUFFIXES

    def plan(self, path: Path | None, relative: Path, label: str) -> Source | Problem | None:
        """The Source for one input, a Problem, or None when it is skipped as up to date."""
        jsonl = self.is_jsonl(path)
        if self.output_dir is None:
            return Source(label, path, jsonl)
        assert self.manifest is not None
        output = self.output_dir / relative
        key = os.path.normcase(os.path.abspath(output))
        if key in self._claimed:
            return Problem(f"{label}: output {output} is also the output of {self._claimed[key]}, skipped")
        self._claimed[key] = label
        if path is not None and _same_file(path, output):
            return Problem(f"{label}: the output would overwrite the input, skipped")
        if path is not None and _inside(path, self.output_dir):
            return Problem(f"{label}: is inside the output directory {self.output_dir}, skipped")
        if os.path.lexists(output) and not self.manifest.knows(output):
            return Problem(
                f"{label}: {output} exists and was not written by textrepair: not overwritten (move it away)"
            )
        if path is not None and not self.force and self.manifest.is_current(output) and _up_to_date(output, path):
            self.skipped += 1
            return None
        return Source(label, path, jsonl, output)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path: Path, directory: Path) -> bool:
    """Whether ``path`` lies within ``directory`` (links resolved)."""
    try:
        return path.resolve().is_relative_to(directory.resolve())
    except (OSError, RuntimeError):
        return False


def _up_to_date(output: Path, source: Path) -> bool:
    """Whether ``output`` exists and was written no earlier than ``source`` was last changed."""
    try:
        return output.stat().st_mtime_ns >= source.stat().st_mtime_ns
    except OSError:
        return False


def input_events(args: argparse.Namespace, planner: Destinations) -> Iterator[Event]:
    """All events of all INPUT arguments, in order, produced lazily."""

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
