"""Forms of the 督导 pages: a 整改 item typed in by the office, the annual 督导 and its findings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_lazy

from web.organisation.models import Department
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
