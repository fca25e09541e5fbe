"""Office files (.xlsx, .docx) opened within limits: a small zip never unpacks into a big worker.

A 0.5 MB .xlsx can hold a 500 MB cell and a 75 KB .docx 20 MB of empty paragraphs: zip
compresses repetition a thousandfold, and every XML parser turns what it unpacks into objects.
So before a reader parses a part, and while it streams one, the part is held to limits it can
check cheaply, in C, on the raw bytes:

- the zip's directory: how many members it lists and how large the directory is, read from its
  last bytes before ``zipfile`` builds an object per member;
- each member's unzipped size, as the header declares it *and* as counted while it is read
  (a header can lie);
- the number of XML elements (every ``<`` that does not start an end tag: elements, comments,
  processing instructions; an upper bound, since ``<`` in text is always escaped);
- the longest stretch without a ``>``: text or an attribute longer than that is no cell or
  paragraph anyone wrote (Excel's own cell limit is 32,767 characters), and an XML parser keeps
  such a stretch whole in memory before it can hand any of it on.

Past a limit, :class:`PackageLimitError` carries one Chinese sentence naming the part.
"""

from __future__ import annotations

import math
import re
import zipfile
from dataclasses import dataclass, replace
from typing import IO

MEGABYTE = 1024 * 1024
_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_CHUNK = 1 << 16
# The start of a paragraph or table-cell element, in any namespace prefix: <w:p>, <w:tc w:…>, <a:p/>.
_BLOCK = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:p|tc)[\s/>]")


class PackageLimitError(ValueError):
    """A file past a limit; ``str()`` is the sentence for the user (without the file name)."""


@dataclass(frozen=True)
class PackageLimits:
    """What one Office file may unpack into. The defaults fit the largest real files many times over."""

    max_members: int = 10_000
    max_directory_bytes: int = 4 * MEGABYTE
    max_unzipped_bytes: int = 1024 * MEGABYTE  # all members together
    max_part_bytes: int = 512 * MEGABYTE  # one member
    max_part_elements: int = 20_000_000  # one member
    max_run_bytes: int = 4 * MEGABYTE  # between two '>': one tag, or the text between two tags
    # Paragraphs and table cells (<w:p>, <w:tc>, <a:p> in any prefix), all parts together: what
    # a document reader turns into one block each, the costly unit of time. None: not counted.
    max_blocks: int | None = None


def size_text(count: int) -> str:
    """A size as people read it, rounded up so that a size over a limit never reads as the limit:
    52_500_000 → '50.1 MB', 1536 → '1.5 KB'."""
    if count >= MEGABYTE:
        return f"{math.ceil(count / MEGABYTE * 10) / 10:.1f} MB".replace(".0 MB", " MB")
    return f"{max(math.ceil(count / 1024 * 10) / 10, 0.1):.1f} KB".replace(".0 KB", " KB")


def limit_text(count: int) -> str:
    """A limit: 52428800 → '50 MB' (limits are round numbers; shown without rounding up)."""
    if count >= MEGABYTE:
        return f"{count / MEGABYTE:g} MB"
    return f"{count / 1024:g} KB"


def excerpt(text: str, length: int = 30) -> str:
    """At most ``length`` characters of user text for a message: 'xxxx…（共 524288000 字）'."""
    if len(text) <= length:
        return text
    return f"{text[:length]}…（共{len(text)}字）"


def check_directory(stream: IO[bytes], limits: PackageLimits) -> None:
    """Refuse a zip whose directory lists too many members, before ``zipfile`` reads it.

    Reads the end-of-central-directory record (and its zip64 form) from the last bytes;
    a stream that is no zip is left for ``zipfile`` to refuse.
    """
    stream.seek(0, 2)
    size = stream.tell()
    tail_start = max(size - (1 << 16) - 22, 0)
    stream.seek(tail_start)
    tail = stream.read()
    stream.seek(0)
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) < at + 22:
        return
    members = int.from_bytes(tail[at + 10 : at + 12], "little")
    directory = int.from_bytes(tail[at + 12 : at + 16], "little")
    locator = tail.rfind(_ZIP64_LOCATOR, 0, at)
    if locator >= 0 and (members == 0xFFFF or directory == 0xFFFFFFFF):
        record = int.from_bytes(tail[locator + 8 : locator + 16], "little")
        stream.seek(record)
        zip64 = stream.read(56)
        stream.seek(0)
        if len(zip64) == 56 and zip64.startswith(b"PK\x06\x06"):
            members = int.from_bytes(zip64[32:40], "little")
            directory = int.from_bytes(zip64[40:48], "little")
    if members > limits.max_members or directory > limits.max_directory_bytes:
        raise PackageLimitError(f"压缩包内文件过多（{members} 个），上限为 {limits.max_members} 个")


