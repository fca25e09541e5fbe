"""Who a user is in the system: a role, a region subtree, and for data entry a department."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from web.organisation.models import Department
from web.regions.models import Region


class Role(models.TextChoices):
    OFFICE_ADMIN = "office_admin", _("办公室管理员")
    COUNTY_ADMIN = "county_admin", _("区县管理员")
    CLERK = "clerk", _("部门填报员")
    LEADER = "leader", _("领导")


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("地区"))
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("部门")
    )

    class Meta:
        verbose_name = _("用户角色")
        verbose_name_plural = _("用户角色")

    def __str__(self) -> str:
        return f"{self.user} {self.get_role_display()} {self.region}"
