"""repair_batch: lists, pandas Series and Arrow arrays give, record by record, exactly what
Repairer.analyze gives, and bad records are reported without failing the batch."""

from __future__ import annotations

import pytest

from textrepair import Repairer
from textrepair.batch import RECORD_FIELDS, repair_batch

SPUN = "The White Home said 90 p.c of the suppose tank agreed.\n"
MOJIBAKE = "Zelenskyâ€™s aides met the Overseas Minister."
CLEAN = "She mentioned the budget in the final week of talks."


@pytest.fixture(scope="module")
def repairer() -> Repairer:
    return Repairer()


def expected(repairer: Repairer, text: str) -> dict:
    report = repairer.analyze(text)
    return {
        "text": report.text,
        "spin_score": report.spin_score,
        "is_spun": report.is_spun,
        "edits": [edit.to_dict() for edit in report.edits],
        "error": None,
    }


def reported(text: object, error: str) -> dict:
    return {"text": text, "spin_score": None, "is_spun": None, "edits": None, "error": error}


@pytest.fixture(scope="module")
def texts(seed_spun, clean_controls) -> list[str]:
    return [SPUN, seed_spun, MOJIBAKE, CLEAN, clean_controls[0], ""]


class Exploding:
    """A repairer that fails on one text, as a bug would."""

    def __init__(self, inner: Repairer) -> None:
        self.inner = inner

    def analyze(self, text: str):
        if "boom" in text:
            raise RuntimeError("cannot repair this")
        return self.inner.analyze(text)


def test_list_gives_what_analyze_gives(repairer, texts):
    assert repair_batch(repairer, texts) == [repairer.analyze(t).text for t in texts]
    assert repair_batch(repairer, texts, with_reports=True) == [expected(repairer, t) for t in texts]


def test_the_batch_really_repairs(repairer, texts):
    out = repair_batch(repairer, texts)
    assert "White House" in out[0] and "think tank" in out[0]
    assert "Zelensky’s" in out[2] and "Foreign Minister" in out[2]
    assert out[3] == CLEAN


def test_bad_records_are_reported_and_passed_through(repairer):
    records = [SPUN, None, 42, b"bytes", ["a list"], "boom goes the White Home"]
    out = repair_batch(Exploding(repairer), records, with_reports=True)
    assert out == [
        expected(repairer, SPUN),
        reported(None, "missing text"),
        reported(42, "not a string (got int)"),
        reported(b"bytes", "not a string (got bytes)"),
        reported(["a list"], "not a string (got list)"),
        reported("boom goes the White Home", "repair failed: RuntimeError: cannot repair this"),
    ]
    assert repair_batch(Exploding(repairer), records) == [
        repairer.analyze(SPUN).text,
        None,
        42,
        b"bytes",
        ["a list"],
        "boom goes the White Home",
    ]


def test_generators_and_empty_batches(repairer):
    assert repair_batch(repairer, (t for t in [SPUN])) == [repairer.analyze(SPUN).text]
    assert repair_batch(repairer, []) == []
    assert repair_batch(repairer, [], with_reports=True) == []


def test_a_single_string_is_not_a_batch(repairer):
    with pytest.raises(TypeError, match="column of texts"):
        repair_batch(repairer, SPUN)


# --- pandas --------------------------------------------------------------------------------


def test_series_keeps_index_name_and_dtype(repairer, texts):
    pd = pytest.importorskip("pandas")
    series = pd.Series(texts, index=[10 * i for i in range(len(texts))], name="body")
    out = series.pipe(lambda s: repair_batch(repairer, s))
    assert isinstance(out, pd.Series)
    assert list(out.index) == list(series.index)
    assert out.name == "body"
    assert out.dtype == series.dtype
    assert out.tolist() == [repairer.analyze(t).text for t in texts]


def test_series_reports_are_a_frame_of_analyze_results(repairer, texts):
    pd = pytest.importorskip("pandas")
    series = pd.Series(texts, index=list("abcdef"))
    frame = repair_batch(repairer, series, with_reports=True)
    assert isinstance(frame, pd.DataFrame)
    assert tuple(frame.columns) == RECORD_FIELDS
    assert list(frame.index) == list("abcdef")
    rows = [{name: row[name] for name in RECORD_FIELDS} for _, row in frame.iterrows()]
    assert rows == [expected(repairer, t) for t in texts]


