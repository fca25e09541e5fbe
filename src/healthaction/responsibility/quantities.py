"""Measurable sub-targets in the text of a 责任清单 measure.

A sub-target is a number with its measure word, read with the words around it:
"组织健康科普专家开展健康巡讲、讲座等，每年不少于60场次" is ≥ 60 场次 each year
(recurring); "2021年改造农村户厕500座" is 500 座 by the deadline (cumulative);
"卫生厕所普及率达到91.5%" is a level of ≥ 91.5 % (rate). A measure with no
sub-target is tracked by its status alone.

Numbers that count nothing are left alone: years (2021年), ages that qualify a
group (35岁及以上人群), ordinals (第十四个), names in quotes or book titles
(“10分钟健身圈”, 《“十四五”规划》), model names (PM2.5), and the "一" of
"一批" or "一次现场评审" unless a period or a bound goes with it ("一学期一次",
"至少一个").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from healthaction.responsibility import quantity_words as words
from healthaction.responsibility.numerals import DIGITS, Number, as_number, chinese_number, half_width
from healthaction.responsibility.quantity_words import Comparator, Period

Kind = Literal["cumulative", "recurring", "rate"]

_ARABIC = r"\d+(?:\.\d+)?"
_CHINESE = f"[{DIGITS}]+"
_UNIT = "|".join(re.escape(unit) for unit in (*words.COUNT_UNITS, *words.RATE_UNITS))
_NUMBER = re.compile(
    rf"(?:(?<![\d.A-Za-z])(?P<arabic>{_ARABIC})|(?<![{DIGITS}])(?P<chinese>{_CHINESE}))"
    rf"(?:\s*[-—–~～至]\s*(?P<upper>{_ARABIC}|{_CHINESE}))?"
    rf"\s*(?P<unit>(?:{_UNIT})(?:{words.PER})?|{words.PER})"
)
_SENTENCE_END = "。；;！？!?\n"
_CLAUSE_END = _SENTENCE_END + "，,：:"
_LIST_JOINERS = re.compile(r"^[\s、，,和及与或]*$")
_EDGE = "，,、；;：:。 　和及与的在"
_YEAR_LEAD = re.compile(r"^(?:力争|确保|争取)?(?:到|至|于|在)?\s*(?:19|20)\d{2}\s*年(?:末|底|内)?")
_LEADING_VERB = re.compile(r"^(?:年内|年底前|年度内)?(?:实现|确保|力争|争取)")
# Words after a number that only qualify it ("以上", a unit's tail), not the thing counted.
_QUALIFIER = re.compile(r"^(?:及|或)?(?:以上|以下|以内|左右)")
_REACH = re.compile(r"达到|提高到|提高至|提升到|提升至|增加到|增至|稳定在|保持在|下降到|降低到|降至")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One measurable sub-target of a measure.

    "每年不少于60场次": value 60, unit 场次, comparator >=, period year, kind recurring.
    """

    subject: str  # what is counted or measured: 农村户厕, 卫生厕所普及率
    comparator: Comparator
    value: Number
    upper: Number | None  # the top of a range: "3—5个" is 3 to 5
    unit: str
    period: Period | None  # None: once, by the deadline
    kind: Kind
    year: int | None  # a year the sentence sets ("到2025年"), else the task's deadline applies
    text: str  # the phrase as written: 每年不少于60场次
    label: str  # subject and phrase read together: 改造农村户厕500座
    sentence: str  # the sentence it came from, as written

    @property
    def per_year(self) -> Number:
        """How much a year asks for: quarterly ≥ 1 次 is 4 a year; a one-off target is itself."""
        if self.period is None or self.kind == "rate":
            return self.value
        return self.value * words.PER_YEAR[self.period]


@dataclass
class _Found:
    start: int
    end: int
    value: Number
    upper: Number | None
    unit: str
    comparator: Comparator | None
    comparator_word: str


def quantities(measure: str) -> list[Quantity]:
    """The sub-targets of one measure, in the order they are written; [] if it has none."""
    text = half_width(measure)
    quoted = _quoted(text)
    found: list[Quantity] = []
    for sentence_start, sentence_end in _spans(text, _SENTENCE_END):
        for clause_start, clause_end in _spans(text, _CLAUSE_END, sentence_start, sentence_end):
            found.extend(
                _clause(measure, text, quoted, (clause_start, clause_end), (sentence_start, sentence_end))
            )
    return found


