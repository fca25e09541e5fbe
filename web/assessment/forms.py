"""Forms of the 考核 pages: scheme settings, and decimals typed by the office."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from healthaction.numbers import NumberRefused, parse_optional, plausibility
from web.assessment.models import AssessmentScheme

# 分值, 得分 and 加减分 are stored with 2 decimals and at most 6 digits before the point.
POINTS_DECIMALS = 2
POINTS_LIMIT = Decimal("999999.99")


def parse_points(
    raw: str, what: str, *, maximum: Decimal | None = None, required: bool = False
) -> Decimal | None:
    """分 typed by the office, through the one number rule: "" → None (or refused when required);
    negative, more than 2 decimals or above ``maximum`` → a Chinese message naming ``what``."""
    if required and not raw.strip():
        raise forms.ValidationError(gettext("请填写%(what)s") % {"what": what})
    top = POINTS_LIMIT if maximum is None else min(maximum, POINTS_LIMIT)
    try:
        return parse_optional(raw, field=what, unit="分", minimum=0, maximum=top, decimals=POINTS_DECIMALS)
    except NumberRefused as refused:
        raise forms.ValidationError(refused.message) from None


class SchemeSettingsForm(forms.ModelForm[AssessmentScheme]):
    bands = forms.CharField(
        label=_("等次及分数线"),
        help_text=_("如：优秀90，良好80，合格60（从高到低，逗号分隔）"),
        required=True,
    )

    class Meta:
        model = AssessmentScheme
        fields = (
            "title",
            "lowest_grade",
            "bonus_cap",
            "quota_grade",
            "quota_percent",
            "tie_break",
            "is_trial",
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["bands"] = "，".join(f"{b['name']}{b['floor']}" for b in self.instance.grade_bands)

    def clean_quota_percent(self) -> Decimal | None:
        value: Decimal | None = self.cleaned_data.get("quota_percent")
        if value is not None and (reason := plausibility(value, "%")) is not None:
            raise forms.ValidationError(reason)
        return value

    def clean_bands(self) -> list[dict[str, Any]]:
        bands: list[dict[str, Any]] = []
        for part in self.cleaned_data["bands"].replace(",", "，").split("，"):
            part = part.strip()
            if not part:
                continue
            name = part.rstrip("0123456789.")
            floor = part[len(name) :]
            if not name or not floor:
                raise forms.ValidationError(
                    gettext("无法识别「%(part)s」：应为等次名称加分数线，如「优秀90」") % {"part": part}
                )
            bands.append({"name": name.strip(), "floor": float(floor) if "." in floor else int(floor)})
        return sorted(bands, key=lambda b: b["floor"], reverse=True)

    def save(self, commit: bool = True) -> AssessmentScheme:
        self.instance.grade_bands = self.cleaned_data["bands"]
        return super().save(commit)
