"""Readers: one module per format, chosen through one registry by content and suffix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from healthaction.ingest.blocks import Block
from healthaction.ingest.errors import UnreadableDocument, UnsupportedFormat
from healthaction.ingest.readers import txt

Reader = Callable[[Path, bytes], list[Block]]

MAX_BYTES = 50 * 1024 * 1024

READERS: dict[str, Reader] = {
    ".txt": txt.read,
}


def read(path: Path) -> list[Block]:
    """Read ``path`` into blocks, or raise an IngestError naming the file."""
    if not path.exists():
        raise UnreadableDocument(f"{path}：文件不存在")
    if not path.is_file():
        raise UnreadableDocument(f"{path}：不是文件")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise UnreadableDocument(
            f"{path}：文件过大（{size / 1024 / 1024:.0f} MB），上限为 {MAX_BYTES // 1024 // 1024} MB"
        )
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableDocument(f"{path}：文件为空")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnsupportedFormat(f"{path}：不支持的格式“{path.suffix}”，可用：{'、'.join(READERS)}")
    return reader(path, data)
