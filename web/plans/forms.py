from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class UploadForm(forms.Form):
    file = forms.FileField(label=_("规划文件"), help_text=".txt .docx .html .pdf .xlsx")
    region = forms.CharField(label=_("地区区划代码"), max_length=12, help_text=_("如 620403（平川区）"))
