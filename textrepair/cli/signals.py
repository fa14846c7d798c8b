"""How the command line turns signals into exceptions, so that every ``finally`` runs.

SIGTERM raises :class:`Terminated`; Ctrl-C (SIGINT) raises KeyboardInterrupt, as in
any Python program, but is also *recorded*. Python drops an exception raised while a
finaliser runs (a ``__del__`` or a weakref callback: it prints "Exception ignored" and
goes on), and the main thread runs finalisers at unforeseeable moments, such as when the
garbage collector frees a worker pool's objects. A Ctrl-C that lands in one would be
lost, and the run would finish with exit status 0. So the run loop asks
:func:`raise_if_interrupted` after each document, and :func:`main
<textrepair.cli.main>` once more at the end: a recorded Ctrl-C is raised again there.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["Terminated", "raise_if_interrupted", "signals_raise"]


class Terminated(BaseException):
    """Raised in the main thread when SIGTERM arrives, so that every ``finally`` runs: the
    worker processes are ended and no temp file is left behind. A BaseException, like
    KeyboardInterrupt, so that no ``except Exception`` on the way swallows it."""


_interrupted = False  # a Ctrl-C arrived since signals_raise() began


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def _raise_interrupted(signum: int, frame: FrameType | None) -> None:
    global _interrupted
    _interrupted = True
    raise KeyboardInterrupt


def raise_if_interrupted() -> None:
    """Raise KeyboardInterrupt if a Ctrl-C arrived whose own exception was dropped."""
    if _interrupted:
        raise KeyboardInterrupt


@contextlib.contextmanager
def signals_raise() -> Iterator[None]:
    """While the command runs: SIGTERM raises :class:`Terminated`, and Ctrl-C raises
    KeyboardInterrupt and is recorded (main thread only; elsewhere this does nothing)."""
    global _interrupted
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _interrupted = False
    saved_term = signal.signal(signal.SIGTERM, _raise_terminated)
    saved_int = signal.signal(signal.SIGINT, _raise_interrupted)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, saved_int)
        signal.signal(signal.SIGTERM, saved_term)
