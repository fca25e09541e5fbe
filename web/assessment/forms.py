"""Forms of the 考核 pages: scheme settings, and decimals typed by the office."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from web.assessment.models import AssessmentScheme


def _not_a_number(what: str, raw: str) -> str:
    return gettext("%(what)s应为数字，实际为「%(raw)s」") % {"what": what, "raw": raw}


def parse_decimal(raw: str, what: str) -> Decimal | None:
    """ "" → None; "1，5" is not a number → a Chinese message naming ``what``."""
    text = raw.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise forms.ValidationError(_not_a_number(what, raw)) from None
    if not value.is_finite():
        raise forms.ValidationError(_not_a_number(what, raw))
    return value


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