def check_declared_sizes(archive: zipfile.ZipFile, limits: PackageLimits) -> None:
    """Refuse by the sizes the zip declares: one member, or all together, unpacking too large."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > limits.max_part_bytes:
            raise PackageLimitError(
                f"文件中的「{excerpt(info.filename, 60)}」解压后过大（{size_text(info.file_size)}），"
                f"上限为 {limit_text(limits.max_part_bytes)}"
            )
    if total > limits.max_unzipped_bytes:
        raise PackageLimitError(
            f"文件解压后过大（{size_text(total)}），上限为 {limit_text(limits.max_unzipped_bytes)}"
        )


class BoundedPart:
    """A member of the zip, read through its limits: ``read`` raises PackageLimitError past one."""

    def __init__(
        self,
        stream: IO[bytes],
        part: str,
        limits: PackageLimits,
        *,
        label: str = "",
        bytes_before: int = 0,
        elements_before: int = 0,
        blocks_before: int = 0,
    ) -> None:
        self._stream = stream
        self.part = part
        self.label = label or f"「{excerpt(part, 60)}」"
        self.limits = limits
        self.bytes = 0
        self.elements = 0
        self.blocks = 0
        self._blocks_before = blocks_before
        # What other parts of the same file already unpacked into: the limits hold for the sum.
        self._bytes_before, self._elements_before = bytes_before, elements_before
        self._run = 0  # bytes since the last '>'

    def read(self, size: int = -1) -> bytes:
        chunk = self._stream.read(_CHUNK if size is None or size < 0 else size)
        self.count(chunk)
        return chunk

    def count(self, chunk: bytes) -> None:
        limits = self.limits
        self.bytes += len(chunk)
        if self.bytes > limits.max_part_bytes:
            raise PackageLimitError(
                f"文件中的{self.label}解压后超过 {limit_text(limits.max_part_bytes)}"
                "（压缩包标注的大小与实际不符或过大）"
            )
        if self._bytes_before + self.bytes > limits.max_unzipped_bytes:
            raise PackageLimitError(f"文件解压后超过 {limit_text(limits.max_unzipped_bytes)}")
        self.elements += chunk.count(b"<") - chunk.count(b"</")
        if self._elements_before + self.elements > limits.max_part_elements:
            raise PackageLimitError(
                f"文件中的{self.label}元素过多（全文件超过 {limits.max_part_elements} 个），请拆分后再上传"
            )
        if limits.max_blocks is not None:
            self.blocks += len(_BLOCK.findall(chunk))  # one split across two chunks is not counted
            if self._blocks_before + self.blocks > limits.max_blocks:
                raise PackageLimitError(
                    f"文件的段落和表格单元格过多（超过 {limits.max_blocks} 个），请拆分后再上传"
                )
        last = chunk.rfind(b">")
        self._run = self._run + len(chunk) if last < 0 else len(chunk) - last - 1
        if self._run > limits.max_run_bytes:
            raise PackageLimitError(
                f"文件中的{self.label}有一段文字或标记超过 {limit_text(limits.max_run_bytes)}，"
                "不是正常的单元格或段落内容"
            )

    def drain(self) -> None:
        """Read to the end (checking every limit) and discard: a part checked before another
        library parses it whole."""
        while self.read(_CHUNK):
            pass

    def close(self) -> None:
        self._stream.close()

    def __enter__(self) -> BoundedPart:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_part(
    archive: zipfile.ZipFile,
    part: str,
    limits: PackageLimits,
    *,
    label: str = "",
    bytes_before: int = 0,
    elements_before: int = 0,
    blocks_before: int = 0,
) -> BoundedPart:
    """``archive.open(part)`` that refuses a declared size past the limit and counts as it reads."""
    info = archive.getinfo(part)
    bounded = BoundedPart(
        archive.open(info),
        part,
        limits,
        label=label,
        bytes_before=bytes_before,
        elements_before=elements_before,
        blocks_before=blocks_before,
    )
    if info.file_size > limits.max_part_bytes:
        bounded.close()
        raise PackageLimitError(
            f"文件中的{bounded.label}解压后过大（{size_text(info.file_size)}），"
            f"上限为 {limit_text(limits.max_part_bytes)}"
        )
    return bounded


def check_package(stream: IO[bytes], limits: PackageLimits, *, xml_only: bool = True) -> None:
    """The whole zip within limits: its directory, the declared sizes, and each XML part read
    through (bytes counted, elements counted, no overlong run). For a library that then parses
    the parts itself (python-docx, openpyxl). Elements are counted over all parts together."""
    check_directory(stream, limits)
    with zipfile.ZipFile(stream) as archive:
        check_declared_sizes(archive, limits)
        elements = unzipped = blocks = 0
        text_limits = replace(limits, max_run_bytes=1 << 62)  # binary parts: no '>' to expect
        for info in archive.infolist():
            name = info.filename.lower()
            xml = name.endswith((".xml", ".rels", ".vml"))
            if info.is_dir() or (xml_only and not xml):
                continue
            with open_part(
                archive,
                info.filename,
                limits if xml else text_limits,
                bytes_before=unzipped,
                elements_before=elements,
                blocks_before=blocks,
            ) as part:
                part.drain()
            elements += part.elements
            unzipped += part.bytes
            blocks += part.blocks
    stream.seek(0)
