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
:mod:`.signals` (SIGTERM and Ctrl-C turned into exceptions, a Ctrl-C never lost),
:mod:`.run` (the run loop over one :meth:`~textrepair.Repairer.pipe`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence

from .codes import EXIT_BROKEN_PIPE, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_TERMINATED, EXIT_USAGE
from .signals import Terminated, raise_if_interrupted, signals_raise

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "main",
]


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the final flush at exit cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit status.

    The machinery is imported here, not when this module is: a Ctrl-C while it loads
    ends the command like any other Ctrl-C (exit 130, no traceback).
    """
    try:
        with signals_raise():
            from .args import parse_arguments

            try:
                args = parse_arguments(sys.argv[1:] if argv is None else argv)
            except SystemExit as exc:  # --help, --version, usage errors: argparse has printed its piece
                return exc.code if isinstance(exc.code, int) else EXIT_USAGE
            from .run import run

            status = run(args)
            raise_if_interrupted()  # a Ctrl-C whose exception a finaliser dropped at the very end
            return status
    except KeyboardInterrupt:
        print("textrepair: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("textrepair: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    except BrokenPipeError:  # e.g. `textrepair repair big.txt | head`: the reader is gone, stop quietly
        _silence_stdout()
        return EXIT_BROKEN_PIPE
