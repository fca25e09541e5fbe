from __future__ import annotations

from django.utils import timezone

from healthaction.ingest import parse_file
from healthaction.responsibility import quantities
from web.plans.services import plan_import
from web.tasks.models import Measure, SubTarget, Task, TaskDepartment, TaskLeader
from web.tasks.services import tasks_import_from_plan
from web.tasks.tests.conftest import SEED, Xixia


def test_it_imports_the_xixia_list_into_35_tasks_and_132_measures(xixia: Xixia) -> None:
    assert Task.objects.filter(region=xixia.region).count() == 35
    assert Measure.objects.filter(task__region=xixia.region).count() == 132


def test_it_keeps_the_sub_targets_the_core_reads(xixia: Xixia) -> None:
    measures = Measure.objects.filter(task__region=xixia.region)
    expected = sum(len(quantities(m.text)) for m in measures)
    assert SubTarget.objects.filter(measure__task__region=xixia.region).count() == expected
    assert expected == 62  # docs/responsibility.md: 28 measures carry 62 sub-targets
    toilets = SubTarget.objects.get(measure__task__region=xixia.region, unit="座", value=500)
    assert (toilets.comparator, toilets.kind) == (">=", "cumulative")
    assert "农村户厕" in toilets.label


def test_it_links_departments_to_the_registry_and_leaders_to_positions(xixia: Xixia) -> None:
    roles = TaskDepartment.objects.filter(task__region=xixia.region)
    assert roles.filter(department=xixia.health).exists()
    assert roles.filter(written_as="各镇街", department=None).exists()  # a collective phrase
    leader = TaskLeader.objects.filter(task__region=xixia.region, written_as="陈警保").first()
    assert leader is not None
    assert leader.holder_name(timezone.localdate()) == "陈警保"


def test_it_changes_nothing_when_the_list_is_imported_again(xixia: Xixia) -> None:
    before = list(Task.objects.order_by("pk").values_list("pk", "name", "due_on"))
    measures = list(Measure.objects.order_by("pk").values_list("pk", "text"))
    tasks_import_from_plan(plan=xixia.document)
    plan_import(
        plan=parse_file(SEED),
        region=xixia.region,
        content=SEED.read_bytes() + b"\n",
        file_name=SEED.name,
    )
    assert list(Task.objects.order_by("pk").values_list("pk", "name", "due_on")) == before
    assert list(Measure.objects.order_by("pk").values_list("pk", "text")) == measures
