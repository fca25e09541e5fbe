"""Small files that unpack into a lot of work: the uploads an attacker (or a broken tool) sends.

Used by the tests that prove each reader refuses them in bounded memory and time, and by
``bench/hostile_uploads.py`` that measures them. Every file is generated (a few seconds for the
largest): no big binary sits in the repository. Sizes are in bytes or characters, chosen by the
caller; the defaults are the ones issue 11 reported.

Each function writes a valid zip whose one part is replaced by a streamed, highly compressible
body, so generating a 500 MB cell never holds 500 MB in memory.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024
_CHUNK = 1 << 20

Body = Callable[[], Iterable[bytes]]


def rewrite_zip(source: Path, target: Path, parts: dict[str, Body]) -> Path:
    """``source`` copied to ``target`` with the named parts replaced (or added) by streamed bodies."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename not in parts:
                new.writestr(info.filename, old.read(info.filename))
        for name, body in parts.items():
            with new.open(name, "w", force_zip64=True) as stream:
                for chunk in body():
                    stream.write(chunk)
    return target


def repeated(unit: bytes, total: int) -> Iterator[bytes]:
    """``unit`` repeated to ``total`` bytes (whole units), a megabyte at a time."""
    if not unit or total <= 0:
        return
    count = max(total // len(unit), 1)
    per_chunk = max(_CHUNK // len(unit), 1)
    block = unit * per_chunk
    while count >= per_chunk:
        yield block
        count -= per_chunk
    if count:
        yield unit * count


def replace_in_part(
    source: Path, part: str, old: bytes, new_head: bytes, filler: bytes, size: int, new_tail: bytes
) -> Body:
    """A body: ``part`` of ``source`` with ``old`` replaced by head + filler×size + tail."""
    with zipfile.ZipFile(source) as archive:
        text = archive.read(part)
    before, found, after = text.partition(old)
    if not found:
        raise ValueError(f"{part} holds no {old!r}")

    def body() -> Iterator[bytes]:
        yield before + new_head
        yield from repeated(filler, size)
        yield new_tail + after

    return body


# -- the 填报表 (entry template) -----------------------------------------------------------------


def entry_template(folder: Path) -> Path:
    """A small, valid 平川区 填报表 to start from."""
    from decimal import Decimal

    from healthaction.workbook import EntryRow, build_template

    rows = [
        EntryRow("620403", "平川区", "17", "居民健康素养水平", "%", 2023, Decimal("19.6"), "≥22%"),
        EntryRow("620403", "平川区", "18", "婴儿死亡率", "‰", 2023, 4.4, "≤7.5‰"),
    ]
    path = folder / "模板.xlsx"
    build_template(rows, department="区卫生健康局", region_name="平川区", round_label="2023年度", path=path)
    return path


ENTRY_SHEET_PART = "xl/worksheets/sheet1.xml"
_VALUE_CELL = b'<c r="I9" s="5" t="n"></c>'


def workbook_with_huge_cell(folder: Path, chars: int = 500 * MB, *, name: str = "巨大单元格.xlsx") -> Path:
    """The 填报值 cell I9 holds ``chars`` letters as an inline string (echoed back by the old reader)."""
    template = entry_template(folder)
    body = replace_in_part(
        template,
        ENTRY_SHEET_PART,
        _VALUE_CELL,
        b'<c r="I9" t="inlineStr"><is><t>',
        b"x",
        chars,
        b"</t></is></c>",
    )
    return rewrite_zip(template, folder / name, {ENTRY_SHEET_PART: body})


def with_huge_cell(source: Path, target: Path, reference: str, chars: int) -> Path:
    """``source`` (a workbook as the system wrote it) with cell ``reference`` of its first sheet
    holding ``chars`` letters as an inline string."""
    import re

    with zipfile.ZipFile(source) as archive:
        sheet = archive.read(ENTRY_SHEET_PART)
    found = re.search(rb'<c r="' + reference.encode() + rb'"[^>]*?(/>|>.*?</c>)', sheet)
    if found is None:
        raise ValueError(f"{reference} not in {source.name}")
    head = reference.encode()
    body = replace_in_part(
        source,
        ENTRY_SHEET_PART,
        found[0],
        b'<c r="' + head + b'" t="inlineStr"><is><t>',
        b"x",
        chars,
        b"</t></is></c>",
    )
    return rewrite_zip(source, target, {ENTRY_SHEET_PART: body})


def workbook_with_huge_shared_string(folder: Path, chars: int = 500 * MB) -> Path:
    """I9 points at shared string 0, which holds ``chars`` characters."""
    template = entry_template(folder)
    sheet = replace_in_part(
        template, ENTRY_SHEET_PART, _VALUE_CELL, b'<c r="I9" t="s"><v>0</v></c>', b"", 0, b""
    )

    def strings() -> Iterator[bytes]:
        yield b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1"><si><t>'
        yield from repeated(b"x", chars)
        yield b"</t></si></sst>"

    return rewrite_zip(
        template,
        folder / "巨大共享字符串.xlsx",
        {ENTRY_SHEET_PART: sheet, "xl/sharedStrings.xml": strings, **_shared_strings_registered(template)},
    )


def workbook_with_many_shared_strings(folder: Path, count: int = 20_000_000) -> Path:
    """``count`` one-character shared strings: small each, a lot of Python objects together."""
    template = entry_template(folder)

    def strings() -> Iterator[bytes]:
        yield b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        yield from repeated(b"<si><t>a</t></si>", count * 17)
        yield b"</sst>"

    return rewrite_zip(
        template,
        folder / "大量共享字符串.xlsx",
        {"xl/sharedStrings.xml": strings, **_shared_strings_registered(template)},
    )


def _shared_strings_registered(template: Path) -> dict[str, Body]:
    """The workbook's relationships and content types with a sharedStrings part added."""
    with zipfile.ZipFile(template) as archive:
        rels = archive.read("xl/_rels/workbook.xml.rels")
        types = archive.read("[Content_Types].xml")
    relationship = (
        b'<Relationship Id="rIdStrings" Target="sharedStrings.xml" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
    )
    override = (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType='
        b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    )
    rels = rels.replace(b"</Relationships>", relationship + b"</Relationships>")
    types = types.replace(b"</Types>", override + b"</Types>")
    return {"xl/_rels/workbook.xml.rels": lambda: [rels], "[Content_Types].xml": lambda: [types]}


def workbook_with_huge_styles(folder: Path, size: int = 100 * MB) -> Path:
    """``size`` bytes of cell styles (<xf/> elements) in styles.xml."""
    template = entry_template(folder)
    with zipfile.ZipFile(template) as archive:
        styles = archive.read("xl/styles.xml")
    head, found, tail = styles.partition(b"</cellXfs>")
    if not found:
        raise ValueError("styles.xml holds no cellXfs")

    def body() -> Iterator[bytes]:
        yield head
        yield from repeated(b'<xf numFmtId="10"/>', size)
        yield found + tail

    return rewrite_zip(template, folder / "巨大样式表.xlsx", {"xl/styles.xml": body})


def workbook_with_many_empty_rows(folder: Path, rows: int = 30_000_000) -> Path:
    """Millions of empty <row/> elements after the header: no cell, so no row limit is reached."""
    template = entry_template(folder)
    body = replace_in_part(
        template, ENTRY_SHEET_PART, b"</sheetData>", b"", b"<row/>", rows * 6, b"</sheetData>"
    )
    return rewrite_zip(template, folder / "大量空行.xlsx", {ENTRY_SHEET_PART: body})


def with_lying_size(path: Path, part: str, declared: int = 1000) -> Path:
    """``path`` with the uncompressed size of ``part`` written as ``declared`` in both zip headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(part)
    if info.file_size >= 0xFFFFFFFF or info.compress_size >= 0xFFFFFFFF:
        raise ValueError("only parts under 4 GB without zip64 sizes")
    local = info.header_offset
    data[local + 22 : local + 26] = declared.to_bytes(4, "little")
    name = part.encode()
    central = data.rfind(b"PK\x01\x02", 0, len(data))
    while central != -1:
        name_length = int.from_bytes(data[central + 28 : central + 30], "little")
        if bytes(data[central + 46 : central + 46 + name_length]) == name:
            data[central + 24 : central + 28] = declared.to_bytes(4, "little")
            break
        central = data.rfind(b"PK\x01\x02", 0, central)
    target = path.with_name(f"谎报大小{path.name}")
    target.write_bytes(bytes(data))
    return target


# -- plan documents --------------------------------------------------------------------------------


def docx_with_empty_paragraphs(folder: Path, size: int = 20 * MB, *, name: str = "大量空段落.docx") -> Path:
    """A Word plan with a title paragraph and then ``size`` bytes of ``<w:p/>``."""
    import docx

    source = folder / "规划.docx"
    document = docx.Document()
    document.add_paragraph("健康某某行动实施方案")
    document.save(str(source))
    body = replace_in_part(source, "word/document.xml", b"<w:sectPr", b"", b"<w:p/>", size, b"<w:sectPr")
    return rewrite_zip(source, folder / name, {"word/document.xml": body})


def docx_with_huge_text(folder: Path, chars: int = 200 * MB) -> Path:
    """A Word plan whose one paragraph holds ``chars`` characters."""
    import docx

    source = folder / "规划.docx"
    document = docx.Document()
    document.add_paragraph("健康某某行动实施方案")
    document.save(str(source))
    body = replace_in_part(
        source,
        "word/document.xml",
        b"<w:sectPr",
        b"<w:p><w:r><w:t>",
        b"a",
        chars,
        b"</w:t></w:r></w:p><w:sectPr",
    )
    return rewrite_zip(source, folder / "巨大段落.docx", {"word/document.xml": body})


def xlsx_plan_with_huge_cell(folder: Path, chars: int = 200 * MB) -> Path:
    """An Excel plan (指标表) whose cell A2 holds ``chars`` characters."""
    import openpyxl

    source = folder / "指标表.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["指标", "2022年目标", "2030年目标"])
    sheet.append(["居民健康素养水平（%）", "≥22", "≥30"])
    workbook.save(source)
    part = "xl/worksheets/sheet1.xml"
    body = replace_in_part(
        source,
        part,
        b"</sheetData>",
        b'<row r="3"><c r="A3" t="inlineStr"><is><t>',
        b"a",
        chars,
        b"</t></is></c></row></sheetData>",
    )
    return rewrite_zip(source, folder / "巨大单元格指标表.xlsx", {part: body})


def html_with_many_elements(folder: Path, size: int = 45 * MB) -> Path:
    """A web page under the 50 MB upload limit made of ``size`` bytes of empty paragraphs."""
    path = folder / "大量元素.html"
    with path.open("wb") as stream:
        stream.write("<!DOCTYPE html><html><body><p>健康某某行动实施方案</p>".encode())
        for chunk in repeated(b"<p></p>", size):
            stream.write(chunk)
        stream.write(b"</body></html>")
    return path


# -- measuring -------------------------------------------------------------------------------------

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
kind, path, cap = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
if kind == "workbook":
    from healthaction.workbook import read_workbook
    def run():
        result = read_workbook(path, expect_department="区卫生健康局", expect_round="2023年度")
        return "\n".join(str(e) for e in result.errors) or f"read: {len(result.rows)} rows"
else:
    from healthaction.ingest import IngestError, parse_file
    def run():
        try:
            plan = parse_file(path)
        except IngestError as error:
            return str(error)
        return f"parsed: {len(plan.actions)} actions"
def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
before = rss_mb()
start, cpu = time.perf_counter(), time.process_time()
try:
    outcome = run()
except MemoryError:
    outcome = "MemoryError (address-space cap reached)"
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"before_mb": round(before), "peak_mb": round(peak), "growth_mb": round(peak - before),
                  "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "outcome": outcome},
                 ensure_ascii=False))
"""


@dataclass(frozen=True)
class Measured:
    """One read of a file in a fresh process: RSS growth while reading, time, and what it said."""

    growth_mb: float
    seconds: float
    cpu_seconds: float
    outcome: str
    peak_mb: float = 0
    before_mb: float = 0


def measure(kind: str, path: Path, *, cap_gb: float = 4.0) -> Measured:
    """Read ``path`` as the web does (``kind`` "workbook": a 填报表 for 区卫生健康局 2023年度;
    "plan": ``parse_file``) in a child process under an address-space cap of ``cap_gb``."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, kind, str(path), str(int(cap_gb * 1024**3))],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        raise RuntimeError(f"the reading process failed ({done.returncode}): {done.stderr[-2000:]}")
    return Measured(**json.loads(lines[-1]))
