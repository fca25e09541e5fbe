"""Reading one input CSV: encoding, header, rows with their line numbers — whole columns at once.

UTF-8 (with or without BOM) or GB18030, never guessed further; the header row is
required and names the columns (extra ones are ignored); blank lines are skipped.
Headers may be written in Chinese (地区, 指标, 年份, 数值, 单位 …: ``HEADER_ALIASES``).
polars reads the cells; the line a row starts on ("第7行") is only worked out when a
message needs it, from the row's position and the line breaks inside quoted cells.
"""

from __future__ import annotations

import csv
import io
import mmap
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from healthaction.evaluation_io.errors import InputError

# What people head their columns with, besides the English names of evaluation.md §1.
HEADER_ALIASES: dict[str, str] = {
    "地区": "region", "区域": "region", "行政区划": "region", "地区名称": "region",
    "指标": "indicator", "指标名称": "indicator",
    "年份": "year", "年度": "year", "年": "year",
    "数值": "value", "值": "value", "监测值": "value", "指标值": "value", "目标值": "value",
    "基期值": "value", "基期水平": "value",
    "单位": "unit", "计量单位": "unit",
    "比较符": "comparator", "比较": "comparator",
    "目标": "target",
    "方向": "polarity", "极性": "polarity", "指标方向": "polarity",
    "小数位数": "decimals", "小数位": "decimals",
    "有效年限": "max_age", "最长间隔": "max_age", "监测周期": "max_age",
    "权重": "weight", "分值权重": "weight",
    "上级": "parent", "上级地区": "parent",
    "类型": "kind", "类别": "kind",
    "分值": "points", "分数": "points",
    "原因": "reason", "理由": "reason", "说明": "reason",
}  # fmt: skip


@dataclass(frozen=True)
class Row:
    """One data row: its line in the file and its cells by column name (stripped, "" if absent)."""

    table: CsvTable
    line: int
    cells: Mapping[str, str]

    @property
    def where(self) -> str:
        return f"{self.table.name} 第{self.line}行"

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def error(self, column: str | None, message: str) -> InputError:
        return InputError(self.where, message, column)


@dataclass(frozen=True)
class CsvTable:
    """The wanted columns of one file: ``row`` (the record's position in the file, header 0) and each
    column present as a stripped string ("" when empty)."""

    name: str
    frame: pl.DataFrame
    present: tuple[str, ...]
    header_line: int
    skipped_lines: int  # blank lines before the header
    breaks: pl.Series | None  # line breaks inside each record's quoted cells; None when there are none
    header: tuple[str, ...] = ()  # every column name of the header row, normalised
    names: Mapping[str, pl.Series] = field(default_factory=dict)  # distinct cells of the name columns

    def __iter__(self) -> Iterator[Row]:
        for cells in self.frame.iter_rows(named=True):
            yield Row(self, self.line(cells["row"]), cells)

    @property
    def height(self) -> int:
        return self.frame.height

    def has(self, column: str) -> bool:
        return column in self.present

    def line(self, row: int) -> int:
        """The line record ``row`` starts on (1-based)."""
        before = 0 if self.breaks is None else int(self.breaks.head(row).sum())
        return self.skipped_lines + row + 1 + before

    def where(self, row: int) -> str:
        return f"{self.name} 第{self.line(row)}行"

    def error(self, row: int, column: str | None, message: str) -> InputError:
        return InputError(self.where(row), message, column)

    def column(self, name: str) -> pl.Series:
        if name in self.frame.columns:
            return self.frame.get_column(name)
        return pl.repeat("", self.frame.height, dtype=pl.Utf8, eager=True).alias(name)

    def cell(self, name: str) -> pl.Expr:
        """The column as an expression: a column the file lacks stays one empty text, not a copy per row."""
        return pl.col(name) if name in self.frame.columns else pl.lit("", dtype=pl.Utf8).alias(name)

    def distinct(self, name: str) -> pl.Series:
        """The distinct cells of a column; those of a name column were found while reading."""
        known = self.names.get(name)
        return self.column(name).unique() if known is None else known


def _decoded(path_name: str, data: bytes) -> bytes:
    """GB18030 bytes as UTF-8 (the caller found they are not UTF-8)."""
    try:
        return data.decode("gb18030").encode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path_name, f"无法读取：编码应为 UTF-8 或 GB18030（第{exc.start}字节出错）") from None


def _blank(line: bytes) -> bool:
    return not line.replace(b",", b"").strip()


def header_name(cell: str) -> str:
    """'地区' → 'region', ' Value ' → 'value': NFKC, trimmed, lower case, Chinese aliases."""
    name = unicodedata.normalize("NFKC", cell).strip().lower()
    return HEADER_ALIASES.get(name, name)


def _header(path_name: str, data: bytes) -> tuple[bytes, int, list[str]]:
    """The data from the header on, the blank lines skipped before it, and the header's column names."""
    skipped = 0
    while data:
        end = data.find(b"\n")
        first = data if end < 0 else data[: end + 1]
        if not _blank(first):
            break
        data = data[len(first) :]
        skipped += 1
    end = data.find(b"\n")
    text = (data if end < 0 else data[:end]).decode("utf-8").rstrip("\r")
    try:
        header = next(csv.reader(io.StringIO(text)), [])
    except csv.Error as exc:
        raise InputError(f"{path_name} 第{skipped + 1}行", f"CSV 格式错误（{exc}）") from None
    return data, skipped, [header_name(cell) for cell in header]


