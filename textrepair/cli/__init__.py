"""The ``textrepair`` command line: repair or check files, directory trees, stdin and JSONL.

::

    textrepair repair article.txt                  # repaired text to stdout
    textrepair repair corpus/ -o fixed/ --jobs 4   # a tree of files, in parallel, resumable
    textrepair repair news.jsonl --field body      # JSONL, streamed record by record
    textrepair check corpus/ --explain             # spin score per document, and why

Cut along its seams: :mod:`.args` (the options, made from the config), :mod:`.inputs`
(inputs turned into events), :mod:`.outputs` (stdout or atomic files), :mod:`.render`
(what is written for each document), :mod:`.run` (the run loop over one
:meth:`~textrepair.Repairer.pipe`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence

from .args import EXIT_USAGE, parse_arguments
from .run import EXIT_FAILED, EXIT_OK, run

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports it
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what `cat` reports when `head` stops reading

__all__ = ["EXIT_BROKEN_PIPE", "EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "main"]


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
        return run(args)
    except KeyboardInterrupt:
        print("textrepair: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `textrepair repair big.txt | head`: the reader is gone, stop quietly
        _silence_stdout()
        return EXIT_BROKEN_PIPE
