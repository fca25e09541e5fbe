"""Word (.docx): paragraphs and real tables, in document order.

The body XML is walked directly, so tables stay where they are among the
paragraphs. Merged cells keep their text in the first cell they cover
(``gridSpan`` across, ``vMerge`` down) and the covered cells are "". Line
breaks inside a paragraph or cell stay as "\\n". Numbered paragraphs get the
label Word would show (“1.”, “（一）”), as far as it can be computed.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import Any

from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.errors import UnreadableDocument
from healthaction.ingest.readers.docx_numbering import Numbering, W, load_numbering

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
# Run content that is not text on the page: properties, deleted text, field codes, drawings.
_SKIP = {
    f"{W}{name}"
    for name in ("rPr", "pPr", "del", "delText", "instrText", "fldData", "drawing", "pict", "object")
} | {f"{_MC}AlternateContent"}
_CONTAINERS = (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins")


def read(path: Path, data: bytes) -> list[Block]:
    body, numbering = _open(path, data)
    walker = _Walker(numbering)
    walker.walk(body)
    return walker.blocks


def _open(path: Path, data: bytes) -> tuple[Any, Numbering]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree  # type: ignore[import-untyped]

    try:
        document = docx.Document(io.BytesIO(data))
        part = document.part
        return document.element.body, load_numbering(
            _related_xml(part, _NUMBERING), _related_xml(part, _STYLES)
        )
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
    ) as exc:
        raise UnreadableDocument(f"{path}：不是有效的 Word 文档（.docx）") from exc


def _related_xml(part: Any, reltype: str) -> Any | None:
    try:
        return part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None


class _Walker:
    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0

    def walk(self, parent: Any) -> None:
        for child in parent.iterchildren():
            if child.tag == f"{W}p":
                self.paragraphs += 1
                text = self.paragraph_text(child)
                self.blocks.append(Paragraph(text, where=f"第{self.paragraphs}段"))
            elif child.tag == f"{W}tbl":
                self.tables += 1
                self.blocks.append(Table(self.table_rows(child), where=f"表{self.tables}"))
            elif child.tag in _CONTAINERS:
                self.walk(child)

    def paragraph_text(self, p: Any) -> str:
        parts: list[str] = []
        _run_text(p, parts)
        return self.numbering.label(p) + "".join(parts)

    def table_rows(self, tbl: Any) -> tuple[tuple[str, ...], ...]:
        rows: list[list[str]] = []
        for tr in _children(tbl, f"{W}tr"):
            row: list[str] = [""] * _grid_skip(tr, "gridBefore")
            for tc in _children(tr, f"{W}tc"):
                props = tc.find(f"{W}tcPr")
                span = _val(props, "gridSpan", 1)
                merge = props.find(f"{W}vMerge") if props is not None else None
                continued = merge is not None and merge.get(f"{W}val", "continue") == "continue"
                row.append("" if continued else self.cell_text(tc))
                row.extend([""] * (span - 1))
            row.extend([""] * _grid_skip(tr, "gridAfter"))
            rows.append(row)
        width = max((len(row) for row in rows), default=0)
        return tuple(tuple(row + [""] * (width - len(row))) for row in rows)

    def cell_text(self, tc: Any) -> str:
        lines: list[str] = []
        for child in tc.iterchildren():
            if child.tag == f"{W}p":
                lines.append(self.paragraph_text(child))
            elif child.tag == f"{W}tbl":  # a table inside a cell: one line per row
                for row in self.table_rows(child):
                    lines.append(" ".join(cell for cell in row if cell))
            elif child.tag in _CONTAINERS:
                lines.append(self.cell_text(child))
        return "\n".join(lines).strip()


def _children(parent: Any, tag: str) -> list[Any]:
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    found: list[Any] = []
    for child in parent.iterchildren():
        if child.tag == tag:
            found.append(child)
        elif child.tag in _CONTAINERS:
            found.extend(_children(child, tag))
    return found


def _val(props: Any, name: str, default: int) -> int:
    node = props.find(f"{W}{name}") if props is not None else None
    if node is None:
        return default
    try:
        return max(1, int(node.get(f"{W}val", default)))
    except ValueError:
        return default


def _grid_skip(tr: Any, name: str) -> int:
    props = tr.find(f"{W}trPr")
    return _val(props, name, 0) if props is not None and props.find(f"{W}{name}") is not None else 0


def _run_text(element: Any, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            if child.get(f"{W}type", "textWrapping") == "textWrapping":
                parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        else:
            _run_text(child, parts)
