"""What committee and working-group lists share: labelled lines, headings, table headers.

A list is a run of lines such as "主  任：周万成  区政府副区长" or "成  员：韦海荣  区委宣传部副部长"
followed by unlabelled lines that take the label above them. Labels are matched on the
simplified text with any spaces inside them ("主  任", "組　長").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from healthaction.ingest.chinese import simplified
from healthaction.ingest.extract.people import compact

_SPACE = r"[ \t\u3000]*"


def label_pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    """A line that opens with one of the labels and a colon (spaces allowed inside the label)."""
    spaced = sorted((_SPACE.join(label) for label in labels), key=len, reverse=True)
    return re.compile(rf"^{_SPACE}(?P<label>{'|'.join(spaced)}){_SPACE}[：:]{_SPACE}(?P<rest>.*)$", re.DOTALL)


class Labelled(NamedTuple):
    label: str  # as written, spaces removed: "主任", "主任委員"
    rest: str  # the text after the colon, as written


def match_label(text: str, pattern: re.Pattern[str]) -> Labelled | None:
    found = pattern.match(simplified(text))
    if not found:
        return None
    return Labelled(compact(text[found.start("label") : found.end("label")]), text[found.start("rest") :])


# "一、" "（一）" "(1)" "1." "1、" "第一" "附件3": the start of a new part of the document.
_NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.]\D|第[一二三四五六七八九十\d]+|附件)"
)
_PAGE_MARK = re.compile(r"^\s*[-—–－]*\s*\d+\s*[-—–－]*\s*$|^\s*第\s*\d+\s*页")


def is_numbered_heading(text: str) -> bool:
    return bool(_NUMBERED.match(simplified(text)))


def is_page_mark(text: str) -> bool:
    """ "— 12 —", "-3-", "第 3 页": page furniture a PDF or Word leaves between list lines."""
    return bool(_PAGE_MARK.match(text))


def is_sentence(text: str) -> bool:
    return "。" in text or len(compact(text)) > 60


_NUMBERING_PREFIX = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.]|[①-⑳])\s*"
)


def strip_numbering(text: str) -> str:
    found = _NUMBERING_PREFIX.match(simplified(text))
    return text[found.end() :] if found else text


def find_column(header: tuple[str, ...], *words: str, exclude: tuple[int, ...] = ()) -> int | None:
    """Index of the first header cell that contains one of the words."""
    for index, cell in enumerate(header):
        plain = simplified(compact(cell))
        if index not in exclude and any(word in plain for word in words):
            return index
    return None


def cell(row: tuple[str, ...], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index].strip()
