"""Section extractor: the 考核指标框架 / 主要指标 table, one FrameworkRow per indicator.

The table is found by its header (an indicator column and a target column), not by
its title, so a real table (.docx, .html, ``a | b | c`` text) and one flattened to
a cell per line (see flat_table) are read the same way. Columns are known by their
names: 考核依据 (carried down when blank), 序号, 指标 (unit in its trailing
bracket), 基期水平 (year from the header, or from a note for a starred value), and
one or more target columns (year from the header; the region in the header becomes
the target's ``scope`` when several columns share a year).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.chinese import nfkc, simplified
from healthaction.ingest.extract.cells import (
    CellValue,
    Role,
    UnreadableCellError,
    header_key,
    header_role,
    is_blank,
    is_header,
    normalize_unit,
    parse_cell,
)
from healthaction.ingest.extract.cells import (
    number as cell_number,
)
from healthaction.ingest.extract.flat_table import (
    Grid,
    align,
    find_grids,
    is_flat_fragment,
    spread_merged_word,
)
from healthaction.plan import Baseline, FrameworkRow, Target

log = logging.getLogger(__name__)

_YEAR = re.compile(r"((?:19|20)\d{2})年?")
_SEQ_PREFIX = re.compile(r"^\s*(\d{1,3})\s*[.．、]\s*")
_UNIT_CHARS = r"0-9A-Za-z%‰/．.·万千百亿个人岁次张元天分钟小时平方米亩床名所家例户倍克升公斤μ³²"
_UNIT_BRACKET = re.compile(rf"[（(]\s*([{_UNIT_CHARS}\s％]{{1,12}})\s*[）)]\s*$")
_STAR_NOTE = re.compile(r"[*＊][^。；;\d]{0,12}?((?:19|20)\d{2})\s*年")
_HEADING = re.compile(
    r"(?:附件\s*\d*\s*[:：]?\s*)?(?:\d+[.．、]\s*)?\S{0,24}(?:考核指标框架|主要指标)表?(?:\.docx?)?"
)
_REGION_WORDS = re.compile(r"^(?:全国|全省|全市|全区|全县)$")


@dataclass(frozen=True, slots=True)
class _Column:
    role: Role
    label: str
    year: int | None = None
    scope: str | None = None


def extract(blocks: list[Block], warnings: list[str]) -> list[FrameworkRow]:
    rows: list[FrameworkRow] = []
    grids = _grids(blocks, warnings)
    for position, grid in grids:
        rows.extend(_read_grid(grid, _star_year(blocks, position), warnings))
    if not grids:
        heading = next(
            (b for b in blocks if isinstance(b, Paragraph) and _HEADING.fullmatch(simplified(b.text))), None
        )
        if heading is not None:
            warnings.append(
                f"{heading.where}：有“{heading.text}”，但没有找到可读的指标表格，考核指标框架未提取"
            )
    return rows


def _grids(blocks: list[Block], warnings: list[str]) -> list[tuple[int, Grid]]:
    """Every framework table in the document with the index of the block it starts at."""
    found: list[tuple[int, Grid]] = []
    run_start = 0
    for index, block in enumerate([*blocks, None]):
        if block is None or (isinstance(block, Table) and not is_flat_fragment(block)):
            found.extend((run_start, grid) for grid in find_grids(blocks[run_start:index], warnings))
            if isinstance(block, Table):
                grid = _grid_of_table(block)
                if grid is not None:
                    found.append((index, grid))
                elif found and _continues(found[-1], index, blocks):
                    last = found[-1][1]
                    last.rows.extend(block.rows)
                    last.wheres.extend([block.where] * len(block.rows))
            run_start = index + 1
    return found


def _grid_of_table(table: Table) -> Grid | None:
    """A real table's grid, its header (one or two rows) merged into column labels."""
    for at, row in enumerate(table.rows[:4]):
        if not is_header(row):
            continue
        labels = list(row)
        body = list(table.rows[at + 1 :])
        if body and _is_subheader(body[0]):
            labels = [_merge_label(top, sub) for top, sub in zip(labels, body[0], strict=False)]
            body = body[1:]
        grid = Grid(tuple(labels), where=table.where)
        roles: list[Role] = [header_role(label) or "other" for label in labels]
        for row_ in body:
            grid.rows.append(_placed(row_, roles))
            grid.wheres.append(table.where)
        return grid
    return None


