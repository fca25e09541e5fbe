"""Reminders to the departments' clerks: a round closes in N days, a report is late, a measure is
overdue. Each is stored once under its key (user/measure/round/kind), so running again sends nothing
new; the e-mail goes through Django's mail backend, one message per user per run."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from healthaction.responsibility.rounds import ReportingRound
from web.accounts.models import Role
from web.organisation.models import Department
from web.regions.models import Region
from web.tasks import selectors
from web.tasks.models import Measure, Reminder, Task

log = logging.getLogger(__name__)

# How many days before a round's reports close the clerks are reminded.
REMIND_DAYS: int = getattr(settings, "TASKS_REMIND_DAYS", 7)


@dataclass(frozen=True)
class Due:
    """One reminder to make: who, on which measure, for which round, why."""

    user: User
    region: Region
    measure: Measure
    round: ReportingRound
    kind: Reminder.Kind
    message: str

    @property
    def key(self) -> str:
        return f"{self.user.pk}/{self.measure.pk}/{self.round.code}/{self.kind.value}"


def rounds_to_watch(today: datetime.date) -> list[ReportingRound]:
    """The round running now and the one before it (whose reports may still be open or late)."""
    current = ReportingRound(today.year, 1 if today.month <= 6 else 2)
    return [current.previous, current]


def clerks_of(department: Department) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True, profile__role=Role.CLERK, profile__department=department
        ).order_by("pk")
    )


def reminders_due(region: Region, today: datetime.date, days: int = REMIND_DAYS) -> list[Due]:
    """What the region's clerks should be told today."""
    found: list[Due] = []
    departments = {d.name: d for d in Department.objects.filter(region=region)}
    for round_ in rounds_to_watch(today):
        closes = selectors.round_closes_on(round_)
        left = (closes - today).days
        if left > days:
            continue
        view = selectors.supervision_for(region, round_, today)
        rows = view.tracked.rows
        for missing in view.supervision.missing_reports:
            department = departments.get(missing.department)
            if department is None:
                continue  # 各镇街: nobody's account
            late = today > closes
            kind = Reminder.Kind.LATE if late else Reminder.Kind.DUE
            for measure_id in missing.measure_ids:
                measure = rows[measure_id]
                text = (
                    f"{round_.name}进展报送已于{closes:%Y年%m月%d日}截止，{department.name}尚未报送措施{measure_id}"
                    if late
                    else f"{round_.name}进展报送将于{closes:%Y年%m月%d日}截止（还有{left}天），"
                    f"{department.name}尚未报送措施{measure_id}"
                )
                text += f"：{measure.text[:60]}"
                found += [Due(u, region, measure, round_, kind, text) for u in clerks_of(department)]
        for verdict in view.supervision.overdue:
            measure = rows[verdict.measure.id]
            for name in verdict.measure.departments:
                department = departments.get(name)
                if department is None:
                    continue
                text = f"措施{verdict.measure.id}已逾期：{verdict.reason}"
                found += [
                    Due(u, region, measure, round_, Reminder.Kind.OVERDUE, text)
                    for u in clerks_of(department)
                ]
    return found


def reminders_send(*, today: datetime.date | None = None, days: int = REMIND_DAYS) -> list[Reminder]:
    """Store the new reminders and e-mail each user the ones they had not had; returns the new ones."""
    today = today or timezone.localdate()
    regions = Region.objects.filter(pk__in=Task.objects.values("region")).order_by("code")
    made: list[Reminder] = []
    for region in regions:
        for due in reminders_due(region, today, days):
            made += _store(due)
    by_user: dict[int, list[Reminder]] = {}
    for reminder in made:
        by_user.setdefault(reminder.user_id, []).append(reminder)
    for items in by_user.values():
        _email(items)
    return made


def _store(due: Due) -> list[Reminder]:
    if Reminder.objects.filter(key=due.key).exists():
        return []
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                user=due.user,
                region=due.region,
                measure=due.measure,
                round=due.round.code,
                kind=due.kind,
                key=due.key,
                message=due.message,
            )
    except IntegrityError:  # another run stored it meanwhile
        return []
    return [reminder]


def _email(items: list[Reminder]) -> None:
    user = items[0].user
    lines = [f"{n}. {item.message}" for n, item in enumerate(items, 1)]
    if user.email:
        send_mail(
            subject=f"健康行动责任清单提醒（{len(items)}条）",
            message="\n".join([f"{user.get_full_name() or user.username}：", "", *lines]),
            from_email=None,
            recipient_list=[user.email],
        )
        Reminder.objects.filter(pk__in=[i.pk for i in items]).update(emailed_at=timezone.now())
    log.info(
        "提醒 %s：%d条%s", user.username, len(items), "（已发邮件）" if user.email else "（无邮箱，仅站内）"
    )


def reminders_for(user: User) -> list[Reminder]:
    return list(Reminder.objects.filter(user=user).select_related("measure__task", "region")[:200])


def reminder_mark_read(*, user: User) -> int:
    return Reminder.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
