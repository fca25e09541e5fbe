"""A filled 填报表 read back: every row valid, or every error named by file, sheet and cell.

The reader decides nothing about the database. It returns clean rows or the full list of
errors (a wrong department or round stops at once: its rows are not the caller's to read);
the caller saves the rows inside one transaction only when there is no error. For a large
file, ``on_row`` hands each clean row over as it is read instead of keeping them all; the
caller then rolls back if the result has errors.

    result = read_workbook(path, expect_department="区卫生健康局", expect_round="2023年度")
    for error in result.errors:
        print(error)  # 填报表.xlsx 填报!I12：应为数字，实际为「约10%」
"""

from __future__ import annotations

import logging
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

from openpyxl.utils import get_column_letter

from healthaction.package_limits import PackageLimitError, check_directory, excerpt, limit_text, size_text
from healthaction.workbook.layout import (
    COMMENT,
    COMMENT_MAX_CHARS,
    ENTRY_SHEET,
    FORMAT_VERSION,
    FORMATS_WITHOUT_VERSIONS,
    HEADERS,
    KEY_COLUMNS,
    LAST_COLUMN,
    META_DEPARTMENT,
    META_HEADER_ROW,
    META_REGION,
    META_ROUND,
    META_SHEET,
    META_VERSION,
    ORIGINAL_INDICATOR,
    ORIGINAL_REGION,
    ROW_VERSION,
    VALUE,
)
from healthaction.workbook.row_keys import DuplicateIndex, OriginalKeys
from healthaction.workbook.sheet_stream import (
    Package,
    PlacedLimitError,
    RawCell,
    ReadLimits,
    Sheet,
    open_package,
)
from healthaction.workbook.values import CellValueError, read_value

log = logging.getLogger(__name__)

__all__ = ["CellError", "CellNote", "EnteredValue", "ReadLimits", "WorkbookResult", "read_workbook"]

# A 填报值 longer than this is no number: it is refused without being parsed or echoed whole.
_VALUE_MAX_CHARS = 64


@dataclass(frozen=True)
class _CellMessage:
    file: str
    sheet: str
    cell: str
    message: str

    def __str__(self) -> str:
        place = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        return f"{self.file} {place}：{self.message}" if place else f"{self.file}：{self.message}"


@dataclass(frozen=True)
class CellError(_CellMessage):
    """One problem, where the user can find it: 填报表.xlsx 填报!I12：应为数字，实际为「约10%」"""


@dataclass(frozen=True)
class CellNote(_CellMessage):
    """A value read, but not exactly as typed: 12.5% in a % row is read as 12.5."""


@dataclass(frozen=True, slots=True)
class EnteredValue:
    """A clean row: 平川区 (620403) 居民健康素养水平 2023 = 21.3 %, with its comment."""

    row: int
    region_code: str
    region_name: str
    indicator_code: str
    indicator_name: str
    unit: str
    year: int
    value: Decimal | None  # None: left blank (not reported this round)
    comment: str
    version: int | None = None  # of the stored value the template was filled from; None: none yet


@dataclass
class WorkbookResult:
    rows: list[EnteredValue] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    notes: list[CellNote] = field(default_factory=list)
    error_count: int = 0  # all errors, also those past ``ReadLimits.max_errors``
    row_count: int = 0  # template rows read, kept or handed to ``on_row``
    department: str = ""
    region_name: str = ""
    round_label: str = ""

    @property
    def ok(self) -> bool:
        return self.error_count == 0


class _FileRefusedError(Exception):
    """The whole file is refused; the message is the one line the user reads."""


def read_workbook(
    path: Path,
    *,
    expect_department: str,
    expect_round: str,
    file_name: str | None = None,
    limits: ReadLimits | None = None,
    on_row: Callable[[EnteredValue], None] | None = None,
) -> WorkbookResult:
    """Read a 填报表 uploaded for ``expect_department`` in round ``expect_round``.

    ``file_name`` is the name the user knows (an upload is saved under a temporary name).
    With ``on_row`` the clean rows go there, not into ``result.rows``.
    """
    name = file_name or path.name
    limits = limits or ReadLimits()
    result = WorkbookResult()
    try:
        _check_size(path, name, limits)
        with path.open("rb") as stream:
            package = _open(stream, name, limits)
            meta = _metadata(package, name)
            _check_owner(meta, name, expect_department, expect_round)
            result.department, result.round_label = meta[META_DEPARTMENT], meta[META_ROUND]
            result.region_name = meta.get(META_REGION, "")
            _read_rows(package, meta, name, limits, result, on_row)
    except _FileRefusedError as refusal:
        result.errors.append(CellError(name, "", "", str(refusal)))
        result.error_count += 1
    except PackageLimitError as refusal:
        # Stops at once, in flat memory: the rows handed on so far are the caller's to roll back.
        sheet, cell = (refusal.sheet, refusal.cell) if isinstance(refusal, PlacedLimitError) else ("", "")
        result.errors.append(CellError(name, sheet, cell, str(refusal)))
        result.error_count += 1
    except (zipfile.BadZipFile, KeyError, ParseError, ExpatError, ValueError, IndexError) as error:
        log.warning("填报表 %s 无法读取：%r", name, error)
        damaged = "文件已损坏或不是本系统生成的填报表，请重新下载模板填写"
        result.errors.append(CellError(name, "", "", damaged))
        result.error_count += 1
    if result.error_count:
        result.rows.clear()
    if result.error_count > len(result.errors):
        hidden = result.error_count - len(result.errors)
        result.errors.append(CellError(name, "", "", f"另有{hidden}处错误未列出，请先改正以上错误"))
    log.info("填报表 %s：%d 行，%d 处错误", name, result.row_count, result.error_count)
    return result


