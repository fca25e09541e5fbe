"""Readers: one module per format, chosen through one registry by content and suffix.

The content decides first: a ``.txt`` that is really a Word file is read as Word,
a PDF named ``.docx`` as PDF. The suffix decides only when the bytes carry no
signature (plain text, HTML). Every reader turns ``(path, bytes)`` into the same
block stream; heavy libraries are imported inside the reader that needs them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.errors import UnreadableDocument, UnsupportedFormat
from healthaction.ingest.normalize import clean_text
from healthaction.ingest.readers import delimited, doc, docx, html, pdf, txt, xlsx
from healthaction.ingest.readers.limits import check_limits
from healthaction.package_limits import limit_text, size_text

Reader = Callable[[Path, bytes], list[Block]]

MAX_BYTES = 50 * 1024 * 1024

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True, slots=True)
class Format:
    """A document format: its suffixes, how to recognise its bytes, and its reader."""

    name: str
    suffixes: tuple[str, ...]
    read: Reader
    sniff: Callable[[bytes], bool] | None = None
    signed: bool = False
    """A signed format's files always carry its signature: the suffix alone is not enough."""


def _zip_holds(member: str) -> Callable[[bytes], bool]:
    def sniff(data: bytes) -> bool:
        if not data.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return member in archive.namelist()
        except (zipfile.BadZipFile, ValueError, OSError):
            return False

    return sniff


def _is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


def _is_ole2_or_rtf(data: bytes) -> bool:
    return data.startswith((_OLE2, b"{\\rtf"))


READERS: tuple[Format, ...] = (
    Format("PDF 文件（.pdf）", (".pdf",), pdf.read, _is_pdf, signed=True),
    Format("Word 文档（.docx）", (".docx", ".docm"), docx.read, _zip_holds("word/document.xml"), signed=True),
    Format(
        "Excel 工作簿（.xlsx）", (".xlsx", ".xlsm"), xlsx.read, _zip_holds("xl/workbook.xml"), signed=True
    ),
    Format("旧版 Word 文档（.doc）", (".doc", ".wps", ".rtf"), doc.read, _is_ole2_or_rtf, signed=True),
    Format("网页（.html）", (".html", ".htm", ".xhtml"), html.read, html.sniff),
    Format("CSV 表格（.csv）", (".csv",), delimited.read),
    Format("文本文件（.txt）", (".txt", ".text", ".md", ".tsv"), txt.read),
)

_OLD_EXCEL = (".xls", ".et")


def detect(path: Path, data: bytes) -> Format:
    """The format of ``data``: by its signature first, then by the suffix of ``path``."""
    suffix = path.suffix.lower()
    if data.startswith(_OLE2) and suffix in (*_OLD_EXCEL, ".xlsx"):
        raise UnsupportedFormat(
            f"{path}：旧版 Excel 格式（.xls）或已加密的文件；请在 Excel/WPS 中另存为 .xlsx 后再导入"
        )
    for fmt in READERS:
        if fmt.sniff is not None and fmt.sniff(data):
            return fmt
    zipped = data.startswith(b"PK\x03\x04")
    for fmt in READERS:
        if suffix in fmt.suffixes:
            if fmt.signed:
                space = " " if fmt.name[0].isascii() else ""
                raise UnreadableDocument(f"{path}：不是有效的{space}{fmt.name}")
            if zipped:
                break
            return fmt
    if zipped:
        raise UnsupportedFormat(f"{path}：是压缩包（ZIP），不是 Word（.docx）或 Excel（.xlsx）文件")
    known = "、".join(s for fmt in READERS for s in fmt.suffixes[:1])
    shown = f"“{path.suffix}”" if path.suffix else "（没有扩展名）"
    raise UnsupportedFormat(f"{path}：不支持的格式{shown}，可用：{known}")


def read(path: Path, max_bytes: int = MAX_BYTES) -> list[Block]:
    """Read ``path`` into blocks, or raise an IngestError naming the file."""
    if not path.exists():
        raise UnreadableDocument(f"{path}：文件不存在")
    if path.is_dir():
        raise UnreadableDocument(f"{path}：是文件夹，不是文件")
    if not path.is_file():
        raise UnreadableDocument(f"{path}：不是普通文件")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableDocument(f"{path}：文件过大（{size_text(size)}），上限为 {limit_text(max_bytes)}")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"{path}：无法读取（{exc.strerror or exc}）") from exc
    if not data.strip():
        raise UnreadableDocument(f"{path}：文件为空")
    # Before any library parses it (detecting a format already opens a zip): a small zip or
    # page must not unpack into a big worker.
    zipped = data.startswith(b"PK\x03\x04")
    if zipped:
        check_limits(path, data, zipped=True, markup=False)
    fmt = detect(path, data)
    if not zipped:
        check_limits(path, data, zipped=False, markup=fmt.read is html.read)
    blocks = fmt.read(path, data)
    if not any(_has_text(block) for block in blocks):
        raise UnreadableDocument(f"{path}：文件中没有可读的文字")
    return blocks


def _has_text(block: Block) -> bool:
    if isinstance(block, Paragraph):
        return bool(clean_text(block.text))
    assert isinstance(block, Table)
    return any(clean_text(cell) for row in block.rows for cell in row)