def _placed(row: Sequence[str], roles: list[Role]) -> tuple[str, ...]:
    """A row's cells under their columns. A row of a flattened web table lost the cells that were
    empty or merged into the row above (a 领域 spanning rows), so it is shorter than the header:
    its cells are aligned to the columns by what they look like. A word target (实现, 持续减缓)
    left alone under several year columns was one cell merged across them: it holds for each."""
    width = len(roles)
    cells = [cell for cell in row if cell.strip()]
    if len(row) >= width or len(cells) < 2:
        return tuple(row) + ("",) * (width - len(row))
    placed, cost = align(cells, roles)
    if cost == float("inf"):
        return tuple(row) + ("",) * (width - len(row))
    return tuple(spread_merged_word(placed, roles))


def _is_subheader(row: Sequence[str]) -> bool:
    """The second header row under a merged 目标值: 2022年 | 2030年."""
    filled = [cell for cell in row if cell.strip()]
    return bool(filled) and all(header_role(cell) is not None for cell in filled)


def _merge_label(top: str, sub: str) -> str:
    if not sub.strip() or header_key(sub) == header_key(top):
        return top
    return sub if not top.strip() else f"{top}{sub}"


def _continues(last: tuple[int, Grid], index: int, blocks: list[Block]) -> bool:
    """A headerless table right after a framework table (a page break split it)."""
    table = blocks[index]
    assert isinstance(table, Table)
    between = blocks[last[0] + 1 : index]
    widths = {len(row) for row in table.rows}
    return widths == {len(last[1].header)} and all(
        isinstance(block, Paragraph) and len(block.text) < 12 for block in between[-3:]
    )


def _star_year(blocks: list[Block], start: int) -> int | None:
    """注：标*数值为2017年数值 — the first such note after the table."""
    for block in blocks[start:]:
        if isinstance(block, Paragraph) and simplified(block.text.lstrip()[:2]).startswith(
            ("注", "备注", "说明")
        ):
            match = _STAR_NOTE.search(nfkc(block.text))
            if match:
                return int(match.group(1))
    return None


def _columns(header: Sequence[str]) -> list[_Column]:
    columns = []
    for label in header:
        role = header_role(label) or "other"
        year_match = _YEAR.search(nfkc(label))
        columns.append(_Column(role, label, int(year_match.group(1)) if year_match else None))
    targets = [c for c in columns if c.role == "target"]
    years = [c.year for c in targets]
    if len(targets) > 1 and len(set(years)) < len(years):
        columns = [
            _Column(c.role, c.label, c.year, _scope(c.label)) if c.role == "target" else c for c in columns
        ]
    return columns


def _scope(label: str) -> str | None:
    """2022年白银市目标值 → 白银市."""
    rest = re.sub(r"\s+", "", label)
    rest = _YEAR.sub("", nfkc(rest))
    rest = re.sub(r"目标值|目标|指标值|值$", "", rest).strip("（）()")
    return rest or None if not _REGION_WORDS.match(rest) else None


def _compact(text: str) -> str:
    """Wrapped lines joined and layout spaces removed ("5 岁" → "5岁"); spaces between Latin words stay."""
    joined = "".join(line.strip() for line in text.splitlines())
    return re.sub(r"(?<![A-Za-z])\s+|\s+(?![A-Za-z])", "", joined)


def _split_unit(indicator: str) -> tuple[str, str | None]:
    match = _UNIT_BRACKET.search(indicator)
    if match is None:
        return indicator, None
    return indicator[: match.start()], normalize_unit(match.group(1))


def _indicators(indicator: str) -> tuple[str, str | None, list[tuple[str, str | None]]]:
    """Row indicator, row unit, and the sub-indicators when the cell names several, each with its unit."""
    parts = re.split(r"[，,；;]", indicator)
    if len(parts) > 1 and all(_UNIT_BRACKET.search(part) for part in parts):
        subs = [_split_unit(part) for part in parts]
        separators = re.findall(r"[，,；;]", indicator)
        name = subs[0][0] + "".join(sep + sub for sep, (sub, _) in zip(separators, subs[1:], strict=True))
        return name, subs[0][1], subs
    name, unit = _split_unit(indicator)
    subs = [(_split_unit(part)[0], unit) for part in parts] if len(parts) > 1 else [(name, unit)]
    return name, unit, subs


