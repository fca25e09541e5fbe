from __future__ import annotations

from web.conftest import World, small_plan
from web.organisation.models import Department, DepartmentAlias, Holding
from web.plans.models import Target
from web.plans.preview import plan_preview
from web.plans.services import plan_import


def test_it_changes_nothing_when_the_same_document_is_imported_again(world: World) -> None:
    counts = (Target.objects.count(), Department.objects.count(), Holding.objects.count())
    preview = plan_import(plan=small_plan(), region=world.pingchuan, content=b"plan v1", file_name="plan.txt")
    assert preview.changes == []
    assert preview.already_imported
    assert (Target.objects.count(), Department.objects.count(), Holding.objects.count()) == counts


def test_it_lists_a_revised_target_before_saving_it(world: World) -> None:
    preview = plan_preview(
        plan=small_plan(25), region=world.pingchuan, content=b"plan v2", file_name="plan.txt"
    )
    assert [(c.kind, c.entity, c.new) for c in preview.changes] == [("修改", "目标", ">= 25%")]
    assert Target.objects.get(indicator=world.literacy, region=world.pingchuan).value == 22


def test_it_resolves_a_department_written_two_ways_to_one(world: World) -> None:
    assert DepartmentAlias.objects.get(alias="区卫生健康局").department == world.health
    assert not Department.objects.filter(name__startswith="各").exists()


def test_it_keeps_the_city_target_of_a_county_framework_for_the_city(world: World) -> None:
    target = Target.objects.get(indicator=world.literacy, region=world.baiyin)
    assert (target.year, target.comparator, float(target.value or 0)) == (2022, ">=", 20.0)


def test_it_keeps_the_history_when_a_position_changes_holder(world: World) -> None:
    plan = small_plan()
    plan.committee[1] = plan.committee[1].model_copy(update={"name": "李明"})
    plan_import(plan=plan, region=world.pingchuan, content=b"plan v3", file_name="plan.txt")
    holdings = Holding.objects.filter(position__office="区卫健局局长").order_by("pk")
    assert [(h.person.name, h.ended_on is None) for h in holdings] == [("张涛", False), ("李明", True)]
