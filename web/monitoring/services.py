"""Writes to observations: save a draft, submit, approve, return — each one transaction with history."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from healthaction.numbers import NumberRefused, check_amount
from web.accounts.locale import refusal_message
from web.accounts.scope import Need, region_scope_for
from web.monitoring.checks import plausibility_warnings
from web.monitoring.evaluation import statuses_refresh_after
from web.monitoring.models import Observation, ObservationChange, ReportingRound
from web.organisation.models import Department
from web.plans.models import Indicator
from web.regions.models import Region

State = Observation.State


class ObservationError(Exception):
    """A write the user must correct; the message is shown as is."""


class ValueRefusedError(ObservationError):
    """The value breaks the one number rule (``healthaction.numbers``): not finite, too many digits,
    or impossible in the indicator's unit. Nothing is saved."""


class RoundError(ObservationError):
    """A 填报轮次 that cannot be opened or changed as asked; the message says why."""


class ConflictError(ObservationError):
    """Someone else changed the value since the form was loaded."""


def _conflict(observation: Observation) -> ConflictError:
    current = Observation.objects.select_related("updated_by").get(pk=observation.pk)
    who = (
        current.updated_by.get_full_name() or current.updated_by.username
        if current.updated_by
        else gettext("其他用户")
    )
    when = timezone.localtime(current.updated_at).strftime(gettext("%Y年%m月%d日 %H:%M"))
    value = gettext("空") if current.value is None else format(current.value.normalize(), "f")
    return ConflictError(
        gettext(
            "%(region)s「%(indicator)s」%(year)s年的值已被%(who)s于%(when)s改为%(value)s（%(state)s），"
            "您的修改未保存。请查看最新值后重新填写。"
        )
        % {
            "region": current.region.name,
            "indicator": current.indicator.name,
            "year": current.year,
            "who": who,
            "when": when,
            "value": value,
            "state": current.get_state_display(),
        }
    )


def _record(
    observation: Observation,
    *,
    user: User | None,
    action: str,
    old_value: Decimal | None,
    old_state: str,
    reason: str,
) -> None:
    ObservationChange.objects.create(
        observation=observation,
        user=user,
        action=action,
        old_value=old_value,
        new_value=observation.value,
        old_state=old_state,
        new_state=observation.state,
        reason=reason,
    )


def _last_value(*, region: Region, indicator: Indicator, year: int) -> Decimal | None:
    last = Observation.objects.filter(region=region, indicator=indicator, year=year - 1).first()
    return last.value if last else None


@transaction.atomic
def observation_save(
    *,
    region: Region,
    indicator: Indicator,
    year: int,
    value: Decimal,
    comment: str,
    user: User,
    version: int | None,
    submit: bool,
    department: Department | None = None,
    reviewer: bool = False,
) -> Observation:
    """Save a draft (or submit) one value.

    ``version`` is the number the form was loaded with (None for a value not yet in the database);
    a different number in the database means a concurrent edit: :class:`Conflict`, nothing saved.
    A submitted value can only be changed by a reviewer; an approved value by nobody: it is returned
    (退回, with a reason) first, then entered again, so every change of an approved value is a new
    version with its reason in the history.
    """
    value = _value_checked(region=region, indicator=indicator, year=year, value=value, comment=comment)
    new_state = State.SUBMITTED if submit else State.DRAFT
    action = "提交" if submit else "保存草稿"
    observation = Observation.objects.filter(region=region, indicator=indicator, year=year).first()
    if observation is None:
        if version is not None:
            raise ConflictError(
                gettext("「%(indicator)s」%(year)s年的值已被删除，请刷新页面")
                % {"indicator": indicator.name, "year": year}
            )
        observation, created = Observation.objects.get_or_create(
            region=region,
            indicator=indicator,
            year=year,
            defaults={
                "value": value,
                "unit": indicator.unit,
                "state": new_state,
                "comment": comment,
                "department": department,
                "updated_by": user,
            },
        )
        if not created:  # inserted by someone else between our read and write
            raise _conflict(observation)
        _record(observation, user=user, action=action, old_value=None, old_state="", reason=comment)
        return observation
    version = _may_change(observation, indicator=indicator, version=version, reviewer=reviewer)
    old_value, old_state = observation.value, observation.state
    updated = Observation.objects.filter(pk=observation.pk, version=version).update(
        value=value,
        unit=indicator.unit,
        state=new_state,
        comment=comment,
        updated_by=user,
        updated_at=timezone.now(),
        version=F("version") + 1,
        department=department or observation.department,
    )
    if updated == 0:
        raise _conflict(observation)
    observation.refresh_from_db()
    _record(observation, user=user, action=action, old_value=old_value, old_state=old_state, reason=comment)
    if old_state == State.APPROVED:
        statuses_refresh_after(observation)
    return observation


