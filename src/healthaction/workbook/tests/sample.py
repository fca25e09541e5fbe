"""A small 平川区 template and a helper that fills it as a person would, with openpyxl."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from healthaction.workbook import EntryRow, build_template

DEPARTMENT, REGION, ROUND = "区卫生健康局", "平川区", "2023年度"
FIRST_ROW = 9  # title, 6 lines of instructions, header on row 8

ROWS = [
    EntryRow("620403", "平川区", "17", "居民健康素养水平", "%", 2023, Decimal("19.6"), "≥22%"),
    EntryRow("620403", "平川区", "18", "婴儿死亡率", "‰", 2023, 4.4, "≤7.5‰"),
    EntryRow("620403", "平川区", "19", "孕产妇死亡率", "1/10万", 2023, 12.1, "≤18/10万"),
    EntryRow("620403", "平川区", "20", "人均预期寿命", "岁", 2023, 77.9, "≥79岁", 78.1, "统计局口径"),
    EntryRow("620421", "靖远县", "17", "居民健康素养水平", "%", 2023, 17.0, "≥22%"),
]


def template(folder: Path, rows: list[EntryRow] | None = None) -> Path:
    path = folder / "填报表.xlsx"
    build_template(ROWS if rows is None else rows, department=DEPARTMENT, region_name=REGION,
                   round_label=ROUND, path=path)  # fmt: skip
    return path


def filled(template_path: Path, cells: dict[str, object], name: str = "填好的填报表.xlsx") -> Path:
    """The template with ``cells`` typed into the 填报 sheet ({"I9": 21.3}), saved as ``name``."""
    workbook = openpyxl.load_workbook(template_path)
    sheet = workbook["填报"]
    for reference, value in cells.items():
        sheet[reference] = value
    path = template_path.with_name(name)
    workbook.save(path)
    return path