def _clause(
    measure: str, text: str, quoted: list[bool], clause: tuple[int, int], sentence: tuple[int, int]
) -> list[Quantity]:
    clause_start, clause_end = clause
    results: list[Quantity] = []
    previous: _Found | None = None
    for match in _NUMBER.finditer(text, clause_start, clause_end):
        segment_start = previous.end if previous else clause_start
        one = _read(text, quoted, match, segment_start)
        if one is None:
            continue
        before = text[segment_start : one.start]
        in_list = previous is not None and bool(_LIST_JOINERS.match(before))
        if in_list and previous is not None and one.comparator is None:
            one.comparator, one.comparator_word = previous.comparator, previous.comparator_word
        results.append(_quantity(measure, text, one, results if in_list else [], clause, sentence))
        previous = one
    return _pair_respectively(results, text[clause_start:clause_end])


def _read(text: str, quoted: list[bool], match: re.Match[str], segment_start: int) -> _Found | None:
    start, end = match.start(), match.end()
    unit = match["unit"]
    if quoted[start] or text[start - 1 : start] == "第" or text.startswith(words.VAGUE, start):
        return None
    if text.startswith(words.NOT_UNITS, match.start("unit")):
        return None
    if match["chinese"] is not None:
        value: Number | None = chinese_number(match["chinese"])
        if value is None or match["chinese"] in {"百", "千", "万"}:
            return None
    else:
        value = as_number(match["arabic"])
    upper = _upper(match["upper"])
    segment = text[segment_start:start]
    bound = [found for found in words.BEFORE.finditer(segment)]
    comparator_word = bound[-1].group() if bound else ""
    after = words.AFTER.match(text, end)
    if after:
        end = after.end()
    comparator = _comparator(comparator_word, after["word"] if after else None)
    guarded = bool(bound) or bool(words.PERIODS.search(segment)) or bool(after)
    if match["chinese"] == "一" and not guarded:
        return None  # "一次现场评审", "一个行业": an article, not a count
    if unit == "岁" and not (bound or re.search(r"(?:达到|提高到|提高至|提升到|增至|延长到)\s*$", segment)):
        return None  # "35岁及以上人群" names a group
    return _Found(start, end, value, upper, unit.replace(" ", ""), comparator, comparator_word)


def _upper(text: str | None) -> Number | None:
    if text is None:
        return None
    return chinese_number(text) if text[0] in DIGITS else as_number(text)


def _comparator(word: str, after: str | None) -> Comparator | None:
    if after is not None:
        return words.AFTER_WORDS[after]
    return words.BEFORE_WORDS.get(word)


def _quantity(
    measure: str,
    text: str,
    found: _Found,
    listed_with: list[Quantity],
    clause: tuple[int, int],
    sentence: tuple[int, int],
) -> Quantity:
    unit_is_rate = found.unit in words.RATE_UNITS or "/" in found.unit or found.unit == "个百分点"
    # A period set earlier in the sentence carries to the counts after it ("全年…不少于6期，人员不少于100名"),
    # not to a rate, which is a level whatever the period.
    periods = list(words.PERIODS.finditer(text, clause[0] if unit_is_rate else sentence[0], found.start))
    period = words.PERIOD_WORDS[periods[-1].group()] if periods else None
    years = list(words.YEAR.finditer(text, 0, found.start))
    year = int(years[-1].group(1)) if years else None
    phrase = measure[found.start if listed_with else _lead_in(text, clause[0], found.start) : found.end]
    subject, from_earlier_clause = _subject(measure, text, found, listed_with, clause, sentence)
    label = _tidy_label(measure[clause[0] : clause[1]])
    if from_earlier_clause and subject:
        label = f"{subject}，{label}"
    kind: Kind = "rate" if unit_is_rate else "recurring" if period else "cumulative"
    return Quantity(
        subject=subject,
        comparator=found.comparator or ">=",
        value=found.value,
        upper=found.upper,
        unit=found.unit,
        period=period,
        kind=kind,
        year=year,
        text=phrase.strip(),
        label=label,
        sentence=measure[sentence[0] : sentence[1]].strip(),
    )


def _lead_in(text: str, clause_start: int, number_start: int) -> int:
    """Where the phrase of a number begins: 每年不少于60场次, 每周至少开设1次, 达到91.5%, 500座."""
    start = max(clause_start, text.rfind("、", clause_start, number_start) + 1)
    bounds = [*words.BEFORE.finditer(text, start, number_start), *_REACH.finditer(text, start, number_start)]
    lead = max((bound.start() for bound in bounds), default=number_start)
    for period in words.PERIODS.finditer(text, start, number_start):
        if period.end() == lead:
            lead = period.start()
    return lead


