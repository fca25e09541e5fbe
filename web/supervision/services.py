"""Writes: the 约谈 a round proposes and the 整改 its findings raise, recorded once; 销号."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from django.utils import timezone

from healthaction.responsibility import (
    InterviewProposal,
    RectificationItem,
    Supervision,
    rectifications_raise,
)
from web.organisation.models import Department
from web.regions.models import Region
from web.supervision.models import Interview, Rectification
from web.tasks.models import Measure


def interview_propose(
    *, region: Region, department: Department, round: str, previous_round: str, reason: str, user: Any
) -> Interview:
    """Record a 约谈 the core proposed; proposing it twice keeps the first."""
    interview, _ = Interview.objects.get_or_create(
        department=department,
        round=round,
        defaults={
            "region": region,
            "previous_round": previous_round,
            "reason": reason,
            "proposed_by": user if getattr(user, "pk", None) else None,
        },
    )
    return interview


def interviews_propose_from(
    *, region: Region, proposals: Sequence[InterviewProposal], user: Any
) -> list[Interview]:
    """Record the 约谈 a round's supervision proposes, for the departments in the registry
    (a collective name such as 各镇街 has nobody to interview)."""
    made = []
    for proposal in proposals:
        department = Department.objects.filter(region=region, name=proposal.department).first()
        if department is None:
            continue
        made.append(
            interview_propose(
                region=region,
                department=department,
                round=proposal.rounds[1].code,
                previous_round=proposal.rounds[0].code,
                reason=proposal.reason,
                user=user,
            )
        )
    return made


def interview_decide(
    *, interview: Interview, state: str, held_on: datetime.date | None, note: str
) -> Interview:
    interview.state = state
    interview.held_on = held_on
    interview.note = note
    interview.full_clean()
    interview.save()
    return interview


def rectification_create(
    *,
    region: Region,
    department: Department,
    issue: str,
    round: str,
    due_on: datetime.date,
    user: Any,
    measure: Measure | None = None,
) -> Rectification:
    """A 整改 item; the same finding raised twice in a round is one item."""
    item, _ = Rectification.objects.get_or_create(
        region=region,
        department=department,
        round=round,
        measure=measure,
        issue=issue,
        defaults={"due_on": due_on, "created_by": user if getattr(user, "pk", None) else None},
    )
    return item


def rectifications_create_from(
    *,
    region: Region,
    supervision: Supervision,
    measures: Mapping[str, Measure],
    due: datetime.date,
    user: Any,
) -> list[tuple[RectificationItem, Rectification]]:
    """The 整改 items a round's findings raise (lagging, overdue, unreported), each recorded once,
    for the departments in the registry; with the finding each came from."""
    made = []
    for item in rectifications_raise(supervision, due=due):
        department = Department.objects.filter(region=region, name=item.department).first()
        if department is None:
            continue
        record = rectification_create(
            region=region,
            department=department,
            issue=item.issue,
            round=supervision.round.code,
            due_on=item.due,
            measure=measures.get(item.measure_id) if item.measure_id else None,
            user=user,
        )
        made.append((item, record))
    return made


def rectification_close(*, item: Rectification, note: str, user: Any) -> Rectification:
    if item.closed_at is not None:
        raise ValueError(f"整改事项“{item.issue[:20]}”已于{item.closed_at:%Y年%m月%d日}销号")
    if not note.strip():
        raise ValueError("销号须写明整改情况")
    item.closed_at = timezone.now()
    item.closing_note = note.strip()
    item.closed_by = user if getattr(user, "pk", None) else None
    item.save(update_fields=["closed_at", "closing_note", "closed_by"])
    return item
