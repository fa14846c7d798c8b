"""The Spark UDF and the example job in local mode: every row gets exactly what
Repairer.analyze gives, bad rows are reported in their row, and the job goes on.

One local[2] session serves every test here (starting Spark takes seconds). The tests
are skipped where pyspark or a Java runtime is missing; CI installs both (.ci/run).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
pytest.importorskip("pandas")


def _java_works() -> bool:
    java = shutil.which("java")
    if java is None:
        return False
    return subprocess.run([java, "-version"], capture_output=True, check=False).returncode == 0


if not _java_works():
    pytest.skip("no Java runtime (Spark needs one)", allow_module_level=True)

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from textrepair import Repairer  # noqa: E402
from textrepair.spark import repair_dataframe, repair_options, repair_udf  # noqa: E402

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "spark_repair.py"
SPUN = "The White Home said 90 p.c of the suppose tank agreed."
MOJIBAKE = "Zelenskyâ€™s aides met the Overseas Minister."
CLEAN = "She mentioned the budget in the final week of talks."


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The Python workers must be this interpreter, which has textrepair installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("textrepair-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def repairer() -> Repairer:
    return Repairer()


@pytest.fixture(scope="module")
def texts(seed_spun, clean_controls) -> list[str]:
    return [SPUN, seed_spun, MOJIBAKE, CLEAN, clean_controls[0], ""]


def expected(repairer: Repairer, text: str) -> dict:
    report = repairer.analyze(text)
    return {
        "text": report.text,
        "spin_score": report.spin_score,
        "is_spun": report.is_spun,
        "edits": [edit.to_dict() for edit in report.edits],
        "error": None,
    }


def reported(error: str) -> dict:
    return {"text": None, "spin_score": None, "is_spun": None, "edits": None, "error": error}


def test_udf_gives_what_analyze_gives(spark, repairer, texts):
    rows = [(i, t) for i, t in enumerate([*texts, None])]
    # local[2] splits the rows over two partitions, so two Python workers take part.
    df = spark.createDataFrame(rows, "id long, text string")
    assert df.rdd.getNumPartitions() == 2
    out = df.withColumn("r", repair_udf()("text")).collect()
    assert [row.id for row in out] == list(range(len(rows)))
    got = [row.r.asDict(recursive=True) for row in out]
    assert got == [*(expected(repairer, t) for t in texts), reported("missing text")]


def test_udf_reports_values_that_are_not_strings(spark):
    df = spark.createDataFrame([(1,), (None,)], "n int")
    got = [row[0].asDict(recursive=True) for row in df.select(repair_udf()("n")).collect()]
    assert got == [reported("not a string (got int)"), reported("missing text")]


def test_a_failing_repair_is_reported_and_the_job_goes_on(spark, repairer):
    # Defined here so that Spark ships the class itself to its Python workers.
    class Exploding:
        def __init__(self, **options):
            self.inner = Repairer(**options)

        def analyze(self, text):
            if "boom" in text:
                raise RuntimeError("cannot repair this")
            return self.inner.analyze(text)

    df = spark.createDataFrame([(1, SPUN), (2, "boom goes the White Home"), (3, CLEAN)], "id long, text string")
    out = df.withColumn("r", repair_udf(factory=Exploding)("text")).collect()
    got = [row.r.asDict(recursive=True) for row in out]
    assert got[0] == expected(repairer, SPUN)
    assert got[1] == {
        "text": "boom goes the White Home",
        "spin_score": None,
        "is_spun": None,
        "edits": None,
        "error": "repair failed: RuntimeError: cannot repair this",
    }
    assert got[2] == expected(repairer, CLEAN)


def test_repairer_options_reach_the_executors(spark, tmp_path):
    lexicon = tmp_path / "extra.lex"
    lexicon.write_text("quick brown fox => lazy dog\n", encoding="utf-8")
    local = Repairer(lexicons=[str(lexicon)], default_lexicon=False)
    df = spark.createDataFrame([("The quick brown fox and the White Home.",)], "text string")
    row = df.select(repair_udf([str(lexicon)], default_lexicon=False)("text").alias("r")).first()
    assert row.r.text == local.repair("The quick brown fox and the White Home.")
    assert row.r.text == "The lazy dog and the White Home."


def test_unknown_options_are_refused_on_the_driver():
    with pytest.raises(TypeError, match="not a Repairer option"):
        repair_options(treshold=0.5)


def test_dataframe_keeps_every_other_column_and_the_order(spark, repairer, texts):
    rows = [(i, t, {"source": f"site{i}"}) for i, t in enumerate(texts)]
    df = spark.createDataFrame(rows, "id long, body string, meta map<string,string>").coalesce(1)
    out = repair_dataframe(df, "body", report_field="repair").collect()
    assert [row.id for row in out] == list(range(len(texts)))
    assert [row.meta for row in out] == [{"source": f"site{i}"} for i in range(len(texts))]
    assert [row.body for row in out] == [repairer.analyze(t).text for t in texts]
    first = expected(repairer, texts[0])
    assert out[0].repair.asDict(recursive=True) == {k: v for k, v in first.items() if k != "text"}
    with pytest.raises(ValueError, match="no column"):
        repair_dataframe(df, "text")
    with pytest.raises(ValueError, match="exists already"):
        repair_dataframe(df, "body", report_field="meta")


@pytest.fixture(scope="module")
def example():
    spec = importlib.util.spec_from_file_location("spark_repair", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_job_on_jsonl_with_bad_records(spark, example, repairer, tmp_path):
    lines = [
        {"id": 1, "text": SPUN, "source": "a"},
        {"id": 2, "source": "b"},
        {"id": 3, "text": None, "source": "c"},
        {"id": 4, "text": MOJIBAKE, "source": "d"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    args = example.parse_args([str(src), str(tmp_path / "out")])
    assert example.run(spark, args) == (4, 2)
    table = pq.read_table(tmp_path / "out").to_pylist()
    assert [r["id"] for r in table] == [1, 2, 3, 4]
    assert [r["source"] for r in table] == ["a", "b", "c", "d"]
    assert [r["text"] for r in table] == [repairer.analyze(SPUN).text, None, None, repairer.analyze(MOJIBAKE).text]
    assert [r["textrepair"]["error"] for r in table] == [None, "missing text", "missing text", None]
    assert table[0]["textrepair"]["edits"] == expected(repairer, SPUN)["edits"]


def test_example_job_parquet_round_trip(spark, example, repairer, texts, tmp_path):
    n = 3 * len(texts)
    table = pa.table(
        {
            "id": list(range(n)),
            "text": [texts[i % len(texts)] if i != 4 else None for i in range(n)],
            "score": [i / 7 for i in range(n)],
            "tags": [[f"t{i}", "x"] for i in range(n)],
        }
    )
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=5)
    args = example.parse_args([str(tmp_path / "in.parquet"), str(tmp_path / "out"), "--report-field", "rep"])
    assert example.run(spark, args) == (n, 1)
    out = pq.read_table(tmp_path / "out")
    for name in ("id", "score", "tags"):
        assert out.column(name).to_pylist() == table.column(name).to_pylist()
    want = [None if t is None else repairer.analyze(t).text for t in table.column("text").to_pylist()]
    assert out.column("text").to_pylist() == want