def _value_checked(
    *, region: Region, indicator: Indicator, year: int, value: Decimal, comment: str
) -> Decimal:
    """The one number rule, then the plausibility checks: a surprising value needs a 说明."""
    try:
        value = check_amount(value, field=indicator.name, unit=indicator.unit or None, name=indicator.name)
    except NumberRefused as refused:
        raise ValueRefusedError(refusal_message(refused)) from None
    warnings = plausibility_warnings(
        value=value, last=_last_value(region=region, indicator=indicator, year=year), unit=indicator.unit
    )
    if warnings and not comment.strip():
        raise ObservationError(f"「{indicator.name}」：{'；'.join(warnings)}")
    return value


def _may_change(
    observation: Observation, *, indicator: Indicator, version: int | None, reviewer: bool
) -> int:
    """A stored value changes only at the version the form was loaded with (returned), and only while
    a draft (or 提交, by a reviewer): an approved one is returned (退回) first."""
    year = observation.year
    if version is None or observation.version != version:
        raise _conflict(observation)
    if observation.state == State.APPROVED:
        raise ObservationError(
            gettext(
                "「%(indicator)s」%(year)s年的值已审核，不能直接修改；如需更正，请审核人先退回（填写原因），再重新填报"
            )
            % {"indicator": indicator.name, "year": year}
        )
    if observation.state == State.SUBMITTED and not reviewer:
        raise ObservationError(
            gettext("「%(indicator)s」%(year)s年的值%(state)s，不能再修改；如需更正请联系审核人退回")
            % {"indicator": indicator.name, "year": year, "state": observation.get_state_display()}
        )
    return version


@transaction.atomic
def observation_note(*, observation: Observation, comment: str, user: User, version: int) -> Observation:
    """Change the 说明 of a value without changing the value, in any state (an approved value keeps
    its value and state): the old and the new text stay in the history."""
    updated = Observation.objects.filter(pk=observation.pk, version=version).update(
        comment=comment, updated_by=user, updated_at=timezone.now(), version=F("version") + 1
    )
    if updated == 0:
        raise _conflict(observation)
    old_comment = observation.comment
    observation.refresh_from_db()
    _record(
        observation,
        user=user,
        action="修改说明",
        old_value=observation.value,
        old_state=observation.state,
        reason=gettext("说明改为「%(new)s」，原为「%(old)s」") % {"new": comment, "old": old_comment},
    )
    return observation


def submitter_of(observation: Observation) -> int | None:
    """The id of the user who last submitted the value (None when it came in otherwise, as an import)."""
    last = observation.changes.filter(new_state=State.SUBMITTED).order_by("-at", "-pk").first()
    return last.user_id if last else None


