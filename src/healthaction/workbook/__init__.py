"""The department's .xlsx round-trip: a locked, validated template out, every error named on the way in.

build_template(rows, department="区卫生健康局", region_name="平川区", round_label="2023年度", path=out)
result = read_workbook(out, expect_department="区卫生健康局", expect_round="2023年度")
"""

from __future__ import annotations

from healthaction.workbook.layout import EntryRow, template_file_name
from healthaction.workbook.reader import (
    CellError,
    CellNote,
    EnteredValue,
    ReadLimits,
    WorkbookResult,
    read_workbook,
)
from healthaction.workbook.template import build_template

__all__ = [
    "CellError",
    "CellNote",
    "EnteredValue",
    "EntryRow",
    "ReadLimits",
    "WorkbookResult",
    "build_template",
    "read_workbook",
    "template_file_name",
]
