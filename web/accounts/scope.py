"""The one access helper: what a user may see and change.

Every view asks here; nothing else decides. A region outside the user's subtree is 403 (it
exists, the user may not see it); an unknown code is 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Protocol, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Manager, Model, QuerySet
from django.http import Http404
from django.utils.translation import gettext, gettext_lazy
from django_stubs_ext import StrOrPromise

from web.accounts.models import Profile, Role
from web.organisation.models import Department
from web.regions.models import Region

_Row = TypeVar("_Row", bound=Model)


class Need(Enum):
    VIEW = "view"  # dashboards, plans
    ENTER = "enter"  # data entry
    REVIEW = "review"  # approve / return
    MANAGE = "manage"  # import plans, open rounds


_ROLE_NEEDS: dict[str, set[Need]] = {
    Role.OFFICE_ADMIN: {Need.VIEW, Need.ENTER, Need.REVIEW, Need.MANAGE},
    Role.COUNTY_ADMIN: {Need.VIEW, Need.ENTER, Need.REVIEW},
    Role.CLERK: {Need.VIEW, Need.ENTER},
    Role.LEADER: {Need.VIEW},
}


class OwnedByDepartments(Protocol):
    """What entry rights need of an indicator (plans sits above accounts, so no import of its model)."""

    @property
    def owners(self) -> Manager[Department]: ...


@dataclass(frozen=True)
class RegionScope:
    """Region subtree and department a user may see and change.

    ``root`` None with ``everything`` is the system admin; ``root`` None without it is nobody.
    """

    root: Region | None
    role: str | None
    department: Department | None
    everything: bool = False

    def may(self, need: Need) -> bool:
        return self.everything or (self.role is not None and need in _ROLE_NEEDS.get(self.role, set()))

    def contains(self, region: Region) -> bool:
        return self.everything or (self.root is not None and self.root.contains(region))

    def within(self, rows: QuerySet[_Row], region_path: str = "region__path") -> QuerySet[_Row]:
        """The rows whose region lies in the user's subtree; a user with no role may list nothing."""
        if self.everything:
            return rows
        if self.root is None:
            raise PermissionDenied(gettext("您的账户还没有分配角色"))
        return rows.filter(**{f"{region_path}__startswith": self.root.path})

    def may_enter(self, region: Region, indicator: OwnedByDepartments) -> bool:
        if not (self.may(Need.ENTER) and self.contains(region)):
            return False
        if self.role == Role.CLERK:
            return (
                self.department is not None
                and region.pk == self.department.region_id
                and indicator.owners.filter(pk=self.department.pk).exists()
            )
        return True

    @property
    def role_label(self) -> StrOrPromise:
        if self.everything:
            return gettext_lazy("系统管理员")
        return Role(self.role).label if self.role else gettext_lazy("无权限")


NOBODY = RegionScope(root=None, role=None, department=None)


_MEMO = "_healthaction_scope"


def _profile(user: AbstractBaseUser) -> Profile | None:
    """The profile the sign-in backend read with the user (`web.accounts.backends`), else the database's."""
    if Profile.user.field.remote_field.is_cached(user):
        return getattr(user, "profile", None)  # None: the join found no profile
    return Profile.objects.filter(user_id=user.pk).select_related("region", "department").first()


def region_scope_for(user: AbstractBaseUser | AnonymousUser) -> RegionScope:
    """The user's scope, read once per user object (a request's): its view and page header share it."""
    if not user.is_authenticated:
        return NOBODY
    if getattr(user, "is_superuser", False):
        return RegionScope(root=None, role=None, department=None, everything=True)
    found: RegionScope | None = getattr(user, _MEMO, None)
    if found is not None:
        return found
    profile = _profile(user)
    if profile is None:
        return NOBODY
    found = RegionScope(root=profile.region, role=profile.role, department=profile.department)
    setattr(user, _MEMO, found)
    return found


def region_for_user(user: AbstractBaseUser | AnonymousUser, code: str, need: Need = Need.VIEW) -> Region:
    """The region ``code`` if the user may ``need`` it: 404 when unknown, 403 when outside scope."""
    return region_allowed(user, Region.objects.filter(code=code).first(), need)


def region_allowed(
    user: AbstractBaseUser | AnonymousUser, region: Region | None, need: Need = Need.VIEW
) -> Region:
    """``region`` (looked up by its code) if the user may ``need`` it: 404 when None, 403 outside scope."""
    if region is None:
        raise Http404(gettext("没有这个地区"))
    scope = region_scope_for(user)
    if not (scope.contains(region) and scope.may(need)):
        raise PermissionDenied(gettext("不在您的权限范围内"))
    return region


def signed_in_user(user: AbstractBaseUser | AnonymousUser) -> User:
    """The acting user for a service; the pages that write are behind login, so anyone else is refused."""
    if not isinstance(user, User):
        raise PermissionDenied(gettext("请先登录"))
    return user
