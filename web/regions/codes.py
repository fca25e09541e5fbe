"""GB/T 2260 codes, read from the table that the `cpca` package ships (never typed by hand).

cpca's ``resources/adcodes.csv`` holds 12-digit codes (``620403000000,平川区,…``) for every
province, prefecture and county. We read the file directly: importing cpca would load pandas.
"""

from __future__ import annotations

import csv
import importlib.metadata
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AreaCode:
    """平川区 is AreaCode("620403", "平川区", level=3, parent="620400")."""

    code: str
    name: str
    level: int
    parent: str | None


class CodeTableMissingError(Exception):
    pass


def _table_path() -> Path:
    files = importlib.metadata.files("cpca") or []
    for file in files:
        if str(file).replace("\\", "/").endswith("resources/adcodes.csv"):
            return Path(str(file.locate()))
    raise CodeTableMissingError("找不到行政区划代码表（cpca 包的 adcodes.csv），请运行 make setup")


def _level(code: str) -> int:
    if code[2:] == "0000":
        return 1
    if code[4:] == "00":
        return 2
    return 3


def read_area_codes() -> list[AreaCode]:
    """Every province, city and county, each with its parent (the nearest existing level above)."""
    with _table_path().open(encoding="utf-8") as handle:
        rows = {row["adcode"][:6]: row["name"] for row in csv.DictReader(handle)}
    codes: list[AreaCode] = []
    for code, name in sorted(rows.items()):
        # 市辖区 (xx01) is a statistical placeholder for a city's urban districts, not a county:
        # it has no government, plan or data of its own, so it is never assessed or ranked.
        if name == "市辖区":
            continue
        level = _level(code)
        candidates = [code[:4] + "00", code[:2] + "0000"] if level == 3 else [code[:2] + "0000"]
        parent = next((c for c in candidates if c != code and c in rows), None) if level > 1 else None
        codes.append(AreaCode(code=code, name=name, level=level, parent=parent))
    return codes
