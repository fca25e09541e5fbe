"""A drafted report as blocks: what the .docx, .xlsx and .html writers lay out, each in its own way."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Cell = str | int | float | None


@dataclass(frozen=True)
class Heading:
    level: int  # 1 一、 · 2 （一） · 3 1.
    text: str  # numbered already: "一、总体情况"


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Column:
    name: str  # 实际值
    unit: str | None = None  # shown in the header: 得分（分）
    number_format: str | None = None  # openpyxl format: "0.00"

    @property
    def header(self) -> str:
        return f"{self.name}（{self.unit}）" if self.unit else self.name


@dataclass(frozen=True)
class Table:
    caption: str  # 表1 2022年各项指标监测结果
    sheet: str  # a short sheet name for .xlsx (≤ 31 characters)
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    # Set as an 附件, this compact form (region × indicator with status symbols) stands in the document
    # and this table goes to the workbook.
    compact: Table | None = None
    note: str | None = None  # 注 under the table: a legend


@dataclass(frozen=True)
class Figure:
    caption: str
    png: bytes
    width_mm: float = 150


Block = Heading | Paragraph | Table | Figure


@dataclass(frozen=True)
class Annex:
    """附件: a table too big for the body, after the 署名 (GB/T 9704 §7.4.1), on landscape pages when wide."""

    title: str  # 2022年各县（区）指标监测结果
    table: Table
    landscape: bool = False
    note: str | None = None  # 注：the legend of a table's symbols
    detail: Table | None = None  # the same facts one value a cell, for the workbook (.xlsx)


@dataclass(frozen=True)
class Draft:
    title: str
    addressee: str | None  # 主送机关
    blocks: tuple[Block, ...]
    signature: str  # 署名
    date: str  # 2023年1月10日
    issuer: str  # 印发机关
    copy_to: tuple[str, ...] = field(default=())
    annexes: tuple[Annex, ...] = field(default=())
    issued: dt.date | None = None  # 成文日期 as a date, for the file's properties
    demo: bool = False  # 演示数据: said in every page's header
    author: str = ""  # the office, for the file's properties

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table)) + tuple(a.table for a in self.annexes)

    @property
    def sheets(self) -> tuple[Table, ...]:
        """The tables of the workbook: an 附件 with a detailed form gives that form."""
        return tuple(b for b in self.blocks if isinstance(b, Table)) + tuple(
            a.detail or a.table for a in self.annexes
        )

    @property
    def annex_note(self) -> list[str]:
        """附件说明: 附件：1.… on its own lines, under the body and above the 署名 (§7.3.5.4)."""
        if not self.annexes:
            return []
        if len(self.annexes) == 1:
            return [f"附件：{self.annexes[0].title}"]
        return [f"附件：1.{self.annexes[0].title}"] + [
            f"{index}.{annex.title}" for index, annex in enumerate(self.annexes[1:], 2)
        ]


# A table stays in the body when it is short (a summary: one row per action or county); a long one
# (a row per indicator, or per region and indicator) becomes an 附件.
BODY_TABLE_ROWS = 20
# Wider than this many columns, an 附件 is set on landscape pages.
LANDSCAPE_COLUMNS = 9


def with_annexes(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], tuple[Annex, ...]]:
    """The body without its big tables, and those tables as 附件 in order (captions without 表N)."""
    body: list[Block] = []
    annexes: list[Annex] = []
    for block in blocks:
        if isinstance(block, Table) and (len(block.rows) > BODY_TABLE_ROWS or block.compact is not None):
            title = block.caption.split("  ", 1)[-1].strip()
            shown = block.compact or block
            annexes.append(
                Annex(
                    title,
                    shown,
                    landscape=len(shown.columns) >= LANDSCAPE_COLUMNS,
                    note=shown.note,
                    detail=block if block.compact is not None else None,
                )
            )
        else:
            body.append(block)
    return tuple(body), tuple(annexes)
