"""The plan pages' posted fields: the upload, and the preview's choice of department per name."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext_lazy as _


class UploadForm(forms.Form):
    file = forms.FileField(label=_("规划文件"), help_text=".txt .docx .html .pdf .xlsx")
    region = forms.CharField(label=_("地区区划代码"), max_length=12, help_text=_("如 620403（平川区）"))


DEPARTMENT_CHOICE = "dept:"  # the preview names each select ``dept:<name as the plan writes it>``


def department_choices(data: Mapping[str, str]) -> dict[str, int | None]:
    """The preview's choices: plan name → department id; a blank or non-numeric choice → None
    (the importer then creates or matches the department by its name)."""
    choices: dict[str, int | None] = {}
    for key, value in data.items():
        if key.startswith(DEPARTMENT_CHOICE):
            choices[key[len(DEPARTMENT_CHOICE) :]] = (
                int(value) if value.isascii() and value.isdigit() else None
            )
    return choices
