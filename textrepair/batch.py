"""Repair a whole column of texts in one call: a pandas Series, an Arrow array, or a list.

This is the one function that pandas pipelines (``df["text"].pipe(...)``), Hugging Face
``datasets.map(..., batched=True)`` and the Spark UDF in :mod:`textrepair.spark` share,
so that they all give, record by record, exactly what :meth:`Repairer.analyze` gives.

A column of scraped text always holds a few records that are not text: a missing value,
a number, or a document that makes the repair raise. Failing a batch of thousands of
records for one of them would lose the rest, so such a record is *reported* instead: its
``error`` says why, and its text comes back as it went in.

    >>> from textrepair import Repairer
    >>> repair_batch(Repairer(), ["The White Home said so.", None])
    ['The White House said so.', None]
    >>> [r["error"] for r in repair_batch(Repairer(), ["fine", None, 7], with_reports=True)]
    [None, 'missing text', 'not a string (got int)']

pandas and pyarrow are optional: they are needed only when their objects are passed in,
and are then already imported by the caller.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol, TypedDict

from .model import Report

if TYPE_CHECKING:  # pragma: no cover - only for annotations
    import pyarrow as pa

__all__ = ["EDIT_FIELDS", "RECORD_FIELDS", "Analyzer", "BatchRecord", "arrow_record_type", "repair_batch"]

#: The fields of one record's report, in the order every output uses.
RECORD_FIELDS = ("text", "spin_score", "is_spun", "edits", "error")
#: The fields of one edit, as in :class:`~textrepair.model.Edit`.
EDIT_FIELDS = ("start", "end", "original", "replacement", "kind", "rule", "confidence")

MISSING = "missing text"


class Analyzer(Protocol):
    """What :func:`repair_batch` needs of a repairer: :meth:`Repairer.analyze`."""

    def analyze(self, text: str) -> Report: ...


class BatchRecord(TypedDict):
    """One record's report in plain data. ``spin_score``, ``is_spun`` and ``edits`` are
    None, and ``error`` says why, when the record could not be repaired."""

    text: Any
    spin_score: float | None
    is_spun: bool | None
    edits: list[dict[str, Any]] | None
    error: str | None


# One outcome per record: the report, or None and the reason there is none.
_Outcome = tuple[Report | None, str | None]


def repair_batch(repairer: Analyzer, texts: Any, *, with_reports: bool = False) -> Any:
    """Repair every text of ``texts`` with ``repairer``; return the same kind of container.

    ``texts`` is a pandas ``Series``, a pyarrow ``Array`` or ``ChunkedArray``, or any
    iterable of ``str`` (and ``None``). Without ``with_reports`` the result holds the
    repaired texts: a ``Series`` with the same index, name and dtype, an Arrow array of
    the same type (chunked alike), or a list. With ``with_reports=True`` it holds one
    report per record with the fields of :data:`RECORD_FIELDS`: a ``DataFrame`` with
    those columns and the same index, an Arrow ``StructArray`` (or chunked) of
    :func:`arrow_record_type`, or a list of :class:`BatchRecord` dicts.

    Each report is exactly :meth:`Repairer.analyze` of that text (``edits`` as the edits'
    ``to_dict()``, ``spin_score`` unrounded). A record that is missing (None, or NaN/NA
    in pandas), is not a ``str``, or makes the repair raise, is never fatal: its text
    comes back unchanged and ``error`` says why (``"missing text"``, ``"not a string
    (got int)"``, ``"repair failed: ValueError: ..."``). In an Arrow ``StructArray``,
    whose ``text`` is a string field, a value that is not a string comes back as null.
    """
    kind = type(texts).__module__.split(".", 1)[0]
    if kind == "pandas" and hasattr(texts, "index"):
        return _pandas(repairer, texts, with_reports)
    if kind == "pyarrow" and hasattr(texts, "to_pylist"):
        return _arrow(repairer, texts, with_reports)
    if isinstance(texts, (str, bytes)) or not isinstance(texts, Iterable):
        raise TypeError(f"repair_batch() takes a column of texts, not {type(texts).__name__}")
    values = list(texts)
    outcomes = _analyze_all(repairer, values, lambda value: value is None)
    if with_reports:
        return [_record(value, outcome) for value, outcome in zip(values, outcomes, strict=True)]
    return [_text(value, outcome) for value, outcome in zip(values, outcomes, strict=True)]


def _analyze_all(repairer: Analyzer, values: list[Any], missing: Any) -> list[_Outcome]:
    outcomes: list[_Outcome] = []
    for value in values:
        if isinstance(value, str):
            try:
                outcomes.append((repairer.analyze(value), None))
            except Exception as exc:  # one bad record must not lose the batch
                outcomes.append((None, f"repair failed: {type(exc).__name__}: {exc}"))
        elif missing(value):
            outcomes.append((None, MISSING))
        else:
            outcomes.append((None, f"not a string (got {type(value).__name__})"))
    return outcomes


def _text(value: Any, outcome: _Outcome) -> Any:
    report = outcome[0]
    return value if report is None else report.text


def edit_records(report: Report) -> list[dict[str, Any]]:
    """The report's edits as plain records, the shape of the Arrow ``edits`` field."""
    # Built by hand: dataclasses.asdict (Edit.to_dict) deep-copies, and costs more here.
    return [
        {
            "start": e.start,
            "end": e.end,
            "original": e.original,
            "replacement": e.replacement,
            "kind": e.kind,
            "rule": e.rule,
            "confidence": e.confidence,
        }
        for e in report.edits
    ]


def _record(value: Any, outcome: _Outcome) -> BatchRecord:
    report, error = outcome
    if report is None:
        return {"text": value, "spin_score": None, "is_spun": None, "edits": None, "error": error}
    return {
        "text": report.text,
        "spin_score": report.spin_score,
        "is_spun": report.is_spun,
        "edits": edit_records(report),
        "error": None,
    }


# --- pandas --------------------------------------------------------------------------------


def _pandas(repairer: Analyzer, series: Any, with_reports: bool) -> Any:
    import pandas as pd

    values = series.tolist()
    outcomes = _analyze_all(repairer, values, _pandas_missing(pd))
    texts = [_text(value, outcome) for value, outcome in zip(values, outcomes, strict=True)]
    # A repaired text is not among a categorical column's categories: such a column comes back as object.
    dtype = object if isinstance(series.dtype, pd.CategoricalDtype) else series.dtype
    if not with_reports:
        return pd.Series(texts, index=series.index, name=series.name, dtype=dtype)
    reports = [outcome[0] for outcome in outcomes]
    columns = {
        "text": pd.Series(texts, index=series.index, dtype=dtype),
        "spin_score": pd.Series(
            [None if r is None else r.spin_score for r in reports], index=series.index, dtype="float64"
        ),
        "is_spun": pd.Series([None if r is None else r.is_spun for r in reports], index=series.index, dtype=object),
        "edits": pd.Series([None if r is None else edit_records(r) for r in reports], index=series.index, dtype=object),
        "error": pd.Series([error for _, error in outcomes], index=series.index, dtype=object),
    }
    return pd.DataFrame(columns, index=series.index)


def _pandas_missing(pd: Any) -> Any:
    def missing(value: Any) -> bool:
        # None, NaN, pd.NA and NaT: what pandas itself counts as missing in a column.
        try:
            return bool(pd.isna(value))
        except (TypeError, ValueError):  # a list or array held in one cell
            return False

    return missing


# --- Arrow ---------------------------------------------------------------------------------


def arrow_record_type() -> pa.StructType:
    """The Arrow type of one report: ``struct<text: string, spin_score: double, is_spun:
    bool, edits: list<struct<start, end: int64, original, replacement, kind, rule: string,
    confidence: double>>, error: string>``."""
    pa = _pyarrow()
    edit = pa.struct(
        [
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("original", pa.string()),
            ("replacement", pa.string()),
            ("kind", pa.string()),
            ("rule", pa.string()),
            ("confidence", pa.float64()),
        ]
    )
    return pa.struct(
        [
            ("text", pa.string()),
            ("spin_score", pa.float64()),
            ("is_spun", pa.bool_()),
            ("edits", pa.list_(edit)),
            ("error", pa.string()),
        ]
    )


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError('Arrow output needs pyarrow: pip install "textrepair[arrow]"') from exc
    return pyarrow


def _is_text_type(pa: Any, type_: Any) -> bool:
    return bool(pa.types.is_string(type_) or pa.types.is_large_string(type_)) or str(type_) == "string_view"


def _arrow(repairer: Analyzer, array: Any, with_reports: bool) -> Any:
    pa = _pyarrow()
    if isinstance(array, pa.ChunkedArray):
        chunks = [_arrow_chunk(pa, repairer, chunk, with_reports) for chunk in array.chunks]
        out_type = arrow_record_type() if with_reports else array.type
        return pa.chunked_array(chunks, type=out_type)
    return _arrow_chunk(pa, repairer, array, with_reports)


def _arrow_chunk(pa: Any, repairer: Analyzer, array: Any, with_reports: bool) -> Any:
    values = array.to_pylist()
    outcomes = _analyze_all(repairer, values, lambda value: value is None)
    is_text = _is_text_type(pa, array.type)
    if not with_reports:
        if not is_text:  # nothing was repaired: every record is reported
            return array
        return pa.array(
            [_text(value, outcome) for value, outcome in zip(values, outcomes, strict=True)], type=array.type
        )
    texts = [
        _text(value, outcome) if isinstance(value, str) else None
        for value, outcome in zip(values, outcomes, strict=True)
    ]
    return _struct_array(pa, texts, outcomes)


def _struct_array(pa: Any, texts: list[str | None], outcomes: list[_Outcome]) -> Any:
    """The reports as a StructArray, built column by column (no dict per edit)."""
    record_type = arrow_record_type()
    edit_type = record_type.field("edits").type.value_type
    columns: dict[str, list[Any]] = {name: [] for name in EDIT_FIELDS}
    offsets = [0]
    for report, _ in outcomes:
        if report is not None:
            for e in report.edits:
                columns["start"].append(e.start)
                columns["end"].append(e.end)
                columns["original"].append(e.original)
                columns["replacement"].append(e.replacement)
                columns["kind"].append(e.kind)
                columns["rule"].append(e.rule)
                columns["confidence"].append(e.confidence)
        offsets.append(offsets[-1] + (0 if report is None else len(report.edits)))
    failed = pa.array([report is None for report, _ in outcomes], type=pa.bool_())
    edit_values = pa.StructArray.from_arrays(
        [pa.array(columns[f.name], type=f.type) for f in edit_type], fields=list(edit_type)
    )
    edits = pa.ListArray.from_arrays(pa.array(offsets, type=pa.int32()), edit_values, mask=failed)
    reports = [report for report, _ in outcomes]
    arrays = [
        pa.array(texts, type=pa.string()),
        pa.array([None if r is None else r.spin_score for r in reports], type=pa.float64()),
        pa.array([None if r is None else r.is_spun for r in reports], type=pa.bool_()),
        edits,
        pa.array([error for _, error in outcomes], type=pa.string()),
    ]
    return pa.StructArray.from_arrays(arrays, fields=list(record_type))
