"""The annual 督导 (平川: the office supervises once a year): a round per region and year, one
finding per department with a rating, and the 整改 item a finding asks for."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _t

from web.organisation.models import Department
from web.regions.models import Region
from web.supervision.models import SupervisionFinding, SupervisionRound
from web.supervision.services import rectification_create


class FindingError(ValueError):
    """A finding that cannot be recorded: one Chinese line."""


def annual_rounds(region: Region) -> QuerySet[SupervisionRound]:
    return SupervisionRound.objects.filter(region=region).order_by("-year")


def annual_round(region: Region, year: int) -> SupervisionRound | None:
    return SupervisionRound.objects.filter(region=region, year=year).first()


def findings_of(round_: SupervisionRound | None) -> list[SupervisionFinding]:
    if round_ is None:
        return []
    return list(round_.findings.select_related("department", "rectification").order_by("department__name"))


def annual_round_save(
    *,
    region: Region,
    year: int,
    held_on: datetime.date | None,
    note: str,
    user: Any,
    is_demo: bool = False,
) -> SupervisionRound:
    """Open the year's 督导 for the region, or change its date and note."""
    round_, _ = SupervisionRound.objects.get_or_create(
        region=region,
        year=year,
        defaults={"created_by": user if getattr(user, "pk", None) else None, "is_demo": is_demo},
    )
    round_.held_on = held_on
    round_.note = note.strip()
    round_.save(update_fields=["held_on", "note"])
    return round_


@transaction.atomic
def finding_save(
    *,
    round_: SupervisionRound,
    department: Department,
    rating: str,
    text: str,
    follow_up: str = "",
    rectify_by: datetime.date | None = None,
    user: Any = None,
) -> SupervisionFinding:
    """The department's finding in the round (one per department: saving again changes it).

    ``rectify_by`` asks for a 整改 item on the finding, due that day; a finding keeps the item
    it already has."""
    if department.region_id != round_.region_id:
        raise FindingError(
            _t("%(department)s不是%(region)s的部门，不能记录其督导发现")
            % {"department": department.name, "region": round_.region.name}
        )
    if rating not in SupervisionFinding.Rating.values:
        raise FindingError(_t("评价应为好、较好、一般或差，实际为“%(rating)s”") % {"rating": rating})
    if not text.strip():
        raise FindingError(_t("%(department)s：请写明督导发现的问题") % {"department": department.name})
    finding = SupervisionFinding.objects.filter(round=round_, department=department).first()
    finding = finding or SupervisionFinding(round=round_, department=department)
    finding.rating = rating
    finding.text = text.strip()
    finding.follow_up = follow_up.strip()
    if rectify_by is not None and finding.rectification_id is None:
        finding.rectification = rectification_create(
            region=round_.region,
            department=department,
            issue=f"{round_.year}年度督导：{finding.text}",
            round=f"{round_.year}H2",
            due_on=rectify_by,
            user=user,
        )
    finding.save()
    return finding


def finding_delete(*, finding: SupervisionFinding) -> None:
    """Remove a finding; a 整改 item it raised stays with its own history."""
    finding.delete()
