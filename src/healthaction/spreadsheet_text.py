"""Text written into a spreadsheet stays text: a clerk's 「=1+1」 is never a live formula.

Every .xlsx the system writes (the 填报表 template, the 责任清单 export, the reports and the
督导通报) holds text that users typed: comments, task names, 整改 issues. openpyxl stores a
string that starts with ``=`` as a formula, and Excel or WPS evaluates a cell that starts with
``=``, ``+``, ``-`` or ``@`` as one as soon as someone edits it: formula (CSV) injection, which
OWASP describes for exports. The cure keeps the text exactly as typed: the cell is written as a
string cell, and one that starts with such a character also carries ``quotePrefix`` — the style
Excel itself gives text typed with a leading apostrophe, so the cell shows ``=1+1`` and stays
text when edited. Nothing is added to the value, so a template read back gives ``=1+1`` again.

    cell = as_text(WriteOnlyCell(sheet, value="=HYPERLINK(...)"))  # a string cell, quote-prefixed
    for cell in sheet[sheet.max_row]: as_text(cell)                 # a row appended in normal mode
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

# The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CellT = TypeVar("CellT")


def looks_like_formula(text: str) -> bool:
    """True for text a spreadsheet would evaluate if typed as it is: ``=1+1``, ``@SUM(A1)``."""
    return text.startswith(FORMULA_STARTS)


def as_text(cell: CellT) -> CellT:
    """``cell`` (an openpyxl cell) with a text value stored as a string, never as a formula."""
    target: Any = cell
    value = target.value
    if isinstance(value, str):
        target.data_type = "s"
        if looks_like_formula(value):
            target.quotePrefix = True
    return cell


def all_as_text(cells: Iterable[Any]) -> None:
    """``as_text`` on each cell: a row or a sheet written with ``append``."""
    for cell in cells:
        as_text(cell)
