from __future__ import annotations

from django import forms


class UploadForm(forms.Form):
    file = forms.FileField(label="规划文件", help_text=".txt .docx .html .pdf .xlsx")
    region = forms.CharField(label="地区区划代码", max_length=12, help_text="如 620403（平川区）")
