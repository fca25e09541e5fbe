"""A 责任清单 kept as a real Word table or an Excel sheet parses to the same tasks.

The documents are built here with python-docx and openpyxl, with the merged 工程
cells and the header words real lists use.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from healthaction.ingest import parse_file
from healthaction.ingest.errors import UnsupportedFormat
from healthaction.plan import Plan, PlanTask

HEADER = ("序号", "重点工程", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时间")
ROWS = (
    (
        "1",
        "实施健康知识普及工程",
        "加强健康宣传",
        "1.开展健康讲座，每年不少于60场次；\n2.发放宣传手册。",
        "县卫健局",
        "县委宣传部、县教育局",
        "2021年底",
    ),
    (
        "2",
        "",
        "建设健康步道",
        "（1）新建步道1条；（2）改造农村户厕500座",
        "县体育局",
        "县住建局",
        "2022年6月",
    ),
    ("3", "实施合理膳食工程", "推进减盐减油", "开展“三减”宣传进社区活动。", "县市场监管局", "", "长期"),
)
EXPECTED = [
    PlanTask(
        seq=1,
        program="实施健康知识普及工程",
        task="加强健康宣传",
        measures=["开展健康讲座，每年不少于60场次", "发放宣传手册。"],
        lead_departments=["县卫健局"],
        responsible_departments=["县委宣传部", "县教育局"],
        deadline="2021-12",
    ),
    PlanTask(
        seq=2,
        program="实施健康知识普及工程",
        task="建设健康步道",
        measures=["新建步道1条", "改造农村户厕500座"],
        lead_departments=["县体育局"],
        responsible_departments=["县住建局"],
        deadline="2022-06",
    ),
    PlanTask(
        seq=3,
        program="实施合理膳食工程",
        task="推进减盐减油",
        measures=["开展“三减”宣传进社区活动。"],
        lead_departments=["县市场监管局"],
        deadline="长期",
    ),
]


def _parse(path: Path, kind: str) -> Plan:
    try:
        return parse_file(path)
    except UnsupportedFormat:
        pytest.skip(f"{kind} 读取器尚未注册，无法解析 {path.name}")


def test_a_word_table_with_merged_program_cells_gives_the_tasks(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("健康某县行动责任清单")
    table = document.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for column, text in enumerate(HEADER):
        table.cell(0, column).text = text
    for row, cells in enumerate(ROWS, start=1):
        for column, text in enumerate(cells):
            if text:
                table.cell(row, column).text = text
    merged = table.cell(1, 1).merge(table.cell(2, 1))  # 工程 spans rows 1–2
    merged.text = ROWS[0][1]
    path = tmp_path / "责任清单.docx"
    document.save(str(path))

    plan = _parse(path, "Word（.docx）")

    assert plan.tasks == EXPECTED
    assert not [w for w in plan.warnings if "责任清单" in w]


def test_an_excel_sheet_with_a_title_row_and_merged_cells_gives_the_tasks(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "责任清单"
    sheet.append(["健康某县行动责任清单"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(list(HEADER))
    for cells in ROWS:
        sheet.append([int(cells[0]), *cells[1:]])
    sheet.merge_cells("B3:B4")  # 工程 spans the first two tasks
    path = tmp_path / "责任清单.xlsx"
    workbook.save(str(path))

    plan = _parse(path, "Excel（.xlsx）")

    assert plan.tasks == EXPECTED
