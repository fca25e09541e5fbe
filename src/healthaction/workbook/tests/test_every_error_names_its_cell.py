"""Each mistake in a filled 填报表 is named by file, sheet and cell, in Chinese; all are listed."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from healthaction.workbook import WorkbookResult, read_workbook
from healthaction.workbook.tests.sample import DEPARTMENT, ROUND, filled, template


def _read(path: Path) -> WorkbookResult:
    return read_workbook(path, expect_department=DEPARTMENT, expect_round=ROUND)


def _errors(path: Path) -> dict[str, str]:
    return {error.cell: error.message for error in _read(path).errors}


def test_it_names_the_cell_holding_text_instead_of_a_number(tmp_path: Path) -> None:
    result = _read(filled(template(tmp_path), {"I9": "约10%"}))
    assert [str(error) for error in result.errors] == [
        "填好的填报表.xlsx 填报!I9：应为数字，实际为「约10%」；只填一个数字，估计、范围等请写在「说明」中"
    ]
    assert result.rows == []
    assert not result.ok


def test_it_accepts_ten_percent_in_a_percent_row_with_a_note(tmp_path: Path) -> None:
    result = _read(filled(template(tmp_path), {"I9": "10%"}))
    assert result.ok
    assert result.rows[0].value == 10
    assert [str(note) for note in result.notes] == ["填好的填报表.xlsx 填报!I9：已去掉单位「%」，按 10 读取"]


def test_it_reads_ten_percent_as_excel_stores_it(tmp_path: Path) -> None:
    """Excel turns a typed 10% into 0.1 with a percent format; 0.1 must not be read as 0.1 %."""
    path = template(tmp_path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["填报"]
    sheet["I9"], sheet["I9"].number_format = 0.1, "0%"
    sheet["I10"], sheet["I10"].number_format = 0.0041, "0.00%"  # a ‰ row
    workbook.save(path)
    result = _read(path)
    assert [str(row.value) for row in result.rows[:2]] == ["10", "4.1"]
    assert [note.cell for note in result.notes] == ["I9", "I10"]


def test_it_names_a_unit_it_cannot_convert(tmp_path: Path) -> None:
    errors = _errors(filled(template(tmp_path), {"I12": "78%", "I10": "3.1‰"}))
    assert errors == {"I12": "填写的单位「%」与本项单位「岁」不同，无法换算；请只填数字（单位：岁）"}


def test_it_names_each_key_cell_that_was_changed(tmp_path: Path) -> None:
    path = filled(template(tmp_path), {"A9": "620402", "D10": "新生儿死亡率", "F11": 2022, "E12": "年"})
    errors = _errors(path)
    assert set(errors) == {"A9", "D10", "F11", "E12"}
    assert errors["A9"].startswith("地区代码已被改动：模板中为「620403」，现为「620402」")
    assert errors["F11"].startswith("年份已被改动：模板中为「2023」，现为「2022」")


def test_it_names_a_row_copied_over_another_as_a_duplicate(tmp_path: Path) -> None:
    path = template(tmp_path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["填报"]
    for column in range(1, 13):
        sheet.cell(13, column).value = sheet.cell(9, column).value
    workbook.save(path)
    assert _errors(path) == {"A13": "与第9行重复（同一地区、指标、年份只能填一行）"}


def test_it_names_a_row_added_below_the_template(tmp_path: Path) -> None:
    errors = _errors(filled(template(tmp_path), {"B15": "合计", "I15": 100}))
    assert errors == {"A15": "本行不是模板中的行（可能是新增或复制来的），请删除本行或重新下载模板"}


def test_it_names_a_moved_or_renamed_column(tmp_path: Path) -> None:
    errors = _errors(filled(template(tmp_path), {"I8": "数值"}))
    assert errors == {"I8": "表头应为「填报值」，实际为「数值」；不要增删或移动列，请重新下载模板"}


def test_it_names_a_comment_past_the_length_limit(tmp_path: Path) -> None:
    errors = _errors(filled(template(tmp_path), {"J11": "原因" * 300}))
    assert errors == {"J11": "说明不超过500字，现为600字"}


def test_it_lists_every_error_not_just_the_first(tmp_path: Path) -> None:
    path = filled(template(tmp_path), {"I9": "暂无", "I10": "TRUE值", "C11": "99", "I13": "很高"})
    result = _read(path)
    assert [error.cell for error in result.errors] == ["I9", "I10", "C11", "I13"]
    assert result.error_count == 4


def test_it_keeps_a_bounded_list_but_counts_all(tmp_path: Path) -> None:
    from healthaction.workbook import ReadLimits

    path = filled(template(tmp_path), {f"I{row}": "无" for row in range(9, 14)})
    result = read_workbook(
        path, expect_department=DEPARTMENT, expect_round=ROUND, limits=ReadLimits(max_errors=2)
    )
    assert result.error_count == 5
    assert [error.cell for error in result.errors] == ["I9", "I10", ""]
    assert result.errors[-1].message == "另有3处错误未列出，请先改正以上错误"