def _subject(
    measure: str,
    text: str,
    found: _Found,
    listed_with: list[Quantity],
    clause: tuple[int, int],
    sentence: tuple[int, int],
) -> tuple[str, bool]:
    """What a number counts: the clause's words around it less the year, period and bound words;
    the clause before when this one has none ("…讲座等，每年不少于60场次"). True if so."""
    if listed_with:
        return listed_with[0].subject, False
    before = _tidy(measure[clause[0] : found.start])
    if len(before) == 1:
        before = ""  # a verb left over: "至少有1个" leaves 有
    next_number = _NUMBER.search(text, found.end, clause[1])
    after = measure[found.end : next_number.start() if next_number else clause[1]]
    after = re.split(r"[并且，,；;。]", after.strip(_EDGE), maxsplit=1)[0].strip(_EDGE)
    if before and after and not _QUALIFIER.match(after):
        return before + after, False
    if before or after:
        return before or after, False
    return _tidy(_previous_clause(measure, clause[0], sentence[0])), True


def _tidy_label(clause: str) -> str:
    """A clause as a sub-target's name: "到2021年末，" and "力争" go, the rest is as written."""
    label = re.sub(
        r"^(?:力争|确保|争取)?(?:到|至|于|在)?\s*(?:19|20)\d{2}\s*年(?:末|底|内)?", "", clause.strip()
    )
    return label.strip(_EDGE)


def _previous_clause(measure: str, clause_start: int, sentence_start: int) -> str:
    text = half_width(measure)
    spans = _spans(text, _CLAUSE_END, sentence_start, clause_start)
    return measure[spans[-1][0] : spans[-1][1]] if spans else ""


def _tidy(subject: str) -> str:
    """The words before a number, less the year, the period and the target verbs."""
    subject = words.BEFORE.sub("", subject)
    subject = words.YEAR.sub("", subject)
    subject = re.sub(r"^(?:到|至|于|在)|^(?:末|底|内|前)", "", subject.strip(_EDGE))
    subject = words.PERIODS.sub("", subject)
    subject = words.TARGET_VERBS.sub("", subject.strip(_EDGE))
    subject = words.TARGET_VERBS.sub("", subject.strip(_EDGE))
    subject = _LEADING_VERB.sub("", subject.strip(_EDGE))
    return re.sub(r"^(?:末|底|内)", "", subject.strip(_EDGE)).strip(_EDGE)


def _pair_respectively(found: list[Quantity], clause: str) -> list[Quantity]:
    """ "A、B、C分别下降到3‰、5‰和14/10万": each value goes with its own indicator."""
    if len(found) < 2 or "分别" not in clause:
        return found
    names = [name for name in re.split(r"[、和及与]", found[0].subject) if name]
    if len(names) != len(found):
        return found
    paired: list[Quantity] = []
    for name, one in zip(names, found, strict=True):
        bound = _bound_word(found[0])
        label = f"{name}{one.text}" if one.text.startswith(bound) else f"{name}{bound}{one.text}"
        paired.append(_replace(one, subject=name, label=label))
    return paired


def _bound_word(one: Quantity) -> str:
    reach = _REACH.search(one.text) or words.BEFORE.search(one.text)
    if reach:
        return reach.group()
    return {">=": "达到", "<=": "不高于", "<": "低于", ">": "超过"}[one.comparator]


def _replace(one: Quantity, *, subject: str, label: str) -> Quantity:
    return replace(one, subject=subject, label=label)


def _spans(text: str, ends: str, start: int = 0, stop: int | None = None) -> list[tuple[int, int]]:
    """Pieces of text[start:stop] cut after each end mark, the mark kept in its piece."""
    stop = len(text) if stop is None else stop
    spans: list[tuple[int, int]] = []
    piece = start
    for index in range(start, stop):
        if text[index] in ends:
            spans.append((piece, index + 1))
            piece = index + 1
    if piece < stop:
        spans.append((piece, stop))
    return [(a, b) for a, b in spans if text[a:b].strip(_EDGE)]


def _quoted(text: str) -> list[bool]:
    """For each character, whether it stands inside “…” or 《…》 (nesting allowed)."""
    inside: list[bool] = []
    open_marks: list[str] = []
    for char in text:
        if open_marks and char == words.QUOTES[open_marks[-1]]:
            open_marks.pop()
            inside.append(True)
            continue
        if char in words.QUOTES:
            open_marks.append(char)
        inside.append(bool(open_marks))
    return inside
