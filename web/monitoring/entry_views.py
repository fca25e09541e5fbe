"""The entry page (填报): a region's values of one year, typed, saved as drafts or submitted for 审核.

Each touched row is saved on its own through the observation services; a refused row keeps what was
typed and does not stop the others.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext

from healthaction.numbers import NumberRefused, parse_amount
from web.accounts.locale import refusal_message
from web.accounts.scope import Need, RegionScope, region_for_user, region_scope_for, signed_in_user
from web.monitoring.evidence import evidence_attach, evidence_check
from web.monitoring.forms import (
    PostedRow,
    posted_entry,
)
from web.monitoring.models import Observation
from web.monitoring.selectors import (
    EntryRow,
    entry_rows,
    entry_years,
    open_round,
)
from web.monitoring.services import (
    ObservationError,
    observation_note,
    observation_save,
)
from web.regions.models import Region


def _today() -> datetime.date:
    return timezone.localdate()


TYPED_ECHO = 40  # characters of a refused value shown again in its field


@dataclass
class EntrySaved:
    """What one POST of the entry form did: counts, and per indicator row what was refused."""

    saved: int = 0
    attached: int = 0
    errors: dict[int, str] = field(default_factory=dict)
    typed: dict[int, str] = field(default_factory=dict)  # the value as typed, shown again to correct
    typed_comments: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class EntryDesk:
    """Where a POST of the entry form writes: the region and year, by whom, in which scope."""

    region: Region
    year: int
    scope: RegionScope
    user: User
    submit: bool


@login_required
def entry(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """The year's values: editable while its round is open, read-only in past years; later years refused."""
    region = region_for_user(request.user, code, Need.ENTER)
    scope = region_scope_for(request.user)
    today = _today()
    round_ = open_round(region, year, today)
    if round_ is None and year > today.year:
        raise Http404(gettext("%(year)s年的填报尚未开放：只能填报已开放轮次的年份") % {"year": year})
    rows = entry_rows(region=region, year=year, scope=scope)
    result = EntrySaved()
    if request.method == "POST":
        if round_ is None:
            raise PermissionDenied(gettext("%(year)s年的填报未开放或已截止") % {"year": year})
        posted = posted_entry(rows, request.POST, request.FILES)
        desk = EntryDesk(
            region=region, year=year, scope=scope, user=signed_in_user(request.user), submit=posted.submit
        )
        result = _entry_save(desk, posted.rows)
        if not result.errors:
            _say_what_was_saved(request, desk, result)
            return redirect("entry", code=code, year=year)
        count = len(result.errors)
        messages.error(request, gettext("有%(count)s项未保存，请查看标红的行") % {"count": count})
        rows = entry_rows(region=region, year=year, scope=scope)
    return render(
        request,
        "monitoring/entry.html",
        {
            "region": region,
            "year": year,
            "years": entry_years(region, today),
            "round": round_,
            "rows": rows,
            "errors": result.errors,
            "posted": request.POST if result.errors else {},
            "counts": _entry_counts(rows),
            "reviewer": _reviewer(region),
            "typed": result.typed,
            "typed_comments": result.typed_comments,
        },
    )


def _entry_save(desk: EntryDesk, rows: list[PostedRow]) -> EntrySaved:
    """Each touched row on its own: a refused row keeps what was typed and does not stop the others."""
    result = EntrySaved()
    for posted in rows:
        # A changed 说明 alone is saved too (on an approved value, as a note with history).
        if not posted.touched:
            continue
        pk = posted.row.indicator.pk
        if not desk.scope.may_enter(desk.region, posted.row.indicator):
            raise PermissionDenied(gettext("不能填报其他部门的指标"))
        try:
            saved, attached = _entry_save_row(desk, posted)
        except ObservationError as exc:
            result.errors[pk] = str(exc)
            # What was typed stays on the page, to correct and send again (a value longer than
            # any number could be is not echoed back: the message says what is wrong with it).
            result.typed[pk] = posted.raw if len(posted.raw) <= TYPED_ECHO else ""
            result.typed_comments[pk] = posted.comment
        else:
            result.saved += saved
            result.attached += attached
    return result


def _entry_save_row(desk: EntryDesk, posted: PostedRow) -> tuple[int, int]:
    """The row's value, its 说明 as a note, then its evidence: (values saved, files attached)."""
    if posted.upload is not None:
        evidence_check(posted.upload)  # refuse a bad file before saving the value beside it
    row = posted.row
    observation = row.observation
    saved = 0
    noted = posted.noted
    if posted.raw:
        value = _entry_value(posted)
        unchanged = observation is not None and observation.value == value and not desk.submit
        if not unchanged:
            observation = observation_save(
                region=desk.region,
                indicator=row.indicator,
                year=desk.year,
                value=value,
                comment=posted.comment,
                user=desk.user,
                version=posted.version,
                submit=desk.submit,
                department=desk.scope.department,
                reviewer=desk.scope.may(Need.REVIEW),
            )
            saved += 1
            noted = False
    if noted and observation is not None:
        observation = observation_note(
            observation=observation,
            comment=posted.comment,
            user=desk.user,
            version=posted.version or 0,  # none posted: a conflict
        )
        saved += 1
    if posted.upload is None:
        return saved, 0
    _entry_attach(desk, observation, posted.upload)
    return saved, 1


def _entry_value(posted: PostedRow) -> Decimal:
    indicator = posted.row.indicator
    try:
        unit = indicator.unit or None
        return parse_amount(posted.raw, field=indicator.name, unit=unit, name=indicator.name)
    except NumberRefused as refused:
        raise ObservationError(refusal_message(refused)) from None


def _entry_attach(desk: EntryDesk, observation: Observation | None, upload: UploadedFile) -> None:
    if observation is None:
        raise ObservationError(gettext("请先填写本年值，再上传佐证材料"))
    if observation.state == Observation.State.APPROVED and not desk.scope.may(Need.REVIEW):
        raise ObservationError(gettext("该值已审核，不能再上传佐证材料；如需补充请联系审核人退回"))
    evidence_attach(observation=observation, upload=upload, user=desk.user)


def _say_what_was_saved(request: HttpRequest, desk: EntryDesk, result: EntrySaved) -> None:
    if not result.saved and not result.attached:
        messages.warning(
            request, gettext("没有填写任何数值：请在「本年值」栏填写后再点「保存草稿」或「提交审核」")
        )
        return
    # Say what happens next, not only what was done: a draft is not yet with the reviewer.
    done = (
        gettext("已提交%(count)s项，由%(reviewer)s审核，审核通过后计入监测结果")
        if desk.submit
        else gettext("已保存%(count)s项草稿，尚未送审：全部填好后点「提交审核」，由%(reviewer)s审核")
    )
    files = gettext("；上传佐证材料%(count)s份") % {"count": result.attached} if result.attached else ""
    messages.success(request, done % {"count": result.saved, "reviewer": _reviewer(desk.region)} + files)


def _reviewer(region: Region) -> str:
    """Who reviews a region's values: its county's admin for a county or township, else the office."""
    if region.level >= Region.Level.COUNTY:
        return gettext("区县管理员")
    return gettext("健康办")


def _entry_counts(rows: list[EntryRow]) -> dict[str, int]:
    """已填 x/N，待提交 y: values entered this year, and those still in draft or returned."""
    entered = [r.observation for r in rows if r.observation is not None and r.observation.value is not None]
    pending = [o for o in entered if o.state in (Observation.State.DRAFT, Observation.State.RETURNED)]
    return {"filled": len(entered), "pending": len(pending)}
