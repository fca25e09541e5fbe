"""Writes to the region tree."""

from __future__ import annotations

from django.db import transaction

from web.regions.codes import AreaCode, read_area_codes
from web.regions.models import Region


def _path(parent: Region | None, code: str) -> str:
    return f"{parent.path if parent else ''}{code}/"


@transaction.atomic
def regions_load_codes(*, only: set[str] | None = None) -> int:
    """Load GB/T 2260 codes; with ``only``, just those codes and their ancestors. Returns rows created."""
    codes = read_area_codes()
    by_code = {c.code: c for c in codes}
    wanted: list[AreaCode] = codes
    if only is not None:
        keep: set[str] = set()
        for code in only:
            current = by_code.get(code)
            while current is not None and current.code not in keep:
                keep.add(current.code)
                current = by_code.get(current.parent) if current.parent else None
        wanted = [c for c in codes if c.code in keep]
    existing = {r.code: r for r in Region.objects.filter(code__in=[c.code for c in wanted])}
    created = 0
    for area in sorted(wanted, key=lambda c: c.level):  # parents before children
        if area.code in existing:
            continue
        parent = existing.get(area.parent) if area.parent else None
        if area.parent and parent is None:
            parent = Region.objects.filter(code=area.parent).first()
        region = Region.objects.create(
            code=area.code, name=area.name, level=area.level, parent=parent, path=_path(parent, area.code)
        )
        existing[area.code] = region
        created += 1
    return created


def region_create(*, parent: Region, code: str, name: str, level: int, is_demo: bool = False) -> Region:
    region = Region(
        code=code, name=name, level=level, parent=parent, path=_path(parent, code), is_demo=is_demo
    )
    region.full_clean()
    region.save()
    return region
