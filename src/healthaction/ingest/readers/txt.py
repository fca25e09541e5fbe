"""Plain text: UTF-8 (with or without BOM), GB18030/GBK, UTF-16 — detected, never guessed.

Lines with tab characters are table rows: a run of them becomes one Table.
"""

from __future__ import annotations

from pathlib import Path

from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.errors import UnreadableDocument


def decode(path: Path, data: bytes) -> str:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(f"{path}：无法识别文本编码（第{exc.start}字节）") from exc


def read(path: Path, data: bytes) -> list[Block]:
    text = decode(path, data)
    blocks: list[Block] = []
    rows: list[tuple[str, ...]] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if "\t" in line:
            if not rows:
                start = number
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
            continue
        if rows:
            blocks.append(Table(tuple(rows), where=f"第{start}行"))
            rows = []
        blocks.append(Paragraph(line.strip(), where=f"第{number}行"))
    if rows:
        blocks.append(Table(tuple(rows), where=f"第{start}行"))
    return blocks
