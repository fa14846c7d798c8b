"""What produced each file of an output directory, so that a rerun redoes exactly what it must.

With ``-o DIR`` the command keeps ``DIR/.textrepair-manifest.json`` (hidden, so a
directory walk never reads it as input), written atomically at the end of every run,
interrupted ones included. For each output file it records whether its input was
processed without a problem, and the *fingerprint* of what made it: the textrepair
version, the options that shape the output and the content of every lexicon used. An
output is up to date only if it is newer than its input, was made without a problem,
and has the current fingerprint; an existing file the manifest does not list was not
written by textrepair and is never overwritten.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import fields
from pathlib import Path
from typing import Any

from .._version import __version__
from ..config import RepairConfig

MANIFEST_NAME = ".textrepair-manifest.json"
_FORMAT = 1


def _lexicon_digest(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def _builtin_digest() -> str:
    """The built-in word lists (they can change without a version number changing, in a checkout)."""
    from ..lexicon.load import DEFAULT_LEXICONS
    from ..resources import wordlist_text

    digest = hashlib.sha256()
    for name in sorted(DEFAULT_LEXICONS):
        digest.update(name.encode() + b"\0" + wordlist_text(name).encode("utf-8") + b"\0")
    return digest.hexdigest()


def fingerprint(args: argparse.Namespace) -> str:
    """A digest of everything that decides what an output holds (not of ``--jobs``,
    ``--quiet`` or ``--explain``, which do not change it)."""
    options: dict[str, Any] = {option.name: getattr(args, option.name) for option in fields(RepairConfig)}
    options["lexicons"] = [[path, _lexicon_digest(path)] for path in options["lexicons"]]
    if options.get("default_lexicon", True):
        options["builtin"] = _builtin_digest()
    options.update(
        version=__version__,
        command=args.command,
        format=args.format,
        field=args.field,
        report_field=getattr(args, "report_field", None),
    )
    text = json.dumps(options, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Manifest:
    """The manifest of one output directory: ``{output path relative to DIR: {"ok", "fingerprint"}}``."""

    def __init__(self, directory: Path, fingerprint: str) -> None:
        self.path = directory / MANIFEST_NAME
        self.directory = directory
        self.fingerprint = fingerprint
        self.entries: dict[str, dict[str, Any]] = {}
        self.changed = False
        with contextlib.suppress(OSError, ValueError, AttributeError):
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == _FORMAT and isinstance(data.get("outputs"), dict):
                self.entries = data["outputs"]

    def _key(self, output: Path) -> str:
        return Path(os.path.relpath(output, self.directory)).as_posix()

    def knows(self, output: Path) -> bool:
        """Whether ``output`` was written by textrepair (so it may be written again)."""
        return self._key(output) in self.entries

    def is_current(self, output: Path) -> bool:
        """Whether ``output`` was made without a problem, with the options and lexicons of this run."""
        entry = self.entries.get(self._key(output))
        return isinstance(entry, dict) and entry.get("ok") is True and entry.get("fingerprint") == self.fingerprint

    def record(self, output: Path, ok: bool) -> None:
        self.entries[self._key(output)] = {"ok": ok, "fingerprint": self.fingerprint}
        self.changed = True

    def save(self) -> str | None:
        """Write the manifest atomically; an error message if it could not be written."""
        if not self.changed:
            return None
        text = json.dumps({"format": _FORMAT, "outputs": self.entries}, indent=0, sort_keys=True) + "\n"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=self.directory, prefix=f"{MANIFEST_NAME}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as stream:
                    stream.write(text)
                os.replace(name, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(name)
                raise
        except OSError as exc:
            return f"textrepair: {self.path}: cannot write: {exc.strerror or exc}"
        self.changed = False
        return None
