"""A file that is not this department's 填报表 for this round is refused whole, in one line."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from healthaction.workbook import ReadLimits, read_workbook
from healthaction.workbook.tests.sample import DEPARTMENT, ROUND, filled, template


def _refusal(path: Path, *, department: str = DEPARTMENT, round_label: str = ROUND, **options: object) -> str:
    result = read_workbook(path, expect_department=department, expect_round=round_label, **options)  # type: ignore[arg-type]
    assert result.rows == []
    assert len(result.errors) == 1
    (error,) = result.errors
    assert (error.sheet, error.cell) == ("", "")
    return str(error)


def test_it_refuses_another_departments_template(tmp_path: Path) -> None:
    assert _refusal(template(tmp_path), department="区疾控中心") == (
        "填报表.xlsx：此文件是「区卫生健康局」的填报表，不能作为「区疾控中心」的数据上传；请下载本部门的模板"
    )


def test_it_refuses_a_template_of_another_round(tmp_path: Path) -> None:
    assert _refusal(template(tmp_path), round_label="2024年度") == (
        "填报表.xlsx：此文件属于「2023年度」填报轮次，当前上传的是「2024年度」；请下载本轮次的模板"
    )


def test_it_names_the_missing_entry_sheet_and_the_sheets_it_found(tmp_path: Path) -> None:
    path = template(tmp_path)
    workbook = openpyxl.load_workbook(path)
    workbook["填报"].title = "Sheet1"
    workbook.save(path)
    assert "找不到工作表「填报」（文件中有：Sheet1、元数据）" in _refusal(path)


def test_it_refuses_a_workbook_the_system_did_not_make(tmp_path: Path) -> None:
    path = tmp_path / "自制表.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "填报"
    workbook.save(path)
    assert (
        _refusal(path) == "自制表.xlsx：缺少隐藏的「元数据」工作表：不是从本系统下载的填报表，请重新下载模板"
    )


def test_it_refuses_a_template_of_an_unknown_format_version(tmp_path: Path) -> None:
    path = template(tmp_path)
    workbook = openpyxl.load_workbook(path)
    workbook["元数据"]["B1"] = "9"
    workbook.save(path)
    assert "填报表格式版本「9」不受支持" in _refusal(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"region,indicator,value\n620403,17,21.3\n", "不是 Excel 工作簿（.xlsx）"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "这是旧版 Excel（.xls）文件"),
        (b"", "不是 Excel 工作簿（.xlsx）"),
    ],
)
def test_it_refuses_a_file_that_is_not_an_xlsx(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "上传.xlsx"
    path.write_bytes(content)
    assert message in _refusal(path)


def test_it_refuses_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "材料.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    assert "不是 Excel 工作簿（.xlsx）" in _refusal(path)


def test_it_refuses_a_damaged_workbook(tmp_path: Path) -> None:
    path = template(tmp_path)
    damaged = tmp_path / "损坏.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data[: len(data) // 2] if info.filename.endswith("sheet1.xml") else data)
    assert _refusal(damaged) == "损坏.xlsx：文件已损坏或不是本系统生成的填报表，请重新下载模板填写"


def test_it_refuses_a_file_past_the_size_limit_before_opening_it(tmp_path: Path) -> None:
    limits = ReadLimits(max_file_bytes=1024)
    assert "文件过大" in _refusal(template(tmp_path), limits=limits)
    assert "上限为 1 KB；请按地区或指标分成几个文件上传" in _refusal(template(tmp_path), limits=limits)


def test_it_refuses_a_file_that_unzips_past_the_limit(tmp_path: Path) -> None:
    assert "文件解压后过大" in _refusal(template(tmp_path), limits=ReadLimits(max_unzipped_bytes=1000))


def test_it_stops_at_the_row_limit(tmp_path: Path) -> None:
    result = read_workbook(
        filled(template(tmp_path), {"I9": 1}),
        expect_department=DEPARTMENT,
        expect_round=ROUND,
        limits=ReadLimits(max_rows=3),
    )
    assert [str(error) for error in result.errors] == [
        "填好的填报表.xlsx 填报：行数超过上限 3 行，请分成几个文件上传"
    ]


def test_it_names_the_upload_by_the_name_the_user_gave_it(tmp_path: Path) -> None:
    path = tmp_path / "upload_7f3a.tmp"
    path.write_bytes(b"not a workbook")
    assert _refusal(path, file_name="卫健局填报.xlsx").startswith("卫健局填报.xlsx：")


def test_it_says_so_when_the_file_is_gone(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "没有.xlsx") == "没有.xlsx：找不到文件"
