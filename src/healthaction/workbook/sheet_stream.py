"""Rows of an .xlsx worksheet, streamed: constant memory, about 3× faster than openpyxl.

openpyxl's read-only mode streams too, but turns every cell into Python objects through
several calls: on a modest 2-core machine 100 k rows × 11 cells take ≈15 s of CPU, past the
10 s an import may take. Here the standard library's expat parser reads the sheet XML out of
the zip through callbacks, without building a tree; each finished <row> becomes a dict of raw
cells and is handed on, so memory stays flat. Shared strings (one list per file, as Excel
keeps them) and the number formats of the cell styles (to tell 10% typed in Excel, stored
as 0.1, from 0.1) are read once.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, NamedTuple
from xml.etree.ElementTree import Element, XMLPullParser, parse
from xml.parsers import expat

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils import column_index_from_string

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CHUNK = 1 << 16


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


class Package:
    """An open .xlsx: its sheets, shared strings and the number-format class of each style."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
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
        with self.archive.open(sheet.part) as stream:
            yield from _rows(stream, self.strings, self.styles, max_column)

    def _xml(self, part: str) -> Element:
        with self.archive.open(part) as stream:
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
        strings = []
        with self.archive.open(part) as stream:
            for node in _iterparse(stream, f"{MAIN}si"):
                strings.append(_text_of(node))
        return strings

    def _style_classes(self, part: str | None) -> list[str]:
        """'percent', 'date' or '' for each cell style (xf) index."""
        if part is None or part not in self.archive.namelist():
            return []
        root = self._xml(part)
        custom = {
            int(node.get("numFmtId", "0")): node.get("formatCode", "") for node in root.iter(f"{MAIN}numFmt")
        }
        classes = []
        cell_xfs = root.find(f"{MAIN}cellXfs")
        for xf in cell_xfs if cell_xfs is not None else []:
            number_format_id = int(xf.get("numFmtId", "0"))
            code = custom.get(number_format_id) or BUILTIN_FORMATS.get(number_format_id, "General")
            classes.append(_format_class(code))
        return classes


def open_package(stream: IO[bytes]) -> Package:
    """Raises BadZipFile, KeyError (a part is missing), ParseError or ExpatError for a broken file."""
    return Package(zipfile.ZipFile(stream))


def _format_class(code: str) -> str:
    unquoted = re.sub(r'"[^"]*"|\\.', "", code)
    if "%" in unquoted:
        return "percent"
    return "date" if is_date_format(code) else ""


def _iterparse(stream: IO[bytes], tag: str) -> Iterator[Element]:
    """Finished ``tag`` elements, each detached from its parent once the caller has it."""
    parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
    parents: list[Element] = []
    for chunk in iter(lambda: stream.read(_CHUNK), b""):
        parser.feed(chunk)
        for event in parser.read_events():
            node = event[-1]
            if not isinstance(node, Element):
                continue  # only start and end events are asked for; typeshed allows others
            if event[0] == "start":
                parents.append(node)
                continue
            parents.pop()
            if node.tag == tag:
                yield node
                if parents:
                    parents[-1].remove(node)
    parser.close()  # a truncated part raises ParseError here, not while feeding


def _rows(
    stream: IO[bytes], strings: list[str], styles: list[str], max_column: int
) -> Iterator[tuple[int, dict[int, RawCell]]]:
    collector = _RowCollector(strings, styles, max_column)
    # Callbacks, not a tree: at 11 cells a row, building elements costs more than reading them.
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.data
    for chunk in iter(lambda: stream.read(_CHUNK), b""):
        parser.Parse(chunk, False)
        yield from collector.finished
        collector.finished.clear()
    parser.Parse(b"", True)  # a truncated part raises ExpatError here
    yield from collector.finished


_TAG_ROW, _TAG_CELL, _TAG_VALUE = f"{MAIN[1:]}row", f"{MAIN[1:]}c", f"{MAIN[1:]}v"
_TAG_TEXT, _TAG_PHONETIC = f"{MAIN[1:]}t", f"{MAIN[1:]}rPh"


class _RowCollector:
    """Expat callbacks that gather each <row>'s cells; finished rows wait in ``finished``."""

    def __init__(self, strings: list[str], styles: list[str], max_column: int) -> None:
        self.strings, self.styles, self.max_column = strings, styles, max_column
        self.style_of: dict[str, str] = {}  # the s="…" attribute → percent/date/''
        self.finished: list[tuple[int, dict[int, RawCell]]] = []
        self.number = 0
        self.column = 0
        self.cells: dict[int, RawCell] = {}
        self.cell: dict[str, str] | None = None
        self.parts: list[str] = []
        self.collecting = False
        self.phonetic = False

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == _TAG_CELL:
            self.cell, self.parts = attributes, []
        elif tag == _TAG_VALUE or (tag == _TAG_TEXT and self.cell is not None and not self.phonetic):
            self.collecting = True
        elif tag == _TAG_ROW:
            self.number = int(attributes.get("r") or self.number + 1)
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
        if self.collecting:
            self.parts.append(text)

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


def _text_of(node: Element) -> str:
    """The text of a shared or inline string: its <t>, or its runs' <t>, without phonetic hints."""
    direct = node.find(f"{MAIN}t")
    if direct is not None:
        return direct.text or ""
    return "".join(run.findtext(f"{MAIN}t") or "" for run in node.iter(f"{MAIN}r"))
