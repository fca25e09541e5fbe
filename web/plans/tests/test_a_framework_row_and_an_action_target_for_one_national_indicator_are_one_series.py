"""A plan names one indicator twice (its 考核指标框架 row and an action's target, worded a little
differently); the catalog matches both to one national entry, so the system keeps one indicator with
one value series, both targets on it, and the preview says where the two targets disagree."""

from __future__ import annotations

from decimal import Decimal
from importlib import import_module

from django.apps import apps

from healthaction.plan import Action, FrameworkRow, Plan, Target
from web.conftest import World
from web.monitoring.models import Observation, ObservationChange
from web.plans.models import Indicator
from web.plans.models import Target as StoredTarget
from web.plans.preview import plan_preview
from web.plans.services import plan_import

FRAMEWORK_NAME = "城乡居民达到《国民体质测定标准》合格以上人数比例"
ACTION_NAME = "城乡居民达到《国民体质测定标准》合格以上的人数比例"
FRAMEWORK_TARGET = Target(
    indicator=FRAMEWORK_NAME, year=2022, comparator=">=", value=90.86, unit="%", text="≥90.86"
)


def _plan(action_value: float) -> Plan:
    return Plan(
        title="健康平川行动实施方案（合并测试）",
        region="平川区",
        actions=[
            Action(
                seq=1,
                name="全民健身行动",
                lead_departments=["区体育局"],
                targets=[
                    Target(
                        indicator=ACTION_NAME, year=2022, comparator=">=", value=action_value, unit="%",
                        text=f"不低于{action_value:g}%",
                    )
                ],
            )
        ],
        framework=[
            FrameworkRow(
                seq=1,
                indicator=FRAMEWORK_NAME,
                unit="%",
                basis=None,
                baseline=None,
                targets=[FRAMEWORK_TARGET],
            )
        ],
    )  # fmt: skip


def test_the_two_names_become_one_indicator_with_both_targets(world: World) -> None:
    plan_import(plan=_plan(90.86), region=world.pingchuan, content=b"merge v1", file_name="m.txt")
    indicators = Indicator.objects.filter(region=world.pingchuan, name__contains="国民体质测定标准")
    assert [i.name for i in indicators] == [FRAMEWORK_NAME]
    indicator = indicators.get()
    assert sorted(t.source for t in StoredTarget.objects.filter(indicator=indicator)) == [
        "action",
        "framework",
    ]
    assert [a.name for a in indicator.actions.all()] == ["全民健身行动"]


def test_the_preview_shows_the_merge_and_a_conflicting_target(world: World) -> None:
    preview = plan_preview(plan=_plan(92), region=world.pingchuan, content=b"merge v2", file_name="m.txt")
    merged = [w for w in preview.warnings if "合并为一个指标" in w]
    assert len(merged) == 1
    assert ACTION_NAME in merged[0]
    assert FRAMEWORK_NAME in merged[0]
    conflicts = [w for w in preview.warnings if "目标不一致" in w]
    assert conflicts == [
        f"{FRAMEWORK_NAME}：2022年目标不一致，指标框架为「≥90.86」，专项行动为「不低于92%」，以指标框架为准"
    ]


def test_importing_again_keeps_the_one_indicator(world: World) -> None:
    plan_import(plan=_plan(90.86), region=world.pingchuan, content=b"merge v1", file_name="m.txt")
    preview = plan_import(plan=_plan(90.86), region=world.pingchuan, content=b"merge v1", file_name="m.txt")
    assert preview.changes == []
    assert Indicator.objects.filter(region=world.pingchuan, name__contains="国民体质测定标准").count() == 1


def test_the_migration_merges_existing_twins_and_keeps_both_values_in_the_history(world: World) -> None:
    """Before this rule the import stored both names: the data migration folds them into one."""
    migration = import_module("web.assessment.migrations.0002_one_indicator_per_national_entry")
    catalog = Indicator.objects.get(name="居民健康素养水平").catalog_name
    twin = Indicator.objects.create(
        region=world.pingchuan, name="居民健康素养水平（%）", catalog_name=catalog
    )
    StoredTarget.objects.create(
        indicator=twin, region=world.pingchuan, document=world.literacy.targets.first().document,  # type: ignore[union-attr]
        source="action", year=2030, comparator=">=", value=Decimal(30), unit="%", text="不低于30%",
    )  # fmt: skip
    kept = Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2021, value=Decimal(19), state="approved"
    )
    Observation.objects.create(
        region=world.pingchuan, indicator=twin, year=2021, value=Decimal(18), state="draft"
    )
    moved = Observation.objects.create(
        region=world.pingchuan, indicator=twin, year=2020, value=Decimal(17), state="approved"
    )
    migration.merge_same_national_indicator(apps, None)
    assert not Indicator.objects.filter(pk=twin.pk).exists()
    assert StoredTarget.objects.filter(indicator=world.literacy, year=2030).exists()
    moved.refresh_from_db()
    assert moved.indicator_id == world.literacy.pk
    assert Observation.objects.filter(indicator=world.literacy, year=2021).get().value == 19
    note = ObservationChange.objects.get(observation=kept, action="合并指标")
    assert note.old_value == 18
    assert "居民健康素养水平（%）" in note.reason