def _cells(data: bytes | Path, columns: list[int] | None) -> pl.DataFrame:
    """``row`` (the record's position, header 0) and every cell as text, columns named
    column_<index in the header>. The reader numbers the rows itself: a row column added
    afterwards is laid out unlike the cells, and the first expression over both copied every
    cell of a national file into one piece (half a second)."""
    return pl.read_csv(
        data,
        has_header=False,
        infer_schema=False,
        truncate_ragged_lines=True,
        columns=columns,
        row_index_name="row",
    )


_SAMPLE = 65536  # bytes looked at for the encoding and the header


def _utf8(sample: bytes) -> bool:
    try:
        sample[:_SAMPLE].decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= _SAMPLE - 4  # a character cut at the end of the sample: still UTF-8
    return True


def _contents(path: Path) -> tuple[bytes, bool | None]:
    """The file's bytes and None; or, for a large plain file (UTF-8 without BOM, the header on its
    first line), only its first bytes and whether it holds a quote — found on the mapped file,
    without copying 200 MB into Python for polars to read it again."""
    with path.open("rb") as file:
        head = file.read(_SAMPLE)
        end = head.find(b"\n")
        plain = (
            len(head) == _SAMPLE
            and end >= 0
            and not head.startswith(b"\xef\xbb\xbf")
            and not _blank(head[: end + 1])
            and _utf8(head)
        )
        if not plain:
            return head + file.read(), None
        with mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            return head, mapped.find(b'"') >= 0


# Columns whose cells are names, compared as written once trimmed.
_NAMES = frozenset({"region", "indicator", "parent"})


def read_table(path: Path, required: Sequence[str], optional: Sequence[str] = ()) -> CsvTable:
    """The rows of ``path`` under a header that holds every ``required`` column."""
    try:
        data, quoted = _contents(path)
    except OSError as exc:
        raise InputError(path.name, f"无法读取文件（{exc.strerror}）") from None
    # A plain file (UTF-8 without BOM, the header on its first line) is read by polars from the
    # path; ``data`` is then only its beginning, enough for the header.
    source: bytes | Path = path if quoted is not None else data
    if quoted is None:
        data = data.removeprefix(b"\xef\xbb\xbf")
        if not _utf8(data):
            data = _decoded(path.name, data)
    data, skipped, names = _header(path.name, data)
    if quoted is None:
        source, quoted = data, b'"' in data  # a quoted cell may hold line breaks: lines are no longer rows
    if not data:
        raise InputError(path.name, f"文件为空，应有表头：{','.join(required)}")
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        columns.setdefault(name, index)
    missing = [column for column in required if column not in columns]
    if missing:
        expected = ",".join([*required, *(f"[{c}]" for c in optional)])
        raise InputError(
            f"{path.name} 第{skipped + 1}行",
            f"缺少列 {'、'.join(missing)}（表头应为 {expected}）",
        )
    wanted = [c for c in (*required, *optional) if c in columns]
    try:
        raw = _cells(source, None if quoted else sorted({columns[c] for c in wanted}))
    except pl.exceptions.ComputeError as exc:
        if "utf-8" not in str(exc).lower() and "utf8" not in str(exc).lower():
            raise InputError(path.name, f"CSV 格式错误（{str(exc).splitlines()[0]}）") from None
        # Not UTF-8: polars checks it while reading. A plain file had no BOM nor blank lines.
        data = _decoded(path.name, path.read_bytes() if isinstance(source, Path) else source)
        raw = _cells(data, None if quoted else sorted({columns[c] for c in wanted}))
    except pl.exceptions.PolarsError as exc:
        raise InputError(path.name, f"CSV 格式错误（{str(exc).splitlines()[0]}）") from None
    read = {int(name.removeprefix("column_")): name for name in raw.columns if name != "row"}
    breaks = None
    if quoted:
        cells_read = pl.all().exclude("row")
        breaks = raw.select(pl.sum_horizontal(cells_read.str.count_matches("\n").fill_null(0))).to_series()
    frame = raw.slice(1)
    wanted = [c for c in wanted if columns[c] in read]  # a header cell beyond the widest row: absent
    cells = []
    distinct: dict[str, pl.Series] = {}
    maybe_blank = True
    for c in wanted:
        column = pl.col(read[columns[c]])
        # Names are joined as written: a padded one is trimmed. Numbers, years, units and
        # comparators are folded and trimmed by their readers, only where they are not plain.
        values = frame.get_column(read[columns[c]])
        if c in _NAMES:
            distinct[c] = values.unique().fill_null("").unique()
        if c in _NAMES and distinct[c].str.contains(r"^\s|\s$").any():  # few distinct names
            column = column.str.strip_chars()
            distinct[c] = distinct[c].str.strip_chars().unique()
        elif c in _NAMES and not quoted and values.null_count() == 0:
            maybe_blank = False  # a column that is never empty: no blank line
        cells.append((column.fill_null("") if values.null_count() else column).alias(c))
    frame = frame.select(
        pl.col("row").cast(pl.Int64),
        *cells,
        *(pl.lit("", dtype=pl.Utf8).alias(c) for c in (*required, *optional) if c not in wanted),
    )
    if maybe_blank:  # blank lines, or lines whose cells of these columns are all empty: skipped
        frame = frame.filter(~pl.all_horizontal(pl.col(c).str.strip_chars() == "" for c in wanted))
        distinct = {}  # an empty name may have gone with them
    return CsvTable(path.name, frame, tuple(wanted), skipped + 1, skipped, breaks, tuple(names), distinct)