def _check_size(path: Path, name: str, limits: ReadLimits) -> None:
    try:
        size = path.stat().st_size
    except FileNotFoundError as error:
        raise _FileRefusedError("找不到文件") from error
    if size > limits.max_file_bytes:
        raise _FileRefusedError(
            f"文件过大（{size_text(size)}），上限为 {limit_text(limits.max_file_bytes)}；"
            "请按地区或指标分成几个文件上传"
        )


def _open(binary: IO[bytes], name: str, limits: ReadLimits) -> Package:
    head = binary.read(8)
    binary.seek(0)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _FileRefusedError("这是旧版 Excel（.xls）文件，请用 Excel 另存为 .xlsx，或直接填写下载的模板")
    if not zipfile.is_zipfile(binary):
        raise _FileRefusedError("不是 Excel 工作簿（.xlsx），请上传从系统下载并填好的填报表")
    binary.seek(0)
    check_directory(binary, limits.parts())  # before zipfile makes an object of each member
    with zipfile.ZipFile(binary) as archive:
        names = set(archive.namelist())
        unzipped = sum(info.file_size for info in archive.infolist())
    if "xl/workbook.xml" not in names:
        raise _FileRefusedError("不是 Excel 工作簿（.xlsx），请上传从系统下载并填好的填报表")
    if unzipped > limits.max_unzipped_bytes:
        raise _FileRefusedError(
            f"文件解压后过大（{size_text(unzipped)}），上限为 {limit_text(limits.max_unzipped_bytes)}"
        )
    binary.seek(0)
    return open_package(binary, limits)


def _sheet(package: Package, sheet_name: str) -> Sheet:
    sheet = package.sheets.get(sheet_name)
    if sheet is None:
        present = excerpt("、".join(package.sheets), 60) or "无"
        raise _FileRefusedError(
            f"找不到工作表「{sheet_name}」（文件中有：{present}）；请使用从系统下载的填报表，不要改工作表名称"
        )
    return sheet


def _metadata(package: Package, name: str) -> dict[str, str]:
    if META_SHEET not in package.sheets:
        _sheet(package, ENTRY_SHEET)  # no 填报 either: say that first
        raise _FileRefusedError("缺少隐藏的「元数据」工作表：不是从本系统下载的填报表，请重新下载模板")
    meta: dict[str, str] = {}
    for _number, cells in package.rows(package.sheets[META_SHEET], max_column=2):
        key, value = (_text(cells.get(column)) for column in (1, 2))
        if key:
            meta[key] = value
    if meta.get(META_VERSION) in FORMATS_WITHOUT_VERSIONS:
        raise _FileRefusedError(
            "这是旧版填报表，不含数据版本，无法确认下载后是否有人在系统中改过其中的值；"
            "请重新下载模板，把「填报值」「说明」两列抄入新模板后再上传"
        )
    if meta.get(META_VERSION) != FORMAT_VERSION:
        raise _FileRefusedError(
            f"填报表格式版本「{excerpt(meta.get(META_VERSION, '无'))}」不受支持，请重新下载模板"
        )
    if not meta.get(META_HEADER_ROW, "").isdigit() or META_DEPARTMENT not in meta or META_ROUND not in meta:
        raise _FileRefusedError("「元数据」工作表不完整：请重新下载模板")
    return meta


def _check_owner(meta: dict[str, str], name: str, department: str, round_label: str) -> None:
    if meta[META_DEPARTMENT] != department:
        raise _FileRefusedError(
            f"此文件是「{excerpt(meta[META_DEPARTMENT])}」的填报表，不能作为「{department}」的数据上传；"
            "请下载本部门的模板"
        )
    if meta[META_ROUND] != round_label:
        raise _FileRefusedError(
            f"此文件属于「{excerpt(meta[META_ROUND])}」填报轮次，当前上传的是「{round_label}」；请下载本轮次的模板"
        )


