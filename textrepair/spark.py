"""textrepair as a Spark job: a pandas UDF that repairs a text column batch by batch.

    from textrepair.spark import repair_udf
    repair = repair_udf(threshold=0.5)                       # Repairer options, as keywords
    df = df.withColumn("repair", repair("text"))             # struct<text, spin_score, is_spun, edits, error>
    df = df.withColumn("text", df["repair.text"])

Needs ``pip install "textrepair[spark]"`` (pyspark, pyarrow, pandas) on the driver and on
every executor. Spark hands the UDF Arrow batches of the column as pandas Series; each
goes through :func:`textrepair.batch.repair_batch`, so every record's struct is exactly
what :meth:`Repairer.analyze` gives, and a record that is missing, is not a string or
makes the repair raise is reported in ``error`` instead of failing the task.

A :class:`~textrepair.Repairer` takes a second or two to build, so each executor's Python
worker builds one per configuration and keeps it for every later batch and task (Spark
reuses its Python workers). Only the options travel with the UDF, as a small picklable
tuple; lexicon files named in ``lexicons`` must be readable at that path on the executors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from .batch import Analyzer, repair_batch
from .config import RepairConfig
from .repairer import Repairer

if TYPE_CHECKING:  # pragma: no cover - only for annotations
    from pyspark.sql import Column, DataFrame
    from pyspark.sql.types import StructType

__all__ = ["RepairOptions", "record_type", "repair_dataframe", "repair_options", "repair_udf", "repairer_for"]

#: The Repairer keyword options, sorted, as a hashable and picklable tuple of pairs.
RepairOptions = tuple[tuple[str, Any], ...]

# One Repairer per configuration, per Python worker process: built on first use.
_REPAIRERS: dict[RepairOptions, Analyzer] = {}


def _pyspark() -> Any:
    try:
        import pyspark.sql.functions as functions
    except ImportError as exc:  # pragma: no cover - depends on the environment
        needs = 'textrepair.spark needs pyspark, pyarrow and pandas: pip install "textrepair[spark]"'
        raise ImportError(needs) from exc
    return functions


def repair_options(lexicons: Iterable[str] = (), **options: Any) -> RepairOptions:
    """The options of a :class:`Repairer` (the fields of
    :class:`~textrepair.config.RepairConfig`), checked on the driver, as a key that can
    be pickled and hashed. An unknown name is a ``TypeError``."""
    if isinstance(lexicons, str):
        lexicons = [lexicons]
    key = (("lexicons", tuple(str(p) for p in lexicons)), *sorted(options.items()))
    try:
        RepairConfig().replace(**dict(key))
    except TypeError as exc:
        raise TypeError(f"not a Repairer option: {exc}") from None
    return key


def repairer_for(options: RepairOptions, factory: Callable[..., Analyzer] = Repairer) -> Analyzer:
    """The Repairer for ``options`` in this process, built the first time it is asked for
    (``factory(**options)``)."""
    key = (*options, ("factory", factory)) if factory is not Repairer else options
    repairer = _REPAIRERS.get(key)
    if repairer is None:
        repairer = _REPAIRERS[key] = factory(**dict(options))
    return repairer


def record_type() -> StructType:
    """The Spark type of the UDF's result; the Spark twin of
    :func:`textrepair.batch.arrow_record_type`."""
    _pyspark()
    from pyspark.sql import types as T

    edit = T.StructType(
        [
            T.StructField("start", T.LongType()),
            T.StructField("end", T.LongType()),
            T.StructField("original", T.StringType()),
            T.StructField("replacement", T.StringType()),
            T.StructField("kind", T.StringType()),
            T.StructField("rule", T.StringType()),
            T.StructField("confidence", T.DoubleType()),
        ]
    )
    return T.StructType(
        [
            T.StructField("text", T.StringType()),
            T.StructField("spin_score", T.DoubleType()),
            T.StructField("is_spun", T.BooleanType()),
            T.StructField("edits", T.ArrayType(edit)),
            T.StructField("error", T.StringType()),
        ]
    )


def repair_udf(
    lexicons: Iterable[str] = (), *, factory: Callable[..., Analyzer] = Repairer, **options: Any
) -> Callable[..., Column]:
    """A pandas UDF: one text column in, one struct column out (:func:`record_type`).

    ``lexicons`` and ``options`` are those of :class:`Repairer`. ``factory`` builds the
    repairer from them, as keywords, on the executors; it must be picklable (a class or
    function).
    ``text`` in the struct is the repaired text, or the input unchanged where ``error``
    is set (null where the input was null or not a string).
    """
    functions = _pyspark()
    key = repair_options(lexicons, **options)

    def repair_texts(texts: Any) -> Any:
        frame = repair_batch(repairer_for(key, factory), texts, with_reports=True)
        # The struct's text is a string: a value that was not one stays in the input column.
        frame["text"] = [text if isinstance(text, str) else None for text in frame["text"]]
        return frame

    # pandas_udf picks the kind of UDF (Series -> DataFrame: scalar, struct result) from the hints.
    import pandas as pd

    repair_texts.__annotations__ = {"texts": pd.Series, "return": pd.DataFrame}
    return functions.pandas_udf(repair_texts, record_type())  # type: ignore[no-any-return]


def repair_dataframe(
    df: DataFrame,
    field: str = "text",
    *,
    report_field: str = "textrepair",
    lexicons: Iterable[str] = (),
    **options: Any,
) -> DataFrame:
    """``df`` with ``field`` repaired and a ``report_field`` struct column added (spin
    score, verdict, edits and error of each row); every other column, and the order of
    the rows, as they were. Where ``error`` is set the text is left as it was."""
    from pyspark.sql.types import StringType

    if field not in df.columns:
        raise ValueError(f"no column {field!r}; the columns are {', '.join(df.columns)}")
    if report_field in df.columns:
        raise ValueError(f"column {report_field!r} exists already; choose another report field")
    repaired = df.withColumn(report_field, repair_udf(lexicons, **options)(field))
    if isinstance(df.schema[field].dataType, StringType):
        repaired = repaired.withColumn(field, repaired[f"{report_field}.text"])
    return repaired.withColumn(report_field, repaired[report_field].dropFields("text"))
