"""Targets and baselines as read, before they become series: from CSV files or from a plan.

A record keeps where it came from ("targets.csv 第3行", "plan.json 指标框架第2项") so that
a later check (a duplicate, a unit that does not convert) can still name the place.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from healthaction.catalog import normalise_unit
from healthaction.evaluation_io import cells
from healthaction.evaluation_io.csv_table import CsvTable, Row

TARGET_COLUMNS = ("region", "indicator", "year", "comparator", "value")
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


def _required_text(row: Row, column: str) -> str:
    text = row[column]
    if not text:
        raise row.error(column, "不能为空")
    return text


def read_targets(table: CsvTable) -> list[TargetRecord]:
    """Rows of a targets file; a numeric comparator needs a value, a word comparator ignores it
    (except ``slow``, whose value is the reference growth in % per year)."""
    records = []
    for row in table:
        comparator = cells.comparator(row)
        words = comparator in cells.WORD_COMPARATORS
        value = cells.number(row, "value", required=not words)
        records.append(
            TargetRecord(
                where=row.where,
                region=_required_text(row, "region"),
                indicator=_required_text(row, "indicator"),
                year=cells.year(row, required=False),
                comparator=comparator,
                value=value if comparator == "slow" or not words else None,
                unit=normalise_unit(row["unit"]),
            )
        )
    return records


def read_baselines(table: CsvTable) -> list[BaselineRecord]:
    """Rows of a baselines file; a row with an empty value gives no baseline."""
    records = []
    for row in table:
        year = cells.year(row)
        value = cells.number(row, "value", required=False)
        if value is None or year is None:
            continue
        records.append(
            BaselineRecord(
                row.where,
                _required_text(row, "region"),
                _required_text(row, "indicator"),
                year,
                value,
                normalise_unit(row["unit"]),
            )
        )
    return records
