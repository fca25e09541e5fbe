from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy, gettext_noop

from healthaction.numbers import NumberRefused, parse_optional
from healthaction.plan import PlanTask
from web.accounts.locale import refusal_message
from web.plans.models import Action
from web.tasks.models import Measure, Task

_NAMES = re.compile(r"[、，,；;\s]+")

# Choice labels the models keep in Chinese (the 督导通报 prints them); pages show them with
# ``{% translate word %}``, so makemessages needs them marked here.
CHOICE_WORDS = (
    # SupervisionFinding.Rating
    gettext_noop("好"),
    gettext_noop("较好"),
    gettext_noop("一般"),
    gettext_noop("差"),
    # Interview.State
    gettext_noop("拟约谈"),
    gettext_noop("已约谈"),
    gettext_noop("不约谈"),
    # TaskLeader.Role, TaskDepartment.Role
    gettext_noop("包抓领导"),
    gettext_noop("牵头领导"),
    gettext_noop("牵头部门"),
    gettext_noop("责任部门"),
    # Task.DeadlineKind
    gettext_noop("按期完成"),
    gettext_noop("每年"),
    gettext_noop("长期"),
    gettext_noop("未识别"),
    # Reminder.Kind
    gettext_noop("报送即将截止"),
    gettext_noop("逾期未报"),
    gettext_noop("措施逾期未完成"),
)


def _names(text: str) -> list[str]:
    return [name for name in _NAMES.split(text) if name]


class TaskForm(forms.Form):
    """A task typed in the web: names separated by 、, one measure a line."""

    program = forms.CharField(label=gettext_lazy("工程"), max_length=200, required=False)
    name = forms.CharField(label=gettext_lazy("重点工作任务"), max_length=500)
    measures = forms.CharField(
        label=gettext_lazy("具体措施（每行一条）"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    responsible_leaders = forms.CharField(label=gettext_lazy("包抓领导"), required=False)
    lead_leaders = forms.CharField(label=gettext_lazy("牵头领导"), required=False)
    lead_departments = forms.CharField(label=gettext_lazy("牵头部门"), required=False)
    responsible_departments = forms.CharField(label=gettext_lazy("责任部门"), required=False)
    deadline = forms.CharField(
        label=gettext_lazy("完成时限"),
        max_length=100,
        required=False,
        help_text=gettext_lazy("如 2021-12、每年、长期"),
    )
    action = forms.ModelChoiceField(
        label=gettext_lazy("专项行动"), queryset=Action.objects.none(), required=False
    )

    def __init__(self, *args: Any, actions: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if actions is not None:
            self.fields["action"].queryset = actions  # type: ignore[attr-defined]

    def plan_task(self) -> PlanTask:
        data = self.cleaned_data
        return PlanTask(
            seq=None,
            program=data["program"] or None,
            task=data["name"],
            measures=[line.strip() for line in data["measures"].splitlines() if line.strip()],
            responsible_leaders=_names(data["responsible_leaders"]),
            lead_leaders=_names(data["lead_leaders"]),
            lead_departments=_names(data["lead_departments"]),
            responsible_departments=_names(data["responsible_departments"]),
            deadline=data["deadline"] or None,
        )

    @staticmethod
    def initial_for(task: Task) -> dict[str, Any]:
        roles = list(task.department_roles.all())
        leaders = list(task.leaders.all())
        return {
            "program": task.program,
            "name": task.name,
            "measures": "\n".join(m.text for m in task.measures.all()),
            "responsible_leaders": "、".join(x.written_as for x in leaders if x.role == x.Role.RESPONSIBLE),
            "lead_leaders": "、".join(x.written_as for x in leaders if x.role == x.Role.LEAD),
            "lead_departments": "、".join(r.written_as for r in roles if r.role == r.Role.LEAD),
            "responsible_departments": "、".join(r.written_as for r in roles if r.role == r.Role.RESPONSIBLE),
            "deadline": task.deadline_text,
            "action": task.action_id,
        }


@dataclass(frozen=True)
class PostedProgress:
    """One measure's row of the 报送进展 form, as typed: the status code as posted (the service
    checks it is one of ProgressReport.Status), the amounts by sub-target index, text and evidence."""

    measure: Measure
    status: str
    amounts: dict[int, Decimal]
    text: str
    evidence: UploadedFile | None


@dataclass
class ProgressPost:
    rows: list[PostedProgress] = field(default_factory=list)
    errors: dict[int, str] = field(default_factory=dict)  # measure pk → the refusal, for its row
    foreign: bool = False  # a row for a measure that is not the department's


def posted_progress(
    measures: Sequence[Measure], data: Mapping[str, str], files: Mapping[str, UploadedFile]
) -> ProgressPost:
    """The department's rows of the 报送进展 form (``status-<pk>``, ``amount-<pk>-<index>``,
    ``text-<pk>``, ``evidence-<pk>``). A row without a status is not reported; an amount goes
    through the one number rule in its sub-target's unit, and a refused amount leaves its row out
    with the refusal under ``errors``."""
    own = {m.pk: m for m in measures}
    posted = {int(k[7:]) for k in data if k.startswith("status-") and k[7:].isascii() and k[7:].isdigit()}
    result = ProgressPost(foreign=bool(posted - own.keys()))
    if result.foreign:
        return result
    for pk in sorted(posted):
        measure = own[pk]
        status = data.get(f"status-{pk}", "")
        if not status:
            continue
        amounts: dict[int, Decimal] = {}
        for sub in measure.sub_targets.all():
            raw = data.get(f"amount-{pk}-{sub.index}", "")
            try:  # the one number rule, in the sub-target's unit
                amount = parse_optional(raw, field=sub.label, unit=sub.unit or None, minimum=0)
            except NumberRefused as refused:
                result.errors[pk] = refusal_message(refused)
                continue
            if amount is not None:
                amounts[sub.index] = amount
        if pk not in result.errors:
            text = data.get(f"text-{pk}", "")
            result.rows.append(PostedProgress(measure, status, amounts, text, files.get(f"evidence-{pk}")))
    return result
