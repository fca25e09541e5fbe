"""The monitoring pages' posted fields, read in one place.

The entry form: per indicator row ``value-<id>``, ``comment-<id>``, ``evidence-<id>`` and the
``version-<id>`` the row was loaded with (the template writes them), and ``submit`` (提交审核) or not.
The review queue (审核): the ticked ``pick`` rows or the one row's button ``one=approve-<id>``, each with
its ``version-<id>`` and reason ``comment-<id>``; one value's ``decide`` form; the workbook upload; and
the forms that open a 填报轮次 or move its 截止日期.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from web.monitoring.models import ReportingRound
from web.monitoring.selectors import EntryRow
from web.parameters import id_of

# Back-filling old years is allowed; a data year before 2000 is a typing slip (202, 1024), not a round.
FIRST_YEAR = 2000


@dataclass(frozen=True)
class PostedRow:
    row: EntryRow
    raw: str  # the value as typed
    comment: str
    upload: UploadedFile | None
    version: int | None  # None: the value was not in the database when the form was loaded
    noted: bool  # the 说明 differs from the stored one (on an approved value it is saved as a note)

    @property
    def touched(self) -> bool:
        return bool(self.raw) or self.upload is not None or self.noted


def posted_version(data: Mapping[str, str], pk: int) -> int | None:
    raw = data.get(f"version-{pk}", "")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else None


def posted_rows(
    rows: list[EntryRow], data: Mapping[str, str], files: Mapping[str, UploadedFile]
) -> list[PostedRow]:
    posted = []
    for row in rows:
        pk = row.indicator.pk
        comment = data.get(f"comment-{pk}", "")
        stored = row.observation
        posted.append(
            PostedRow(
                row=row,
                raw=data.get(f"value-{pk}", "").strip(),
                comment=comment,
                upload=files.get(f"evidence-{pk}"),
                version=posted_version(data, pk),
                noted=stored is not None and comment.strip() != stored.comment.strip(),
            )
        )
    return posted


@dataclass(frozen=True)
class PostedEntry:
    rows: list[PostedRow]
    submit: bool  # 提交审核; else 保存草稿


def posted_entry(
    rows: list[EntryRow], data: Mapping[str, str], files: Mapping[str, UploadedFile]
) -> PostedEntry:
    return PostedEntry(rows=posted_rows(rows, data, files), submit="submit" in data)


Decision = Literal["approve", "return"]


@dataclass(frozen=True)
class PickedValue:
    """One value ticked for 审核, with the version it was shown at and the reviewer's reason."""

    pk: int
    version: int  # 0 when none was posted: the service then reports a conflict
    comment: str


@dataclass(frozen=True)
class BatchReview:
    decision: Decision | None  # None: neither button, or a button the page never writes
    picked: dict[int, PickedValue]
    query: str  # the queue's filters, to go back to the same page


def _decision(raw: str) -> Decision | None:
    if raw == "approve":
        return "approve"
    if raw == "return":
        return "return"
    return None


def _picked_ids(data: QueryDict) -> tuple[str, list[str]]:
    one = data.get("one", "")
    if one:  # one row's own button: ``approve-<id>`` or ``return-<id>``
        decision, _dash, raw = one.partition("-")
        return decision, [raw]
    return data.get("decision", ""), data.getlist("pick")


def batch_review(data: QueryDict) -> BatchReview:
    """The queue's POST: a malformed id is a 400 naming the field, before anything is decided."""
    decision, raw_ids = _picked_ids(data)
    pks = [id_of(raw, gettext("所选的值")) for raw in raw_ids]
    picked = {
        pk: PickedValue(
            pk=pk,
            version=posted_version(data, pk) or 0,
            comment=data.get(f"comment-{pk}", "").strip(),
        )
        for pk in pks
    }
    return BatchReview(decision=_decision(decision), picked=picked, query=data.get("query", ""))


@dataclass(frozen=True)
class OneDecision:
    """The history page's 通过/退回 of one value."""

    approve: bool  # anything but ``approve`` returns the value, as the page's two buttons say
    version: int
    comment: str
    back: str  # the region code whose queue to go back to; "" for the value's own region


def one_decision(data: Mapping[str, str]) -> OneDecision:
    return OneDecision(
        approve=data.get("decision") == "approve",
        version=id_of(data.get("version", ""), gettext("版本号")),
        comment=data.get("comment", ""),
        back=data.get("back") or "",
    )


@dataclass(frozen=True)
class WorkbookPost:
    upload: UploadedFile | None
    submit: bool


def workbook_post(data: Mapping[str, str], files: Mapping[str, UploadedFile]) -> WorkbookPost:
    return WorkbookPost(upload=files.get("file"), submit="submit" in data)


class RoundForm(forms.Form):
    """开放填报轮次: what a round needs. A data year later than this year is refused (nothing can be
    reported for it yet), and so is a round that would close before it opens or before today."""

    kind = forms.ChoiceField(label=_("类别"), choices=ReportingRound.Kind.choices)
    year = forms.IntegerField(
        label=_("数据年份"),
        min_value=FIRST_YEAR,
        error_messages={
            "invalid": _("数据年份请填写四位数字年份，如 2024"),
            "min_value": _("数据年份不能早于%(limit_value)s年"),
        },
    )
    half = forms.TypedChoiceField(
        label=_("半年"),
        choices=[("", "—"), (1, _("上半年")), (2, _("全年"))],
        coerce=int,
        empty_value=None,
        required=False,
    )
    opens_on = forms.DateField(
        label=_("开始日期"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={"invalid": _("开始日期请按 2025-01-01 的格式填写")},
    )
    closes_on = forms.DateField(
        label=_("截止日期"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={"invalid": _("截止日期请按 2025-03-31 的格式填写")},
    )

    def __init__(self, *args: Any, today: datetime.date, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "：")
        # The usual round: last year's values, reported from today.
        kwargs.setdefault("initial", {"year": today.year - 1, "opens_on": today})
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_year(self) -> int:
        year: int = self.cleaned_data["year"]
        if year > self.today.year:
            raise forms.ValidationError(
                _("数据年份不能晚于今年（%(year)s年）：该年的数据尚未产生"), params={"year": self.today.year}
            )
        return year

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == ReportingRound.Kind.HALF_YEARLY and data.get("half") is None:
            self.add_error("half", _("半年轮次请选择上半年或全年"))
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens is not None and closes is not None:
            if closes < opens:
                self.add_error("closes_on", _("截止日期不能早于开始日期"))
            elif closes < self.today:
                self.add_error("closes_on", _("截止日期已过：轮次开放即截止，请选今天或以后的日期"))
        return data


class RoundExtendForm(forms.Form):
    closes_on = forms.DateField(
        label=_("截止日期"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={
            "required": _("请填写新的截止日期"),
            "invalid": _("截止日期请按 2025-03-31 的格式填写"),
        },
    )
