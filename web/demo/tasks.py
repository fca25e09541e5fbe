"""The demo's 责任清单 work (西夏区): two rounds of progress, 约谈, 整改, the annual 督导, reminders.

2021年上半年 and 2021年全年 are reported on every measure by each of its departments: the 牵头
department gives the amounts, the others their status. Most measures are on track; two
departments lag in both rounds (so they are proposed for 约谈) and one sends nothing for 全年
(逾期未报); the 牵头 departments confirm their tasks' reports (卫生健康局's 全年 ones are left
to confirm). The 上半年 findings become 整改 items, those put right by 全年 closed; the 2021 annual
督导 rates the departments behind; the reminder job runs once as of 2022-01-20, after 全年 closed.
A 西夏区 office, a clerk of 卫生健康局 and a leader bound to the seat with the most tasks log in.

Idempotent like the rest of the demo: the random draws are made for every measure on every run,
and what exists is left as it is. Everything made up says 演示数据.
"""

from __future__ import annotations

import datetime
import logging
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db.models import Count
from django.utils import timezone

from healthaction.numbers import plausible_range
from healthaction.responsibility import (
    ProgressRound,
    Quantity,
    ReportedStatus,
    rectifications_follow_up,
    verdict_label,
)
from web.accounts.models import Role
from web.accounts.services import user_create_or_update
from web.organisation.models import Department, Holding
from web.regions.models import Region
from web.supervision.annual import annual_round_save, finding_save
from web.supervision.models import Interview, Rectification, Reminder, SupervisionFinding
from web.supervision.reminders import reminders_send
from web.supervision.services import (
    interview_decide,
    interviews_propose_from,
    rectification_close,
    rectifications_create_from,
)
from web.tasks import selectors
from web.tasks.models import (
    LeaderAccount,
    ProgressReport,
    ProgressReportChange,
    Task,
    TaskConfirmation,
    TaskLeader,
)

logger = logging.getLogger(__name__)

FIRST, SECOND = ProgressRound(2021, 1), ProgressRound(2021, 2)
REMINDED_ON = datetime.date(2022, 1, 20)  # 全年 reports closed on 2022-01-15
ANNUAL_HELD_ON = datetime.date(2021, 12, 20)
CLERK_DEPARTMENT = "卫生健康局"
LAGGARDS = 2


@dataclass(frozen=True)
class Draw:
    """What one measure's 牵头 department reports in a round: a status and the share of the work done."""

    status: ReportedStatus
    share: float


def demo_tasks(*, password: str, user: Any, rng: random.Random) -> None:
    """Everything above for each region with a 责任清单 (the 西夏区 seed); accounts for the first."""
    regions = Region.objects.filter(pk__in=Task.objects.values("region")).order_by("code")
    for number, region in enumerate(regions):
        office = _accounts(region, password) if number == 0 else user
        made = _progress(region, rng, office)
        _evidence(region)
        _confirmations(region)
        logger.info(
            "%s责任清单：生成演示进展报告 %d 条（%s、%s）", region.name, made, FIRST.name, SECOND.name
        )
        if not Interview.objects.filter(region=region, round=SECOND.code).exists():
            _interviews(region, office)
        if not Rectification.objects.filter(region=region, round=FIRST.code).exists():
            _rectifications(region, office)
        _annual(region, office)
    if Reminder.objects.filter(round=SECOND.code).exists():
        return  # the job ran in an earlier build: running it again would send nothing new
    sent = reminders_send(today=REMINDED_ON)
    logger.info("责任清单：按%s生成演示提醒 %d 条", REMINDED_ON.isoformat(), len(sent))


def _account(username: str, **fields: Any) -> User:
    """A demo account made once: an existing one is left as it is (and its password not hashed again)."""
    return User.objects.filter(username=username).first() or user_create_or_update(
        username=username, **fields
    )


