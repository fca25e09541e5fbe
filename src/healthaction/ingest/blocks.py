"""The block stream every reader produces and every extractor reads.

A reader turns a file into paragraphs and tables, in document order; an
extractor never knows which format a block came from. ``where`` names the place
in the source ("第12行", "第3页", "表2") for warnings and errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    where: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    """A table as rows of cell texts; merged cells repeat nothing (the cell text is
    in the first row/column it spans, the other cells are empty strings)."""

    rows: tuple[tuple[str, ...], ...]
    where: str = ""
    header_rows: int = field(default=0)


Block = Paragraph | Table
