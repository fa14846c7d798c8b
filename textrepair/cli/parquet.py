"""Parquet for the command line: a text column repaired in place, streamed batch by batch.

A Parquet input is read one record batch at a time (a part of one row group, about
:data:`BATCH_BYTES` of uncompressed data), so memory stays flat however large the file.
Each value of the ``--field`` column becomes a :class:`Row` (a :class:`~.inputs.Doc`
whose ``line`` is the row index, counted from 0 as Arrow and pandas count); after a
batch's rows comes a :class:`BatchDone` holding the batch as read. ``repair`` writes
each batch back as one row group of the output, with the repaired texts in the text
column and every other column exactly as it was (same Arrow types, same values, same
order, same schema metadata); ``--report-field NAME`` adds a struct column with each
row's spin score, verdict, edits and error (:func:`report_type`).

A row that cannot be repaired (its text is null, the column does not hold strings, or
the repair fails) is reported as ``FILE:ROW: reason`` and copied through unchanged.
A file without the column is one problem for the file, and nothing is written for it.

The output is written to a temporary file beside the target and renamed into place
when the whole file is done (:class:`~.outputs.AtomicFile`): a failure or an interrupt
leaves no partial output. Parquet cannot go to stdout, nor come from stdin: it is
read from its footer, at the end of the file.

pyarrow is an optional dependency (``pip install "textrepair[parquet]"``), imported
only when a Parquet file is met.
"""

from __future__ import annotations

import argparse
import contextlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from ..batch import arrow_record_type, edit_records
from ..model import Report
from .events import Begin, Copy, Doc, End, Event, Problem, Source
from .outputs import AtomicFile, OutputError

PARQUET_SUFFIXES = frozenset({".parquet"})
BATCH_BYTES = 4 * 2**20  # uncompressed bytes per batch read, and so per row group written
READ_BUFFER_BYTES = 2**20  # column data is read through a buffer this size, not a column chunk at once
NEEDS_PYARROW = 'reading Parquet needs pyarrow: pip install "textrepair[parquet]"'

# Parquet's codec names (as the file's metadata gives them) -> pyarrow's writer option.
_CODECS = {
    "UNCOMPRESSED": "none",
    "SNAPPY": "snappy",
    "GZIP": "gzip",
    "BROTLI": "brotli",
    "LZ4": "lz4",
    "LZ4_RAW": "lz4",
    "ZSTD": "zstd",
}


class ParquetUnavailable(ImportError):
    """pyarrow is not installed."""


def load_pyarrow() -> tuple[ModuleType, ModuleType, ModuleType]:
    """``pyarrow``, ``pyarrow.parquet`` and ``pyarrow.compute``, imported on first use."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ParquetUnavailable(NEEDS_PYARROW) from exc
    return pa, pq, pc


def report_type() -> Any:
    """The Arrow type of the ``--report-field`` column: the batch helper's record
    (:func:`textrepair.batch.arrow_record_type`) without its text, ``struct<spin_score:
    double, is_spun: bool, edits: list<struct<...>>, error: string>``. A row that could
    not be repaired has only its ``error``; a repaired row has a null ``error``."""
    pa = load_pyarrow()[0]
    record = arrow_record_type()
    return pa.struct([record.field(i) for i in range(record.num_fields) if record.field(i).name != "text"])


def _report_record(report: Report) -> dict[str, Any]:
    """One row's report, as the --report-field struct holds it (the score unrounded)."""
    return {"spin_score": report.spin_score, "is_spun": report.is_spun, "edits": edit_records(report), "error": None}


def _failed_record(error: str) -> dict[str, Any]:
    return {"spin_score": None, "is_spun": None, "edits": None, "error": error}


# --- events -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableBegin(Begin):
    """A Parquet input is about to produce output: its schema, and the codec to write with."""

    schema: Any = None
    compression: str = "snappy"


@dataclass(frozen=True)
class Row(Doc):
    """One text of a Parquet input's text column; ``line`` is its row index, from 0."""


@dataclass(frozen=True)
class RowKept(Copy):
    """A row copied through unchanged, and why (its text is null or not a string)."""

    row: int = 0
    error: str = ""


