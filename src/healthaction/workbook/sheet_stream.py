"""Rows of an .xlsx worksheet, streamed: constant memory, about 3× faster than openpyxl.

openpyxl's read-only mode streams too, but turns every cell into Python objects through
several calls: on a modest 2-core machine 100 k rows × 11 cells take ≈15 s of CPU, past the
10 s an import may take. Here the standard library's expat parser reads the sheet XML out of
the zip through callbacks, without building a tree; each finished <row> becomes a dict of raw
cells and is handed on, so memory stays flat. Shared strings (one list per file, as Excel
keeps them) and the number formats of the cell styles (to tell 10% typed in Excel, stored
as 0.1, from 0.1) are read once, through callbacks too.

Every part is read within limits (``ReadLimits``, ``healthaction.package_limits``): its unzipped
size counted as it streams, a cell's text counted as it arrives, the shared strings and styles
counted as they are read. A file past one is refused naming the sheet and cell, or the part.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, NamedTuple
from xml.etree.ElementTree import Element, parse
from xml.parsers import expat

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils import column_index_from_string, get_column_letter

from healthaction.package_limits import (
    BoundedPart,
    PackageLimitError,
    PackageLimits,
    excerpt,
    open_part,
)

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CHUNK = 1 << 16
MEGABYTE = 1024 * 1024
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_CELL_CHARS = 32_767


@dataclass(frozen=True)
class ReadLimits:
    """What one upload may hold; past it the file is refused with one clear line naming the place.

    Each limit is checked while the file streams, so memory stays flat whatever the file holds:
    a 0.5 MB file with a 500 MB cell is refused at the cell's 32,768th character.
    """

    max_file_bytes: int = 50 * MEGABYTE
    max_unzipped_bytes: int = 1024 * MEGABYTE  # a zip bomb is small until opened
    max_rows: int = 300_000
    max_errors: int = 1000  # errors kept for display; all are counted
    max_cell_chars: int = EXCEL_MAX_CELL_CHARS  # Excel's own limit per cell
    max_shared_strings: int = 500_000  # a 300 k-row file saved by Excel holds about one per row
    max_shared_chars: int = 40_000_000  # all shared strings together: ~100 MB as Python text
    max_styles: int = 65_490  # cell formats; Excel's own limit is 64,000
    max_number_formats: int = 10_000
    package: PackageLimits = field(default_factory=PackageLimits)

    @property
    def max_row_number(self) -> int:
        """The last row a sheet may use: the rows allowed and room for the title and notes above."""
        return min(self.max_rows + 1000, EXCEL_MAX_ROWS)

    def parts(self) -> PackageLimits:
        """The zip limits with this file's total unzipped size."""
        package = self.package
        return PackageLimits(
            max_members=package.max_members,
            max_directory_bytes=package.max_directory_bytes,
            max_unzipped_bytes=self.max_unzipped_bytes,
            max_part_bytes=min(package.max_part_bytes, self.max_unzipped_bytes),
            max_part_elements=package.max_part_elements,
            max_run_bytes=package.max_run_bytes,
        )


class PlacedLimitError(PackageLimitError):
    """A limit passed at a known place: the sheet and the cell the user can look at."""

    def __init__(self, message: str, sheet: str = "", cell: str = "") -> None:
        super().__init__(message)
        self.sheet, self.cell = sheet, cell


class RawCell(NamedTuple):
    """A cell as stored: ``kind`` is number/text/bool/error/date; ``style`` percent/date/'' ."""

    kind: str
    text: str
    style: str


@dataclass(frozen=True)
class Sheet:
    name: str
    part: str
    state: str  # visible | hidden | veryHidden


# Parts that are small in any real file: the workbook and its relationships.
_SMALL_PART = PackageLimits(max_part_bytes=16 * MEGABYTE, max_part_elements=200_000)


