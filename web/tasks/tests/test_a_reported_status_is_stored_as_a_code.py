"""A department's reported status is stored as a code (in_progress), shown as the core's word (推进中);
the migration rewrites the rows stored as words, and back."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone, translation

from healthaction.responsibility import REPORTED_STATUSES, verdict_label
from web.tasks.models import ProgressReport

BEFORE = [("tasks", "0005_value_limits")]
AFTER = [("tasks", "0006_progress_status_codes")]


def test_the_choices_are_the_cores_codes_and_words() -> None:
    with translation.override("zh-hans"):
        choices = [(code, str(word)) for code, word in ProgressReport.Status.choices]
    assert choices == [(code, verdict_label(code)) for code in REPORTED_STATUSES]


def _migrate(to: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(to)
    return executor


@pytest.mark.django_db(transaction=True)
def test_the_migration_rewrites_words_to_codes_and_back() -> None:
    apps = _migrate(BEFORE).loader.project_state(BEFORE).apps
    region = apps.get_model("regions", "Region").objects.create(
        code="640104", name="兴庆区", level=3, path="640104"
    )
    department = apps.get_model("organisation", "Department").objects.create(region=region, name="卫生健康局")
    task = apps.get_model("tasks", "Task").objects.create(region=region, position=1, name="健康知识普及")
    measure = apps.get_model("tasks", "Measure").objects.create(task=task, seq=1, text="开展健康讲座")
    report = apps.get_model("tasks", "ProgressReport").objects.create(
        measure=measure, department=department, round="2021H1", status="推进中", submitted_at=timezone.now()
    )
    apps.get_model("tasks", "ProgressReportChange").objects.create(
        report=report, status="已完成", at=timezone.now()
    )

    apps = _migrate(AFTER).loader.project_state(AFTER).apps
    assert apps.get_model("tasks", "ProgressReport").objects.get().status == "in_progress"
    assert apps.get_model("tasks", "ProgressReportChange").objects.get().status == "done"

    apps = _migrate(BEFORE).loader.project_state(BEFORE).apps
    assert apps.get_model("tasks", "ProgressReport").objects.get().status == "推进中"
    assert apps.get_model("tasks", "ProgressReportChange").objects.get().status == "已完成"
    _migrate(_latest())


def _latest() -> list[tuple[str, str]]:
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