def test_series_missing_values_and_bad_records(repairer):
    pd = pytest.importorskip("pandas")
    series = pd.Series([SPUN, None, float("nan"), pd.NA, 7, "boom"], dtype=object)
    frame = repair_batch(Exploding(repairer), series, with_reports=True)
    assert frame["error"].tolist() == [
        None,
        "missing text",
        "missing text",
        "missing text",
        "not a string (got int)",
        "repair failed: RuntimeError: cannot repair this",
    ]
    assert frame["text"].iloc[0] == repairer.analyze(SPUN).text
    assert frame["text"].iloc[4] == 7
    assert frame["text"].iloc[5] == "boom"
    assert frame["spin_score"].iloc[1:].isna().all()
    assert frame["edits"].iloc[1:].isna().all()


def test_string_dtype_series(repairer):
    pd = pytest.importorskip("pandas")
    series = pd.Series([SPUN, None], dtype="string")
    out = repair_batch(repairer, series)
    assert out.dtype == series.dtype
    assert out.iloc[0] == repairer.analyze(SPUN).text
    assert pd.isna(out.iloc[1])
    assert repair_batch(repairer, series, with_reports=True)["error"].tolist() == [None, "missing text"]


def test_categorical_series_comes_back_as_object(repairer):
    pd = pytest.importorskip("pandas")
    series = pd.Series([SPUN, CLEAN, SPUN], dtype="category")
    out = repair_batch(repairer, series)
    assert out.dtype == object
    assert out.tolist() == [repairer.analyze(SPUN).text, CLEAN, repairer.analyze(SPUN).text]


# --- Arrow ---------------------------------------------------------------------------------


def test_arrow_array_gives_what_analyze_gives(repairer, texts):
    pa = pytest.importorskip("pyarrow")
    array = pa.array([*texts, None], type=pa.large_string())
    out = repair_batch(repairer, array)
    assert out.type == pa.large_string()
    assert out.to_pylist() == [*(repairer.analyze(t).text for t in texts), None]
    reports = repair_batch(repairer, array, with_reports=True)
    assert isinstance(reports, pa.StructArray)
    assert reports.to_pylist() == [*(expected(repairer, t) for t in texts), reported(None, "missing text")]


def test_arrow_chunks_are_kept(repairer, texts):
    pa = pytest.importorskip("pyarrow")
    chunked = pa.chunked_array([texts[:2], [], [None, *texts[2:]]])
    out = repair_batch(repairer, chunked)
    assert [len(c) for c in out.chunks] == [2, 0, len(texts) - 1]
    assert out.to_pylist() == [repairer.analyze(t).text for t in texts[:2]] + [None] + [
        repairer.analyze(t).text for t in texts[2:]
    ]
    reports = repair_batch(repairer, chunked, with_reports=True)
    assert [len(c) for c in reports.chunks] == [2, 0, len(texts) - 1]
    assert [r["error"] for r in reports.to_pylist()] == [None, None, "missing text"] + [None] * (len(texts) - 2)


def test_arrow_failures_and_non_text_columns(repairer):
    pa = pytest.importorskip("pyarrow")
    out = repair_batch(Exploding(repairer), pa.array([SPUN, "boom", None]), with_reports=True)
    assert out.to_pylist() == [
        expected(repairer, SPUN),
        reported("boom", "repair failed: RuntimeError: cannot repair this"),
        reported(None, "missing text"),
    ]
    numbers = pa.array([1, None], type=pa.int64())
    assert repair_batch(repairer, numbers) is numbers
    assert repair_batch(repairer, numbers, with_reports=True).to_pylist() == [
        reported(None, "not a string (got int)"),
        reported(None, "missing text"),
    ]


def test_the_repairer_method_is_the_batch_helper():
    r = Repairer()
    assert r.repair_batch(["a suppose tank", None, 5]) == ["a think tank", None, 5]
    reports = r.repair_batch(["a suppose tank", None], with_reports=True)
    assert reports[0]["text"] == "a think tank" and reports[0]["error"] is None
    assert reports[1]["error"] == "missing text"
