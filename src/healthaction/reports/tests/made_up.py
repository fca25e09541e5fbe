"""Made-up observations for the seed plan (健康平川行动): every fourth series meets its target,
one is close, one lags far behind, one is not reported; last year's values are a little lower."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from healthaction.ingest import parse_file
from healthaction.plan import Plan

SEED = Path(__file__).resolve().parents[4] / "seeds" / "000_5d24527bdd1311fb.txt"
YEAR = 2022


@cache
def seed_plan() -> Plan:
    return parse_file(SEED)


def _value(comparator: str, target: float | None, case: int) -> float | None:
    if case == 3:
        return None
    if comparator == "achieved":
        return 1.0 if case == 0 else 0.0
    if target is None or comparator not in (">=", ">", "<=", "<", "="):
        return [8.0, 10.0, 12.0][case]
    if comparator in ("<=", "<") or (comparator == "=" and target == 0):
        return [target * 0.9, target * 1.05 + 0.1, target * 1.5 + 1][case]
    return [target * 1.02, target * 0.97, target * 0.7][case]


def write_observations(folder: Path, region: str = "平川区") -> Path:
    """One row per (indicator, year) of the plan region's targets, for 2021 and 2022."""
    plan = seed_plan()
    seen: dict[str, tuple[str, float | None]] = {}
    for row in plan.framework:
        for t in row.targets:
            if t.scope in (None, region) and t.year == YEAR:
                seen.setdefault(t.indicator, (t.comparator, t.value))
    for action in plan.actions:
        for t in action.targets:
            seen.setdefault(t.indicator, (t.comparator, t.value))
    path = folder / "observations.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["region", "indicator", "year", "value"])
        for index, (indicator, (comparator, target)) in enumerate(seen.items()):
            value = _value(comparator, target, index % 4)
            last = None if value is None else (value if comparator == "achieved" else round(value * 0.97, 2))
            for year, v in ((YEAR - 1, last), (YEAR, value)):
                shown = "" if v is None else (str(int(v)) if comparator == "achieved" else str(round(v, 2)))
                out.writerow([region, indicator, year, shown])
    return path


def write_assessment(folder: Path) -> dict[str, Path]:
    """Five counties of 白银市 (not the plan's own 平川区) with the same three targets,
    a veto, a bonus, a deduction and one reviewed value."""
    indicators = (
        ("居民健康素养水平", ">=", 22, "%"),
        ("婴儿死亡率", "<=", 7.5, "‰"),
        ("健康科普专家库", "achieved", None, ""),
    )
    values = {
        "皋兰县": ((8, 23, 21), (4.4, 5, 6), 1),
        "白银区": ((9, 20, 18), (5, 6.5, 6.8), 1),
        "靖远县": ((7, 15, 14), (6, 9, 9.5), 0),
        "会宁县": ((8, 21, 20), (5, 7, 7.4), 1),
        "景泰县": ((8, 18, 17), (6, 8, 8.5), 0),
    }
    rows = {
        "targets": ["region,indicator,year,comparator,value,unit"],
        "baselines": ["region,indicator,year,value"],
        "observations": ["region,indicator,year,value"],
        "regions": ["region,parent"],
    }
    for county, (literacy, infant, expert) in values.items():
        rows["regions"].append(f"{county},白银市")
        for (name, comparator, target, unit), series in zip(
            indicators, (literacy, infant, (None, expert, expert)), strict=True
        ):
            rows["targets"].append(
                f"{county},{name},{YEAR},{comparator},{'' if target is None else target},{unit}"
            )
            if series[0] is not None:
                rows["baselines"].append(f"{county},{name},2017,{series[0]}")
            rows["observations"].append(f"{county},{name},{YEAR},{series[1]}")
            rows["observations"].append(f"{county},{name},{YEAR - 1},{series[2]}")
    rows["adjustments"] = [
        "region,year,kind,points,reason",
        "景泰县,2022,veto,,发生重大公共卫生责任事件",
        "会宁县,2022,bonus,2,健康促进县建设获省级通报表扬",
        "白银区,2022,deduction,1,数据报送迟报",
    ]
    rows["reviews"] = [
        "region,indicator,reported,reviewed,reason",
        "白银区,居民健康素养水平,21,20,抽样复核调查结果低于上报值",
    ]
    paths = {}
    for name, lines in rows.items():
        paths[name] = folder / f"{name}.csv"
        paths[name].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths
