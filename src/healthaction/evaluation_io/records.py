"""Targets and baselines as read, before they become series: from CSV files or from a plan.

A record keeps where it came from ("targets.csv 第3行", "plan.json 指标框架第2项") so that
a later check (a duplicate, a unit that does not convert) can still name the place.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from healthaction.evaluation_io import cells
from healthaction.evaluation_io.csv_table import CsvTable
from healthaction.evaluation_io.record_columns import checked_baselines, checked_targets

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


def read_targets(table: CsvTable) -> list[TargetRecord]:
    """Rows of a targets file; a numeric comparator needs a value, a word comparator ignores it
    (except ``slow``, whose value is the reference growth in % per year)."""
    frame = checked_targets(table)
    columns = ("line", "region", "indicator", "year_f", "code", "value_f", "unit")
    records = []
    for line, region, indicator, year, code, value, unit in frame.select(columns).iter_rows():
        kept = value != "" and (code == "slow" or code not in cells.WORD_COMPARATORS)
        records.append(
            TargetRecord(
                where=f"{table.name} 第{line}行",
                region=region,
                indicator=indicator,
                year=int(year) if year else None,
                comparator=code,
                value=Decimal(value) if kept else None,
                unit=unit,
            )
        )
    return records


def read_baselines(table: CsvTable) -> list[BaselineRecord]:
    """Rows of a baselines file; a row with an empty value gives no baseline."""
    frame = checked_baselines(table)
    columns = ("line", "region", "indicator", "year_f", "value_f", "unit")
    return [
        BaselineRecord(f"{table.name} 第{line}行", region, indicator, int(year), Decimal(value), unit)
        for line, region, indicator, year, value, unit in frame.select(columns).iter_rows()
    ]
