"""The structured plan that ``healthaction parse`` prints (format ``healthaction.plan/1``).

Field order is the order of spec/plan-format.md, so a dumped plan reads like the spec.
"""

from __future__ import annotations

import json
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

FORMAT: Final = "healthaction.plan/1"

Comparator = Literal[
    ">=", "<=", "<", ">", "=", "achieved", "decrease", "increase", "slow", "maintain", "improve"
]
Number = int | float


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Target(_Model):
    """One milestone: "到2022年…不低于22%" is (2022, >=, 22, %)."""

    indicator: str
    year: int | None
    comparator: Comparator
    value: Number | None
    unit: str | None
    scope: str | None = None
    text: str


class Action(_Model):
    """A 专项行动 with its 牵头/配合 departments and targets."""

    seq: int
    name: str
    lead_departments: list[str] = Field(default_factory=list)
    cooperating_departments: list[str] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)


class Baseline(_Model):
    """基期水平 of a framework row."""

    year: int | None
    value: Number | None
    text: str


class FrameworkRow(_Model):
    """A row of the 考核指标框架 or 主要指标 table."""

    seq: int | None
    indicator: str
    unit: str | None
    basis: str | None
    baseline: Baseline | None
    targets: list[Target] = Field(default_factory=list)


class Member(_Model):
    """A member of the 推进委员会."""

    role: str
    name: str
    position: str | None


class Person(_Model):
    name: str
    position: str | None


class WorkingGroup(_Model):
    """A 专项行动工作组: leader (组长) and members."""

    action_name: str
    leader: Person | None
    members: list[Person] = Field(default_factory=list)


class PlanTask(_Model):
    """A row of a 责任清单."""

    seq: int | None
    program: str | None
    task: str
    measures: list[str] = Field(default_factory=list)
    responsible_leaders: list[str] = Field(default_factory=list)
    lead_leaders: list[str] = Field(default_factory=list)
    lead_departments: list[str] = Field(default_factory=list)
    responsible_departments: list[str] = Field(default_factory=list)
    deadline: str | None


class Coverage(_Model):
    """How much of the body the parse understood: its numbered items, and where those are that
    became no action, task, target or member ("第14行")."""

    numbered_items: int = 0
    unread_items: list[str] = Field(default_factory=list)


class Plan(_Model):
    """A local 健康XX行动 document, structured."""

    format: Literal["healthaction.plan/1"] = FORMAT
    title: str | None = None
    region: str | None = None
    parent_region: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued_date: str | None = None
    goals: list[Target] = Field(default_factory=list)
    """Plan-level targets: the 总体目标 of the whole plan (spec amendment; a missing key reads as [])."""
    actions: list[Action] = Field(default_factory=list)
    framework: list[FrameworkRow] = Field(default_factory=list)
    committee: list[Member] = Field(default_factory=list)
    working_groups: list[WorkingGroup] = Field(default_factory=list)
    tasks: list[PlanTask] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    coverage: Coverage = Field(default_factory=Coverage)

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2)


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema of the plan format, from the models above."""
    schema = Plan.model_json_schema()
    schema["$id"] = "https://healthaction.example/schema/plan-1.json"
    schema["title"] = "healthaction.plan/1"
    return schema
