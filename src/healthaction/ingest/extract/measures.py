"""The 具体措施 cell of a 责任清单 row, split into its numbered measures.

A cell is split at its own numbering, counted up from 1: "1.…；2.…；3.…", "（1）…（2）…"
or "①…②…". A number counts only when it is the next one expected and, for the
"1." style, stands at the start of the text or after ；。，or white space, so the
numbers inside "91.5%", "PM2.5" or "0.01万亩" never split a measure. The number is
removed, a trailing ；/; is stripped and a final 。 kept. A cell with no numbering is
one measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from healthaction.ingest.chinese import nfkc

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CHINESE_DIGITS = "一二三四五六七八九十"


@dataclass(frozen=True, slots=True)
class _Style:
    """One way of numbering: where its numbers stand and what they count."""

    pattern: re.Pattern[str]
    needs_boundary: bool

    def number(self, match: re.Match[str]) -> int:
        token = match.group("n")
        if token in _CIRCLED:
            return _CIRCLED.index(token) + 1
        if token[0] in _CHINESE_DIGITS:
            return _chinese_number(token)
        return int(nfkc(token))


_STYLES = (
    # 1. 1．1、 — not a decimal (no digit on either side).
    _Style(re.compile(r"(?<![0-9０-９.．])(?P<n>[0-9０-９]{1,2})[.．、](?![0-9０-９])"), True),
    # （1） (1) （一）
    _Style(re.compile(r"[（(](?P<n>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[）)]"), False),
    # ① ② …
    _Style(re.compile(f"(?P<n>[{_CIRCLED}])"), False),
)
# What may stand before a "1." number: start of text, a clause end, or white space.
_BOUNDARY = frozenset("；;。，,：:！？!?") | frozenset(" \t\n\r\u3000")


def split_measures(text: str) -> list[str]:
    """ "1.甲；2.乙。" → ["甲", "乙。"]; text with no numbering → [text]."""
    text = text.strip()
    if not text:
        return []
    starts = _numbered_starts(text)
    if not starts:
        return [_tidy(text)]
    pieces: list[str] = []
    preamble = text[: starts[0][0]]
    if preamble.strip():
        pieces.append(preamble)
    for index, (_, body_start) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        pieces.append(text[body_start:end])
    return [measure for measure in (_tidy(p) for p in pieces) if measure]


def _numbered_starts(text: str) -> list[tuple[int, int]]:
    """(start of the number, start of the measure) for the numbering that begins first."""
    found = [starts for style in _STYLES if (starts := _sequence(text, style))]
    return min(found, key=lambda starts: (starts[0][0], -len(starts)), default=[])


def _sequence(text: str, style: _Style) -> list[tuple[int, int]]:
    expected = 1
    starts: list[tuple[int, int]] = []
    for match in style.pattern.finditer(text):
        if style.number(match) != expected:
            continue
        if style.needs_boundary and match.start() > 0 and text[match.start() - 1] not in _BOUNDARY:
            continue
        starts.append((match.start(), match.end()))
        expected += 1
    return starts


def _tidy(measure: str) -> str:
    return measure.strip().rstrip("；;").strip()


def _chinese_number(token: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20."""
    if "十" not in token:
        return _CHINESE_DIGITS.index(token) + 1 if len(token) == 1 else 0
    tens, _, ones = token.partition("十")
    value = (_CHINESE_DIGITS.index(tens) + 1 if tens else 1) * 10
    return value + (_CHINESE_DIGITS.index(ones) + 1 if ones else 0)
