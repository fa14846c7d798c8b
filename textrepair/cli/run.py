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
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterator
from typing import Any

from ..lexicon import LexiconError
from ..repairer import Repairer
from .args import EXIT_USAGE, check_arguments, make_config
from .inputs import Begin, Copy, Destinations, Doc, End, Event, Problem, _reason, input_events
from .outputs import Output, OutputError
from .parquet import Row, TableOutput
from .render import Renderer, Totals, _plural, summary_line

EXIT_OK = 0
EXIT_FAILED = 1  # some input could not be processed


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
    """One command over all its inputs: repairs the documents and hands every event, in
    input order, to the output."""

    def __init__(self, args: argparse.Namespace, repairer: Repairer, output: Output, console: Console) -> None:
        self.args = args
        self.repairer = repairer
        self.renderer = Renderer.from_args(args)
        self.output = output
        self.console = console
        self.destinations = Destinations(args)
        self.totals = Totals()
        self.problems = 0
        self.tables = TableOutput(args) if args.command == "repair" else None  # Parquet outputs

    def execute(self) -> int:
        """Process everything; the exit status (0, or 1 when some input failed)."""
        pending: deque[Event] = deque()  # events produced but not yet handled: bounded by the pipe's read-ahead
        shield = WorkersIgnoreInterrupt(active=self.args.jobs > 1)

        def documents() -> Iterator[tuple[str, Doc]]:
            shield.release()  # the pipe asks for work once its workers are running
            for event in input_events(self.args, self.destinations):
                pending.append(event)
                if isinstance(event, Doc):
                    yield event.text, event

        reports = self.repairer.pipe(
            documents(), n_process=self.args.jobs, batch_size=self.args.batch_size, as_tuples=True
        )
        try:
            shield.engage()
            for report, doc in reports:
                event = pending.popleft()
                while event is not doc:
                    self._handle(event)
                    event = pending.popleft()
                data, notes = self.renderer.document(doc, report)
                for note in notes:
                    self.console.say(note)
                if self.tables is not None and isinstance(doc, Row):
                    self.tables.row(doc, report)  # into its row group, written when the batch is done
                else:
                    self._write(data, document=True)
                self.console.tick()
                self.totals.documents += 1
                self.totals.spun += report.is_spun
                self.totals.edits += len(report.edits)
            while pending:  # whatever followed the last document
                self._handle(pending.popleft())
        finally:
            shield.release()
            reports.close()  # if we stop early, stop the worker processes now
            self.output.abandon()  # only does something if we were interrupted mid-file
            if self.tables is not None:
                self.tables.abandon()
        self._summarize()
        return EXIT_FAILED if self.problems else EXIT_OK

    def _handle(self, event: Event) -> None:
        try:
            if self.tables is not None and self.tables.takes(event):
                self.tables.handle(event)
            elif isinstance(event, Problem):
                self._problem(event.message)
            elif isinstance(event, Begin):
                self.output.begin(event.source)
            elif isinstance(event, Copy):
                self._write(self.renderer.copy(event), document=False)
            elif isinstance(event, End):
                self.output.end(event)
        except OutputError as exc:
            self.output.abandon()
            self._problem(str(exc))

    def _write(self, data: bytes, *, document: bool) -> None:
        try:
            self.output.write(data)
            if document:
                self.output.documents_done()
        except OutputError as exc:
            self.output.abandon()
            self._problem(str(exc))

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
        return _usage_error(f"cannot read lexicon {exc.filename}: {_reason(exc)}")
    console = Console(progress=_stderr_is_terminal() and not args.quiet)
    try:
        return Run(args, repairer, Output(), console).execute()
    finally:
        console.close()
