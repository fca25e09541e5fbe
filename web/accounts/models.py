"""Who a user is in the system: a role, a region subtree, and for data entry a department."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from web.organisation.models import Department
from web.regions.models import Region


class Role(models.TextChoices):
    OFFICE_ADMIN = "office_admin", "办公室管理员"
    COUNTY_ADMIN = "county_admin", "区县管理员"
    CLERK = "clerk", "部门填报员"
    LEADER = "leader", "领导"


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name="地区")
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="部门"
    )

    class Meta:
        verbose_name = "用户角色"
        verbose_name_plural = "用户角色"

    def __str__(self) -> str:
        return f"{self.user} {self.get_role_display()} {self.region}"
