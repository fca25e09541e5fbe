"""Excel workbooks: each sheet one Table, merged ranges with their value top-left only."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from healthaction.ingest.blocks import Table
from healthaction.ingest.errors import IngestError
from healthaction.ingest.readers import read


def test_it_reads_each_sheet_as_one_table_as_excel_shows_it(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "指标框架"
    sheet.append(["健康某某行动考核指标框架"])
    sheet.merge_cells("A1:D1")
    sheet.append(["序号", "指标", "目标值", None])
    sheet.merge_cells("C2:D2")
    sheet.append([None, None, "2022年", "2030年"])
    sheet.append([1, "居民健康素养水平", 0.22, 0.3])
    sheet["C4"].number_format = sheet["D4"].number_format = "0%"
    sheet.append([2, "人均预期寿命（岁）", 74.6, 79.0])
    sheet.append([])
    workbook.create_sheet("空表")
    tasks = workbook.create_sheet("责任清单")
    tasks.append(["任务", "牵头部门"])
    path = tmp_path / "框架.xlsx"
    workbook.save(path)

    assert read(path) == [
        Table(
            (
                ("健康某某行动考核指标框架", "", "", ""),
                ("序号", "指标", "目标值", ""),
                ("", "", "2022年", "2030年"),
                ("1", "居民健康素养水平", "22%", "30%"),
                ("2", "人均预期寿命（岁）", "74.6", "79"),
            ),
            "工作表指标框架",
        ),
        Table((("任务", "牵头部门"),), "工作表责任清单"),
    ]


def test_it_rejects_a_corrupt_workbook(tmp_path: Path) -> None:
    path = tmp_path / "坏.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(IngestError, match=r"坏\.xlsx：不是有效的 Excel 工作簿（\.xlsx）"):
        read(path)
