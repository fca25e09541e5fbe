"""Fuzz (hypothesis) of a 责任清单 progress amount: 200 (refused, nothing saved) or 302 (saved, finite,
not negative, plausible in the sub-target's unit), never a server error."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client
from hypothesis import HealthCheck, given, settings

from healthaction.numbers import LIMIT, plausibility
from healthaction.tests.strategies import NUMBER_TEXT
from web.accounts.services import user_create_or_update
from web.tasks.models import ProgressReport, SubTarget
from web.tasks.tests.conftest import XIXIA, Xixia


@settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=NUMBER_TEXT)
def test_the_progress_amount(client: Client, xixia: Xixia, text: str) -> None:
    toilets = SubTarget.objects.get(measure__task__region=xixia.region, unit="座", value=500)
    measure = toilets.measure
    lead = measure.task.department_roles.filter(role="lead").exclude(department=None).first()
    assert lead is not None
    clerk = user_create_or_update(
        username="fuzz-clerk", password="x-password-1", full_name="牵头部门填报员", role="clerk",
        region=xixia.region, department=lead.department,
    )  # fmt: skip
    client.force_login(clerk)
    response = client.post(
        f"/tasks/{XIXIA}/progress/2021H1/",
        {
            f"status-{measure.pk}": "in_progress",
            f"amount-{measure.pk}-{toilets.index}": text,
            f"text-{measure.pk}": "x",
        },
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert not ProgressReport.objects.exists()
        return
    for report in ProgressReport.objects.all():
        for amount in report.amounts.values():
            value = Decimal(amount)
            assert value.is_finite()
            assert 0 <= value < LIMIT
            assert plausibility(value, toilets.unit) is None
    ProgressReport.objects.all().delete()
