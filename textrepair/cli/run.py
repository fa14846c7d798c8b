"""The command line's run loop: every input's events, in order, with the documents
repaired through one :meth:`~textrepair.Repairer.pipe` call.

The documents go to the pipe with their event as context (``as_tuples=True``); with
``--jobs`` > 1 the pipe sends them to its worker processes, and only texts and reports
cross. The events between documents (an output's start and end, lines copied through,
problems) wait in a queue and are handled, in input order, as the reports come back.
Nothing is read ahead beyond what is in flight, so memory stays bounded however large
the input.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import deque
from collections.abc import Iterator
from typing import Any

from ..failure import Failure
from ..lexicon import LexiconError
from ..model import Report
from ..repairer import Repairer
from .args import check_arguments, make_config
from .codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from .events import Begin, Copy, Doc, End, Event, Problem, Source, reason
from .inputs import Destinations, input_events
from .outputs import Output, OutputError
from .parquet import Row, TableOutput
from .render import Renderer, Totals, _plural, summary_line
from .signals import raise_if_interrupted

# Between two text documents written to stdout: a line holding a form feed (after a
# newline, added if the document before did not end with one).
DOCUMENT_SEPARATOR = b"\f\n"

__all__ = ["DOCUMENT_SEPARATOR", "EXIT_FAILED", "EXIT_OK", "run"]


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


class Run:
    """One command over all its inputs: repairs the documents and hands every event, in
    input order, to the output."""

    def __init__(self, args: argparse.Namespace, repairer: Repairer, output: Output, console: Console) -> None:
        self.args = args
        self.repairer = repairer
        self.renderer = Renderer.from_args(args)
        self.output = output
        self.console = console
        self.destinations = Destinations(args)
        self.totals = Totals()  # documents whose output was written
        self._current = Totals()  # documents of the input being written, counted once it is
        self._current_failed = False  # whether the input being written had a problem
        # None before the first text document to stdout, then whether the last one ended its line
        self._stdout_used: bool | None = None
        self.problems = 0
        self.tables = TableOutput(args) if args.command == "repair" else None  # Parquet outputs

    def execute(self) -> int:
        """Process everything; the exit status (0, or 1 when some input failed)."""
        pending: deque[Event] = deque()  # events produced but not yet handled: bounded by the pipe's read-ahead

        def documents() -> Iterator[tuple[str, Doc]]:
            for event in input_events(self.args, self.destinations):
                pending.append(event)
                if isinstance(event, Doc):
                    yield event.text, event

        reports = self.repairer.pipe(
            documents(),
            n_process=self.args.jobs,
            batch_size=self.args.batch_size,
            as_tuples=True,
            on_error="report",
        )
        try:
            for result, doc in reports:
                event = pending.popleft()
                while event is not doc:
                    self._handle(event)
                    event = pending.popleft()
                if self.tables is not None and isinstance(doc, Row):
                    self._row(doc, result)
                elif isinstance(result, Failure):
                    self._failed(doc, result)
                else:
                    self._document(doc, result)
                self.console.tick()
                raise_if_interrupted()  # a Ctrl-C whose exception a finaliser dropped
            while pending:  # whatever followed the last document
                self._handle(pending.popleft())
        finally:
            reports.close()  # if we stop early, stop the worker processes now
            self.output.abandon()  # only does something if we were interrupted mid-file
            self._save_manifest()
            if self.tables is not None:
                self.tables.abandon()
        self._summarize()
        return EXIT_FAILED if self.problems else EXIT_OK

    def _document(self, doc: Doc, report: Report) -> None:
        data, notes = self.renderer.document(doc, report)
        for note in notes:
            self.console.say(note)
        if doc.record is None and self.output.to_stdout and self.renderer.command == "repair":
            if self._stdout_used is not None:  # text documents to stdout: a form-feed line between two
                self._write(DOCUMENT_SEPARATOR if self._stdout_used else b"\n" + DOCUMENT_SEPARATOR, document=False)
            self._stdout_used = data.endswith(b"\n")
        if self._write(data, document=True):
            self._current.documents += 1
            self._current.spun += report.is_spun
            self._current.edits += len(report.edits)

    def _row(self, doc: Row, result: Report | Failure) -> None:
        """A Parquet row: its --explain lines now, its value into its row group, written
        when the batch is done; a failed row is named and copied through unchanged."""
        assert self.tables is not None
        if isinstance(result, Failure):
            self._problem(f"{doc.source.label}:{doc.line}: could not repair: {result}")
            self._current_failed = True
            self.tables.row(doc, result)
            return
        _, notes = self.renderer.document(doc, result)
        for note in notes:
            self.console.say(note)
        self.tables.row(doc, result)
        self._current.documents += 1
        self._current.spun += result.is_spun
        self._current.edits += len(result.edits)

    def _failed(self, doc: Doc, failure: Failure) -> None:
        """A document whose repair raised: a JSONL record is copied through as it was; a
        text file gets no output."""
        where = doc.source.label if doc.line is None else f"{doc.source.label}:{doc.line}"
        self._problem(f"{where}: could not repair: {failure}")
        self._current_failed = True
        if doc.record is not None:
            self._write(self.renderer.copy(Copy(doc.source, doc.raw + doc.ending)), document=True)
        else:
            self.output.abandon()

    def _handle(self, event: Event) -> None:
        try:
            if self.tables is not None and self.tables.takes(event):
                self.tables.handle(event)
            elif isinstance(event, Problem):
                self._problem(event.message)
                if event.source is not None:
                    self._current_failed = True
                    self._record(event.source, ok=False)
            elif isinstance(event, Begin):
                self._current, self._current_failed = Totals(), False
                self.output.begin(event.source)
            elif isinstance(event, Copy):
                self._write(self.renderer.copy(event), document=False)
            elif isinstance(event, End):
                written = self.output.end(event)
                if written:
                    self.totals.documents += self._current.documents
                    self.totals.spun += self._current.spun
                    self.totals.edits += self._current.edits
                self._record(event.source, ok=written and not self._current_failed)
        except OutputError as exc:
            self.output.abandon()
            self._problem(str(exc))
            if isinstance(event, End):
                self._record(event.source, ok=False)

    def _record(self, source: Source, *, ok: bool) -> None:
        """Note in the output directory's manifest whether this input's output is good."""
        manifest = self.destinations.manifest
        if manifest is not None and source.output is not None:
            manifest.record(source.output, ok)

    def _save_manifest(self) -> None:
        manifest = self.destinations.manifest
        if manifest is not None:
            problem = manifest.save()
            if problem is not None:
                self._problem(problem)

    def _write(self, data: bytes, *, document: bool) -> bool:
        """Write to the current output; False (and a problem reported) if it failed or was dropped."""
        try:
            self.output.write(data)
            if document:
                self.output.documents_done()
        except OutputError as exc:
            self.output.abandon()
            self._problem(str(exc))
            return False
        return True

    def _problem(self, message: str) -> None:
        self.problems += 1
        self.console.say(message)

    def _summarize(self) -> None:
        """The closing lines on stderr (none with --quiet): inputs skipped as up to date,
        and what was done, for a batch (an output directory, more than one document or a
        problem). A single document repaired to stdout gets none, as a filter should."""
        if self.args.quiet:
            return
        if self.destinations.skipped:
            self.console.say(
                f"textrepair: skipped {_plural(self.destinations.skipped, 'input')} whose output is up to date"
                " (--force to redo)"
            )
        if self.totals.documents > 1 or self.problems or self.destinations.output_dir is not None:
            self.console.say(summary_line(self.args.command, self.totals, self.problems))


def _cap_jobs(args: argparse.Namespace) -> None:
    """More worker processes than CPUs only cost memory: --jobs is capped, with a note."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    if args.jobs > cpus:
        if not args.quiet:
            print(f"textrepair: --jobs {args.jobs} capped at {cpus}, the number of CPUs", file=sys.stderr)
        args.jobs = cpus


def _usage_error(message: str) -> int:
    print(f"textrepair: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _stderr_is_terminal() -> bool:
    stream = sys.stderr
    return stream is not None and hasattr(stream, "isatty") and stream.isatty()


def run(args: argparse.Namespace) -> int:
    """Carry out a parsed command line; the exit status."""
    problem = check_arguments(args)
    if problem is not None:
        return _usage_error(problem)
    try:
        repairer = Repairer(make_config(args))
    except LexiconError as exc:
        return _usage_error(f"bad lexicon: {exc}")
    except OSError as exc:
        return _usage_error(f"cannot read lexicon {exc.filename}: {reason(exc)}")
    _cap_jobs(args)
    console = Console(progress=_stderr_is_terminal() and not args.quiet)
    try:
        return Run(args, repairer, Output(), console).execute()
    finally:
        console.close()