def _accounts(region: Region, password: str) -> User:
    """The region's office (督导), a clerk of 卫生健康局 (报送), a leader holding the busiest seat."""
    office = _account(
        "xixia_office",
        password=password,
        full_name=f"{region.name}健康办（演示）",
        role=Role.COUNTY_ADMIN,
        region=region,
    )
    department = Department.objects.filter(region=region, name=CLERK_DEPARTMENT).first()
    if department is not None:
        _account(
            "xixia_clerk",
            password=password,
            full_name=f"{region.name}{department.name}填报员（演示）",
            role=Role.CLERK,
            region=region,
            department=department,
        )
    busiest = (
        TaskLeader.objects.filter(task__region=region)
        .values("position")
        .annotate(n=Count("task", distinct=True))
        .order_by("-n", "position")
        .first()
    )
    holding = (
        Holding.objects.filter(position_id=busiest["position"], ended_on__isnull=True)
        .select_related("person")
        .first()
        if busiest
        else None
    )
    if holding is not None:
        leader = _account(
            "xixia_leader",
            password=password,
            full_name=f"{holding.person.name}（演示）",
            role=Role.LEADER,
            region=region,
        )
        LeaderAccount.objects.get_or_create(user=leader, defaults={"person": holding.person})
    return office


def _laggards(region: Region, rng: random.Random) -> set[int]:
    """Departments behind in both rounds: drawn among those leading two measures or more."""
    leads: dict[int, int] = {}
    for task in selectors.tasks_for_region(region):
        for role in task.department_roles.all():
            if role.role == role.Role.LEAD and role.department_id:
                leads[role.department_id] = leads.get(role.department_id, 0) + len(task.measures.all())
    clerk = Department.objects.filter(region=region, name=CLERK_DEPARTMENT).values_list("pk", flat=True)
    candidates = sorted(pk for pk, n in leads.items() if n >= 2 and pk not in clerk)
    return set(rng.sample(candidates, min(LAGGARDS, len(candidates))))


def _silent(region: Region, rng: random.Random, laggards: set[int]) -> int | None:
    """One department that sends nothing for 全年: drawn among those that only help (责任部门)."""
    helpers = sorted(
        set(
            Department.objects.filter(
                task_roles__task__region=region, task_roles__role="responsible"
            ).values_list("pk", flat=True)
        )
        - set(
            Department.objects.filter(task_roles__task__region=region, task_roles__role="lead").values_list(
                "pk", flat=True
            )
        )
        - laggards
    )
    return rng.choice(helpers) if helpers else None


def _draw(rng: random.Random, round_: ProgressRound, *, laggard: bool, counted: bool) -> Draw:
    """上半年: 30 % done, most on track, one in ten behind; 全年: nearly all done. A laggard is
    behind 序时进度 in 上半年 and not done at the year's end. Behind without amounts to show
    (``counted`` False) is still 未开始 at half time."""
    draw, spread = rng.random(), rng.random()
    behind = Draw("in_progress" if counted else "not_started", 0.15 + 0.3 * spread)
    if round_ == FIRST:
        if laggard:
            return behind
        if draw < 0.3:
            return Draw("done", 1.0)
        return Draw("in_progress", 0.55 + 0.35 * spread) if draw < 0.9 else behind
    if laggard:
        return Draw("in_progress", 0.6 + 0.3 * spread)
    return Draw("done", 1.0) if draw < 0.9 else Draw("in_progress", 0.7 + 0.25 * spread)


def _amount(quantity: Quantity, draw: Draw) -> Decimal:
    """The amount done so far: the target when done (met whatever the comparator), else a share."""
    target = Decimal(str(quantity.per_year if quantity.kind == "recurring" else quantity.value))
    if draw.status == "done":
        bump = {">": Decimal("1.05"), "<": Decimal("0.95")}.get(quantity.comparator, Decimal(1))
        return _plain(target * bump)
    share = 0.85 + 0.1 * draw.share if quantity.kind == "rate" else draw.share
    return _plain(target * Decimal(str(share)), whole=target >= 10)


