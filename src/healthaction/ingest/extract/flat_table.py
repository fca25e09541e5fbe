"""Rebuilding a table that arrives as text, one cell per line.

Two layouts occur when a 考核指标框架 is copied out of Word or a web page:

* **cell-marked**: every cell starts on a line that begins with a tab; a cell's
  text wrapped over several lines continues on lines without a tab. The rows are
  rebuilt by counting the header's cells: every row has as many.
* **one cell per paragraph**: nothing marks where a cell starts, and empty cells
  (``—``) may have been dropped, so rows have fewer cells than the header. Rows
  start at the next 序号 (or at the indicator, where there is no 序号 column), and
  each row's cells are aligned to the columns by what they look like: a value
  (``≥22``, ``实现``) or text (an indicator, a 考核依据).

Both give a Grid: the header's column labels and rows of exactly that many cells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.chinese import nfkc
from healthaction.ingest.extract.cells import Role, header_role, is_blank, is_header, looks_like_value

_ENDS_TABLE = re.compile(r"^(?:附件|附表|注[：:]|备注[：:]|说明[：:])")
_SEQ = re.compile(r"\d{1,3}")
_SEQ_PREFIX = re.compile(r"^(\d{1,3})[.．、]")


@dataclass(frozen=True, slots=True)
class Grid:
    """A table as read: column labels and rows of cells (one string per column)."""

    header: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    wheres: list[str] = field(default_factory=list)
    where: str = ""


@dataclass(frozen=True, slots=True)
class _Piece:
    text: str
    starts_cell: bool
    where: str


def is_flat_fragment(table: Table) -> bool:
    """Rows of a tab-marked text table (``\\t73.7``): one cell each, after an empty one."""
    return all(
        len(row) <= 2 and (len(row) == 1 or not row[0].strip() or not row[1].strip()) for row in table.rows
    )


def _pieces(blocks: Sequence[Block]) -> list[_Piece]:
    pieces: list[_Piece] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            if block.text.strip():
                pieces.append(_Piece(block.text.strip(), False, block.where))
            continue
        for row in block.rows:
            if row and row[0].strip():
                pieces.append(_Piece(row[0].strip(), False, block.where))
            pieces.extend(_Piece(cell.strip(), True, block.where) for cell in row[1:])
    return pieces


def _marked_cells(pieces: list[_Piece], start: int) -> list[tuple[str, int]]:
    """Cells from ``start`` on, each with the index of the piece after it, while they are header cells."""
    cells: list[tuple[str, int]] = []
    i = start
    while i < len(pieces) and pieces[i].starts_cell:
        lines = [pieces[i].text]
        i += 1
        while i < len(pieces) and not pieces[i].starts_cell:
            lines.append(pieces[i].text)
            i += 1
        text = "\n".join(line for line in lines if line)
        if header_role(text) is None:
            break
        cells.append((text, i))
    return cells


def find_grids(blocks: Sequence[Block], warnings: list[str]) -> list[Grid]:
    """Every framework table written as text in ``blocks`` (paragraphs and tab-marked fragments)."""
    pieces = _pieces(blocks)
    grids: list[Grid] = []
    i = 0
    while i < len(pieces):
        if pieces[i].starts_cell:
            cells = _marked_cells(pieces, i)
            labels = tuple(text for text, _ in cells)
            if len(labels) >= 2 and is_header(labels):
                grid, i = _rows_by_width(pieces, cells[-1][1], labels, warnings)
                grids.append(grid)
                continue
            i += 1
            continue
        labels_end = i
        while (
            labels_end < len(pieces)
            and not pieces[labels_end].starts_cell
            and header_role(pieces[labels_end].text) is not None
        ):
            labels_end += 1
        labels = tuple(piece.text for piece in pieces[i:labels_end])
        if len(labels) >= 2 and is_header(labels):
            grid, i = _rows_by_alignment(pieces, labels_end, labels, warnings)
            grids.append(grid)
            continue
        i = max(labels_end, i + 1)
    return grids


def _rows_by_width(
    pieces: list[_Piece], start: int, labels: tuple[str, ...], warnings: list[str]
) -> tuple[Grid, int]:
    """Cell-marked rows: every row has ``len(labels)`` cells; lines without a tab continue a cell."""
    width = len(labels)
    last_is_value = header_role(labels[-1]) in ("target", "baseline")
    grid = Grid(labels, where=pieces[start - 1].where)
    row: list[list[str]] = []
    row_where = ""
    i = start
    while i < len(pieces):
        piece = pieces[i]
        if piece.starts_cell:
            if len(row) == width:
                _keep(grid, row, row_where)
                row = []
            if not row:
                row_where = piece.where
            row.append([piece.text])
        else:
            if not row or _ENDS_TABLE.match(piece.text):
                break
            if len(row) == width and not (
                (last_is_value and looks_like_value(piece.text)) or is_header(["".join(cell) for cell in row])
            ):
                break
            row[-1].append(piece.text)
        i += 1
    if len(row) == width:
        _keep(grid, row, row_where)
    elif row:
        cells = "、".join("".join(cell) for cell in row if "".join(cell))
        number = len(grid.rows) + 1
        warnings.append(
            f"{row_where}：考核指标框架第{number}行无法解析：只有{len(row)}个单元格（表头{width}个）：{cells}"
        )
    return grid, i


def _keep(grid: Grid, row: list[list[str]], where: str) -> None:
    grid.rows.append(tuple("\n".join(line for line in cell if line) for cell in row))
    grid.wheres.append(where)


# One cell per paragraph: rows found by their 序号 (or indicator), cells aligned by kind.

_SKIP_COST: dict[Role, float] = {
    "seq": 8,
    "indicator": 30,
    "target": 3,
    "baseline": 1,
    "basis": 0.5,
    "domain": 0.5,
    "nature": 1,
    "unit": 1,
    "other": 1,
}
_INF = float("inf")


def _fit(cell: str, role: Role) -> float:
    if role == "seq":
        return 0 if _SEQ.fullmatch(nfkc(cell).strip()) else _INF
    value = looks_like_value(cell)
    if role == "baseline" and not value:
        return 1 if re.search(r"\d", cell) and len(cell) <= 40 else _INF  # a descriptive baseline
    if role in ("target", "baseline"):
        return 0 if value else _INF
    return 2 if value else 0


def align(cells: Sequence[str], roles: Sequence[Role]) -> tuple[list[str], float]:
    """Cells placed in columns, in order, skipping the columns whose cells were dropped.

    Returns the row (one string per column, "" where dropped) and its cost (inf when
    the cells cannot be placed).
    """
    n, w = len(cells), len(roles)
    cost = [[_INF] * (w + 1) for _ in range(n + 1)]
    choice: list[list[bool]] = [[False] * (w + 1) for _ in range(n + 1)]  # True: cell i went to column j
    cost[0][0] = 0
    for j in range(1, w + 1):
        cost[0][j] = cost[0][j - 1] + _SKIP_COST[roles[j - 1]]
    for i in range(1, n + 1):
        for j in range(1, w + 1):
            skip = cost[i][j - 1] + _SKIP_COST[roles[j - 1]]
            place = cost[i - 1][j - 1] + _fit(cells[i - 1], roles[j - 1])
            cost[i][j], choice[i][j] = (place, True) if place <= skip else (skip, False)
    row = [""] * w
    i, j = n, w
    while i > 0 and j > 0:
        if choice[i][j]:
            row[j - 1] = cells[i - 1]
            i -= 1
        j -= 1
    return row, cost[n][w]


def spread_merged_word(row: list[str], roles: Sequence[Role]) -> list[str]:
    """A word target (实现, 持续减缓) alone under several year columns, in a row that lost cells,
    was one cell merged across them: it holds for each year."""
    targets = [i for i, role in enumerate(roles) if role == "target"]
    filled = [i for i in targets if not is_blank(row[i])]
    if len(targets) > 1 and len(filled) == 1 and not re.search(r"\d", row[filled[0]]):
        row = list(row)
        for i in targets:
            row[i] = row[filled[0]]
    return row


def _anchor(cell: str, following: str, expected: int, roles: Sequence[Role]) -> bool:
    if "seq" in roles:
        text = nfkc(cell).strip()
        seq_at = roles.index("seq")
        before_indicator = seq_at + 1 < len(roles) and roles[seq_at + 1] == "indicator"
        if before_indicator and (not following or looks_like_value(following)):
            return False
        return bool(_SEQ.fullmatch(text)) and int(text) == expected
    prefix = _SEQ_PREFIX.match(nfkc(cell))
    if prefix:
        return int(prefix.group(1)) == expected
    return not looks_like_value(cell) and header_role(cell) is None


def _rows_by_alignment(
    pieces: list[_Piece], start: int, labels: tuple[str, ...], warnings: list[str]
) -> tuple[Grid, int]:
    roles: list[Role] = [header_role(label) or "other" for label in labels]
    anchor_role: Role = "seq" if "seq" in roles else "indicator"
    before = roles[: roles.index(anchor_role)]
    end = start
    while end < len(pieces) and not _ends_paragraph_table(pieces[end].text):
        end += 1
    texts = [piece.text for piece in pieces[start:end]]
    anchors: list[int] = []
    expected = 1
    for k, text in enumerate(texts):
        if "seq" not in roles and anchors and k == anchors[-1] + 1:
            continue  # the cell right after an indicator is never the next indicator
        following = texts[k + 1] if k + 1 < len(texts) else ""
        if _anchor(text, following, expected, roles) and (
            anchor_role != "indicator" or _next_is_value(texts, k)
        ):
            anchors.append(k)
            expected += 1
    grid = Grid(labels, where=pieces[start - 1].where if start else "")
    if not anchors:
        return grid, end
    head = _best_prefix(texts[: anchors[0]], before)
    for number, anchor in enumerate(anchors):
        stop = anchors[number + 1] if number + 1 < len(anchors) else len(texts)
        body = texts[anchor:stop]
        split, row = _best_split(head, body, roles, before, last=number + 1 == len(anchors))
        if row is None:
            where = pieces[start + anchor].where
            warnings.append(f"{where}：考核指标框架第{number + 1}行无法解析：{'、'.join(head + body)}")
        else:
            grid.rows.append(tuple(spread_merged_word(row, roles)))
            grid.wheres.append(pieces[start + anchor].where)
        head = body[split:]
    return grid, end


def _ends_paragraph_table(text: str) -> bool:
    """附件3, 注：…, or a sentence of prose: the table is over."""
    return bool(_ENDS_TABLE.match(text)) or (len(text) > 30 and text.endswith(("。", ".")))


def _next_is_value(texts: list[str], k: int) -> bool:
    return k + 1 < len(texts) and looks_like_value(texts[k + 1])


def _best_prefix(cells: list[str], before: list[Role]) -> list[str]:
    """The cells that open the first row (a 考核依据 or 领域 before its 序号)."""
    return cells[-len(before) :] if before else []


def _best_split(
    head: list[str], body: list[str], roles: list[Role], before: list[Role], *, last: bool
) -> tuple[int, list[str] | None]:
    """Where this row ends and the next row's leading cells begin; the row aligned."""
    best: tuple[float, int, list[str] | None] = (_INF, len(body), None)
    if last:
        for split in range(min(len(body), len(roles)), 0, -1):
            row, cost = align(head + body[:split], roles)
            if cost < _INF:
                return split, row
        return len(body), None
    candidates = [len(body)] if not before else range(len(body), 0, -1)
    for split in candidates:
        row, cost = align(head + body[:split], roles)
        if split < len(body):
            _, next_cost = align(body[split:], before)
            if len(body) - split > len(before):
                continue
            cost += next_cost
        if cost < best[0]:
            best = (cost, split, row)
    return best[1], best[2]
