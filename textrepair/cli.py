"""The ``textrepair`` command line: repair or check files, directory trees, stdin and JSONL.

::

    textrepair repair article.txt                  # repaired text to stdout
    textrepair repair corpus/ -o fixed/ --jobs 4   # a tree of files, in parallel, resumable
    textrepair repair news.jsonl --field body      # JSONL, streamed record by record
    textrepair check corpus/ --explain             # spin score per document, and why

How it works: every input is turned, lazily, into a stream of *events*: the start of an
output, a document to analyze, a line to copy through unchanged, a problem to report, the
end of an output. Only the documents are repaired, through a single :meth:`Repairer.pipe`
call, and a queue pairs each result with its event again, in input order. With ``--jobs``
> 1 the work goes to worker processes, across files as well as across JSONL records; JSONL
lines go to them unparsed and come back as the bytes to write, so that this process only
reads and writes. Nothing is read ahead beyond what is in flight, so memory stays bounded
however large the input.
"""

from __future__ import annotations

import argparse
import bisect
import codecs
import contextlib
import json
import os
import re
import signal
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, NamedTuple, NoReturn, Protocol

from ._version import __version__
from .lexicon import LexiconError
from .model import Report
from .normalize import NormalizeOptions
from .repairer import Repairer, RepairerConfig, map_in_workers

EXIT_OK = 0
EXIT_FAILED = 1  # some input could not be processed
EXIT_USAGE = 2  # bad command line, bad lexicon
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports it
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what `cat` reports when `head` stops reading

STDIN_LABEL = "<stdin>"
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
BINARY_SNIFF_BYTES = 8192  # a NUL byte in this much of a file marks it as binary

_JSON_TYPE_NAMES = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean"}


# --- command line ----------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors read ``textrepair: error: ...``, in subcommands too."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"textrepair: error: {message}\n")


def _threshold(value: str) -> float:
    """argparse type for --threshold: a number in [0, 1] (NaN and inf are refused too)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {value}")
    return number


def _evidence(value: str) -> float:
    """argparse type for --min-evidence: a finite number >= 0."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number >= 0, not {value}")
    return number


def _count(minimum: int) -> Callable[[str], int]:
    """argparse type for integer options that must be at least ``minimum``."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {number}")
        return number

    return parse


def _common_options() -> _Parser:
    """Options shared by ``repair`` and ``check`` (a parent parser for both)."""
    common = _Parser(add_help=False)
    common.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="file, directory (all files below it, hidden ones skipped) or - for stdin; default: stdin",
    )
    io_group = common.add_argument_group("input")
    io_group.add_argument(
        "--format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="auto (default): files ending in .jsonl or .ndjson are JSONL, everything else (and stdin) is text",
    )
    io_group.add_argument("--field", default="text", metavar="NAME", help="JSONL field to repair (default: text)")

    rules = common.add_argument_group("repair rules")
    rules.add_argument("--lexicon", action="append", default=[], metavar="FILE", help="extra lexicon file (repeatable)")
    rules.add_argument(
        "--no-default-lexicon",
        action="store_true",
        help="do not use the built-in spinner lexicon (with --expressions and no --lexicon: the engine alone)",
    )
    rules.add_argument(
        "--expressions",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="also run the frequency engine, which restores broken multiword expressions and names "
        "no lexicon lists (slower on spun text; default: off)",
    )
    rules.add_argument(
        "--threshold", type=_threshold, default=0.5, metavar="X", help="spin score from which a document is spun (0..1)"
    )
    rules.add_argument(
        "--min-evidence",
        type=_evidence,
        default=2.0,
        metavar="X",
        help="spin evidence needed to change ambiguous words (a fingerprint counts 1)",
    )
    rules.add_argument("--typography", action="store_true", help="straighten curly quotes and dashes")
    rules.add_argument("--no-unicode", action="store_true", help="leave look-alike Unicode characters alone")
    rules.add_argument("--no-spintax", action="store_true", help="leave {a|b} spintax alone")
    rules.add_argument("--no-whitespace", action="store_true", help="leave white space alone")

    run = common.add_argument_group("running")
    run.add_argument("-j", "--jobs", type=_count(1), default=1, metavar="N", help="worker processes (default: 1)")
    run.add_argument("--batch-size", type=_count(1), default=64, metavar="N", help="documents per worker batch")
    run.add_argument("--explain", action="store_true", help="list every change on stderr as path:line:col")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary on stderr")
    return common


_EPILOG = """\
exit status: 0 all inputs processed, 1 some input failed (each is named on stderr),
2 usage error or bad lexicon, 130 interrupted.

