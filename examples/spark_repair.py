"""Repair the text column of a Parquet or JSONL data set with Spark, writing Parquet.

    spark-submit examples/spark_repair.py IN OUT [--field text] [--report-field textrepair]
                 [--format parquet|json] [--lexicon FILE ...] [--threshold 0.5] [--expressions]

IN is a Parquet or JSONL file or directory (the format is guessed from the name, or
given with --format); OUT is the Parquet directory to write. Every column is kept, in
the same row order; the text column is repaired, and a struct column (--report-field)
holds each row's spin score, verdict, edits and error. A row whose text is missing, is
not a string or makes the repair fail keeps its text and has its error set; the job
goes on and prints how many such rows there were.

Needs ``pip install "textrepair[spark]"`` where the driver runs and textrepair on every
executor (see "Corpus scale" in the README).
"""

from __future__ import annotations

import argparse
import sys

from pyspark.sql import SparkSession

from textrepair.spark import repair_dataframe


def read(spark: SparkSession, path: str, fmt: str | None):
    """The input as a DataFrame: Parquet, or JSON lines."""
    if fmt is None:
        fmt = "json" if path.rstrip("/").endswith((".jsonl", ".json", ".ndjson")) else "parquet"
    if fmt == "parquet":
        return spark.read.parquet(path)
    return spark.read.json(path)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="Parquet or JSONL file or directory")
    parser.add_argument("output", help="Parquet directory to write (must not exist)")
    parser.add_argument("--field", default="text", help="the text column (default: text)")
    parser.add_argument("--report-field", default="textrepair", help="the report column (default: textrepair)")
    parser.add_argument("--format", choices=["parquet", "json"], help="input format (default: from the name)")
    parser.add_argument("--lexicon", action="append", default=[], help="extra lexicon file (readable on executors)")
    parser.add_argument("--threshold", type=float, default=0.5, help="spin score from which a document is spun")
    parser.add_argument("--expressions", action="store_true", help="also run the expression search")
    return parser.parse_args(argv)


def run(spark: SparkSession, args: argparse.Namespace) -> tuple[int, int]:
    """Repair ``args.input`` into ``args.output``; the rows written and how many have an error."""
    df = read(spark, args.input, args.format)
    repaired = repair_dataframe(
        df,
        args.field,
        report_field=args.report_field,
        lexicons=args.lexicon,
        threshold=args.threshold,
        expressions=args.expressions,
    )
    repaired.write.parquet(args.output)
    written = spark.read.parquet(args.output)
    failed = written.where(written[f"{args.report_field}.error"].isNotNull()).count()
    return written.count(), failed


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    spark = SparkSession.builder.appName("textrepair").getOrCreate()
    try:
        rows, failed = run(spark, args)
    finally:
        spark.stop()
    print(f"textrepair: {rows} rows written to {args.output}; {failed} could not be repaired", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