def _plausible(amount: Decimal, unit: str | None) -> Decimal:
    """Within what the unit can hold (``healthaction.numbers``): a rate 5 % above a 98 % target is 100."""
    low, high = plausible_range(unit or None)
    if high is not None and amount > high:
        return high
    if low is not None and amount < low:
        return low
    return amount


def _plain(value: Decimal, *, whole: bool = False) -> Decimal:
    """180, 91.5: one decimal at most, none when whole."""
    value = value.quantize(Decimal(1) if whole else Decimal("0.1"))
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _progress(region: Region, rng: random.Random, user: Any) -> int:
    """Both rounds' reports, written in bulk (a thousand and more: one per measure and
    department), each as ``progress_report_save`` keeps it, with its first version."""
    tracked = selectors.tracked_for_region(region)
    core = {m.id: m for m in tracked.measures}
    laggards = _laggards(region, rng)
    silent = _silent(region, rng, laggards)
    existing = set(
        ProgressReport.objects.filter(measure__task__region=region).values_list(
            "measure_id", "department_id", "round"
        )
    )
    now = timezone.now()
    made: list[ProgressReport] = []
    for code, measure in tracked.rows.items():
        roles = sorted(
            (r for r in measure.task.department_roles.all() if r.department_id),
            key=lambda r: (r.role != "lead", r.seq),
        )
        if not roles:
            continue
        lead = roles[0].department
        assert lead is not None
        quantities = core[code].quantities
        for round_ in (FIRST, SECOND):
            draw = _draw(rng, round_, laggard=lead.pk in laggards, counted=bool(quantities))
            for department in dict.fromkeys(r.department for r in roles):
                assert department is not None
                if round_ == SECOND and department.pk == silent:
                    continue
                if (measure.pk, department.pk, round_.code) in existing:
                    continue
                existing.add((measure.pk, department.pk, round_.code))
                own = department == lead
                amounts = (
                    {i: _plausible(_amount(q, draw), q.unit) for i, q in enumerate(quantities)} if own else {}
                )
                part = "牵头" if own else f"配合{lead.name}"
                made.append(
                    ProgressReport(
                        measure=measure,
                        department=department,
                        round=round_.code,
                        status=draw.status,
                        amounts={str(i): str(v) for i, v in sorted(amounts.items())},
                        text=f"演示数据：{department.name}{part}，{round_.name}{verdict_label(draw.status)}。",
                        submitted_by=user,
                        submitted_at=now,
                        is_demo=True,
                    )
                )
    ProgressReport.objects.bulk_create(made)
    saved = ProgressReport.objects.filter(measure__task__region=region, is_demo=True, changes__isnull=True)
    ProgressReportChange.objects.bulk_create(
        ProgressReportChange(
            report=r, status=r.status, amounts=r.amounts, text=r.text, user=user, at=r.submitted_at
        )
        for r in saved
    )
    return len(made)


# A one-page PDF, so that a downloaded demo 佐证材料 opens.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
EVIDENCED = 4


def _evidence(region: Region) -> None:
    """A 佐证材料 on the 全年 report of the first few measures 督导 finds behind, so that the task,
    confirm and 督导 pages show their download links as a real round would."""
    if (
        ProgressReport.objects.filter(measure__task__region=region, round=SECOND.code)
        .exclude(evidence="")
        .exists()
    ):
        return
    view = selectors.supervision_for(region, SECOND, today=REMINDED_ON)
    behind = [*view.supervision.overdue, *view.supervision.lagging][:EVIDENCED]
    for verdict in behind:
        measure = view.tracked.measure_for(verdict)
        report = ProgressReport.objects.filter(measure=measure, round=SECOND.code).order_by("pk").first()
        if report is not None:
            report.evidence.save(f"演示佐证材料{verdict.measure.id}.pdf", ContentFile(DEMO_PDF), save=True)


