"""Reads: which department a name in a plan means."""

from __future__ import annotations

from dataclasses import dataclass

from web.organisation.models import Body, Department
from web.organisation.names import department_key, is_close
from web.regions.models import Region


@dataclass(frozen=True)
class Resolution:
    """What a name written in a plan means in a region.

    ``department`` is set when sure (exact name, alias, or the same key); ``suggestion`` when
    unsure (a close key) — the import then asks; neither when the name is new.
    """

    name: str
    department: Department | None
    suggestion: Department | None = None


def _region_names(region: Region) -> list[str]:
    return [r.name for r in [*region.ancestors(), region]]


class DepartmentDirectory:
    """A region's departments and aliases, loaded once, to resolve many written names.

    Names not yet in the registry can be added as pending, so that 区卫健局 and 区卫生健康局 in
    one document become one new department.
    """

    def __init__(self, region: Region) -> None:
        self.region = region
        self._names = _region_names(region)
        self._exact: dict[str, Department] = {}
        self._keys: list[tuple[str, Department | str]] = []
        for department in Department.objects.filter(region=region).prefetch_related("aliases"):
            self._add(department.name, department)
            for alias in department.aliases.all():
                self._add(alias.alias, department)

    def _add(self, name: str, target: Department | str) -> None:
        if isinstance(target, Department):
            self._exact[name] = target
        self._keys.append((department_key(name, self._names), target))

    def resolve(self, name: str) -> Resolution:
        if name in self._exact:
            return Resolution(name, self._exact[name])
        key = department_key(name, self._names)
        close: list[Department] = []
        for other_key, target in self._keys:
            if other_key == key:
                return Resolution(name, target) if isinstance(target, Department) else Resolution(name, None)
            if isinstance(target, Department) and is_close(key, other_key) and target not in close:
                close.append(target)
        return Resolution(name, None, close[0] if len(close) == 1 else None)

    def canonical_new_name(self, name: str) -> str:
        """The first written name of the pending department this name means (itself if new)."""
        key = department_key(name, self._names)
        for other_key, target in self._keys:
            if other_key == key and isinstance(target, str):
                return target
        self._keys.append((key, name))
        return name


def department_resolve(*, region: Region, name: str) -> Resolution:
    return DepartmentDirectory(region).resolve(name)


def departments_in(region: Region) -> list[Department]:
    return list(Department.objects.filter(region=region).order_by("name"))


def bodies_in(region: Region) -> list[Body]:
    return list(
        Body.objects.filter(region=region)
        .prefetch_related("positions__holdings__person")
        .order_by("kind", "name")
    )
