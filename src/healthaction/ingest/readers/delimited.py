"""Comma-separated values (.csv, as Excel or WPS export a sheet): one Table.

The bytes are decoded as plain text is (UTF-8, GBK from a Chinese Excel, …);
empty rows are dropped and short rows padded.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from healthaction.ingest.blocks import Block, Table
from healthaction.ingest.errors import UnreadableDocument
from healthaction.ingest.readers import txt


def read(path: Path, data: bytes) -> list[Block]:
    text = txt.decode(path, data)
    try:
        rows = [tuple(cell.strip() for cell in row) for row in csv.reader(io.StringIO(text))]
    except csv.Error as exc:
        raise UnreadableDocument(f"{path}：不是有效的 CSV 文件（{exc}）") from exc
    rows = [row for row in rows if any(row)]
    width = max((len(row) for row in rows), default=0)
    return [Table(tuple(row + ("",) * (width - len(row)) for row in rows), where="第1行")] if rows else []
