"""Reads of the region tree."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from web.regions.models import Region


def region_by_code(code: str) -> Region | None:
    return Region.objects.filter(code=code).first()


def region_by_name(name: str, *, within: Region | None = None) -> Region | None:
    """平川区, or 平川 without its suffix; inside ``within``'s subtree and ancestors when given."""
    candidates: QuerySet[Region] = Region.objects.filter(Q(name=name) | Q(name__startswith=name))
    if within is not None:
        ancestor_codes = [r.code for r in within.ancestors()] + [within.code]
        candidates = candidates.filter(Q(path__startswith=within.path) | Q(code__in=ancestor_codes))
    exact = [r for r in candidates if r.name == name]
    if len(exact) == 1:
        return exact[0]
    return candidates.first() if candidates.count() == 1 else None


def region_children(region: Region) -> QuerySet[Region]:
    return Region.objects.filter(parent=region).order_by("code")
