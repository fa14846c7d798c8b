"""The command line's outputs: stdout, or one file per input written atomically.

An input's output is written between :meth:`Output.begin` and :meth:`Output.end`; an
input whose output fails or breaks off is dropped whole, so a reader (or a rerun) never
sees half a file.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Protocol

from .events import End, Source, reason


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
            raise OutputError(f"{target}: cannot write: {reason(exc)}") from None
        self._temp = Path(name)
        self._file = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        try:
            self._file.write(data)
        except OSError as exc:
            self.discard()
            raise OutputError(f"{self.target}: cannot write: {reason(exc)}") from None

    def commit(self) -> None:
        try:
            self._file.close()
            os.chmod(self._temp, _file_mode())
            os.replace(self._temp, self.target)
        except OSError as exc:
            self.discard()
            raise OutputError(f"{self.target}: cannot write: {reason(exc)}") from None

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self._file.close()
        with contextlib.suppress(OSError):
            self._temp.unlink()


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

    def end(self, event: End) -> bool:
        """Finish the input's output: True if it was written whole (committed)."""
        sink, self._sink = self._sink, None
        if sink is None:
            return False
        if event.complete:
            sink.commit()
            return True
        sink.discard()
        return False

    @property
    def to_stdout(self) -> bool:
        """Whether the input being written goes to stdout."""
        return self._sink is self._stdout

    def abandon(self) -> None:
        """Drop the output being written (after an error or an interruption)."""
        sink, self._sink = self._sink, None
        if sink is not None:
            sink.discard()
