"""Reading one input CSV: encoding, header, rows with their line numbers.

UTF-8 (with or without BOM) or GB18030, never guessed further; the header row is
required and names the columns (extra ones are ignored); blank lines are skipped.
Each row keeps the line it starts on, for messages such as "第7行".
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from healthaction.evaluation_io.errors import InputError


@dataclass(frozen=True)
class Row:
    """One data row: its line in the file and its cells by column name (stripped, "" if absent)."""

    table: CsvTable
    line: int
    cells: Sequence[str]

    @property
    def where(self) -> str:
        return f"{self.table.name} 第{self.line}行"

    def __getitem__(self, column: str) -> str:
        index = self.table.columns.get(column)
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index].strip()

    def error(self, column: str | None, message: str) -> InputError:
        return InputError(self.where, message, column)


@dataclass(frozen=True)
class CsvTable:
    name: str
    columns: dict[str, int]
    rows: list[tuple[int, list[str]]]

    def __iter__(self) -> Iterator[Row]:
        for line, cells in self.rows:
            yield Row(self, line, cells)

    def has(self, column: str) -> bool:
        return column in self.columns

    def lines(self) -> list[int]:
        return [line for line, _cells in self.rows]

    def column(self, name: str) -> list[str]:
        """Every row's cell in this column, as written ("" where the row is short or lacks it)."""
        index = self.columns.get(name)
        if index is None:
            return [""] * len(self.rows)
        return [cells[index] if index < len(cells) else "" for _line, cells in self.rows]


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(path.name, f"无法读取：编码应为 UTF-8 或 GB18030（第{exc.start}字节出错）") from None


def read_table(path: Path, required: Sequence[str], optional: Sequence[str] = ()) -> CsvTable:
    """The rows of ``path`` under a header that holds every ``required`` column."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path.name, f"无法读取文件（{exc.strerror}）") from None
    text = _decode(path, data)
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    header_line = 1
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            if "".join(cells).strip():
                if header is None:
                    header, header_line = cells, start
                else:
                    rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"{path.name} 第{reader.line_num}行", f"CSV 格式错误（{exc}）") from None
    if header is None:
        raise InputError(path.name, f"文件为空，应有表头：{','.join(required)}")
    names = [unicodedata.normalize("NFKC", cell).strip().lower() for cell in header]
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        columns.setdefault(name, index)
    missing = [column for column in required if column not in columns]
    if missing:
        expected = ",".join([*required, *(f"[{c}]" for c in optional)])
        raise InputError(
            f"{path.name} 第{header_line}行",
            f"缺少列 {'、'.join(missing)}（表头应为 {expected}）",
        )
    return CsvTable(path.name, columns, rows)
