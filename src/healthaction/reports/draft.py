"""A drafted report as blocks: what the .docx, .xlsx and .html writers lay out, each in its own way."""

from __future__ import annotations

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


@dataclass(frozen=True)
class Figure:
    caption: str
    png: bytes
    width_mm: float = 150


Block = Heading | Paragraph | Table | Figure


@dataclass(frozen=True)
class Draft:
    title: str
    addressee: str | None  # 主送机关, for a 通报
    blocks: tuple[Block, ...]
    signature: str  # 署名
    date: str  # 2023年1月10日
    issuer: str  # 印发机关
    copy_to: tuple[str, ...] = field(default=())

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))
