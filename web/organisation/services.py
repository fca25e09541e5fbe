"""Writes: departments, their aliases, positions and who holds them."""

from __future__ import annotations

import datetime

from django.db import transaction

from web.organisation.models import Body, Department, DepartmentAlias, Holding, Person, Position
from web.regions.models import Region


def department_create(*, region: Region, name: str, is_demo: bool = False) -> Department:
    department = Department(region=region, name=name, is_demo=is_demo)
    department.full_clean()
    department.save()
    return department


def department_alias_add(*, department: Department, alias: str) -> None:
    if alias == department.name:
        return
    DepartmentAlias.objects.get_or_create(
        region=department.region, alias=alias, defaults={"department": department}
    )


def body_get_or_create(*, region: Region, kind: str, name: str) -> Body:
    body, _ = Body.objects.get_or_create(region=region, kind=kind, name=name)
    return body


def position_get_or_create(*, body: Body, title: str, office: str, seq: int) -> Position:
    position, _ = Position.objects.get_or_create(body=body, title=title, office=office, defaults={"seq": seq})
    return position


@transaction.atomic
def holding_change(
    *, position: Position, person_name: str, day: datetime.date, note: str = ""
) -> Holding | None:
    """Make ``person_name`` the holder from ``day``; the previous holding ends that day.

    成员因职务变动…由接任者替补: the old row stays, so who held the seat when is never lost.
    Returns the new holding, or None when that person already holds it.
    """
    person, _ = Person.objects.get_or_create(region=position.body.region, name=person_name)
    current = position.holdings.filter(ended_on__isnull=True).first()
    if current is not None:
        if current.person_id == person.pk:
            return None
        current.ended_on = max(day, current.started_on)
        current.save(update_fields=["ended_on"])
    return Holding.objects.create(position=position, person=person, started_on=day, note=note)
