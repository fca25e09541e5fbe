"""evaluation.md §5.6 as CSV files: four counties, one parent, t* = 2022."""

from __future__ import annotations

from pathlib import Path

TARGETS = """region,indicator,year,comparator,value,unit
{rows}"""
INDICATORS = {
    "居民健康素养水平": ("%", ">=", "22", 30),
    "孕产妇死亡率": ("1/10万", "<=", "18", 20),
    "高血压患者规范管理率": ("%", ">=", "70", 20),
    "健康科普专家库": ("", "achieved", "", 10),
    "尘肺病比例": ("%", "decrease", "", 20),
}
# county: (baseline, value) per indicator; None = not reported; 实现 as 是/否
COUNTIES = {
    "A": {"居民健康素养水平": (8, 21), "孕产妇死亡率": (0, 0), "高血压患者规范管理率": (84.2, 78),
          "健康科普专家库": (None, "是"), "尘肺病比例": (12, 10.5)},
    "B": {"居民健康素养水平": (10, 23), "孕产妇死亡率": (20, 50), "高血压患者规范管理率": (65, 72),
          "健康科普专家库": (None, "是"), "尘肺病比例": (9, 9)},
    "C": {"居民健康素养水平": (8, 15), "孕产妇死亡率": (0, None), "高血压患者规范管理率": (84.2, 65),
          "健康科普专家库": (None, "否"), "尘肺病比例": (15, 11)},
    "D": {"居民健康素养水平": (8, 22), "孕产妇死亡率": (0, 36), "高血压患者规范管理率": (84.2, 70),
          "健康科普专家库": (None, "否"), "尘肺病比例": (10, 10)},
}  # fmt: skip

SCORES = """region,parent,year,score,bonus,deduction,final,grade,rank,vetoed,achieved,assessed
A,白银市,2022,97.86,0,0,97.86,不合格,4,true,4,5
B,白银市,2022,60.00,0,0,60.00,合格,1,false,3,5
C,白银市,2022,53.57,1,0,54.57,不合格,3,false,1,5
D,白银市,2022,60.00,0,0,60.00,合格,1,false,2,5
"""


def write_example(folder: Path) -> dict[str, Path]:
    """The six input files of §5.6 in ``folder``; returns them by option name."""
    targets = ["region,indicator,year,comparator,value,unit"]
    baselines = ["region,indicator,year,value"]
    observations = ["region,indicator,year,value"]
    for county, series in COUNTIES.items():
        for indicator, (baseline, value) in series.items():
            unit, comparator, target, _weight = INDICATORS[indicator]
            targets.append(f"{county},{indicator},2022,{comparator},{target},{unit}")
            if baseline is not None:
                baselines.append(f"{county},{indicator},2017,{baseline}")
            observations.append(f"{county},{indicator},2022,{'' if value is None else value}")
    files = {
        "targets": "\n".join(targets),
        "baselines": "\n".join(baselines),
        "observations": "\n".join(observations),
        "indicators": "indicator,weight\n" + "\n".join(f"{k},{v[3]}" for k, v in INDICATORS.items()),
        "regions": "region,parent\n" + "\n".join(f"{c},白银市" for c in COUNTIES),
        "adjustments": "region,year,kind,points,reason\nA,2022,veto,,安全生产事故\nC,2022,bonus,1,创新\n"
        "B,2021,deduction,5,上一年度的扣分不计",
    }
    paths = {}
    for name, text in files.items():
        paths[name] = folder / f"{name}.csv"
        paths[name].write_text(text + "\n", encoding="utf-8")
    return paths


def arguments(paths: dict[str, Path]) -> list[str]:
    return ["evaluate", *[part for name, path in paths.items() for part in (f"--{name}", str(path))]]
