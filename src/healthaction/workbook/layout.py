"""The shape of a department's 填报表: sheet names, columns, metadata keys and limits.

One row per (region, indicator, year): 平川区 | 居民健康素养水平 | % | 2023 | 上年值 19.6 |
目标 ≥22% | 填报值 … | 说明 …. The grey key cells are locked; two hidden columns keep the
row's original keys so the reader can tell which key cell was changed, and a third the version
of the row's value when the template was made (blank: no value yet), so an upload never
overwrites a value someone changed after the download.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from healthaction.numbers import LIMIT

# 2: adds the hidden 版本校验 column. A format-1 file cannot tell a value changed since its
# download from one it changes itself, so it is refused with a request to download anew.
FORMAT_VERSION = "2"
FORMATS_WITHOUT_VERSIONS = frozenset({"1"})
ENTRY_SHEET = "填报"
META_SHEET = "元数据"

# Columns of the 填报 sheet, 1-based, as Excel counts them.
REGION_CODE, REGION_NAME, INDICATOR_CODE, INDICATOR_NAME, UNIT, YEAR = 1, 2, 3, 4, 5, 6
LAST_YEAR, TARGET, VALUE, COMMENT = 7, 8, 9, 10
ORIGINAL_REGION, ORIGINAL_INDICATOR = 11, 12  # hidden: the keys as the template wrote them
ROW_VERSION = 13  # hidden: the value's version at download (a number; blank for no value yet)
LAST_COLUMN = ROW_VERSION
HEADERS: dict[int, str] = {
    REGION_CODE: "地区代码",
    REGION_NAME: "地区",
    INDICATOR_CODE: "指标编码",
    INDICATOR_NAME: "指标",
    UNIT: "单位",
    YEAR: "年份",
    LAST_YEAR: "上年值",
    TARGET: "目标",
    VALUE: "填报值",
    COMMENT: "说明",
    ORIGINAL_REGION: "地区校验（勿改）",
    ORIGINAL_INDICATOR: "指标校验（勿改）",
    ROW_VERSION: "版本校验（勿改）",
}
# The key cells a user may not change, in the order the hidden columns store them.
KEY_COLUMNS = (REGION_CODE, REGION_NAME, INDICATOR_CODE, INDICATOR_NAME, UNIT, YEAR)

# Keys of the hidden 元数据 sheet (column A = key, column B = value).
META_VERSION = "格式版本"
META_DEPARTMENT = "部门"
META_REGION = "地区"
META_ROUND = "轮次"
META_ROWS = "行数"
META_HEADER_ROW = "表头行"
META_CREATED = "生成时间"

COMMENT_MAX_CHARS = 500
# Excel keeps 15 significant digits; a value past this is a typo, not a statistic (the one number rule).
VALUE_LIMIT = LIMIT


@dataclass(frozen=True)
class EntryRow:
    """One row of the template: what the department reports for one region, indicator and year."""

    region_code: str
    region_name: str
    indicator_code: str
    indicator_name: str
    unit: str
    year: int
    last_year_value: Decimal | float | None = None
    target_text: str = ""
    current_value: Decimal | float | None = None
    comment: str = ""
    # The version of the stored value the row was filled from (None: nothing stored yet); the
    # reader hands it back so the caller can refuse a row whose value changed since.
    version: int | None = None

    @property
    def original_region(self) -> list[str]:
        return [self.region_code, self.region_name]

    @property
    def original_indicator(self) -> list[str | int]:
        return [self.indicator_code, self.indicator_name, self.unit, self.year]

    @property
    def keys(self) -> tuple[str, str, str, str, str, int]:
        """The locked cells, in ``KEY_COLUMNS`` order."""
        return (
            self.region_code,
            self.region_name,
            self.indicator_code,
            self.indicator_name,
            self.unit,
            self.year,
        )


def template_file_name(*, department: str, round_label: str) -> str:
    """区卫生健康局 and 2023年度 → 区卫生健康局2023年度填报表.xlsx"""
    return f"{department}{round_label}填报表.xlsx"
