from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from healthaction.workbook import EntryRow, build_template, template_file_name
from healthaction.workbook.tests.sample import DEPARTMENT, FIRST_ROW, ROUND, ROWS, template


@pytest.fixture
def workbook(tmp_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(template(tmp_path))


def test_it_protects_the_sheet_and_opens_only_value_and_comment(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["填报"]
    assert sheet.protection.sheet
    row = FIRST_ROW
    locked = {cell.column_letter: cell.protection.locked for cell in sheet[row]}
    assert locked == dict.fromkeys("ABCDEFGHKLM", True) | {"I": False, "J": False}
    assert workbook.security is not None
    assert workbook.security.lockStructure


def test_it_shows_the_title_instructions_units_last_year_and_target(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["填报"]
    assert sheet["A1"].value == f"平川区{ROUND}{DEPARTMENT}指标填报表"
    instructions = " ".join(str(sheet.cell(row, 1).value) for row in range(2, FIRST_ROW - 1))
    for phrase in ("灰色单元格", "单位", DEPARTMENT, ROUND):
        assert phrase in instructions
    header = [cell.value for cell in sheet[FIRST_ROW - 1]][:10]
    assert header == [
        "地区代码",
        "地区",
        "指标编码",
        "指标",
        "单位",
        "年份",
        "上年值",
        "目标",
        "填报值",
        "说明",
    ]
    first = [cell.value for cell in sheet[FIRST_ROW]][:8]
    assert first == ["620403", "平川区", "17", "居民健康素养水平", "%", 2023, 19.6, "≥22%"]
    assert sheet.freeze_panes == f"E{FIRST_ROW}"
    assert sheet.column_dimensions["K"].hidden
    assert sheet.column_dimensions["L"].hidden
    assert sheet.column_dimensions["M"].hidden


def test_it_checks_values_as_decimals_naming_each_rows_unit(workbook: openpyxl.Workbook) -> None:
    rules = workbook["填报"].data_validations.dataValidation
    decimals = {str(rule.sqref): rule for rule in rules if rule.type == "decimal"}
    by_unit = {rule.prompt.split("。")[0]: ranges for ranges, rule in decimals.items()}
    assert by_unit == {"单位：%": "I9 I13", "单位：‰": "I10", "单位：1/10万": "I11", "单位：岁": "I12"}
    assert all(rule.showInputMessage and rule.allow_blank for rule in decimals.values())
    # The one number rule's range per unit: Excel stops −5 or 250 in a % row while typing.
    bounds = {rule.prompt.split("。")[0]: (rule.formula1, rule.formula2) for rule in decimals.values()}
    assert bounds["单位：%"] == ("0", "100")
    assert bounds["单位：‰"] == ("0", "1000")
    assert bounds["单位：岁"] == ("40", "100")
    (comment,) = [rule for rule in rules if rule.type == "textLength"]
    assert (str(comment.sqref), comment.operator, comment.formula1) == ("J9:J13", "lessThanOrEqual", "500")


def test_it_keeps_department_round_and_version_in_a_hidden_sheet(workbook: openpyxl.Workbook) -> None:
    meta = workbook["元数据"]
    assert meta.sheet_state == "hidden"
    values = {key: value for key, value in meta.iter_rows(values_only=True)}
    expected = {"部门": DEPARTMENT, "轮次": ROUND, "格式版本": "2", "行数": str(len(ROWS))}
    assert {key: values[key] for key in expected} == expected
    assert values["表头行"] == str(FIRST_ROW - 1)


def test_it_replaces_the_file_whole_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = template(tmp_path)
    path.write_bytes(b"old")
    template(tmp_path)
    assert path.read_bytes().startswith(b"PK")
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_it_refuses_two_rows_for_the_same_region_indicator_and_year(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="重复"):
        template(tmp_path, [*ROWS, EntryRow("620403", "平川区", "17", "健康素养", "%", 2023)])


def test_it_writes_an_empty_template_when_the_department_owns_nothing(tmp_path: Path) -> None:
    path = tmp_path / "空.xlsx"
    build_template([], department=DEPARTMENT, region_name="平川区", round_label=ROUND, path=path)
    assert openpyxl.load_workbook(path)["填报"].max_row == FIRST_ROW - 1


def test_it_names_the_file_for_the_department_and_round() -> None:
    assert template_file_name(department=DEPARTMENT, round_label=ROUND) == "区卫生健康局2023年度填报表.xlsx"