def _confirmations(region: Region) -> None:
    """The 牵头 departments confirm their tasks' reports; 卫生健康局's 全年 ones are left to the
    demo clerk to confirm."""
    done = set(TaskConfirmation.objects.filter(task__region=region).values_list("task_id", "round"))
    made = []
    for task in selectors.tasks_for_region(region):
        leads = [r.department for r in task.department_roles.all() if r.role == "lead" and r.department]
        for round_ in (FIRST, SECOND):
            if not leads or (task.pk, round_.code) in done:
                continue
            if round_ == SECOND and leads[0].name == CLERK_DEPARTMENT:
                continue
            made.append(
                TaskConfirmation(
                    task=task,
                    round=round_.code,
                    department=leads[0],
                    note=f"演示数据：{leads[0].name}已审核各部门报送的{round_.name}进展。",
                    confirmed_at=timezone.now(),
                )
            )
    TaskConfirmation.objects.bulk_create(made)


def _interviews(region: Region, user: Any) -> None:
    """The 约谈 the office proposes after 全年; the first one held."""
    view = selectors.supervision_for(region, SECOND)
    interviews_propose_from(region=region, proposals=view.interviews, user=user)
    interviews = Interview.objects.filter(region=region).order_by("department__name")
    first = interviews.first()
    if first is not None and not interviews.filter(state=Interview.State.HELD).exists():
        interview_decide(
            interview=first,
            state=Interview.State.HELD,
            held_on=datetime.date(2022, 2, 15),
            note="演示数据：区健康办约谈部门负责人，部门作出书面说明并制定整改计划。",
        )


def _rectifications(region: Region, user: Any) -> None:
    """上半年 findings become 整改 items; those 全年 finds put right are closed."""
    first = selectors.supervision_for(region, FIRST)
    second = selectors.supervision_for(region, SECOND)
    due = selectors.round_closes_on(FIRST) + datetime.timedelta(days=30)
    made = rectifications_create_from(
        region=region, supervision=first.supervision, measures=first.tracked.rows, due=due, user=user
    )
    settled = {
        (item.department, item.measure_id)
        for item in rectifications_follow_up([item for item, _ in made], second.supervision)
        if item.closed_on is not None
    }
    closed = 0
    for item, record in made:
        if record.closed_at is None and (item.department, item.measure_id) in settled:
            rectification_close(
                item=record, note=f"演示数据：{SECOND.name}复核，措施已按期推进，予以销号。", user=user
            )
            closed += 1
    logger.info("%s：%s整改事项%d项，本次销号%d项", region.name, FIRST.name, len(made), closed)


def _annual(region: Region, user: Any) -> None:
    """The 2021 annual 督导: the departments behind 全年 rated 差 or 一般 with 整改, two rated 好."""
    if SupervisionFinding.objects.filter(round__region=region, round__year=SECOND.year).exists():
        return
    annual = annual_round_save(
        region=region,
        year=SECOND.year,
        held_on=ANNUAL_HELD_ON,
        note="演示数据：区健康办会同督查室对各责任部门逐一督导。",
        user=user,
        is_demo=True,
    )
    view = selectors.supervision_for(region, SECOND)
    behind = view.supervision.departments_behind()
    interviewed = set(Interview.objects.filter(region=region).values_list("department__name", flat=True))
    departments = {d.name: d for d in selectors.departments_with_tasks(region)}
    for name, findings in sorted(behind.items()):
        department = departments.get(name)
        if department is None:
            continue
        poor = name in interviewed
        finding_save(
            round_=annual,
            department=department,
            rating="poor" if poor else "weak",
            text=f"演示数据：{'；'.join(findings[:3])}{'等' if len(findings) > 3 else ''}。",
            follow_up="已约谈，部门制定整改计划。" if poor else "",
            rectify_by=datetime.date(2022, 3, 31),
            user=user,
        )
    done = [name for name in departments if name not in behind]
    for name in done[:2]:
        finding_save(
            round_=annual,
            department=departments[name],
            rating="good",
            text="演示数据：措施按序时进度推进，台账完整。",
            user=user,
        )
    logger.info("%s%d年度督导：%d个部门的督导发现", region.name, annual.year, annual.findings.count())