def _review(
    observation: Observation,
    *,
    user: User,
    version: int,
    state: str,
    comment: str,
    action: str,
    from_states: tuple[str, ...] = (State.SUBMITTED,),
) -> Observation:
    if observation.state not in from_states:
        raise ObservationError(
            gettext("「%(indicator)s」%(year)s年的值%(state)s，只能审核已提交的值")
            % {
                "indicator": observation.indicator.name,
                "year": observation.year,
                "state": observation.get_state_display(),
            }
        )
    old_state = observation.state
    updated = Observation.objects.filter(pk=observation.pk, version=version).update(
        state=state,
        review_comment=comment,
        updated_by=user,
        updated_at=timezone.now(),
        version=F("version") + 1,
    )
    if updated == 0:
        raise _conflict(observation)
    observation.refresh_from_db()
    _record(
        observation,
        user=user,
        action=action,
        old_value=observation.value,
        old_state=old_state,
        reason=comment,
    )
    return observation


@transaction.atomic
def observation_approve(
    *, observation: Observation, user: User, version: int, comment: str = ""
) -> Observation:
    # 审核 by someone other than the submitter (four eyes); a very small office may allow it
    # (HEALTHACTION_SELF_APPROVAL). Checked before anything is written.
    if not settings.SELF_APPROVAL and submitter_of(observation) == user.pk:
        raise ObservationError(
            gettext(
                "「%(indicator)s」%(year)s年的值是您本人提交的，需由其他审核人审核（不能审核自己提交的值）"
            )
            % {"indicator": observation.indicator.name, "year": observation.year}
        )
    observation = _review(
        observation, user=user, version=version, state=State.APPROVED, comment=comment, action="审核通过"
    )
    # Statuses are recomputed here, inside the approval's transaction: the dashboards never show
    # a status older than the approved values, and there is no batch job to forget.
    statuses_refresh_after(observation)
    return observation


@transaction.atomic
def observation_return(*, observation: Observation, user: User, version: int, comment: str) -> Observation:
    """Send a submitted value back to its reporter, or reopen an approved one (the only way an approved
    value changes: returned with a reason, then entered again)."""
    if not comment.strip():
        raise ObservationError(gettext("退回时请填写退回原因"))
    was_approved = observation.state == State.APPROVED
    observation = _review(
        observation,
        user=user,
        version=version,
        state=State.RETURNED,
        comment=comment,
        action="退回",
        from_states=(State.SUBMITTED, State.APPROVED),
    )
    if was_approved:  # it no longer counts: the statuses follow at once, as after an approval
        statuses_refresh_after(observation)
    return observation


def _may_manage_rounds(user: User, region: Region) -> None:
    scope = region_scope_for(user)
    if not (scope.may(Need.MANAGE) and scope.contains(region)):
        raise PermissionDenied(gettext("只有本地区的办公室管理员可以开放或修改填报轮次"))


def round_open(
    *,
    by: User,
    region: Region,
    kind: str,
    year: int,
    half: int | None,
    opens_on: datetime.date,
    closes_on: datetime.date,
) -> ReportingRound:
    """The office opens a 填报轮次 for its region; it holds for the whole subtree. One round per region,
    kind, year and half: a second is refused (the existing one can be extended instead)."""
    _may_manage_rounds(by, region)
    half = half if kind == ReportingRound.Kind.HALF_YEARLY else None
    existing = ReportingRound.objects.filter(region=region, kind=kind, year=year, half=half).first()
    if existing is not None:
        raise RoundError(
            gettext("已有%(round)s，不能重复开放；如需延长请修改其截止日期") % {"round": existing}
        )
    return ReportingRound.objects.create(
        region=region, kind=kind, year=year, half=half, opens_on=opens_on, closes_on=closes_on
    )


def round_extend(*, by: User, round_: ReportingRound, closes_on: datetime.date) -> ReportingRound:
    """A new 截止日期 for a round: offices extend (or shorten) the deadline; the values stay as they are."""
    _may_manage_rounds(by, round_.region)
    if closes_on < round_.opens_on:
        raise RoundError(gettext("截止日期不能早于开始日期（%(opens)s）") % {"opens": round_.opens_on})
    round_.closes_on = closes_on
    round_.save(update_fields=["closes_on"])
    return round_
