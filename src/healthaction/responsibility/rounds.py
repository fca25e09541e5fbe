"""What supervision reads: reporting rounds, the measures tracked, the departments' reports.

A reporting round is half a year: 2021H1 (2021年上半年) covers January to June,
2021H2 (2021年全年) the whole year, since the second report is the year's account.
Each department named on a task reports every round on each of its measures: the
amount done so far (cumulative from the start of the work; for a yearly amount, from
the start of the year; for a rate, the level reached), a status and a narrative.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

from healthaction.plan import PlanTask
from healthaction.responsibility.deadlines import Deadline, parse_deadline
from healthaction.responsibility.numerals import Number, half_width
from healthaction.responsibility.quantities import Quantity, quantities
from healthaction.responsibility.statuses import ReportedStatus

_ROUND: Final = re.compile(r"^\s*(\d{4})\s*(?:[Hh]([12])|年?(上半年|下半年|全年))\s*$")


@dataclass(frozen=True, slots=True, order=True)
class ProgressRound:
    """Half a year of reporting: 2021H1 ends 2021-06-30, 2021H2 ends 2021-12-31."""

    year: int
    half: Literal[1, 2]

    @classmethod
    def parse(cls, text: str) -> ProgressRound:
        """ "2021H1", "2021年上半年" → first half; "2021H2", "2021年全年", "2021年下半年" → second."""
        found = _ROUND.match(half_width(text))
        if not found:
            raise ValueError(f"报告轮次“{text}”无法识别，应写作2021H1或2021年上半年")
        first = found[2] == "1" or found[3] == "上半年"
        return cls(int(found[1]), 1 if first else 2)

    @property
    def code(self) -> str:
        return f"{self.year}H{self.half}"

    @property
    def name(self) -> str:
        return f"{self.year}年{'上半年' if self.half == 1 else '全年'}"

    @property
    def ends_on(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def previous(self) -> ProgressRound:
        return ProgressRound(self.year, 1) if self.half == 2 else ProgressRound(self.year - 1, 2)

    @property
    def following(self) -> ProgressRound:
        return ProgressRound(self.year, 2) if self.half == 1 else ProgressRound(self.year + 1, 1)

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True, slots=True)
class TrackedMeasure:
    """One numbered measure of a task, with what supervision needs to judge it."""

    id: str
    task_id: str
    task: str
    program: str | None
    text: str
    quantities: tuple[Quantity, ...]
    deadline: Deadline
    starts_on: date
    lead_departments: tuple[str, ...] = ()
    responsible_departments: tuple[str, ...] = ()
    responsible_leaders: tuple[str, ...] = ()  # 包抓领导
    lead_leaders: tuple[str, ...] = ()  # 牵头领导

    @property
    def departments(self) -> tuple[str, ...]:
        """Every department that reports on the measure: 牵头 first, then 责任."""
        return tuple(dict.fromkeys((*self.lead_departments, *self.responsible_departments)))

    @property
    def leaders(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.responsible_leaders, *self.lead_leaders)))


@dataclass(frozen=True, slots=True)
class MeasureReport:
    """A department's report on one measure for one round.

    ``amounts`` maps the index of a sub-target (its place in ``TrackedMeasure.quantities``)
    to the amount done so far: {0: 180} is "180 座 of the 500".
    """

    measure_id: str
    round: ProgressRound
    department: str
    status: ReportedStatus
    amounts: Mapping[int, Number] = field(default_factory=dict)
    text: str = ""


def tracked_measures(tasks: Sequence[PlanTask], *, starts_on: date) -> list[TrackedMeasure]:
    """The measures of a parsed 责任清单, with ids "3.2" (third task, second measure).

    ``starts_on`` is when the list's work began (its issue date, or 1 January of its year):
    the 序时进度 of a one-off amount runs from there to the deadline.
    """
    measures: list[TrackedMeasure] = []
    for task_number, task in enumerate(tasks, start=1):
        deadline = parse_deadline(task.deadline, default_year=starts_on.year)
        texts = task.measures or [task.task]
        for measure_number, text in enumerate(texts, start=1):
            measures.append(
                TrackedMeasure(
                    id=f"{task_number}.{measure_number}",
                    task_id=str(task_number),
                    task=task.task,
                    program=task.program,
                    text=text,
                    quantities=tuple(quantities(text)),
                    deadline=deadline,
                    starts_on=starts_on,
                    lead_departments=tuple(task.lead_departments),
                    responsible_departments=tuple(task.responsible_departments),
                    responsible_leaders=tuple(task.responsible_leaders),
                    lead_leaders=tuple(task.lead_leaders),
                )
            )
    return measures