class Package:
    """An open .xlsx: its sheets, shared strings and the number-format class of each style."""

    def __init__(self, archive: zipfile.ZipFile, limits: ReadLimits | None = None) -> None:
        self.archive = archive
        self.limits = limits or ReadLimits()
        relationships = self._relationships("xl/_rels/workbook.xml.rels")
        targets = {rel_id: part for rel_id, _kind, part in relationships}
        by_type = {kind.rsplit("/", 1)[-1]: part for _rel_id, kind, part in relationships}
        self.sheets: dict[str, Sheet] = {}
        for node in self._xml("xl/workbook.xml").iter(f"{MAIN}sheet"):
            part = targets.get(node.get(f"{RELATIONSHIPS}id", ""), "")
            name = node.get("name", "")
            self.sheets[name] = Sheet(name, part, node.get("state", "visible"))
        self.strings = self._shared_strings(by_type.get("sharedStrings"))
        self.styles = self._style_classes(by_type.get("styles"))

    def rows(self, sheet: Sheet, *, max_column: int) -> Iterator[tuple[int, dict[int, RawCell]]]:
        """(row number, {column: cell}) for each non-empty row, columns beyond ``max_column`` skipped."""
        label = f"工作表「{excerpt(sheet.name)}」"
        with open_part(self.archive, sheet.part, self.limits.parts(), label=label) as stream:
            yield from _rows(stream, self.strings, self.styles, max_column, sheet.name, self.limits)

    def _xml(self, part: str) -> Element:
        with open_part(self.archive, part, _SMALL_PART) as stream:
            return parse(stream).getroot()

    def _relationships(self, part: str) -> list[tuple[str, str, str]]:
        """(id, type, part) of each relationship: ("rId1", ".../worksheet", "xl/worksheets/sheet1.xml")."""
        found = []
        for node in self._xml(part).iter(f"{PACKAGE_RELS}Relationship"):
            target = node.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            found.append((node.get("Id", ""), node.get("Type", ""), posixpath.normpath(path)))
        return found

    def _shared_strings(self, part: str | None) -> list[str]:
        if part is None or part not in self.archive.namelist():
            return []
        collector = _StringCollector(self.limits)
        with open_part(self.archive, part, self.limits.parts(), label="共享字符串表") as stream:
            _expat_feed(stream, collector.start, collector.end, collector.data)
        return collector.strings

    def _style_classes(self, part: str | None) -> list[str]:
        """'percent', 'date' or '' for each cell style (xf) index."""
        if part is None or part not in self.archive.namelist():
            return []
        collector = _StyleCollector(self.limits)
        with open_part(self.archive, part, self.limits.parts(), label="样式表") as stream:
            _expat_feed(stream, collector.start, collector.end, None)
        classes: dict[int, str] = {}
        for number_format_id in collector.formats:
            if number_format_id not in classes:
                code = collector.custom.get(number_format_id) or BUILTIN_FORMATS.get(
                    number_format_id, "General"
                )
                classes[number_format_id] = _format_class(code)
        return [classes[number_format_id] for number_format_id in collector.formats]


def open_package(stream: IO[bytes], limits: ReadLimits | None = None) -> Package:
    """Raises BadZipFile, KeyError (a part is missing), ParseError or ExpatError for a broken file,
    PackageLimitError (or PlacedLimitError, naming sheet and cell) for one past ``limits``."""
    return Package(zipfile.ZipFile(stream), limits)


def _expat_feed(
    stream: IO[bytes] | BoundedPart,
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None] | None,
    data: Callable[[str], None] | None,
) -> None:
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if data is not None:
        parser.CharacterDataHandler = data
    read = stream.read
    for chunk in iter(lambda: read(_CHUNK), b""):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


_TAG_SI, _TAG_NUMFMT = f"{MAIN[1:]}si", f"{MAIN[1:]}numFmt"
_TAG_TEXT, _TAG_PHONETIC = f"{MAIN[1:]}t", f"{MAIN[1:]}rPh"
_TAG_CELL_XFS, _TAG_XF = f"{MAIN[1:]}cellXfs", f"{MAIN[1:]}xf"


