"""Parquet in the command line: the text column repaired, everything else kept, bad rows
reported and copied, outputs written whole or not at all."""

from __future__ import annotations

import argparse
import datetime
import decimal
import sys
from pathlib import Path

import pytest

import textrepair.cli.parquet as cli_parquet
from textrepair import Repairer
from textrepair.cli import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, main
from textrepair.cli.events import Source

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

SPUN = "The White Home said 90 p.c of the suppose tank agreed."
OVERSEAS = "The Overseas Minister met the prime minister.\nThey spoke of counterfeit consciousness."
CLEAN = "The committee met on Tuesday and agreed the budget."


@pytest.fixture(scope="module")
def repairer() -> Repairer:
    return Repairer()


def texts(seed_spun: str, seed_clean: str) -> list[str | None]:
    """Texts for the text column: spun, clean, empty, non-ASCII, multi-line, and whole articles."""
    return [SPUN, CLEAN, "", "Zoë’s “quoted” café — 東京", OVERSEAS, seed_spun, seed_clean, SPUN.upper(), "x"]


def sample_table(column: list[str | None], text_type: object = None) -> object:
    """A table with the text column among columns of many Arrow types, and schema metadata."""
    n = len(column)
    table = pa.table(
        {
            "id": pa.array(range(n), type=pa.int64()),
            "text": pa.array(column, type=text_type or pa.string()),
            "score": pa.array([i / 3 if i % 4 else None for i in range(n)], type=pa.float32()),
            "when": pa.array([datetime.datetime(2024, 1, 1 + i, 12, 30) for i in range(n)], pa.timestamp("us", "UTC")),
            "tags": pa.array([[f"t{i}", "news"] if i % 3 else [] for i in range(n)], type=pa.list_(pa.string())),
            "meta": pa.array([{"source": f"s{i % 2}", "rank": i} for i in range(n)]),
            "section": pa.array(["world" if i % 2 else "home" for i in range(n)]).dictionary_encode(),
            "blob": pa.array([bytes([i, 0, 255]) for i in range(n)], type=pa.binary()),
            "price": pa.array([decimal.Decimal(f"{i}.25") for i in range(n)], type=pa.decimal128(9, 2)),
        }
    )
    return table.replace_schema_metadata({b"origin": b"crawl 2024-01", b"note": "Zoë".encode()})


def write_parquet(path: Path, table: object, row_group_size: int = 4) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, row_group_size=row_group_size)
    return path