examples:
  textrepair repair story.txt
  textrepair repair corpus/ -o repaired/ --jobs 4
  cat feed.jsonl | textrepair repair --format jsonl --field body --report-field repair
  textrepair check corpus/ --explain
"""


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The command-line parser ``textrepair {repair,check} [options] [INPUT ...]``, and the
    parser of each command by name."""
    parser = _Parser(
        prog="textrepair",
        description="Repair news text damaged by article spinners.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"textrepair {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = _common_options()

    repair = commands.add_parser(
        "repair",
        parents=[common],
        help="write the repaired text",
        description="Repair the inputs and write the result to stdout, or one file per input with -o.",
    )
    repair.add_argument(
        "-o", "--output-dir", type=Path, metavar="DIR", help="write each input to DIR (skipping up-to-date outputs)"
    )
    repair.add_argument("--force", action="store_true", help="with -o: redo inputs whose output is up to date")
    repair.add_argument("--report-field", metavar="NAME", help="JSONL: add the report (score, edits) under this key")

    check = commands.add_parser(
        "check",
        parents=[common],
        help="score documents without changing them",
        description="Print one line per document: PATH, spin score, spun/clean, number of edits and of flags.",
    )
    check.add_argument("--json", action="store_true", help="one JSON object per document instead")
    return parser, {"repair": repair, "check": check}


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed command line; raises SystemExit like argparse does.

    A command's options and INPUTs may come in any order (``repair a.txt --explain b.txt``),
    which argparse's subcommands alone refuse, so the command's own words are parsed apart.
    Everything after ``--`` is an INPUT (handled here: intermixed parsing mishandles it).
    """
    parser, commands = build_parser()
    words = list(argv)
    at = next((i for i, word in enumerate(words) if not word.startswith("-")), len(words))
    if at == len(words) or words[at] not in commands:
        return parser.parse_args(words)  # --help, --version, or an error that argparse explains
    parser.parse_args(words[: at + 1])  # options before the command
    rest = words[at + 1 :]
    end = rest.index("--") if "--" in rest else len(rest)
    args = commands[words[at]].parse_intermixed_args(rest[:end])
    args.inputs += rest[end + 1 :]
    args.command = words[at]
    return args


# --- events: what the inputs turn into --------------------------------------------------------------


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
class Lines:
    """JSONL lines as read, ``first`` being the number of the first one: with ``--jobs`` > 1
    they go to a worker process unparsed, which turns them into Docs, Copies and Problems."""

    source: Source
    first: int
    lines: list[bytes]


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


Event = Begin | Doc | Lines | Copy | Problem | End
Work = Doc | Lines  # the events a worker process handles


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


def read_jsonl_source(source: Source, field: str, chunk: int = 0) -> Iterator[Event]:
    """A JSONL input, streamed line by line; bad lines become a Problem plus a verbatim Copy.
    With ``chunk`` > 0, lines are not parsed here but passed on in Lines of up to ``chunk``."""
    try:
        with _open_binary(source) as stream:
            if _looks_binary(stream):
                yield Problem(f"{source.label}: binary file, skipped")
                return
            yield Begin(source)
            failure: Problem | None = None
            held: list[bytes] = []  # lines not yet passed on (chunk > 0)
            first = 1
            try:
                for lineno, line in enumerate(stream, start=1):
                    raw = line.removeprefix(codecs.BOM_UTF8) if lineno == 1 else line
                    if not chunk:
                        yield from _jsonl_line(source, lineno, raw, field)
                        continue
                    held.append(raw)
                    if len(held) == chunk:
                        yield Lines(source, first, held)
                        held, first = [], lineno + 1
            except OSError as exc:  # a read error part-way: report it, drop the half-written output
                failure = Problem(f"{source.label}: {_reason(exc)}")
            if held:
                yield Lines(source, first, held)
            if failure is not None:
                yield failure
            yield End(source, complete=failure is None)
    except OSError as exc:  # could not open it
        yield Problem(f"{source.label}: {_reason(exc)}")


# --- finding the inputs ----------------------------------------------------------------------------


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


class _Planner:
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


def input_events(args: argparse.Namespace, planner: _Planner, chunk: int = 0) -> Iterator[Event]:
    """All events of all INPUT arguments, in order, produced lazily; JSONL lines come
    unparsed in Lines of up to ``chunk`` lines when ``chunk`` > 0."""
    for arg in args.inputs or ["-"]:
        for item in _sources(arg, planner):
            if isinstance(item, Problem):
                yield item
            elif item.jsonl:
                yield from read_jsonl_source(item, args.field, chunk)
            else:
                yield from read_text_source(item)


def _sources(arg: str, planner: _Planner) -> Iterator[Source | Problem]:
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


# --- output ----------------------------------------------------------------------------------------


class Sink(Protocol):
    """Where one input's output goes: written piece by piece, then committed or discarded."""

    def write(self, data: bytes) -> None: ...
    def commit(self) -> None: ...
    def discard(self) -> None: ...


class OutputError(Exception):
    """An output file could not be written; the message names it."""


class StdoutSink:
    """Writes UTF-8 bytes to stdout, flushing after each document so a consumer downstream
    sees records as they are done. Bytes, not text, so that lines copied through verbatim
    (even undecodable ones) come out unchanged and no line ending is ever translated."""

    def __init__(self) -> None:
        sys.stdout.flush()
        self._buffer: IO[bytes] | None = getattr(sys.stdout, "buffer", None)

    def write(self, data: bytes) -> None:
        if self._buffer is None:
            sys.stdout.write(data.decode("utf-8", "surrogateescape"))
        else:
            self._buffer.write(data)

    def commit(self) -> None:
        (self._buffer or sys.stdout).flush()

    discard = commit


def _file_mode() -> int:
    """The permissions a newly created file gets (0666 minus the umask); temp files start at 0600."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class AtomicFile:
    """An output file written to a temporary file beside it and renamed into place on
    commit, so that a reader (or a rerun) never sees half a file, even after a crash."""

    def __init__(self, target: Path) -> None:
        self.target = target
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        except OSError as exc:
            raise OutputError(f"{target}: cannot write: {_reason(exc)}") from None
        self._temp = Path(name)
        self._file = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        try:
            self._file.write(data)
        except OSError as exc:
            self.discard()
            raise OutputError(f"{self.target}: cannot write: {_reason(exc)}") from None

    def commit(self) -> None:
        try:
            self._file.close()
            os.chmod(self._temp, _file_mode())
            os.replace(self._temp, self.target)
        except OSError as exc:
            self.discard()
            raise OutputError(f"{self.target}: cannot write: {_reason(exc)}") from None

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self._file.close()
        with contextlib.suppress(OSError):
            self._temp.unlink()


def _dump_record(record: dict[str, Any]) -> str:
    """One JSONL line (without its ending). Non-ASCII text is written as is, unless the
    record holds lone surrogates (from \\ud800-style escapes), which only JSON escapes can carry."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line


def report_summary(report: Report) -> dict[str, Any]:
    """What --report-field adds to a JSONL record."""
    return {
        "spin_score": round(report.spin_score, 4),
        "is_spun": report.is_spun,
        "edits": [edit.to_dict() for edit in report.edits],
    }


class Output:
    """Where the text a command produces goes: stdout, or one file per input with -o
    (``check`` writes everything to stdout). Inputs are written between ``begin`` and
    ``end``; an input whose output fails or breaks off is dropped whole."""

    def __init__(self) -> None:
        self._stdout = StdoutSink()
        self._sink: Sink | None = None  # None between inputs, or after the current one failed

    def begin(self, source: Source) -> None:
        self.abandon()  # normally a no-op: the previous input has ended
        self._sink = self._stdout if source.output is None else AtomicFile(source.output)

    def write(self, data: bytes) -> None:
        if self._sink is not None and data:
            self._sink.write(data)

    def documents_done(self) -> None:
        """Flush stdout after documents, so that a consumer downstream sees them as they are done."""
        if self._sink is self._stdout:
            self._stdout.commit()

    def end(self, event: End) -> None:
        sink, self._sink = self._sink, None
        if sink is None:
            return
        if event.complete:
            sink.commit()
        else:
            sink.discard()

    def abandon(self) -> None:
        """Drop the output being written (after an error or an interruption)."""
        sink, self._sink = self._sink, None
        if sink is not None:
            sink.discard()


class Note(NamedTuple):
    """A line for stderr: a problem (which makes the run fail) or an --explain line."""

    problem: bool
    message: str


class Outcome:
    """What became of a Doc or of Lines: output bytes and stderr notes in the order they
    are produced, and how many documents, spun documents and edits that was (for the
    progress bar and the summary)."""

    __slots__ = ("documents", "edits", "spun", "steps")

    def __init__(self) -> None:
        self.steps: list[bytes | Note] = []
        self.documents = 0
        self.spun = 0
        self.edits = 0

    def write(self, data: bytes) -> None:
        self.steps.append(data)

    def note(self, problem: bool, message: str) -> None:
        self.steps.append(Note(problem, message))

    def packed(self) -> Outcome:
        """The same, with each run of bytes joined into one piece (fewer, larger writes)."""
        steps: list[bytes | Note] = []
        run: list[bytes] = []
        for step in self.steps:
            if isinstance(step, bytes):
                run.append(step)
                continue
            if run:
                steps.append(b"".join(run))
                run = []
            steps.append(step)
        if run:
            steps.append(b"".join(run))
        self.steps = steps
        return self


@dataclass(frozen=True)
class Renderer:
    """Turns a document and its report into the bytes the command writes and the
    --explain lines. Small and picklable: with ``--jobs`` > 1 the worker processes
    render what they repair, so only bytes come back."""

    command: str  # "repair" or "check"
    field: str = "text"
    report_field: str | None = None
    as_json: bool = False  # check --json
    explain: bool = False

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Renderer:
        return cls(
            args.command, args.field, getattr(args, "report_field", None), getattr(args, "json", False), args.explain
        )

    def document(self, doc: Doc, report: Report, into: Outcome) -> None:
        render = self._check_line if self.command == "check" else self._repaired
        into.write(render(doc, report).encode("utf-8", "surrogateescape"))
        if self.explain:
            for line in explain_lines(doc, report, flags=self.command == "check"):
                into.note(False, line)
        into.documents += 1
        into.spun += report.is_spun
        into.edits += len(report.edits)

    def copy(self, event: Copy, into: Outcome) -> None:
        if self.command == "repair":  # check writes only its lines about documents
            into.write(event.data.encode("utf-8", "surrogateescape"))

    def lines(self, item: Lines, analyze: Callable[[str], Report]) -> Outcome:
        """Parse, repair and render JSONL lines, as the events of --jobs 1 would be."""
        outcome = Outcome()
        for lineno, raw in enumerate(item.lines, start=item.first):
            for event in _jsonl_line(item.source, lineno, raw, self.field):
                if isinstance(event, Doc):
                    self.document(event, analyze(event.text), outcome)
                elif isinstance(event, Copy):
                    self.copy(event, outcome)
                elif isinstance(event, Problem):
                    outcome.note(True, event.message)
        return outcome.packed()

    def _repaired(self, doc: Doc, report: Report) -> str:
        if doc.record is None:
            return report.text
        if not report.edits and self.report_field is None:
            return doc.raw + doc.ending  # untouched records stay byte for byte as they were
        record = dict(doc.record)
        record[self.field] = report.text
        if self.report_field is not None:
            record[self.report_field] = report_summary(report)
        return _dump_record(record) + doc.ending

    def _check_line(self, doc: Doc, report: Report) -> str:
        if not self.as_json:
            verdict = "spun" if report.is_spun else "clean"
            return f"{_doc_label(doc)}\t{report.spin_score:.4f}\t{verdict}\t{len(report.edits)}\t{len(report.flags)}\n"
        summary: dict[str, Any] = {"path": doc.source.label}
        if doc.line is not None:
            summary["line"] = doc.line
        summary.update(
            spin_score=round(report.spin_score, 4),
            is_spun=report.is_spun,
            n_edits=len(report.edits),
            n_flags=len(report.flags),
            evidence=dict(report.evidence),
            edits=[edit.to_dict() for edit in report.edits],
            flags=[flag.to_dict() for flag in report.flags],
        )
        return _dump_record(summary) + "\n"


def _doc_label(doc: Doc) -> str:
    return doc.source.label if doc.line is None else f"{doc.source.label}:{doc.line}"


# --- --explain -------------------------------------------------------------------------------------


class Locator:
    """Turns an offset in a document into ``path:LINE:COL`` (1-based) for plain text, or
    ``path:RECORD_LINE:+OFFSET`` (offset into the record's field) for JSONL."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._newlines: list[int] | None = None

    def __call__(self, offset: int) -> str:
        if self._doc.line is not None:
            return f"{self._doc.source.label}:{self._doc.line}:+{offset}"
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self._doc.text)]
        line = bisect.bisect_left(self._newlines, offset)  # newlines before the offset
        line_start = self._newlines[line - 1] + 1 if line else 0
        return f"{self._doc.source.label}:{line + 1}:{offset - line_start + 1}"


def explain_lines(doc: Doc, report: Report, *, flags: bool) -> list[str]:
    """One line per edit (and per flag, if asked), in the order they occur in the document."""
    where = Locator(doc)
    found = [
        (e.start, f"{where(e.start)}: {e.original!r} -> {e.replacement!r} [{e.rule}, {e.confidence:.2f}]")
        for e in report.edits
    ]
    if flags:
        found += [
            (f.start, f"{where(f.start)}: flagged {f.text!r} -> {f.suggestion!r} [{f.rule}, {f.reason}]")
            for f in report.flags
        ]
    return [line for _, line in sorted(found, key=lambda item: item[0])]


# --- running ---------------------------------------------------------------------------------------


class Console:
    """Everything written to stderr, routed around the progress bar when there is one."""

    def __init__(self, progress: bool) -> None:
        self._bar: Any = None
        if progress:
            from tqdm import tqdm  # imported only when a bar is shown

            self._bar = tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True)

    def say(self, message: str) -> None:
        if self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def tick(self, documents: int = 1) -> None:
        if self._bar is not None and documents:
            self._bar.update(documents)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


class WorkersIgnoreInterrupt:
    """Keeps Ctrl-C away from the worker processes of ``--jobs``.

    Ctrl-C reaches every process of the terminal's process group. A worker killed by it
    breaks the pool (and prints a traceback). So SIGINT is ignored while the workers are
    started: a started program inherits an ignored signal, and Python then leaves it
    ignored. The handler is put back as soon as the workers ask for their first work
    (see :func:`~textrepair.repairer.map_in_workers`), so the main process is only deaf
    to Ctrl-C while the workers are being started. When the parent is interrupted, the
    work not yet started is cancelled and the workers exit after their current batch.
    """

    def __init__(self, active: bool) -> None:
        self._active = active and threading.current_thread() is threading.main_thread()
        self._saved: Any = None

    def engage(self) -> None:
        if self._active and self._saved is None:
            self._saved = signal.signal(signal.SIGINT, signal.SIG_IGN)

    def release(self) -> None:
        if self._saved is not None:
            signal.signal(signal.SIGINT, self._saved)
            self._saved = None


class Run:
    """One command over all its inputs: repairs the documents (through ``Repairer.pipe``,
    or with ``--jobs`` > 1 in worker processes that also parse JSONL and render the
    output) and hands every event, in input order, to the output."""

    def __init__(
        self,
        args: argparse.Namespace,
        config: RepairerConfig,
        output: Output,
        console: Console,
        repairer: Repairer | None = None,
    ) -> None:
        self.args = args
        self.config = config
        self.repairer = repairer  # built from config when needed: worker processes build their own
        self.renderer = Renderer.from_args(args)
        self.output = output
        self.console = console
        self.planner = _Planner(args)
        self.totals = Outcome()  # documents, spun documents and edits so far (no steps)
        self.problems = 0

    def execute(self) -> int:
        """Process everything; the exit status (0, or 1 when some input failed)."""
        pending: deque[Event] = deque()  # events produced but not yet handled: bounded by the pipe's read-ahead
        parallel = self.args.jobs > 1
        shield = WorkersIgnoreInterrupt(active=parallel)

        def work() -> Iterator[Work]:
            shield.release()  # the pipe asks for work once its workers are running
            for event in input_events(self.args, self.planner, chunk=self.args.batch_size if parallel else 0):
                pending.append(event)
                if isinstance(event, (Doc, Lines)):
                    yield event

        outcomes = self._in_workers(work()) if parallel else self._here(work())
        try:
            shield.engage()
            for outcome in outcomes:
                event = pending.popleft()
                while not isinstance(event, (Doc, Lines)):
                    self._handle(event)
                    event = pending.popleft()
                self._apply(outcome)
            while pending:  # whatever followed the last document
                self._handle(pending.popleft())
        finally:
            shield.release()
            outcomes.close()  # if we stop early, stop the worker processes now
            self.output.abandon()  # only does something if we were interrupted mid-file
        self._summarize()
        return EXIT_FAILED if self.problems else EXIT_OK

    def _here(self, work: Iterator[Work]) -> Generator[Outcome, None, None]:
        """The outcome of each Doc, repaired in this process (JSONL comes parsed: no Lines)."""
        if self.repairer is None:
            self.repairer = Repairer.from_config(self.config)
        docs: deque[Doc] = deque()

        def texts() -> Iterator[str]:
            for doc in work:
                assert isinstance(doc, Doc)
                docs.append(doc)
                yield doc.text

        for report in self.repairer.pipe(texts()):
            outcome = Outcome()
            self.renderer.document(docs.popleft(), report, outcome)
            yield outcome

    def _in_workers(self, work: Iterator[Work]) -> Generator[Outcome, None, None]:
        """The outcome of each Doc and Lines, from ``--jobs`` worker processes."""
        tasks = _tasks(work, self.args.batch_size)
        yield from map_in_workers(_work, tasks, self.args.jobs, _init_worker, (self.config, self.renderer))

    def _handle(self, event: Event) -> None:
        try:
            if isinstance(event, Problem):
                self._problem(event.message)
            elif isinstance(event, Begin):
                self.output.begin(event.source)
            elif isinstance(event, Copy):
                outcome = Outcome()
                self.renderer.copy(event, outcome)
                self._apply(outcome)
            elif isinstance(event, End):
                self.output.end(event)
        except OutputError as exc:
            self.output.abandon()
            self._problem(str(exc))

    def _apply(self, outcome: Outcome) -> None:
        for step in outcome.steps:
            if isinstance(step, Note):
                if step.problem:
                    self._problem(step.message)
                else:
                    self.console.say(step.message)
                continue
            try:
                self.output.write(step)
                if outcome.documents:
                    self.output.documents_done()
            except OutputError as exc:
                self.output.abandon()
                self._problem(str(exc))
        self.console.tick(outcome.documents)
        self.totals.documents += outcome.documents
        self.totals.spun += outcome.spun
        self.totals.edits += outcome.edits

    def _problem(self, message: str) -> None:
        self.problems += 1
        self.console.say(message)

    def _summarize(self) -> None:
        """The closing lines on stderr (none with --quiet): inputs skipped as up to date,
        and what was done, for a batch (an output directory, more than one document or a
        problem). A single document repaired to stdout gets none, as a filter should."""
        if self.args.quiet:
            return
        if self.planner.skipped:
            self.console.say(
                f"textrepair: skipped {_plural(self.planner.skipped, 'input')} whose output is up to date"
                " (--force to redo)"
            )
        if self.totals.documents > 1 or self.problems or self.planner.output_dir is not None:
            self.console.say(summary_line(self.args.command, self.totals, self.problems))


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def summary_line(command: str, totals: Outcome, problems: int) -> str:
    """``textrepair: 12 documents repaired, 5 judged spun, 61 edits; 1 problem (above)``."""
    done = "checked" if command == "check" else "repaired"
    line = f"textrepair: {_plural(totals.documents, 'document')} {done}, {totals.spun:,} judged spun"
    line += f", {_plural(totals.edits, 'edit')}" if command == "repair" else ""
    if problems:
        line += f"; {_plural(problems, 'problem')} (above)"
    return line


def _tasks(work: Iterator[Work], size: int) -> Iterator[list[Work]]:
    """Work items grouped into tasks for the worker processes, about ``size`` documents
    or JSONL lines each."""
    task: list[Work] = []
    weight = 0
    for item in work:
        task.append(item)
        weight += len(item.lines) if isinstance(item, Lines) else 1
        if weight >= size:
            yield task
            task, weight = [], 0
    if task:
        yield task


class BadLexicon(Exception):
    """A lexicon that cannot be loaded; the message is the usage error to print."""


def _load_problem(config: RepairerConfig) -> tuple[Repairer | None, str | None]:
    """The Repairer for ``config``, or the usage error that says why it cannot be built."""
    try:
        return Repairer.from_config(config), None
    except LexiconError as exc:
        return None, f"bad lexicon: {exc}"
    except OSError as exc:
        return None, f"cannot read lexicon {exc.filename}: {_reason(exc)}"


_WORKER: tuple[Repairer | None, str | None, Renderer] | None = None


def _init_worker(config: RepairerConfig, renderer: Renderer) -> None:
    # Ctrl-C is for the parent, which stops the workers (see WorkersIgnoreInterrupt).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _WORKER
    _WORKER = (*_load_problem(config), renderer)


def _work(task: list[Work]) -> list[Outcome]:
    """In a worker process: repair and render a task's documents and JSONL lines. The
    lexicons are loaded here only: a bad one is reported by the first, empty, task."""
    assert _WORKER is not None
    repairer, problem, renderer = _WORKER
    if repairer is None:
        raise BadLexicon(problem)
    outcomes = []
    for item in task:
        if isinstance(item, Lines):
            outcomes.append(renderer.lines(item, repairer.analyze))
        else:
            outcome = Outcome()
            renderer.document(item, repairer.analyze(item.text), outcome)
            outcomes.append(outcome)
    return outcomes


def _usage_error(message: str) -> int:
    print(f"textrepair: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _check_arguments(args: argparse.Namespace) -> str | None:
    """Problems argparse cannot see by itself, as an error message."""
    report_field = getattr(args, "report_field", None)
    if report_field is not None and report_field == args.field:
        return f"--report-field {report_field!r} would overwrite the text field"
    output_dir = getattr(args, "output_dir", None)
    if output_dir is not None and output_dir.exists() and not output_dir.is_dir():
        return f"--output-dir {output_dir} exists and is not a directory"
    return None


def make_config(args: argparse.Namespace) -> RepairerConfig:
    """The configuration of the Repairer the options ask for."""
    options = NormalizeOptions(
        unicode=not args.no_unicode,
        spintax=not args.no_spintax,
        whitespace=not args.no_whitespace,
        typography=args.typography,
    )
    return RepairerConfig(
        lexicons=tuple(args.lexicon),
        default_lexicon=not args.no_default_lexicon,
        threshold=args.threshold,
        min_evidence=args.min_evidence,
        normalize=options,
        expressions=args.expressions,
    )


def make_repairer(args: argparse.Namespace) -> Repairer:
    """The Repairer the options ask for; raises LexiconError or OSError for a bad lexicon."""
    return Repairer.from_config(make_config(args))


def _stderr_is_terminal() -> bool:
    stream = sys.stderr
    return stream is not None and hasattr(stream, "isatty") and stream.isatty()


def _run(args: argparse.Namespace) -> int:
    problem = _check_arguments(args)
    if problem is not None:
        return _usage_error(problem)
    config = make_config(args)
    repairer = None
    if args.jobs == 1:  # with more, the worker processes load the lexicons, and say if they cannot
        repairer, problem = _load_problem(config)
        if problem is not None:
            return _usage_error(problem)
    console = Console(progress=_stderr_is_terminal() and not args.quiet)
    try:
        return Run(args, config, Output(), console, repairer).execute()
    except BadLexicon as exc:  # from the worker processes, before any input was read
        problem = str(exc)
    finally:
        console.close()
    return _usage_error(problem)


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the final flush at exit cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    try:
        args = parse_arguments(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:  # --help, --version, usage errors: argparse has printed its piece
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("textrepair: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `textrepair repair big.txt | head`: the reader is gone, stop quietly
        _silence_stdout()
        return EXIT_BROKEN_PIPE
