"""Targets and baselines as read, before they become series: from CSV files or from a plan.

A record keeps where it came from ("targets.csv 第3行", "plan.json 指标框架第2项") so that
a later check (a duplicate, a unit that does not convert) can still name the place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import polars as pl

from healthaction.evaluation_io import cells
from healthaction.evaluation_io.csv_table import CsvTable
from healthaction.evaluation_io.record_columns import checked_baselines, checked_targets

TARGET_COLUMNS = ("region", "indicator", "year")  # and comparator + value, or target (≥22)
BASELINE_COLUMNS = ("region", "indicator", "year", "value")


@dataclass(frozen=True)
class TargetRecord:
    """One milestone of one region: 平川区 居民健康素养水平 2022 >= 22 %."""

    where: str
    region: str
    indicator: str
    year: int | None
    comparator: str
    value: Decimal | None
    unit: str | None

    @property
    def series(self) -> tuple[str, str]:
        return (self.region, self.indicator)


@dataclass(frozen=True)
class BaselineRecord:
    """基期水平 of one series: 平川区 居民健康素养水平 2017 = 8 (in the target's unit unless ``unit``)."""

    where: str
    region: str
    indicator: str
    year: int
    value: Decimal
    unit: str | None

    @property
    def series(self) -> tuple[str, str]:
        return (self.region, self.indicator)


# Targets and baselines as tables: ``source`` is the file name (with ``row``, its record) or,
# for a plan, the whole place ("plan.json 指标框架第2项", ``row`` null).
TARGET_SCHEMA: dict[str, type[pl.DataType]] = {
    "source": pl.Utf8, "row": pl.Int64, "region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64,
    "comparator": pl.Utf8, "value": pl.Float64, "unit": pl.Utf8,
}  # fmt: skip
BASELINE_SCHEMA: dict[str, type[pl.DataType]] = {
    "source": pl.Utf8, "row": pl.Int64, "region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64,
    "value": pl.Float64, "unit": pl.Utf8,
}  # fmt: skip


class Places:
    """Where a row of the targets or baselines came from, for messages: 'targets.csv 第3行'."""

    def __init__(self) -> None:
        self.tables: dict[str, CsvTable] = {}

    def add(self, table: CsvTable) -> None:
        self.tables[table.name] = table

    def where(self, source: str, row: int | None) -> str:
        table = self.tables.get(source)
        return source if table is None or row is None else table.where(row)

    def of(self, row: dict[str, object]) -> str:
        source, index = row["source"], row["row"]
        return self.where(str(source), index if isinstance(index, int) else None)


def target_frame(records: Sequence[TargetRecord]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "source": [r.where for r in records],
            "row": [None] * len(records),
            "region": [r.region for r in records],
            "indicator": [r.indicator for r in records],
            "year": [r.year for r in records],
            "comparator": [r.comparator for r in records],
            "value": [float(r.value) if r.value is not None else None for r in records],
            "unit": [r.unit for r in records],
        },
        schema=TARGET_SCHEMA,
    )


def baseline_frame(records: Sequence[BaselineRecord]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "source": [r.where for r in records],
            "row": [None] * len(records),
            "region": [r.region for r in records],
            "indicator": [r.indicator for r in records],
            "year": [r.year for r in records],
            "value": [float(r.value) for r in records],
            "unit": [r.unit for r in records],
        },
        schema=BASELINE_SCHEMA,
    )


def read_targets(table: CsvTable) -> pl.DataFrame:
    """Rows of a targets file; a numeric comparator needs a value, a word comparator ignores it
    (except ``slow``, whose value is the reference growth in % per year)."""
    frame = checked_targets(table)
    kept = (pl.col("value_f") != "") & (
        (pl.col("code") == "slow") | ~pl.col("code").is_in(list(cells.WORD_COMPARATORS))
    )
    return frame.select(
        pl.lit(table.name).alias("source"),
        "row",
        "region",
        "indicator",
        pl.when(pl.col("year_f") != "").then(pl.col("year_f")).cast(pl.Int64).alias("year"),
        pl.col("code").alias("comparator"),
        pl.when(kept).then(pl.col("value_f")).cast(pl.Float64).alias("value"),
        "unit",
    ).cast(TARGET_SCHEMA)  # type: ignore[arg-type]


def read_baselines(table: CsvTable) -> pl.DataFrame:
    """Rows of a baselines file; a row with an empty value gives no baseline."""
    frame = checked_baselines(table)
    return frame.select(
        pl.lit(table.name).alias("source"),
        "row",
        "region",
        "indicator",
        pl.col("year_f").cast(pl.Int64).alias("year"),
        pl.col("value_f").cast(pl.Float64).alias("value"),
        "unit",
    ).cast(BASELINE_SCHEMA)  # type: ignore[arg-type]
