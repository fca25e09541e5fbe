"""The region tree: 省 → 市 → 县区 → 乡镇街道, keyed by GB/T 2260 codes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    class Level(models.IntegerChoices):
        NATION = 0, _("全国")  # the root of a national deployment: its children are the provinces
        PROVINCE = 1, _("省")
        CITY = 2, _("市")
        COUNTY = 3, _("县区")
        TOWNSHIP = 4, _("乡镇街道")

    code = models.CharField(_("区划代码"), max_length=12, unique=True)
    name = models.CharField(_("名称"), max_length=100)
    level = models.PositiveSmallIntegerField(_("层级"), choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("上级"),
    )
    # Materialised path of codes ("620000/620400/620403/"): a subtree is one indexed prefix query.
    path = models.CharField(max_length=200, db_index=True)
    is_demo = models.BooleanField(_("演示数据"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("地区")
        verbose_name_plural = _("地区")

    def __str__(self) -> str:
        return self.name

    def subtree(self) -> models.QuerySet[Region]:
        return Region.objects.filter(path__startswith=self.path)

    def ancestors(self) -> list[Region]:
        """From the root down to the parent; e.g. 平川区 → [甘肃省, 白银市]."""
        codes = [c for c in self.path.split("/") if c][:-1]
        found = {r.code: r for r in Region.objects.filter(code__in=codes)}
        return [found[c] for c in codes if c in found]

    def contains(self, other: Region) -> bool:
        return other.path.startswith(self.path)

    @property
    def full_name(self) -> str:
        """白银市平川区: the names from the city level down."""
        names = [r.name for r in self.ancestors() if r.level >= Region.Level.CITY] + [self.name]
        return "".join(names)
