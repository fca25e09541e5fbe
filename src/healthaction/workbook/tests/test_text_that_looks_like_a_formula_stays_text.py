"""Users' text starting with =, +, -, @, a tab or CR is written as text in every .xlsx we write.

Issue 11: a clerk's comment, a task name or a 整改 issue starting with ``=`` went into the entry
template, ``/tasks/<code>/export.xlsx`` and the 督导通报 .xlsx as a live formula, and such a template
row could not be uploaded back. Every writer now stores it as a string cell with Excel's quote
prefix (``healthaction.spreadsheet_text``): shown as typed, never evaluated, read back unchanged.
"""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from healthaction.plan import PlanTask
from healthaction.reports.draft import Column, Draft, Paragraph, Table
from healthaction.reports.xlsx_writer import write_xlsx as write_report
from healthaction.responsibility.export import write_xlsx as write_tasks
from healthaction.spreadsheet_text import looks_like_formula
from healthaction.workbook import EntryRow, build_template, read_workbook
from healthaction.workbook.tests.sample import DEPARTMENT, REGION, ROUND, filled

FORMULAS = ("=1+1", "+1+1", "-1+1", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://x","点我")')


def _formula_cells(path: Path) -> list[str]:
    """Every cell stored as a formula, in any sheet: none may be."""
    workbook = openpyxl.load_workbook(path)
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def _quoted_texts(path: Path) -> set[str]:
    """The texts stored with Excel's quote prefix: shown and edited as text."""
    workbook = openpyxl.load_workbook(path)
    return {
        cell.value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.quotePrefix
    }


@pytest.mark.parametrize("text", FORMULAS)
def test_a_comment_like_a_formula_round_trips_through_the_template(tmp_path: Path, text: str) -> None:
    rows = [
        EntryRow("620403", REGION, "17", "居民健康素养水平", "%", 2023, Decimal("19.6"), "≥22%", None, text),
        EntryRow("620403", REGION, "18", "=婴儿死亡率", "‰", 2023, 4.4, "-7.5‰"),
    ]
    path = tmp_path / "填报表.xlsx"
    build_template(rows, department=DEPARTMENT, region_name=REGION, round_label=ROUND, path=path)

    assert _formula_cells(path) == []
    assert {text, "=婴儿死亡率", "-7.5‰"} <= _quoted_texts(path) | {text.strip()}
    # Downloaded, filled in as a person would (the value typed, the file saved), uploaded back.
    result = read_workbook(
        filled(path, {"I9": 21.3, "I10": 4.1}), expect_department=DEPARTMENT, expect_round=ROUND
    )

    assert result.ok, result.errors
    assert [row.comment for row in result.rows] == [text.strip(), ""]
    assert result.rows[1].indicator_name == "=婴儿死亡率"


def test_the_template_xml_holds_no_formula_element(tmp_path: Path) -> None:
    rows = [EntryRow("620403", REGION, "17", "指标", "%", 2023, None, "=1+1", None, "=1+1")]
    path = tmp_path / "填报表.xlsx"
    build_template(rows, department=DEPARTMENT, region_name=REGION, round_label=ROUND, path=path)

    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_a_task_list_export_writes_task_names_as_text(tmp_path: Path) -> None:
    tasks = [
        PlanTask(seq=1, program="=工程", task="=1+1", measures=["@措施"], deadline="2025-12"),
        PlanTask(seq=2, program=None, task="+86 热线", lead_departments=["-卫健局"], deadline=None),
    ]
    path = write_tasks(tasks, tmp_path / "责任清单.xlsx")

    assert _formula_cells(path) == []
    assert {"=工程", "=1+1", "+86 热线", "-卫健局"} <= _quoted_texts(path)  # measures are numbered: "1.@措施"


def test_a_report_workbook_writes_quoted_text_as_text(tmp_path: Path) -> None:
    """The 督导通报 and the reports are Drafts written by one writer."""
    table = Table(
        caption="表1 整改问题",
        sheet="整改",
        columns=(Column("问题"), Column("得分", number_format="0.0")),
        rows=(("=cmd|' /C calc'!A0", 1.5), ("@SUM(1)", 2.0)),
    )
    draft = Draft(
        title="=督导通报",
        addressee=None,
        blocks=(Paragraph("-说明"), table),
        signature="办公室",
        date="2024年1月1日",
        issuer="办公室",
    )
    path = tmp_path / "通报.xlsx"
    write_report(draft, path)

    assert _formula_cells(path) == []
    assert {"=督导通报", "-说明", "=cmd|' /C calc'!A0", "@SUM(1)"} <= _quoted_texts(path)
    assert openpyxl.load_workbook(path)["整改"]["B2"].value == 1.5  # numbers stay numbers


def test_only_formula_starts_are_quoted() -> None:
    assert all(looks_like_formula(text) for text in FORMULAS)
    assert not any(looks_like_formula(text) for text in ("1+1", "平川区", "≥22%", " =1", "（=）"))