class _StringCollector:
    """Expat callbacks for the shared-string table: each <si>'s text without phonetic hints,
    held to the limits on one string, on their number and on their total length."""

    def __init__(self, limits: ReadLimits) -> None:
        self.limits = limits
        self.strings: list[str] = []
        self.parts: list[str] = []
        self.length = 0
        self.total = 0
        self.collecting = False
        self.phonetic = False

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == _TAG_SI:
            self.parts, self.length = [], 0
            if len(self.strings) >= self.limits.max_shared_strings:
                raise PackageLimitError(
                    f"共享字符串表的字符串过多（超过 {self.limits.max_shared_strings} 个），"
                    "请分成几个文件上传"
                )
        elif tag == _TAG_TEXT and not self.phonetic:
            self.collecting = True
        elif tag == _TAG_PHONETIC:
            self.phonetic = True

    def end(self, tag: str) -> None:
        if tag == _TAG_SI:
            self.strings.append("".join(self.parts))
            self.parts = []
        elif tag == _TAG_TEXT:
            self.collecting = False
        elif tag == _TAG_PHONETIC:
            self.phonetic = False

    def data(self, text: str) -> None:
        if not self.collecting:
            return
        self.length += len(text)
        self.total += len(text)
        limits = self.limits
        if self.length > limits.max_cell_chars:
            begun = ("".join(self.parts[:4]) + text)[:30]
            raise PackageLimitError(
                f"共享字符串表第{len(self.strings) + 1}项超过 {limits.max_cell_chars} 字"
                f"（Excel 单元格最多 {EXCEL_MAX_CELL_CHARS} 字），开头为「{begun}…」"
            )
        if self.total > limits.max_shared_chars:
            raise PackageLimitError(
                f"共享字符串表的文字过多（超过 {limits.max_shared_chars} 字），请分成几个文件上传"
            )
        self.parts.append(text)


class _StyleCollector:
    """Expat callbacks for styles.xml: the custom number formats and each cell format's numFmtId."""

    def __init__(self, limits: ReadLimits) -> None:
        self.limits = limits
        self.custom: dict[int, str] = {}
        self.formats: list[int] = []
        self.in_cell_xfs = False

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == _TAG_NUMFMT:
            if len(self.custom) >= self.limits.max_number_formats:
                raise PackageLimitError(f"样式表的数字格式过多（超过 {self.limits.max_number_formats} 个）")
            self.custom[int(attributes.get("numFmtId", "0"))] = attributes.get("formatCode", "")[:1000]
        elif tag == _TAG_CELL_XFS:
            self.in_cell_xfs = True
        elif tag == _TAG_XF and self.in_cell_xfs:
            if len(self.formats) >= self.limits.max_styles:
                raise PackageLimitError(
                    f"样式表的单元格格式过多（超过 {self.limits.max_styles} 个，Excel 最多 64000 个）；"
                    "请把内容复制到新下载的模板中再上传"
                )
            self.formats.append(int(attributes.get("numFmtId", "0")))

    def end(self, tag: str) -> None:
        if tag == _TAG_CELL_XFS:
            self.in_cell_xfs = False


def _format_class(code: str) -> str:
    unquoted = re.sub(r'"[^"]*"|\\.', "", code)
    if "%" in unquoted:
        return "percent"
    return "date" if is_date_format(code) else ""


def _rows(
    stream: IO[bytes] | BoundedPart,
    strings: list[str],
    styles: list[str],
    max_column: int,
    sheet: str = "",
    limits: ReadLimits | None = None,
) -> Iterator[tuple[int, dict[int, RawCell]]]:
    collector = _RowCollector(strings, styles, max_column, sheet, limits or ReadLimits())
    # Callbacks, not a tree: at 11 cells a row, building elements costs more than reading them.
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True  # text arrives in pieces of at most 8 KB: a long cell is seen growing
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.data
    read = stream.read
    for chunk in iter(lambda: read(_CHUNK), b""):
        parser.Parse(chunk, False)
        yield from collector.finished
        collector.finished.clear()
    parser.Parse(b"", True)  # a truncated part raises ExpatError here
    yield from collector.finished


_TAG_ROW, _TAG_CELL, _TAG_VALUE = f"{MAIN[1:]}row", f"{MAIN[1:]}c", f"{MAIN[1:]}v"


