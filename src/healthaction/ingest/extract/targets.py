"""Targets from the prose of a plan: "到2022年和2030年，全区居民健康素养水平分别不低于22%和30%"
is two targets, (2022, >=, 22, %) and (2030, >=, 30, %).

A target comes from a clause under a 到YYYY年 phrase; the phrase holds until the
next one or the end of the sentence. A 行动目标 line keeps its clauses even with no
year (``year`` null). Each clause is read by ``comparators.read_clause``; clauses
with no target predicate (更加完善, 显著提升, a leading "以乡镇为单位，") give nothing.
Two values under two years pair in order; one value (or none) under two years gives
the same target once per year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from healthaction.ingest.extract.comparators import Reading, matchable, read_clause
from healthaction.plan import Target

_YEARS_RE = re.compile(
    r"(?:(?:力争|争取)\s*)?(?:到|至)\s*(?:(?:19|20)\d{2}\s*年?\s*(?:和|、|与|及|,)\s*)*(?:19|20)\d{2}\s*年(?:底|末)?"
)
_YEAR_RE = re.compile(r"(?:19|20)\d{2}")
_SENTENCE_END = "。!?\n"
_CLAUSE_END = ",;:"
_OPEN = "(《“‘[【「"
_CLOSE = ")》”’]】」"
_CONTINUES = re.compile(r"^\s*(?:并且?|且|并将)")
_REGION_WORD = re.compile(r"^(?:全[国省市区县州盟旗镇乡]|[我本][国省市区县州])(?=\S)")
_HEDGE = re.compile(r"^(?:(?:力争|争取)\s*(?:实现)?|实现(?=全[国省市区县]|[我本][国省市区县]))")
# "在2018年的基础上每年降低0.5个百分点": the base year says from where, not what is measured.
_BASE_YEAR = re.compile(r"在\s*(?:19|20)\d{2}\s*年\s*(?:的)?\s*(?:基础上|水平上)")
_FULL_STOP = re.compile(r"(?<!\d)\.|\.(?!\d)")
_RATE_LIKE = re.compile(r"\d\s*(?:%|‰|/10万)")


@dataclass(frozen=True, slots=True)
class Clause:
    text: str  # as written
    years: tuple[int, ...] | None  # None: no 到YYYY年 phrase applies


def _split(form: str, ends: str) -> Iterator[tuple[int, int]]:
    """Spans of ``form`` between top-level separators (never inside brackets or quotes)."""
    depth, start = 0, 0
    for mark in re.finditer(f"[{re.escape(_OPEN + _CLOSE + ends)}]", form):
        char, i = mark.group(), mark.start()
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            yield start, i
            start = i + 1
    yield start, len(form)


def clauses(text: str, *, carry_years: bool = False) -> list[Clause]:
    """The clauses of ``text`` with the years that govern each one.

    A clause beginning with 并 (", 并持续下降") stays with the clause before it. With
    ``carry_years`` a year phrase holds past the end of its sentence (a 行动目标 line).
    """
    # A PDF layer or a web page may end sentences with a half-width "." ("提高到26%以上.城、乡…");
    # one that is not a decimal point ends the sentence (same length: positions still match).
    form = _FULL_STOP.sub("。", matchable(text))
    out: list[Clause] = []
    years: tuple[int, ...] | None = None
    for s_start, s_end in _split(form, _SENTENCE_END):
        if not carry_years:
            years = None
        pieces: list[tuple[int, int]] = []
        for c_start, c_end in _split(form[s_start:s_end], _CLAUSE_END):
            start, end = s_start + c_start, s_start + c_end
            if pieces and _CONTINUES.match(form[start:end]):
                pieces[-1] = (pieces[-1][0], end)
            else:
                pieces.append((start, end))
        for start, end in pieces:
            # The last year phrase in the clause governs what follows it.
            found = max(_YEARS_RE.finditer(form, start, end), key=lambda m: m.start(), default=None)
            if found:
                years = tuple(int(y) for y in _YEAR_RE.findall(found.group()))
                start = found.end()
            clause = text[start:end].strip()
            if clause:
                out.append(Clause(clause, years))
    return out


def _remove_layout_spaces(text: str) -> str:
    """ "5 岁以下" → "5岁以下"; a space between two Latin letters stays."""

    def keep(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        return " " if before.isascii() and before.isalpha() and after.isascii() and after.isalpha() else ""

    return re.sub(r"\s+", keep, text)


def clean_indicator(indicator: str) -> str:
    """Drop what is not the indicator's name: 全区/我市, 力争, a trailing 的, layout spaces."""
    indicator = _remove_layout_spaces(indicator.strip(" \t,，;；:："))
    for pattern in (_HEDGE, _REGION_WORD):
        form = matchable(indicator)
        found = pattern.match(form)
        if found:
            indicator = indicator[found.end() :]
    base = _BASE_YEAR.search(matchable(indicator))
    if base:
        indicator = indicator[: base.start()] + indicator[base.end() :]
    form = matchable(indicator)
    if form.endswith("的"):
        indicator = indicator[:-1]
    return indicator


def _share_the_noun(parts: list[str]) -> list[str]:
    """ "城、乡居民健康素养水平": short parallel prefixes (城/乡, 男/女, 城市/农村) share the noun
    written once after the last; each prefix gets it ("城居民健康素养水平")."""
    head, last = parts[:-1], parts[-1]
    size = len(head[0])
    if all(len(part) <= 2 and len(part) == size for part in head) and len(last) > size + 1:
        return [part + last[size:] for part in head] + [last]
    return parts


def _targets(reading: Reading, years: tuple[int | None, ...]) -> list[Target] | None:
    indicator = clean_indicator(reading.indicator) + reading.yearly
    if not clean_indicator(reading.indicator):
        return []
    n = len(reading.values)
    indicators = [indicator] * n
    if n > 1 and len(years) != n:
        parts = [clean_indicator(part) for part in indicator.split("、")]
        if len(years) > 1 or len(parts) != n or not all(parts):
            return None
        indicators = _share_the_noun(parts)
    pairs: list[tuple[str, int | None, int]] = []
    if n == 1:
        pairs = [(indicators[0], year, 0) for year in years]
    elif len(years) == n:
        pairs = [(indicators[i], years[i], i) for i in range(n)]
    else:
        pairs = [(indicators[i], years[0], i) for i in range(n)]
    return [
        Target(
            indicator=name,
            year=year,
            comparator=reading.comparators[i],
            value=reading.values[i],
            unit=reading.units[i],
            text=reading.text,
        )
        for name, year, i in pairs
    ]


def targets_from_text(
    text: str,
    warnings: list[str],
    *,
    where: str = "",
    year_required: bool = True,
    carry_years: bool | None = None,
) -> list[Target]:
    """Every target stated in ``text``.

    With ``year_required`` (an action's body) only clauses under a 到YYYY年 phrase
    count; without it (a 行动目标 line) a clause with no year gives ``year`` null.
    A clause that looks like a target (a rate under a year) but cannot be read is
    named in ``warnings``.
    """
    found: list[Target] = []
    for clause in clauses(text, carry_years=not year_required if carry_years is None else carry_years):
        if clause.years is None and year_required:
            continue
        years: tuple[int | None, ...] = clause.years or (None,)
        reading = read_clause(clause.text)
        targets = _targets(reading, years) if reading else []
        if targets is None or (reading is None and _RATE_LIKE.search(matchable(clause.text))):
            warnings.append(f"{where}目标“{clause.text}”未能读出（指标、比较方式或数值不明）")
            continue
        found.extend(targets or [])
    return found