def _read_rows(
    package: Package,
    meta: dict[str, str],
    name: str,
    limits: ReadLimits,
    result: WorkbookResult,
    on_row: Callable[[EnteredValue], None] | None,
) -> None:
    header_row = int(meta[META_HEADER_ROW])
    sheet = _sheet(package, ENTRY_SHEET)
    duplicates, keys = DuplicateIndex(), OriginalKeys()
    header_seen = False

    def report(cell: str, message: str) -> None:
        result.error_count += 1
        if len(result.errors) < limits.max_errors:
            result.errors.append(CellError(name, ENTRY_SHEET, cell, message))

    for number, cells in package.rows(sheet, max_column=LAST_COLUMN):
        if number < header_row:
            continue
        if number == header_row:
            _check_header(cells, number, report)
            header_seen = True
            continue
        if not header_seen:
            _check_header({}, header_row, report)
            header_seen = True
        if result.row_count >= limits.max_rows:
            report("", f"行数超过上限 {limits.max_rows} 行，请分成几个文件上传")
            return
        entered = _read_row(number, cells, keys, report, result, name)
        if entered is None:
            continue
        result.row_count += 1
        duplicates.add((entered.region_code, entered.indicator_code, entered.year), number)
        if result.error_count:
            continue  # nothing is handed on once the file is known to be refused
        if on_row is None:
            result.rows.append(entered)
        else:
            on_row(entered)
    for number, first in duplicates.repeats():
        report(f"A{number}", f"与第{first}行重复（同一地区、指标、年份只能填一行）")


def _check_header(cells: dict[int, RawCell], number: int, report: Callable[[str, str], None]) -> None:
    for column, title in HEADERS.items():
        found = _text(cells.get(column))
        if found != title:
            report(
                f"{get_column_letter(column)}{number}",
                f"表头应为「{title}」，实际为「{excerpt(found)}」；不要增删或移动列，请重新下载模板",
            )


def _read_row(
    number: int,
    cells: dict[int, RawCell],
    keys: OriginalKeys,
    report: Callable[[str, str], None],
    result: WorkbookResult,
    name: str,
) -> EnteredValue | None:
    """The row as entered (its value None where the cell has an error, all reported), or None
    for a row that is not from the template."""
    original = keys.of(cells.get(ORIGINAL_REGION), cells.get(ORIGINAL_INDICATOR))
    if original is None:
        if any(_text(cell) for cell in cells.values()):
            report(f"A{number}", "本行不是模板中的行（可能是新增或复制来的），请删除本行或重新下载模板")
        return None
    errors_before = result.error_count
    visible = [_text(cells.get(column)) for column in KEY_COLUMNS]
    for column, now, then in zip(KEY_COLUMNS, visible, original, strict=True):
        if now != then:
            report(
                f"{get_column_letter(column)}{number}",
                f"{HEADERS[column]}已被改动：模板中为「{excerpt(then)}」，现为「{excerpt(now)}」；"
                "灰色单元格不能修改，请改回或重新下载模板",
            )
    region_code, region_name, indicator_code, indicator_name, unit, year = original
    value_cell = cells.get(VALUE)
    try:
        if value_cell is not None and len(value_cell.text) > _VALUE_MAX_CHARS:
            raise CellValueError(f"应为数字，实际为「{excerpt(value_cell.text.strip())}」")
        read = read_value(value_cell, unit, indicator_name)
    except CellValueError as problem:
        report(f"{get_column_letter(VALUE)}{number}", str(problem))
        read = None
    comment = _text(cells.get(COMMENT))
    if len(comment) > COMMENT_MAX_CHARS:
        report(
            f"{get_column_letter(COMMENT)}{number}",
            f"说明不超过{COMMENT_MAX_CHARS}字，现为{len(comment)}字",
        )
    if read is not None and read.note:
        result.notes.append(CellNote(name, ENTRY_SHEET, f"{get_column_letter(VALUE)}{number}", read.note))
    try:
        version = _version(cells.get(ROW_VERSION))
    except _VersionCellError:
        report(
            f"{get_column_letter(ROW_VERSION)}{number}",
            f"隐藏的「{HEADERS[ROW_VERSION]}」已被改动，现为「{excerpt(_text(cells.get(ROW_VERSION)))}」；"
            "该列由系统填写，请重新下载模板",
        )
        version = None
    return EnteredValue(
        row=number,
        region_code=region_code,
        region_name=region_name,
        indicator_code=indicator_code,
        indicator_name=indicator_name,
        unit=unit,
        year=int(year),
        value=read.value if read is not None and result.error_count == errors_before else None,
        comment=comment,
        version=version,
    )


class _VersionCellError(Exception):
    """The hidden version cell holds something the template never writes there."""


def _version(cell: RawCell | None) -> int | None:
    """The hidden version cell: a positive whole number, or None when blank (no value at download)."""
    text = _text(cell)
    if not text:
        return None
    assert cell is not None
    if cell.kind not in ("number", "text") or not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise _VersionCellError(text)
    return int(text)


def _text(cell: RawCell | None) -> str:
    """A key or comment cell as text: 2023.0 and "2023" both read "2023"."""
    if cell is None:
        return ""
    if cell.kind == "number":
        number = float(cell.text)
        return str(int(number)) if number.is_integer() else format(number, ".15g")
    return unicodedata.normalize("NFC", cell.text).strip()