def _read_grid(grid: Grid, star_year: int | None, warnings: list[str]) -> list[FrameworkRow]:
    columns = _columns(grid.header)
    roles = [c.role for c in columns]
    if "indicator" not in roles:
        return []
    rows: list[FrameworkRow] = []
    basis: str | None = None
    for number, (cells, where) in enumerate(zip(grid.rows, grid.wheres, strict=True), start=1):
        if is_header(cells) or _is_heading(cells, roles):
            continue
        by_role = {c.role: cell for c, cell in zip(columns, cells, strict=False) if c.role != "target"}
        raw_indicator = _compact(by_role.get("indicator", ""))
        if not raw_indicator:
            if any(not is_blank(cell) for cell in cells):
                warnings.append(
                    f"{where}：考核指标框架第{number}行无法解析：没有指标名称：{'、'.join(cells)}"
                )
            continue
        seq, raw_indicator = _seq(by_role.get("seq", ""), raw_indicator, rows)
        if by_role.get("basis", "").strip():
            basis = _compact(by_role["basis"])
        indicator, unit, subs = _indicators(raw_indicator)
        if by_role.get("unit", "").strip():
            unit = normalize_unit(by_role["unit"])
            subs = [(sub, unit) for sub, _ in subs]
        baseline_column = next((c for c in columns if c.role == "baseline"), None)
        baseline = _baseline(by_role.get("baseline", ""), baseline_column, star_year)
        targets: list[Target] = []
        for column, cell in zip(columns, cells, strict=False):
            if column.role != "target":
                continue
            try:
                values = parse_cell(cell)
            except UnreadableCellError:
                warnings.append(
                    f"{where}：考核指标框架第{number}行“{indicator}”的目标值无法解析：{cell.strip()}"
                )
                continue
            targets.extend(_targets(values, indicator, unit, subs, column))
        if unit is None:
            unit = next((t.unit for t in targets if t.unit), None)
        rows.append(
            FrameworkRow(
                seq=seq, indicator=indicator, unit=unit, basis=basis, baseline=baseline, targets=targets
            )
        )
    return rows


def _is_heading(cells: Sequence[str], roles: list[Role]) -> bool:
    """A row spanning the table: （一）健康知识普及行动, 结果性指标 — one text, no 序号."""
    texts = {cell.strip() for cell in cells if cell.strip()}
    seq = next((cell for cell, role in zip(cells, roles, strict=False) if role == "seq"), "")
    return len(texts) == 1 and not nfkc(seq).strip().isdigit() and (len(cells) > 2 or roles[0] == "domain")


def _seq(cell: str, indicator: str, rows: list[FrameworkRow]) -> tuple[int, str]:
    expected = (rows[-1].seq or len(rows)) + 1 if rows else 1
    text = nfkc(cell).strip()
    if text.isdigit():
        return int(text), indicator
    prefix = _SEQ_PREFIX.match(nfkc(indicator))
    if prefix and int(prefix.group(1)) == expected:
        return expected, indicator[prefix.end() :]
    return expected, indicator


def _baseline(cell: str, column: _Column | None, star_year: int | None) -> Baseline | None:
    if column is None or is_blank(cell):
        return None
    text = cell.strip()
    try:
        values = parse_cell(cell)
    except UnreadableCellError:
        # A descriptive baseline ("2002—2012年平均每年增长约5.3%"): its value is the last number,
        # and no single year is its year.
        numbers = re.findall(r"\d+(?:\.\d+)?", nfkc(text))
        if numbers and not _YEAR.fullmatch(numbers[-1] + "年"):
            return Baseline(year=None, value=cell_number(numbers[-1]), text=text)
        return Baseline(year=column.year, value=None, text=text)
    first: CellValue | None = values[0] if values else None
    year = star_year if first is not None and first.starred and star_year else column.year
    return Baseline(year=year, value=first.value if first else None, text=text)


def _targets(
    values: list[CellValue],
    indicator: str,
    unit: str | None,
    subs: list[tuple[str, str | None]],
    column: _Column,
) -> list[Target]:
    paired = len(values) > 1 and len(values) == len(subs)
    targets = []
    for k, value in enumerate(values):
        name, sub_unit = subs[k] if paired else (indicator, unit)
        targets.append(
            Target(
                indicator=name,
                year=column.year,
                comparator=value.comparator,
                value=value.value,
                # 持续减缓 slows the growth of the row's quantity: a change of a rate, not in the row's unit.
                unit=None if value.comparator == "slow" else sub_unit or value.unit,
                scope=column.scope,
                text=value.text,
            )
        )
    return targets
