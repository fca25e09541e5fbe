"""Plain text: UTF-8 (with or without BOM), UTF-16, GB18030/GBK — detected, never guessed.

The bytes are decoded once. A byte-order mark decides; without one, a regular
pattern of NUL bytes means UTF-16, any other NUL means a binary file. Then UTF-8
is tried strictly and GB18030 after it, and a GB18030 reading is accepted only
when it gives ordinary Chinese text. Binary content is refused, not decoded into
nonsense.

Rows of a flattened table become Table blocks: a run of lines holding tab
characters is one Table, and so is a run of lines with cells between ``|``
(``a | b | c``). Every other line is a Paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.errors import UnreadableDocument

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Characters a Chinese document is made of; anything else counts against a guessed encoding.
_UNUSUAL = re.compile(
    r"[^\t-\r -~\u00a0-\u024f\u0370-\u04ff\u2000-\u27bf\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_NOT_TEXT = "不是文本文件（含有二进制内容）"


def decode(path: Path, data: bytes) -> str:
    """The text of ``data``, or an UnreadableDocument naming ``path``."""
    text = _decode(path, data)
    controls = len(_CONTROL.findall(text))
    if controls > 2 + len(text) // 50:
        raise UnreadableDocument(f"{path}：{_NOT_TEXT}")
    return _CONTROL.sub("", text) if controls else text


def _decode(path: Path, data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(path, data[len(bom) :], codec)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        text = _strict(path, data, utf16)
        if not _reads_as_chinese(text):
            raise UnreadableDocument(f"{path}：{_NOT_TEXT}")
        return text
    if b"\x00" in data:
        raise UnreadableDocument(f"{path}：{_NOT_TEXT}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if not _may_be_gbk_read_as_utf8(text):
            return text
        try:
            gbk = data.decode("gb18030")
        except UnicodeDecodeError:
            return text
        return gbk if _reads_as_chinese(gbk) else text
    try:
        gbk = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(
            f"{path}：无法识别文本编码（第{utf8_error.start + 1}字节起既不是 UTF-8 也不是 GB18030/GBK）"
        ) from exc
    if not _reads_as_chinese(gbk):
        raise UnreadableDocument(
            f"{path}：无法识别文本编码（不是 UTF-8，按 GB18030/GBK 读出的也不是正常文字）"
        )
    return gbk


def _reads_as_chinese(text: str) -> bool:
    return len(_UNUSUAL.findall(text)) <= len(text) // 20


def _strict(path: Path, data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(f"{path}：按 {codec.upper()} 解码失败（第{exc.start + 1}字节）") from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when NUL bytes fall on one side of the pairs only (ASCII in UTF-16)."""
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    pairs = len(sample) // 2
    enough = max(2, pairs // 50)
    if odd >= enough and even * 4 <= odd:  # a CJK character like 一 (U+4E00) adds a NUL on the other side
        return "utf-16-le"
    if even >= enough and odd * 4 <= even:
        return "utf-16-be"
    return None


def _may_be_gbk_read_as_utf8(text: str) -> bool:
    """Short GBK text can be valid UTF-8 (“学” is D1 A7 = “ѧ”): such a reading has neither
    Chinese nor Western European letters (“café” stays UTF-8)."""
    return not text.isascii() and not _CJK.search(text) and not re.search("[\u00a0-\u00ff]", text)


def _pipe_cells(line: str) -> tuple[str, ...] | None:
    """``a | b | c`` (optionally ``| a | b |``) as cells, or None for a line that is not such a row."""
    if "|" not in line:
        return None
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    cells = tuple(cell.strip() for cell in stripped.split("|"))
    if sum(1 for cell in cells if cell) < 2:
        return None
    return cells


def _is_rule(line: str) -> bool:
    """A markdown header rule such as ``|---|:---:|``."""
    return bool(re.fullmatch(r"\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*", line))


def read(path: Path, data: bytes) -> list[Block]:
    text = decode(path, data)
    blocks: list[Block] = []
    rows: list[tuple[str, ...]] = []
    lines: list[str] = []
    kind = ""  # "tab" or "pipe" while a run of table rows is open
    start = 0

    def close() -> None:
        nonlocal rows, lines, kind
        if kind == "pipe" and len(rows) == 1 and len(rows[0]) < 3:
            blocks.append(Paragraph(lines[0].strip(), where=f"第{start}行"))  # a lone "x | y" is prose
        elif rows:
            blocks.append(Table(tuple(rows), where=f"第{start}行"))
        rows, lines, kind = [], [], ""

    for number, line in enumerate(text.splitlines(), start=1):
        if "\t" in line:
            row_kind, cells = "tab", tuple(cell.strip() for cell in line.split("\t"))
        elif kind == "pipe" and _is_rule(line):
            continue
        else:
            pipe = _pipe_cells(line)
            row_kind, cells = ("pipe", pipe) if pipe is not None else ("", ())
        if row_kind != kind:
            close()
        if row_kind:
            if not rows:
                start, kind = number, row_kind
            rows.append(cells)
            lines.append(line)
            continue
        blocks.append(Paragraph(line.strip(), where=f"第{number}行"))
    close()
    return blocks
