"""Forms of the 督导 pages: a 整改 item typed in by the office, the annual 督导 and its findings, and
the pages' other posted fields (the round, 销号's note, the annual page's action) read in one place."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_lazy

from web.organisation.models import Department
from web.parameters import id_of
from web.supervision.models import SupervisionFinding


def _rating_choices() -> list[tuple[str, str]]:
    """The ratings in the reader's language; the value posted stays the model's."""
    return [(value, gettext(label)) for value, label in SupervisionFinding.Rating.choices]


class RectificationForm(forms.Form):
    department = forms.ModelChoiceField(label=gettext_lazy("责任部门"), queryset=Department.objects.none())
    issue = forms.CharField(label=gettext_lazy("整改事项"), widget=forms.Textarea(attrs={"rows": 2}))
    due_on = forms.DateField(
        label=gettext_lazy("整改时限"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )

    def __init__(self, *args: Any, departments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments  # type: ignore[attr-defined]


class FindingForm(forms.Form):
    """One department's finding in the annual 督导; a due date asks for a 整改 item."""

    department = forms.ModelChoiceField(label=gettext_lazy("部门"), queryset=Department.objects.none())
    rating = forms.ChoiceField(label=gettext_lazy("评价"), choices=_rating_choices)
    text = forms.CharField(label=gettext_lazy("发现问题"), widget=forms.Textarea(attrs={"rows": 3}))
    follow_up = forms.CharField(
        label=gettext_lazy("跟进情况"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    rectify_by = forms.DateField(
        label=gettext_lazy("整改时限"),
        required=False,
        help_text=gettext_lazy("需整改时填写：生成整改事项，在督导页跟进直至销号"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, departments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments  # type: ignore[attr-defined]


class AnnualRoundForm(forms.Form):
    held_on = forms.DateField(
        label=gettext_lazy("督导日期"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    note = forms.CharField(
        label=gettext_lazy("督导说明"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


@dataclass(frozen=True)
class RoundPost:
    """The supervision page's buttons: the round they act on (None: the default round) and, for
    整改, whether to raise items from the round's findings (``raise``) rather than the typed one."""

    round: str | None
    from_findings: bool


def round_post(data: Mapping[str, str]) -> RoundPost:
    return RoundPost(round=data.get("round"), from_findings="raise" in data)


def closing_note(data: Mapping[str, str]) -> str:
    """销号's note: how the 整改 item was settled."""
    return data.get("note", "")


@dataclass(frozen=True)
class AnnualPost:
    """The annual 督导 page's action: ``round`` saves the round, ``finding`` one finding, ``delete``
    removes the posted ``finding``; None on a GET."""

    action: str | None
    raw_finding: str

    def finding(self) -> int:
        """The finding to delete: read only when there is a round to delete it from."""
        return id_of(self.raw_finding, gettext("督导发现"))


def annual_post(data: Mapping[str, str]) -> AnnualPost:
    return AnnualPost(action=data.get("action"), raw_finding=data.get("finding", ""))


class InterviewOutcomeForm(forms.Form):
    """What became of a proposed 约谈: held on a day, or not held (不约谈) — with a note either way."""

    state = forms.ChoiceField(
        label=gettext_lazy("结果"),
        choices=[("held", gettext_lazy("已约谈")), ("dropped", gettext_lazy("不约谈"))],
        error_messages={"invalid_choice": gettext_lazy("请选择已约谈或不约谈")},
    )
    held_on = forms.DateField(
        label=gettext_lazy("约谈日期"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={"invalid": gettext_lazy("约谈日期请按 2025-03-31 的格式填写")},
    )
    note = forms.CharField(label=gettext_lazy("说明"), required=False, max_length=500)

    def __init__(self, *args: Any, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        held_on = data.get("held_on")
        if data.get("state") == "held":
            if held_on is None and "held_on" not in self.errors:
                self.add_error("held_on", gettext_lazy("已约谈请填写约谈日期"))
            elif held_on is not None and held_on > self.today:
                self.add_error("held_on", gettext_lazy("约谈日期不能晚于今天：约谈举行后再记录"))
        elif data.get("state") == "dropped":
            data["held_on"] = None
            if not (data.get("note") or "").strip():
                self.add_error("note", gettext_lazy("不约谈请在说明中写明原因"))
        return data
