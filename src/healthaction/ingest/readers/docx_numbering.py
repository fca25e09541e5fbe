"""Word's automatic numbering: the label (“1.”, “（一）”, “①”) a numbered paragraph shows.

Word stores only ``numPr`` (list id and level) in the paragraph; the label is
computed from the numbering part (format, start, level text such as ``（%1）``)
and from the paragraphs numbered before it. Best effort: bullets give no label,
and counters run per list id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CHINESE_DIGITS = "零一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"


def _chinese(number: int, digits: str = _CHINESE_DIGITS, ten: str = "十") -> str:
    if number < 10:
        return digits[number]
    if number < 100:
        tens, units = divmod(number, 10)
        head = ten if tens == 1 and digits is _CHINESE_DIGITS else digits[tens] + ten
        return head + (digits[units] if units else "")
    return str(number)


def _letters(number: int) -> str:
    # Word repeats the letter: a … z, aa … zz.
    letter = chr(ord("a") + (number - 1) % 26)
    return letter * ((number - 1) // 26 + 1)


def _roman(number: int) -> str:
    out = []
    for value, numeral in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while number >= value:
            out.append(numeral)
            number -= value
    return "".join(out)


def _enclosed(number: int, first: int) -> str:
    return chr(first + number - 1) if 1 <= number <= 20 else str(number)


def format_number(number: int, fmt: str) -> str:
    """``number`` written in Word's number format ``fmt`` (``decimal``, ``chineseCounting``, …)."""
    if fmt in ("lowerLetter", "upperLetter") and number > 0:
        letters = _letters(number)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and number > 0:
        roman = _roman(number)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return _chinese(number)
    if fmt == "chineseLegalSimplified":
        return _chinese(number, _LEGAL_DIGITS, "拾")
    if fmt == "ideographTraditional" and 1 <= number <= 10:
        return _STEMS[number - 1]
    if fmt == "ideographZodiac" and 1 <= number <= 12:
        return _ZODIAC[number - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _enclosed(number, 0x2460)
    if fmt == "decimalEnclosedParen":
        return _enclosed(number, 0x2474)
    if fmt == "decimalEnclosedFullstop":
        return _enclosed(number, 0x2488)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) - ord("0") + 0xFF10) for d in str(number))
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    fmt: str
    text: str


@dataclass
class Numbering:
    """The lists of one document, and the counters of the paragraphs seen so far."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    style_numbers: dict[str, tuple[str, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, p: Any) -> str:
        """The label of paragraph element ``p`` (advancing its list), or "" when it has none."""
        found = self._num_pr(p)
        if found is None:
            return ""
        num_id, ilvl = found
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else levels[ilvl].start
        for deeper in [lvl for lvl in counters if lvl > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return ""
        label = level.text
        for n in range(ilvl, -1, -1):  # "%1.%2" — replace longest placeholders last is not needed (1-9)
            source = levels.get(n)
            if source is not None and f"%{n + 1}" in label:
                value = counters.get(n, source.start)
                label = label.replace(f"%{n + 1}", format_number(value, source.fmt))
        return label

    def _num_pr(self, p: Any) -> tuple[str, int] | None:
        ppr = p.find(f"{W}pPr")
        if ppr is None:
            return None
        num_pr = ppr.find(f"{W}numPr")
        if num_pr is not None:
            num_id = num_pr.find(f"{W}numId")
            ilvl = num_pr.find(f"{W}ilvl")
            if num_id is None:
                return None
            return num_id.get(f"{W}val", "0"), _int(ilvl.get(f"{W}val") if ilvl is not None else "0", 0)
        style = ppr.find(f"{W}pStyle")
        if style is not None:
            return self.style_numbers.get(style.get(f"{W}val", ""))
        return None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def load_numbering(numbering_xml: Any | None, styles_xml: Any | None) -> Numbering:
    """The lists of a document from its numbering part and styles part (lxml elements, either None)."""
    numbering = Numbering()
    if numbering_xml is None:
        return numbering
    abstract: dict[str, dict[int, _Level]] = {}
    for node in numbering_xml.iterfind(f"{W}abstractNum"):
        abstract[node.get(f"{W}abstractNumId", "")] = _levels(node)
    for num in numbering_xml.iterfind(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        if ref is None:
            continue
        levels = dict(abstract.get(ref.get(f"{W}val", ""), {}))
        for override in num.iterfind(f"{W}lvlOverride"):
            ilvl = _int(override.get(f"{W}ilvl"), 0)
            lvl = override.find(f"{W}lvl")
            if lvl is not None:
                levels.update(_levels(override))
            start = override.find(f"{W}startOverride")
            if start is not None and ilvl in levels:
                old = levels[ilvl]
                levels[ilvl] = _Level(_int(start.get(f"{W}val"), old.start), old.fmt, old.text)
        numbering.levels[num.get(f"{W}numId", "")] = levels
    if styles_xml is not None:
        for style in styles_xml.iterfind(f"{W}style"):
            num_id = style.find(f"{W}pPr/{W}numPr/{W}numId")
            if num_id is not None:
                ilvl = style.find(f"{W}pPr/{W}numPr/{W}ilvl")
                level = _int(ilvl.get(f"{W}val") if ilvl is not None else "0", 0)
                numbering.style_numbers[style.get(f"{W}styleId", "")] = (num_id.get(f"{W}val", "0"), level)
    return numbering


def _levels(parent: Any) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for lvl in parent.iterfind(f"{W}lvl"):
        start = lvl.find(f"{W}start")
        fmt = lvl.find(f"{W}numFmt")
        text = lvl.find(f"{W}lvlText")
        levels[_int(lvl.get(f"{W}ilvl"), 0)] = _Level(
            start=_int(start.get(f"{W}val") if start is not None else None, 1),
            fmt=fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
            text=text.get(f"{W}val", "") if text is not None else "",
        )
    return levels