@dataclass(frozen=True)
class BatchDone(Copy):
    """The rows ``first_row`` onwards of a Parquet input have all been sent: ``batch`` as read."""

    batch: Any = None
    first_row: int = 0


@dataclass(frozen=True)
class TableEnd(End):
    """A Parquet input is done (``complete`` False: it broke off, and its output is dropped)."""


# --- reading ------------------------------------------------------------------------------


def is_parquet(source: Source, file_format: str) -> bool:
    """Whether ``source`` is read as Parquet: ``--format parquet``, or a .parquet file under auto."""
    if file_format != "auto":
        return file_format == "parquet"
    return source.path is not None and source.path.suffix.lower() in PARQUET_SUFFIXES


def is_text_type(pa: ModuleType, arrow_type: Any) -> bool:
    """Whether a column of ``arrow_type`` holds text: string, large string, string view, or a dictionary of them."""
    if pa.types.is_dictionary(arrow_type):
        arrow_type = arrow_type.value_type
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return True
    is_view = getattr(pa.types, "is_string_view", None)  # pyarrow >= 16
    return bool(is_view and is_view(arrow_type))


def _compression(metadata: Any) -> str:
    """The codec most of the file's first row group is compressed with (snappy for an empty file)."""
    if metadata.num_row_groups == 0:
        return "snappy"
    group = metadata.row_group(0)
    codecs = Counter(str(group.column(i).compression) for i in range(group.num_columns))
    return _CODECS.get(codecs.most_common(1)[0][0], "snappy") if codecs else "snappy"


