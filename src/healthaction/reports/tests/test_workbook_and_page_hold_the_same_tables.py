"""The .xlsx: sheets per table, frozen header, numbers as numbers, units in headers; .html printable."""

from __future__ import annotations

import re

from openpyxl import load_workbook

from healthaction.reports.tests.conftest import Built


def test_the_workbook_has_the_ranking_with_numbers_and_units(built: Built) -> None:
    book = load_workbook(built.folder / "assessment.xlsx")
    assert book.sheetnames[0] == "说明"
    sheet = book["排名"]
    assert sheet.freeze_panes == "A2"
    headers = [c.value for c in sheet[1]]
    assert headers[:6] == ["排名", "地区", "基础得分（分）", "加分（分）", "扣分（分）", "最终得分（分）"]
    scores = built.data["assessment"].scores
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[5] for r in rows] == [s.final for s in scores]
    assert all(isinstance(r[5], int | float) for r in rows)
    assert sheet["F2"].number_format == "0.00"
    assert "复核" in book.sheetnames
    assert "加减分与否决" in book.sheetnames


def test_the_indicator_sheet_keeps_values_as_numbers(built: Built) -> None:
    sheet = load_workbook(built.folder / "overall.xlsx")["指标"]
    headers = [c.value for c in sheet[1]]
    assert "完成序时进度（%）" in headers
    value = headers.index("实际值")
    numbers = [r[value] for r in sheet.iter_rows(min_row=2, values_only=True) if r[value] is not None]
    assert any(isinstance(v, float | int) for v in numbers)
    assert sheet.max_row - 1 == len(built.data["overall"].indicators)


def test_the_page_is_self_contained_and_prints_on_a4(built: Built) -> None:
    html = (built.folder / "overall.html").read_text(encoding="utf-8")
    assert "@media print" in html
    assert "size: A4" in html
    assert not re.search(r"""(src|href)=["']https?:""", html)  # no CDN
    assert "data:image/png;base64," in html
    assert "<thead>" in html
    # the action table in the text; the national comparison and every indicator as 附件
    assert html.count("<table>") == 3
    assert "平川区2022年健康平川行动总体监测评估报告" in html
