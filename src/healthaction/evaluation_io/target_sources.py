"""targets.csv and baselines.csv from what an office already has: the national reference table or a plan.

The reference table (``catalog/data/healthy_china_*.csv``) writes each target as text,
``≥22``, ``<24.5``, ``实现``, ``持续减缓``, one column per year (``target_2022_text``); a cell is
read by the plan reader's target grammar and kept only when the whole cell is one target:
``在2019年基础上提高10%`` or ``25~30`` are left out with a warning, never guessed. The table
gives no year for its 基期水平, so baselines are written only with ``baseline_year``.
A plan (JSON from ``healthaction parse`` or the document itself) gives its framework and
action targets and baselines as ``evaluate --plan`` reads them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from healthaction.catalog import normalise_unit
from healthaction.evaluation_io.csv_table import read_table
from healthaction.evaluation_io.errors import InputError
from healthaction.evaluation_io.output import plain_number
from healthaction.evaluation_io.records import BaselineRecord, TargetRecord

_TARGET_COLUMN = re.compile(r"^target_(\d{4})_text$")
_PLAIN_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_POLARITY = {"higher_better": "+1", "lower_better": "-1", "binary": "0"}


@dataclass
class TargetTables:
    """The rows of targets.csv, baselines.csv and (from the reference) indicators.csv."""

    targets: list[dict[str, str]] = field(default_factory=list)
    baselines: list[dict[str, str]] = field(default_factory=list)
    indicators: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def frames(self) -> dict[str, pl.DataFrame]:
        columns = {
            "targets": ["region", "indicator", "year", "comparator", "value", "unit"],
            "baselines": ["region", "indicator", "year", "value", "unit"],
            "indicators": ["indicator", "unit", "polarity"],
        }
        rows = {"targets": self.targets, "baselines": self.baselines, "indicators": self.indicators}
        return {
            # Empty cells stay empty, not "": evaluate reads both alike, people read the first better.
            name: pl.DataFrame(rows[name], schema=dict.fromkeys(columns[name], pl.Utf8)).with_columns(
                pl.all().replace("", None)
            )
            for name in columns
            if rows[name] or name != "indicators"
        }


def _target(text: str) -> tuple[str, str] | None:
    """'≥22' → ('>=', '22'); '实现' → ('achieved', ''); None when the cell is not one target."""
    from healthaction.ingest.extract.comparators import read_clause  # the plan reader's grammar

    reading = read_clause(unicodedata.normalize("NFKC", text).strip())
    if reading is None or reading.indicator.strip() or reading.yearly or len(reading.values) != 1:
        return None
    value = reading.values[0]
    return reading.comparators[0], "" if value is None else plain_number(value)


def from_reference(path: Path, region: str, baseline_year: int | None) -> TargetTables:
    header = read_table(path, ("indicator",)).header
    years = {column: int(m.group(1)) for column in header if (m := _TARGET_COLUMN.match(column))}
    if not years:
        raise InputError(path.name, "不是参考指标表：应有 indicator 列和 target_2022_text 这样的目标列")
    table = read_table(path, ("indicator",), ("unit", "baseline_text", "polarity", *years))
    tables = TargetTables()
    for row in table:
        name, unit = row["indicator"], normalise_unit(row["unit"]) or ""
        if not name:
            continue
        polarity = _POLARITY.get(row["polarity"].strip(), "")
        tables.indicators.append({"indicator": name, "unit": unit, "polarity": polarity})
        for column, year in years.items():
            text = row[column]
            if not text:
                continue
            read = _target(text)
            if read is None:
                tables.warnings.append(f"{row.where}「{name}」{year}年目标「{text}」不是单一目标，未写出")
                continue
            comparator, value = read
            tables.targets.append(
                {"region": region, "indicator": name, "year": str(year), "comparator": comparator,
                 "value": value, "unit": unit}
            )  # fmt: skip
        baseline = unicodedata.normalize("NFKC", row["baseline_text"]).strip()
        if not baseline:
            continue
        if not _PLAIN_NUMBER.match(baseline):
            tables.warnings.append(f"{row.where}「{name}」基期水平「{baseline}」不是一个数值，未写出")
        elif baseline_year is not None:
            tables.baselines.append(
                {
                    "region": region,
                    "indicator": name,
                    "year": str(baseline_year),
                    "value": baseline,
                    "unit": unit,
                }
            )
    if baseline_year is None and table.column("baseline_text").str.len_chars().sum():
        tables.warnings.append(
            f"{path.name} 没有基期年份：用 --baseline-year 指定后才写出 baselines.csv"
            "（各行基期年份不同的，请逐行改正）"
        )
    return tables


def from_plan(
    targets: list[TargetRecord], baselines: list[BaselineRecord], warnings: list[str]
) -> TargetTables:
    tables = TargetTables(warnings=list(warnings))
    for t in targets:
        if t.year is None:
            tables.warnings.append(f"{t.where}：「{t.indicator}」的目标没有年份，未写出")
            continue
        tables.targets.append(
            {"region": t.region, "indicator": t.indicator, "year": str(t.year), "comparator": t.comparator,
             "value": "" if t.value is None else plain_number(float(t.value)), "unit": t.unit or ""}
        )  # fmt: skip
    for b in baselines:
        tables.baselines.append(
            {"region": b.region, "indicator": b.indicator, "year": str(b.year),
             "value": plain_number(float(b.value)), "unit": b.unit or ""}
        )  # fmt: skip
    return tables


def read_target_source(path: Path, *, region: str | None, baseline_year: int | None) -> TargetTables:
    """A reference CSV, a plan JSON, or a plan document (anything ``healthaction parse`` reads)."""
    from healthaction.evaluation_io.plan_inputs import plan_records, read_plan

    suffix = path.suffix.lower()
    if suffix == ".csv":
        return from_reference(path, region or "全国", baseline_year)
    if suffix == ".json":
        plan = read_plan(path)
    else:
        from healthaction.ingest import parse_file

        plan = parse_file(path)  # IngestError names the file itself
    return from_plan(*plan_records(plan, path.name, region))