def _batches(parquet: Any) -> Iterator[Any]:
    """The file's record batches, each within one row group and about BATCH_BYTES of data."""
    metadata = parquet.metadata
    for index in range(metadata.num_row_groups):
        group = metadata.row_group(index)
        if group.num_rows == 0:
            continue
        row_bytes = max(1, group.total_byte_size // group.num_rows)
        rows = max(1, min(group.num_rows, BATCH_BYTES // row_bytes))
        yield from parquet.iter_batches(
            batch_size=rows, row_groups=[index], use_threads=False, use_pandas_metadata=False
        )


def parquet_usage_problem(args: argparse.Namespace) -> str | None:
    """A usage error for ``repair`` of Parquet named on the command line without ``-o``:
    Parquet is a file format, not a stream, and cannot be written to stdout."""
    if args.command != "repair" or getattr(args, "output_dir", None) is not None:
        return None
    named = [arg for arg in args.inputs or ["-"] if arg != "-" and not Path(arg).is_dir()]
    if args.format == "parquet" or (
        args.format == "auto" and any(Path(arg).suffix.lower() in PARQUET_SUFFIXES for arg in named)
    ):
        return "Parquet output cannot go to stdout: name an output directory with -o DIR"
    return None


def read_parquet_source(source: Source, args: argparse.Namespace) -> Iterator[Event]:
    """A Parquet input, batch by batch: a TableBegin, a Row (or a Problem and a RowKept) per
    row, a BatchDone per batch, and a TableEnd; or a single Problem when it cannot be read."""
    label, text_field = source.label, args.field
    report_field = getattr(args, "report_field", None) if args.command == "repair" else None
    if source.path is None:
        yield Problem(f"{label}: Parquet cannot be read from stdin: name the file")
        return
    if args.command == "repair" and source.output is None:
        yield Problem(f"{label}: Parquet output cannot go to stdout: name an output directory with -o DIR")
        return
    try:
        pa, pq, _ = load_pyarrow()
    except ParquetUnavailable as exc:
        yield Problem(f"{label}: {exc}")
        return
    try:
        # Without pre-buffering and threads, a batch costs memory for its own rows only, not its row group's.
        parquet = pq.ParquetFile(source.path, buffer_size=READ_BUFFER_BYTES, pre_buffer=False)
    except (OSError, pa.ArrowException) as exc:  # missing, unreadable, or not Parquet
        yield Problem(f"{label}: {_arrow_reason(exc)}")
        return
    schema = parquet.schema_arrow
    if text_field not in schema.names:
        yield Problem(f"{label}: no column {text_field!r} (columns: {', '.join(schema.names) or 'none'})")
        return
    if schema.get_field_index(text_field) < 0:
        yield Problem(f"{label}: more than one column is named {text_field!r}")
        return
    if report_field is not None and report_field in schema.names:
        yield Problem(f"{label}: column {report_field!r} exists already: choose another --report-field")
        return
    column_type = schema.field(text_field).type
    not_text = None if is_text_type(pa, column_type) else f"column {text_field!r} is not a string column: {column_type}"
    yield TableBegin(source, schema=schema, compression=_compression(parquet.metadata))
    row, failure = 0, None
    try:
        for batch in _batches(parquet):
            first_row = row
            column = batch.column(text_field)
            for i in range(batch.num_rows):
                problem = not_text
                value = None
                if problem is None:
                    value = column[i].as_py()
                    problem = f"column {text_field!r} is null" if value is None else None
                if problem is not None:
                    yield Problem(f"{label}:{row}: {problem}")
                    yield RowKept(source, "", row=row, error=problem)
                else:
                    yield Row(source, value, line=row)
                row += 1
            yield BatchDone(source, "", batch=batch, first_row=first_row)
    except (OSError, pa.ArrowException) as exc:  # a damaged row group: drop the half-written output
        failure = Problem(f"{label}: {_arrow_reason(exc)}")
    if failure is not None:
        yield failure
    yield TableEnd(source, complete=failure is None)


def _arrow_reason(exc: Exception) -> str:
    """Why a Parquet file cannot be read, for a human: the system's reason for a file that
    cannot be opened, Arrow's for one that is not (or no longer) valid Parquet."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return "not a readable Parquet file: " + " ".join(str(exc).split())  # Arrow's messages span lines


# --- writing ------------------------------------------------------------------------------


class _Stream:
    """The file-like object a ParquetWriter writes to: an AtomicFile, counted (the writer
    asks where it is), and deaf once the output is dropped (so a writer closed late, or
    garbage-collected, cannot write into a file that is gone)."""

    def __init__(self, file: AtomicFile) -> None:
        self.file = file
        self.position = 0
        self.closed = False
        self.dropped = False

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        if not self.dropped:
            self.file.write(chunk)
        self.position += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        return None

    def close(self) -> None:
        self.closed = True


@dataclass
class _Results:
    """What came back for the rows of the current batch, by row index."""

    texts: dict[int, str] = field(default_factory=dict)
    reports: dict[int, dict[str, Any]] = field(default_factory=dict)


class ParquetSink:
    """One Parquet output: a ParquetWriter on an AtomicFile, fed a batch at a time."""

    def __init__(self, begin: TableBegin, report_field: str | None, text_field: str) -> None:
        pa, pq, _ = load_pyarrow()
        assert begin.source.output is not None
        self.source = begin.source
        self.text_field = text_field
        self.report_field = report_field
        self.schema = begin.schema
        if report_field is not None:
            self.schema = self.schema.append(pa.field(report_field, report_type()))
        self._file = AtomicFile(begin.source.output)
        self._stream = _Stream(self._file)
        try:
            self._writer = pq.ParquetWriter(self._stream, self.schema, compression=begin.compression)
        except (OSError, pa.ArrowException) as exc:
            raise self._failed(exc) from None
        self.results = _Results()

    def row(self, row: int, result: object) -> str | None:
        """Take one row's result: a Report, or what the repair gave instead (a failure);
        returns the failure's message, or None."""
        if isinstance(result, Report):
            self.results.texts[row] = result.text
            if self.report_field is not None:
                self.results.reports[row] = _report_record(result)
            return None
        error = f"repair failed: {result}"
        self.kept(row, error)
        return error

    def kept(self, row: int, error: str) -> None:
        """A row copied through unchanged."""
        if self.report_field is not None:
            self.results.reports[row] = _failed_record(error)

    def write_batch(self, done: BatchDone) -> None:
        """Write one batch, as one row group, with its rows' results."""
        pa, _, pc = load_pyarrow()
        batch, results = done.batch, self.results
        self.results = _Results()
        rows = range(done.first_row, done.first_row + batch.num_rows)
        columns = list(batch.columns)
        if results.texts:
            index = batch.schema.get_field_index(self.text_field)
            columns[index] = _with_texts(pa, pc, batch.column(index), [results.texts.get(r) for r in rows])
        if self.report_field is not None:
            # A row that never came back (it cannot happen, but must not shift the others) is reported as such.
            missing = _failed_record("no result")
            columns.append(pa.array([results.reports.get(r, missing) for r in rows], type=report_type()))
        try:
            self._writer.write_batch(pa.RecordBatch.from_arrays(columns, schema=self.schema))
        except (OutputError, OSError, pa.ArrowException) as exc:
            raise self._failed(exc) from None

    def commit(self) -> None:
        """Finish the file (its footer) and move it into place."""
        pa = load_pyarrow()[0]
        try:
            self._writer.close()
        except (OutputError, OSError, pa.ArrowException) as exc:
            raise self._failed(exc) from None
        self._file.commit()

    def _failed(self, exc: Exception) -> OutputError:
        """Drop the output after ``exc``; the error to raise, naming the output."""
        self.discard()
        return exc if isinstance(exc, OutputError) else OutputError(f"{self.source.output}: cannot write: {exc}")

    def discard(self) -> None:
        self._stream.dropped = True
        writer = getattr(self, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):  # the output is being dropped: nothing about it matters now
                writer.close()
        self._file.discard()


def _with_texts(pa: ModuleType, pc: ModuleType, column: Any, texts: list[str | None]) -> Any:
    """``column`` with the rows of ``texts`` that are not None replaced, in the column's own type."""
    original_type = column.type
    plain = column.dictionary_decode() if pa.types.is_dictionary(original_type) else column
    work_type = plain.type if (pa.types.is_string(plain.type) or pa.types.is_large_string(plain.type)) else None
    if work_type is None:  # a string view: worked on as large strings
        work_type = pa.large_string()
        plain = plain.cast(work_type)
    replaced = pc.if_else(
        pa.array([text is not None for text in texts], type=pa.bool_()), pa.array(texts, type=work_type), plain
    )
    if pa.types.is_dictionary(original_type):
        return replaced.dictionary_encode().cast(original_type)
    return replaced.cast(original_type) if replaced.type != original_type else replaced


class TableOutput:
    """The Parquet outputs of ``repair``: takes the Parquet events and the rows' results
    from the run loop, and writes each input's output through a :class:`ParquetSink`."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.text_field: str = args.field
        self.report_field: str | None = getattr(args, "report_field", None)
        self._sink: ParquetSink | None = None

    @staticmethod
    def takes(event: object) -> bool:
        """Whether ``event`` is this output's to handle (a Parquet event of any kind)."""
        return isinstance(event, (TableBegin, Row, RowKept, BatchDone, TableEnd))

    def handle(self, event: Event) -> None:
        """A Parquet event other than a row's result; raises OutputError when writing fails."""
        if isinstance(event, TableBegin):
            self.abandon()
            self._sink = ParquetSink(event, self.report_field, self.text_field)
        elif self._sink is None:  # its output failed already: the rest of the input is dropped
            return
        elif isinstance(event, RowKept):
            self._sink.kept(event.row, event.error)
        elif isinstance(event, BatchDone):
            sink = self._sink
            self._sink = None  # write_batch discards the output when it fails
            sink.write_batch(event)
            self._sink = sink
        elif isinstance(event, TableEnd):
            sink, self._sink = self._sink, None
            if event.complete:
                sink.commit()
            else:
                sink.discard()

    def row(self, doc: Doc, result: object) -> str | None:
        """One row's result (a Report, or a failure); the failure's message, or None."""
        if self._sink is None or doc.line is None:
            return None
        return self._sink.row(doc.line, result)

    def abandon(self) -> None:
        """Drop the output being written (after an error or an interruption)."""
        sink, self._sink = self._sink, None
        if sink is not None:
            sink.discard()
