"""What the command line writes for each document: the repaired text or JSONL record,
``check``'s line, the ``--explain`` lines, and the closing summary."""

from __future__ import annotations

import argparse
import bisect
import re
from dataclasses import dataclass
from typing import Any

from ..model import Report
from .events import Copy, Doc
from .splice import json_text, splice_members

_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _dump_record(record: dict[str, Any]) -> str:
    """One JSONL line (without its ending), see :func:`~.splice.json_text`."""
    return json_text(record)


def tsv_field(text: str) -> str:
    r"""``text`` made safe for one tab-separated column: backslash, tab, newline and carriage
    return are written as ``\\``, ``\t``, ``\n`` and ``\r``.

    >>> print(tsv_field("a\tb\\c"))
    a\tb\\c
    """
    return text.translate(_TSV_ESCAPES)


def report_summary(report: Report) -> dict[str, Any]:
    """What --report-field adds to a JSONL record."""
    return {
        "spin_score": round(report.spin_score, 4),
        "is_spun": report.is_spun,
        "edits": [edit.to_dict() for edit in report.edits],
    }


@dataclass
class Totals:
    """What a run has done so far, for the progress bar and the summary."""

    documents: int = 0
    spun: int = 0
    edits: int = 0


@dataclass(frozen=True)
class Renderer:
    """Turns a document and its report into the bytes the command writes and the
    --explain lines."""

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

    def document(self, doc: Doc, report: Report) -> tuple[bytes, list[str]]:
        """The bytes to write for ``doc``, and its --explain lines (none unless asked)."""
        render = self._check_line if self.command == "check" else self._repaired
        data = render(doc, report).encode("utf-8", "surrogateescape")
        notes = explain_lines(doc, report, flags=self.command == "check") if self.explain else []
        return data, notes

    def copy(self, event: Copy) -> bytes:
        """The bytes to write for a line copied through (``check`` writes only its lines about documents)."""
        return event.data.encode("utf-8", "surrogateescape") if self.command == "repair" else b""

    def _repaired(self, doc: Doc, report: Report) -> str:
        if doc.record is None:
            return report.text
        if not report.edits and self.report_field is None:
            return doc.raw + doc.ending  # untouched records stay byte for byte as they were
        # Spliced into the line as read: every other byte of the record stays as it was.
        values = {self.field: json_text(report.text)}
        if self.report_field is not None:
            values[self.report_field] = json_text(report_summary(report))
        return splice_members(doc.raw, values) + doc.ending

    def _check_line(self, doc: Doc, report: Report) -> str:
        if not self.as_json:
            verdict = "spun" if report.is_spun else "clean"
            columns = (tsv_field(_doc_label(doc)), f"{report.spin_score:.4f}", verdict, len(report.edits))
            return "\t".join(map(str, (*columns, len(report.flags)))) + "\n"
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


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def summary_line(command: str, totals: Totals, problems: int) -> str:
    """``textrepair: 12 documents repaired, 5 judged spun, 61 edits; 1 problem (above)``."""
    done = "checked" if command == "check" else "repaired"
    line = f"textrepair: {_plural(totals.documents, 'document')} {done}, {totals.spun:,} judged spun"
    line += f", {_plural(totals.edits, 'edit')}" if command == "repair" else ""
    if problems:
        line += f"; {_plural(problems, 'problem')} (above)"
    return line
