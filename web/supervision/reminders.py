"""Reminders to the departments' clerks and to the tasks' 包抓/牵头 leaders: a round closes in N
days, a report is late, a measure is overdue. Each is stored once under its key
(user/measure/round/kind), so running again sends nothing new; the e-mail goes through Django's
mail backend, one message per user per run.

A leader is the user bound by ``LeaderAccount`` to the person who holds the task's leader seat on
the day the job runs (the seat's holder can change: the reminder goes to whoever holds it now); a
leader gets one reminder per measure and kind, naming the departments concerned."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from healthaction.responsibility import ProgressRound
from web.accounts.models import Role
from web.organisation.models import Department, Holding
from web.regions.models import Region
from web.supervision.models import Reminder
from web.tasks import selectors
from web.tasks.models import LeaderAccount, Measure, Task, TaskLeader

log = logging.getLogger(__name__)

# How many days before a round's reports close the clerks are reminded.
REMIND_DAYS: int = getattr(settings, "TASKS_REMIND_DAYS", 7)


@dataclass(frozen=True)
class Due:
    """One reminder to make: who, on which measure, for which round, why."""

    user: User
    region: Region
    measure: Measure
    round: ProgressRound
    kind: Reminder.Kind
    message: str

    @property
    def key(self) -> str:
        return f"{self.user.pk}/{self.measure.pk}/{self.round.code}/{self.kind.value}"


def rounds_to_watch(today: datetime.date) -> list[ProgressRound]:
    """The round running now and the one before it (whose reports may still be open or late)."""
    current = ProgressRound(today.year, 1 if today.month <= 6 else 2)
    return [current.previous, current]


def clerks_of(department: Department) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True, profile__role=Role.CLERK, profile__department=department
        ).order_by("pk")
    )


def leaders_by_task(region: Region, on: datetime.date | None = None) -> dict[int, list[User]]:
    """Task id → the users whose person holds one of its 包抓/牵头 seats on ``on`` (today)."""
    on = on or timezone.localdate()
    held = Holding.objects.filter(started_on__lte=on).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on))
    users_by_person: dict[int, list[User]] = {}
    for account in LeaderAccount.objects.filter(user__is_active=True).select_related("user"):
        users_by_person.setdefault(account.person_id, []).append(account.user)
    if not users_by_person:
        return {}
    people_by_position: dict[int, set[int]] = {}
    for position_id, person_id in held.filter(person_id__in=users_by_person).values_list(
        "position_id", "person_id"
    ):
        people_by_position.setdefault(position_id, set()).add(person_id)
    found: dict[int, dict[int, User]] = {}
    for task_id, position_id in TaskLeader.objects.filter(
        task__region=region, position_id__in=people_by_position
    ).values_list("task_id", "position_id"):
        for person_id in people_by_position[position_id]:
            for user in users_by_person[person_id]:
                found.setdefault(task_id, {})[user.pk] = user
    return {task_id: sorted(users.values(), key=lambda u: u.pk) for task_id, users in found.items()}


def reminders_due(region: Region, today: datetime.date, days: int = REMIND_DAYS) -> list[Due]:
    """What the region's clerks and the tasks' leaders should be told today."""
    found: list[Due] = []
    departments = {d.name: d for d in Department.objects.filter(region=region)}
    clerks: dict[int, list[User]] = {}  # department → its clerks, read once for every round and measure

    def clerks_of_once(department: Department) -> list[User]:
        if department.pk not in clerks:
            clerks[department.pk] = clerks_of(department)
        return clerks[department.pk]

    leaders = leaders_by_task(region)
    for round_ in rounds_to_watch(today):
        closes = selectors.round_closes_on(round_)
        left = (closes - today).days
        if left > days:
            continue
        view = selectors.supervision_for(region, round_, today)
        rows = view.tracked.rows
        silent: dict[str, list[str]] = {}  # measure id → departments with an account that have not reported
        for missing in view.supervision.missing_reports:
            department = departments.get(missing.department)
            if department is None:
                continue  # 各镇街: nobody's account
            late = today > closes
            kind = Reminder.Kind.LATE if late else Reminder.Kind.DUE
            for measure_id in missing.measure_ids:
                silent.setdefault(measure_id, []).append(department.name)
                measure = rows[measure_id]
                text = (
                    f"{round_.name}进展报送已于{closes:%Y年%m月%d日}截止，{department.name}尚未报送措施{measure_id}"
                    if late
                    else f"{round_.name}进展报送将于{closes:%Y年%m月%d日}截止（还有{left}天），"
                    f"{department.name}尚未报送措施{measure_id}"
                )
                text += f"：{measure.text[:60]}"
                found += [Due(u, region, measure, round_, kind, text) for u in clerks_of_once(department)]
        for verdict in view.supervision.overdue:
            measure = rows[verdict.measure.id]
            for name in verdict.measure.departments:
                department = departments.get(name)
                if department is None:
                    continue
                text = f"措施{verdict.measure.id}已逾期：{verdict.reason}"
                found += [
                    Due(u, region, measure, round_, Reminder.Kind.OVERDUE, text)
                    for u in clerks_of_once(department)
                ]
        if leaders:
            found += _for_leaders(region, view, round_, leaders, silent, closes=closes, today=today)
    return found


def _for_leaders(
    region: Region,
    view: selectors.SupervisionView,
    round_: ProgressRound,
    leaders: dict[int, list[User]],
    silent: dict[str, list[str]],
    *,
    closes: datetime.date,
    today: datetime.date,
) -> list[Due]:
    """One reminder per measure of a leader's task: not yet reported (by whom), or overdue."""
    found: list[Due] = []
    rows = view.tracked.rows
    late = today > closes
    for measure_id, names in silent.items():
        measure = rows[measure_id]
        users = leaders.get(measure.task_id, [])
        if not users:
            continue
        who = "、".join(names)
        text = (
            f"您包抓或牵头的任务“{measure.task.name[:30]}”：{round_.name}进展报送已于{closes:%Y年%m月%d日}截止，"
            f"{who}尚未报送措施{measure_id}"
            if late
            else f"您包抓或牵头的任务“{measure.task.name[:30]}”：{round_.name}进展报送将于"
            f"{closes:%Y年%m月%d日}截止（还有{(closes - today).days}天），{who}尚未报送措施{measure_id}"
        )
        kind = Reminder.Kind.LATE if late else Reminder.Kind.DUE
        found += [Due(u, region, measure, round_, kind, text) for u in users]
    for verdict in view.supervision.overdue:
        measure = rows[verdict.measure.id]
        text = f"您包抓或牵头的任务“{measure.task.name[:30]}”措施{verdict.measure.id}已逾期：{verdict.reason}"
        found += [
            Due(u, region, measure, round_, Reminder.Kind.OVERDUE, text)
            for u in leaders.get(measure.task_id, [])
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