class _RowCollector:
    """Expat callbacks that gather each <row>'s cells; finished rows wait in ``finished``.

    A cell's text is counted as it arrives and refused past ``max_cell_chars``; a row number past
    ``ReadLimits.max_row_number`` is refused too.
    """

    def __init__(
        self, strings: list[str], styles: list[str], max_column: int, sheet: str, limits: ReadLimits
    ) -> None:
        self.strings, self.styles, self.max_column = strings, styles, max_column
        self.sheet, self.max_chars, self.max_row = sheet, limits.max_cell_chars, limits.max_row_number
        self.style_of: dict[str, str] = {}  # the s="…" attribute → percent/date/''
        self.finished: list[tuple[int, dict[int, RawCell]]] = []
        self.number = 0
        self.column = 0
        self.cells: dict[int, RawCell] = {}
        self.cell: dict[str, str] | None = None
        self.parts: list[str] = []
        self.length = 0
        self.collecting = False
        self.phonetic = False

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == _TAG_CELL:
            self.cell, self.parts, self.length = attributes, [], 0
        elif tag == _TAG_VALUE or (tag == _TAG_TEXT and self.cell is not None and not self.phonetic):
            self.collecting = True
        elif tag == _TAG_ROW:
            self.number = int(attributes.get("r") or self.number + 1)
            if not 0 < self.number <= self.max_row:
                # Also reached by millions of empty <row/>: they hold no cell, so no other limit sees them.
                raise PlacedLimitError(
                    f"工作表用到了第{self.number}行，超过上限 {self.max_row} 行；"
                    "请删除多余的行，或分成几个文件上传",
                    self.sheet,
                )
            self.column, self.cells = 0, {}
        elif tag == _TAG_PHONETIC:
            self.phonetic = True

    def end(self, tag: str) -> None:
        if tag == _TAG_CELL:
            self._finish_cell()
        elif tag in (_TAG_VALUE, _TAG_TEXT):
            self.collecting = False
        elif tag == _TAG_ROW:
            if self.cells:
                self.finished.append((self.number, self.cells))
        elif tag == _TAG_PHONETIC:
            self.phonetic = False

    def data(self, text: str) -> None:
        if not self.collecting:
            return
        self.length += len(text)
        if self.length > self.max_chars:
            self._too_long(text)
        self.parts.append(text)

    def _too_long(self, text: str) -> None:
        reference = (self.cell or {}).get("r") or f"{get_column_letter(self.column + 1)}{self.number}"
        begun = ("".join(self.parts[:4]) + text)[:30]
        raise PlacedLimitError(
            f"单元格内容超过 {self.max_chars} 字（Excel 单元格最多 {EXCEL_MAX_CELL_CHARS} 字），"
            f"开头为「{begun}…」；请删去多余内容",
            self.sheet,
            excerpt(reference, 12),
        )

    def _finish_cell(self) -> None:
        cell, self.cell = self.cell, None
        if cell is None:
            return
        reference = cell.get("r")
        self.column = _column(reference) if reference else self.column + 1
        if self.column > self.max_column or not self.parts:
            return
        text = "".join(self.parts)
        style_id = cell.get("s", "0")
        style = self.style_of.get(style_id)
        if style is None:
            index = int(style_id)
            style = self.style_of[style_id] = self.styles[index] if index < len(self.styles) else ""
        kind = cell.get("t", "n")
        if kind == "s":
            self.cells[self.column] = RawCell("text", self.strings[int(text)], style)
        else:
            self.cells[self.column] = RawCell(_KINDS.get(kind, "text"), text, style)


_COLUMNS: dict[str, int] = {}


def _column(reference: str) -> int:
    """'K12' → 11; the letters of a row's few columns are looked up once."""
    letters = reference.rstrip("0123456789")
    column = _COLUMNS.get(letters)
    if column is None:
        column = _COLUMNS[letters] = column_index_from_string(letters)
    return column


_KINDS = {"n": "number", "str": "text", "b": "bool", "e": "error", "d": "date"}
