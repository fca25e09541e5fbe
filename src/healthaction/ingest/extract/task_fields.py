"""The cells of a 责任清单 row read one by one: 序号, leaders, 完成时限, task text."""

from __future__ import annotations

import re

from healthaction.ingest.chinese import nfkc

_NAME_SEPARATORS = re.compile(r"[\s、，,；;]+")
_SEQ = re.compile(r"^[（(]?(\d{1,4})[）)]?[.、．]?$")
_YEAR_MONTH = re.compile(
    r"^(\d{4})(?:年|[.\-/])(\d{1,2})(?:月份?|月底|月末)?(?:\d{1,2}日|[.\-/]\d{1,2})?(?:前|以前|之前|底)?$"
)
_YEAR_END = re.compile(r"^(\d{4})年(?:底|末)(?:前|以前|之前)?$")
# A space between two CJK characters only wraps the text inside a cell.
_WRAP_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


def parse_seq(cell: str) -> int | None:
    """ "12" / "12." / "（12）" → 12; anything else → None."""
    match = _SEQ.match(nfkc(cell).strip())
    return int(match.group(1)) if match else None


def split_leaders(cell: str) -> list[str]:
    """ "孔 铮 马宏军 刘 娜" → ["孔铮", "马宏军", "刘娜"].

    Names are separated by spaces; a two-character name written with a space
    inside ("孔 铮") comes as two one-character tokens, which are paired up.
    """
    names: list[str] = []
    single = ""
    for token in _NAME_SEPARATORS.split(cell.strip()):
        if not token:
            continue
        if len(token) == 1:
            if single:
                names.append(single + token)
                single = ""
            else:
                single = token
            continue
        if single:
            names.append(single)
            single = ""
        names.append(token)
    if single:
        names.append(single)
    return names


def normalise_deadline(text: str) -> str | None:
    """ "2021年 12月" → "2021-12"; "2021年底" → "2021-12"; "长期", "每年" as written."""
    written = text.strip()
    if not written:
        return None
    compact = re.sub(r"\s+", "", nfkc(written))
    if match := _YEAR_MONTH.match(compact):
        month = int(match.group(2))
        if 1 <= month <= 12:
            return f"{match.group(1)}-{month:02d}"
    if match := _YEAR_END.match(compact):
        return f"{match.group(1)}-12"
    return written


def tidy_text(text: str) -> str:
    """Task and program text: the spaces a cell's line wrapping left between characters go."""
    return _WRAP_SPACE.sub("", text.strip())
