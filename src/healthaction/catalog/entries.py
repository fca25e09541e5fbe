"""The national indicator catalog: 健康中国行动 主要指标 and the 考核指标框架, with aliases.

One entry per indicator, built from the reference tables in ``data/`` (see its README:
the tables are incomplete, and ``verified`` says which rows were read in a source).
居民健康素养水平 is in both tables: one entry, with its 专项行动 and its 考核指标 number.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Literal

from healthaction.catalog.names import normalise_name
from healthaction.catalog.units import normalise_unit

Polarity = Literal["higher_better", "lower_better", "binary", "qualitative"]
_POLARITIES: tuple[Polarity, ...] = ("higher_better", "lower_better", "binary", "qualitative")
_DIRECTIONS: dict[Polarity, int] = {"higher_better": 1, "lower_better": -1, "binary": 0, "qualitative": 0}


@dataclass(frozen=True)
class CatalogEntry:
    """A national indicator: 婴儿死亡率, ‰, lower_better, 结果性, 妇幼健康促进行动, 考核指标 2."""

    name: str
    unit: str | None
    polarity: Polarity
    category: str | None = None  # 结果性 | 个人和社会倡导性 | 政府工作 (the table's groups)
    nature: str | None = None  # 预期性 | 约束性 | 倡导性, where the source gives it
    action: str | None = None  # 专项行动
    row_id: str | None = None  # local key of the 主要指标 row (A07-R01), not official
    framework_seq: int | None = None  # row number in the 考核指标框架
    baseline_text: str | None = None
    target_2022_text: str | None = None
    target_2030_text: str | None = None
    verified: bool = False
    aliases: tuple[str, ...] = field(default=())
    survey_interval: int | None = None  # years between the rounds of the survey that measures it

    @property
    def direction(self) -> int:
        """+1 higher is better, −1 lower is better, 0 for 实现-type and qualitative rows."""
        return _DIRECTIONS[self.polarity]


def _rows(filename: str) -> Iterator[dict[str, str]]:
    text = (
        resources.files("healthaction.catalog")
        .joinpath("data")
        .joinpath(filename)
        .read_text(encoding="utf-8")
    )
    yield from csv.DictReader(text.splitlines())


def _blank(text: str) -> str | None:
    return text.strip() or None


def _polarity(text: str, where: str) -> Polarity:
    for polarity in _POLARITIES:
        if text == polarity:
            return polarity
    raise ValueError(f"{where}：未知的 polarity「{text}」")


def _category(text: str) -> str | None:
    return _blank(text.removesuffix("指标"))


def _action_entries() -> Iterator[CatalogEntry]:
    for row in _rows("healthy_china_action_indicators.csv"):
        yield CatalogEntry(
            name=row["indicator"].strip(),
            unit=normalise_unit(row["unit"]),
            polarity=_polarity(row["polarity"], f"healthy_china_action_indicators.csv {row['row_id']}"),
            category=_category(row["category"]),
            nature=_blank(row["nature"]),
            action=_blank(row["action_name"]),
            row_id=_blank(row["row_id"]),
            baseline_text=_blank(row["baseline_text"]),
            target_2022_text=_blank(row["target_2022_text"]),
            target_2030_text=_blank(row["target_2030_text"]),
            verified=row["verified"] == "yes",
        )


def _framework_entries() -> Iterator[CatalogEntry]:
    for row in _rows("healthy_china_assessment_framework.csv"):
        yield CatalogEntry(
            name=row["indicator"].strip(),
            unit=normalise_unit(row["unit"]),
            polarity=_polarity(row["polarity"], f"healthy_china_assessment_framework.csv 第{row['seq']}项"),
            framework_seq=int(row["seq"]),
            baseline_text=_blank(row["baseline_text"]),
            target_2022_text=_blank(row["target_2022_text"]),
            verified=row["verified"] == "yes",
        )


def _merge(entry: CatalogEntry, row: CatalogEntry) -> CatalogEntry:
    """A 考核指标 row that is also a 主要指标 row adds its number and fills empty cells."""
    return replace(
        entry,
        unit=entry.unit or row.unit,
        framework_seq=row.framework_seq,
        baseline_text=entry.baseline_text or row.baseline_text,
        target_2022_text=entry.target_2022_text or row.target_2022_text,
        verified=entry.verified or row.verified,
    )


@cache
def load_catalog() -> tuple[CatalogEntry, ...]:
    """Every national indicator once, in table order (主要指标, then 考核指标框架 rows not in it)."""
    by_key: dict[str, CatalogEntry] = {}
    for entry in _action_entries():
        by_key.setdefault(normalise_name(entry.name), entry)
    for row in _framework_entries():
        key = normalise_name(row.name)
        by_key[key] = _merge(by_key[key], row) if key in by_key else row
    aliases: dict[str, list[str]] = {}
    for alias in _rows("aliases.csv"):
        key = normalise_name(alias["indicator"])
        if key not in by_key:
            target = alias["indicator"]
            raise ValueError(f"aliases.csv：别名「{alias['alias']}」指向目录中没有的指标「{target}」")
        aliases.setdefault(key, []).append(alias["alias"].strip())
    intervals: dict[str, int] = {}
    for survey in _rows("survey_intervals.csv"):
        key = normalise_name(survey["indicator"])
        if key not in by_key:
            raise ValueError(f"survey_intervals.csv：指标「{survey['indicator']}」不在目录中")
        intervals[key] = int(survey["interval_years"])
    return tuple(
        replace(entry, aliases=tuple(aliases.get(key, ())), survey_interval=intervals.get(key))
        for key, entry in by_key.items()
    )
