"""The ``textrepair`` command line: repair or check files, directory trees, stdin and JSONL.

::

    textrepair repair article.txt                  # repaired text to stdout
    textrepair repair corpus/ -o fixed/ --jobs 4   # a tree of files, in parallel, resumable
    textrepair repair news.jsonl --field body      # JSONL, streamed record by record
    textrepair check corpus/ --explain             # spin score per document, and why

Cut along its seams: :mod:`.args` (the options, made from the config), :mod:`.inputs`
(inputs turned into events), :mod:`.outputs` (stdout or atomic files), :mod:`.render`
(what is written for each document), :mod:`.splice` (JSONL values rewritten in place),
:mod:`.manifest` (what made each output, for reruns), :mod:`.codes` (exit statuses),
:mod:`.run` (the run loop over one :meth:`~textrepair.Repairer.pipe`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from types import FrameType

from .codes import EXIT_BROKEN_PIPE, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_TERMINATED, EXIT_USAGE

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "main",
]


class Terminated(BaseException):
    """Raised in the main thread when SIGTERM arrives, so that every ``finally`` runs: the
    worker processes are ended and no temp file is left behind. A BaseException, like
    KeyboardInterrupt, so that no ``except Exception`` on the way swallows it."""


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the final flush at exit cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    """SIGTERM raises :class:`Terminated` while the command runs (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, saved)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit status.

    The machinery is imported here, not when this module is: a Ctrl-C while it loads
    ends the command like any other Ctrl-C (exit 130, no traceback).
    """
    try:
        with _sigterm_raises():
            from .args import parse_arguments

            try:
                args = parse_arguments(sys.argv[1:] if argv is None else argv)
            except SystemExit as exc:  # --help, --version, usage errors: argparse has printed its piece
                return exc.code if isinstance(exc.code, int) else EXIT_USAGE
            from .run import run

            return run(args)
    except KeyboardInterrupt:
        print("textrepair: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("textrepair: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    except BrokenPipeError:  # e.g. `textrepair repair big.txt | head`: the reader is gone, stop quietly
        _silence_stdout()
        return EXIT_BROKEN_PIPE
