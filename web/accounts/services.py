"""Writes: users with their role and scope."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction

from web.accounts.models import Profile, Role
from web.organisation.models import Department
from web.regions.models import Region


@transaction.atomic
def user_create_or_update(
    *,
    username: str,
    password: str,
    full_name: str,
    role: Role | None,
    region: Region | None,
    department: Department | None = None,
    is_superuser: bool = False,
) -> User:
    """A user with one role in one region subtree (system admin: ``is_superuser`` and no role)."""
    user, _ = User.objects.get_or_create(username=username)
    user.first_name = full_name
    user.is_superuser = is_superuser
    user.is_staff = is_superuser
    user.set_password(password)
    user.save()
    if role is not None and region is not None:
        Profile.objects.update_or_create(
            user=user, defaults={"role": role, "region": region, "department": department}
        )
    return user