def as_stored(table: object, tmp_path: Path) -> object:
    """``table`` as Parquet gives it back (its list items are called ``element`` there)."""
    pq.write_table(table, tmp_path / "stored.parquet")
    return pq.read_table(tmp_path / "stored.parquet")


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of a row or two, so that row groups are read (and written) in several pieces."""
    monkeypatch.setattr(cli_parquet, "BATCH_BYTES", 1)


def names(directory: Path) -> list[str]:
    """The files in ``directory`` (hidden temporary files too, but not the rerun manifest),
    sorted; none when it does not exist."""
    if not directory.exists():
        return []
    return sorted(p.name for p in directory.iterdir() if p.name != ".textrepair-manifest.json")


def without(table: object, name: str) -> object:
    return table.drop_columns([name])


def test_round_trip_repairs_the_text_and_keeps_every_other_column(
    tmp_path, capsys, repairer, seed_spun, seed_clean, small_batches
):
    column = texts(seed_spun, seed_clean)
    table = as_stored(sample_table(column), tmp_path)
    src = write_parquet(tmp_path / "in" / "news.parquet", table)
    assert main(["repair", str(src), "-o", str(tmp_path / "out"), "-q"]) == EXIT_OK
    assert capsys.readouterr().err == ""
    out = pq.read_table(tmp_path / "out" / "news.parquet")
    assert out.schema.equals(table.schema, check_metadata=True)
    assert without(out, "text").equals(without(table, "text"), check_metadata=True)
    assert out.column("id").to_pylist() == list(range(len(column)))  # row order kept
    assert out.column("text").to_pylist() == [repairer.repair(text) for text in column]
    assert out.column("text").to_pylist()[0] == "The White House said 90 percent of the think tank agreed."


def test_row_groups_follow_the_batches_read(tmp_path, seed_spun, seed_clean, small_batches):
    src = write_parquet(tmp_path / "news.parquet", sample_table(texts(seed_spun, seed_clean)), row_group_size=4)
    assert main(["repair", str(src), "-o", str(tmp_path / "out"), "-q"]) == EXIT_OK
    written = pq.ParquetFile(tmp_path / "out" / "news.parquet").metadata
    assert written.num_rows == len(texts(seed_spun, seed_clean))
    assert written.num_row_groups > pq.ParquetFile(src).metadata.num_row_groups  # batches of one row here


def test_report_field_holds_what_analyze_gives_for_each_row(tmp_path, repairer, seed_spun, seed_clean):
    column = texts(seed_spun, seed_clean)
    table = as_stored(sample_table(column), tmp_path)
    src = write_parquet(tmp_path / "news.parquet", table)
    assert main(["repair", str(src), "-o", str(tmp_path / "out"), "--report-field", "repair", "-q"]) == EXIT_OK
    out = pq.read_table(tmp_path / "out" / "news.parquet")
    assert out.schema.names == [*table.schema.names, "repair"]
    assert out.schema.field("repair").type == cli_parquet.report_type()
    assert out.schema.metadata == table.schema.metadata
    assert without(out, "repair").drop_columns(["text"]).equals(without(table, "text"))
    for text, written in zip(column, out.column("repair").to_pylist(), strict=True):
        report = repairer.analyze(text)
        assert written["spin_score"] == report.spin_score  # not rounded
        assert written["is_spun"] == report.is_spun
        assert written["edits"] == [edit.to_dict() for edit in report.edits]
        assert written["error"] is None
    first = out.column("repair").to_pylist()[0]
    assert [edit["replacement"] for edit in first["edits"]] == ["White House", "percent", "think tank"]


def test_null_texts_are_reported_and_copied_through(tmp_path, capsys, seed_spun, seed_clean):
    column = [SPUN, None, CLEAN, None]
    table = as_stored(sample_table(column), tmp_path)
    src = write_parquet(tmp_path / "news.parquet", table)
    status = main(["repair", str(src), "-o", str(tmp_path / "out"), "--report-field", "why"])
    assert status == EXIT_FAILED
    err = capsys.readouterr().err
    assert f"{src}:1: column 'text' is null" in err
    assert f"{src}:3: column 'text' is null" in err
    assert f"{src}:0:" not in err and f"{src}:2:" not in err
    out = pq.read_table(tmp_path / "out" / "news.parquet")
    assert without(out, "why").drop_columns(["text"]).equals(without(table, "text"))
    assert out.column("text").to_pylist() == [Repairer().repair(SPUN), None, CLEAN, None]
    reports = out.column("why").to_pylist()
    assert [r["error"] for r in reports] == [None, "column 'text' is null", None, "column 'text' is null"]
    assert reports[1] == {"spin_score": None, "is_spun": None, "edits": None, "error": "column 'text' is null"}


def test_a_column_that_is_not_text_is_reported_row_by_row_and_copied(tmp_path, capsys):
    table = as_stored(sample_table([SPUN, CLEAN, OVERSEAS]), tmp_path)
    src = write_parquet(tmp_path / "news.parquet", table)
    assert main(["repair", str(src), "-o", str(tmp_path / "out"), "--field", "id", "--report-field", "r"]) == 1
    err = capsys.readouterr().err
    for row in range(3):
        assert f"{src}:{row}: column 'id' is not a string column: int64" in err
    out = pq.read_table(tmp_path / "out" / "news.parquet")
    assert without(out, "r").equals(table)  # the spun text is left alone too: it is not the column asked for
    assert {r["error"] for r in out.column("r").to_pylist()} == {"column 'id' is not a string column: int64"}


def test_a_missing_column_is_one_problem_for_its_file_and_other_inputs_go_on(tmp_path, capsys):
    bad = write_parquet(tmp_path / "in" / "a.parquet", sample_table([SPUN]).rename_columns(["id", "body", *"abcdefg"]))
    good = write_parquet(tmp_path / "in" / "b.parquet", sample_table([SPUN]))
    assert main(["repair", str(bad), str(good), "-o", str(tmp_path / "out"), "-q"]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert f"{bad}: no column 'text'" in err
    assert names(tmp_path / "out") == ["b.parquet"]
    assert pq.read_table(tmp_path / "out" / "b.parquet").column("text").to_pylist() == [Repairer().repair(SPUN)]


@pytest.mark.parametrize(
    "text_type",
    [pa.large_string(), pa.dictionary(pa.int32(), pa.string())],
    ids=["large_string", "dictionary"],
)
def test_the_text_column_keeps_its_arrow_type(tmp_path, text_type):
    column = [SPUN, CLEAN, SPUN, None]
    src = write_parquet(tmp_path / "news.parquet", sample_table(column, text_type=text_type))
    stored_type = pq.read_table(src).schema.field("text").type
    assert pa.types.is_dictionary(stored_type) == pa.types.is_dictionary(text_type)
    assert main(["repair", str(src), "-o", str(tmp_path / "out"), "-q"]) == EXIT_FAILED  # the null row
    out = pq.read_table(tmp_path / "out" / "news.parquet")
    assert out.schema.field("text").type == stored_type
    repaired = Repairer().repair(SPUN)
    assert out.column("text").to_pylist() == [repaired, CLEAN, repaired, None]


def test_jobs_2_writes_what_jobs_1_writes(tmp_path, seed_spun, seed_clean):
    src = write_parquet(tmp_path / "news.parquet", sample_table(texts(seed_spun, seed_clean) * 3))
    for jobs in ("1", "2"):
        args = ["repair", str(src), "-o", str(tmp_path / jobs), "--report-field", "r", "--batch-size", "2", "-q"]
        assert main([*args, "--jobs", jobs]) == EXIT_OK
    assert pq.read_table(tmp_path / "2" / "news.parquet").equals(pq.read_table(tmp_path / "1" / "news.parquet"))


def test_format_parquet_reads_a_file_of_any_name(tmp_path):
    src = write_parquet(tmp_path / "news.data", sample_table([SPUN]))
    assert main(["repair", str(src), "--format", "parquet", "-o", str(tmp_path / "out"), "-q"]) == EXIT_OK
    assert pq.read_table(tmp_path / "out" / "news.data").column("text").to_pylist() == [Repairer().repair(SPUN)]


def test_check_prints_one_line_per_row(tmp_path, capsys, repairer):
    src = write_parquet(tmp_path / "news.parquet", sample_table([SPUN, None, CLEAN]))
    assert main(["check", str(src), "-q"]) == EXIT_FAILED
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert [line.split("\t")[0] for line in lines] == [f"{src}:0", f"{src}:2"]
    assert lines[0].split("\t")[2] == ("spun" if repairer.analyze(SPUN).is_spun else "clean")
    assert f"{src}:1: column 'text' is null" in captured.err


def test_parquet_to_stdout_is_a_usage_error(tmp_path, capsys):
    src = write_parquet(tmp_path / "news.parquet", sample_table([SPUN]))
    assert main(["repair", str(src)]) == EXIT_USAGE
    assert "Parquet output cannot go to stdout" in capsys.readouterr().err
    assert main(["repair", "--format", "parquet"]) == EXIT_USAGE


def test_parquet_found_in_a_directory_without_an_output_directory_is_reported(tmp_path, capsys):
    write_parquet(tmp_path / "corpus" / "news.parquet", sample_table([SPUN]))
    (tmp_path / "corpus" / "note.txt").write_text(SPUN, encoding="utf-8")
    assert main(["repair", str(tmp_path / "corpus")]) == EXIT_FAILED
    captured = capsys.readouterr()
    assert captured.out == Repairer().repair(SPUN)  # the text file is repaired all the same
    assert "news.parquet: Parquet output cannot go to stdout" in captured.err


def test_no_temporary_file_is_left_beside_the_output(tmp_path, small_batches):
    src = write_parquet(tmp_path / "news.parquet", sample_table([SPUN, CLEAN, OVERSEAS]))
    assert main(["repair", str(src), "-o", str(tmp_path / "out"), "-q"]) == EXIT_OK
    assert names(tmp_path / "out") == ["news.parquet"]


def test_a_damaged_file_leaves_no_output(tmp_path, capsys):
    table = pa.table({"text": [f"{SPUN} {i} " + "abcdefghij" * i for i in range(200)], "id": range(200)})
    src = write_parquet(tmp_path / "news.parquet", table, row_group_size=50)
    data = bytearray(src.read_bytes())
    group = pq.ParquetFile(src).metadata.row_group(2).column(0)
    start = group.data_page_offset
    data[start : start + 64] = b"\xff" * 64  # the third row group's first page header, past the first two
    src.write_bytes(bytes(data))
    assert main(["repair", str(src), "-o", str(tmp_path / "out"), "-q"]) == EXIT_FAILED
    assert f"{src}: " in capsys.readouterr().err
    assert names(tmp_path / "out") == []


def test_a_failed_write_leaves_no_output_and_the_next_input_goes_on(tmp_path, capsys, monkeypatch, small_batches):
    first = write_parquet(tmp_path / "in" / "a.parquet", sample_table([SPUN, CLEAN, OVERSEAS]))
    second = write_parquet(tmp_path / "in" / "b.parquet", sample_table([SPUN]))
    writes = []
    real = pq.ParquetWriter.write_batch

    def failing(self, batch, *args, **kwargs):
        writes.append(batch.num_rows)
        if len(writes) == 2:
            raise OSError(28, "No space left on device")
        return real(self, batch, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_batch", failing)
    assert main(["repair", str(first), str(second), "-o", str(tmp_path / "out"), "-q"]) == EXIT_FAILED
    assert "a.parquet: cannot write: [Errno 28] No space left on device" in capsys.readouterr().err
    assert names(tmp_path / "out") == ["b.parquet"]


def test_an_interrupt_leaves_no_output(tmp_path, monkeypatch, capsys):
    src = write_parquet(tmp_path / "news.parquet", sample_table([CLEAN, CLEAN, SPUN, CLEAN]))
    real = Repairer.analyze

    def interrupted(self, text):
        if text == SPUN:
            raise KeyboardInterrupt
        return real(self, text)

    monkeypatch.setattr(Repairer, "analyze", interrupted)
    assert main(["repair", str(src), "-o", str(tmp_path / "out"), "-q"]) == EXIT_INTERRUPTED
    assert names(tmp_path / "out") == []


def test_a_failed_repair_is_reported_in_its_row_and_copied(tmp_path):
    """What the run loop hands the table output for a row whose repair raised."""
    table = as_stored(sample_table([SPUN, OVERSEAS]), tmp_path)
    source = Source("news.parquet", tmp_path / "news.parquet", jsonl=False, output=tmp_path / "out.parquet")
    tables = cli_parquet.TableOutput(argparse.Namespace(field="text", report_field="r"))
    tables.handle(cli_parquet.TableBegin(source, schema=table.schema))
    assert tables.row(cli_parquet.Row(source, SPUN, line=0), Repairer().analyze(SPUN)) is None
    failure = "ValueError: too deep"  # what the pipe yields instead of a report, as text
    assert tables.row(cli_parquet.Row(source, OVERSEAS, line=1), failure) == "repair failed: ValueError: too deep"
    batch = table.to_batches()[0]
    tables.handle(cli_parquet.BatchDone(source, "", batch=batch, first_row=0))
    tables.handle(cli_parquet.TableEnd(source))
    out = pq.read_table(tmp_path / "out.parquet")
    assert out.column("text").to_pylist() == [Repairer().repair(SPUN), OVERSEAS]
    assert out.column("r").to_pylist()[1]["error"] == "repair failed: ValueError: too deep"
    assert out.drop_columns(["r", "text"]).equals(table.drop_columns(["text"]))


def test_without_pyarrow_a_parquet_input_names_the_extra(tmp_path, capsys, monkeypatch):
    src = write_parquet(tmp_path / "news.parquet", sample_table([SPUN]))
    for module in ("pyarrow", "pyarrow.parquet", "pyarrow.compute"):
        monkeypatch.setitem(sys.modules, module, None)  # import fails as if it were not installed
    (tmp_path / "note.txt").write_text(SPUN, encoding="utf-8")
    assert main(["repair", str(src), str(tmp_path / "note.txt"), "-o", str(tmp_path / "out"), "-q"]) == EXIT_FAILED
    assert 'pip install "textrepair[parquet]"' in capsys.readouterr().err
    assert names(tmp_path / "out") == ["note.txt"]


def test_a_report_field_that_exists_already_is_refused(tmp_path, capsys):
    src = write_parquet(tmp_path / "news.parquet", sample_table([SPUN]))
    assert main(["repair", str(src), "-o", str(tmp_path / "out"), "--report-field", "meta", "-q"]) == EXIT_FAILED
    assert "column 'meta' exists already" in capsys.readouterr().err
    assert names(tmp_path / "out") == []


def test_a_row_whose_repair_fails_is_reported_and_copied_through(tmp_path, capsys, monkeypatch):
    """The run goes on: the other rows are repaired, the failed one keeps its text and its
    error is in the report column."""
    real = Repairer.analyze

    def failing(self, text):
        if text == "boom":
            raise RuntimeError("simulated failure")
        return real(self, text)

    monkeypatch.setattr(Repairer, "analyze", failing)
    src = write_parquet(tmp_path / "news.parquet", sample_table([SPUN, "boom", CLEAN]))
    code = main(["repair", str(src), "-o", str(tmp_path / "out"), "--report-field", "report", "-q"])
    assert code == EXIT_FAILED
    assert f"{src}:1: could not repair" in capsys.readouterr().err
    out = pq.read_table(tmp_path / "out" / "news.parquet").to_pylist()
    assert [row["text"] for row in out] == [Repairer().repair(SPUN), "boom", CLEAN]
    assert "simulated failure" in out[1]["report"]["error"]
    assert out[0]["report"]["error"] is None
