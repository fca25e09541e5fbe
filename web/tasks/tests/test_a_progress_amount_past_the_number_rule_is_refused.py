"""Issue 11: a progress amount of 1e309 was shown as 「完成1000…000场次」. The one number rule refuses
it (and a negative or 20-digit amount) naming the sub-target; nothing is saved, pages still render."""

from __future__ import annotations

import pytest
from django.test import Client

from web.accounts.services import user_create_or_update
from web.tasks.models import ProgressReport, SubTarget
from web.tasks.tests.conftest import XIXIA, Xixia


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("1e309", "数值过大"),
        ("1E+25", "数值过大"),
        ("99999999999999999999", "数值过大"),
        ("-5", "不能为负数"),
        ("inf", "应为数字"),
        ("约180", "应为数字"),
    ],
)
def test_an_impossible_amount_is_refused_naming_the_sub_target(
    client: Client, xixia: Xixia, typed: str, reason: str
) -> None:
    toilets = SubTarget.objects.get(measure__task__region=xixia.region, unit="座", value=500)
    measure = toilets.measure
    lead = measure.task.department_roles.filter(role="lead").exclude(department=None).first()
    assert lead is not None
    clerk = user_create_or_update(
        username="lead-clerk", password="x-password-1", full_name="牵头部门填报员", role="clerk",
        region=xixia.region, department=lead.department,
    )  # fmt: skip
    client.force_login(clerk)
    url = f"/tasks/{XIXIA}/progress/2021H1/"
    response = client.post(
        url,
        {
            f"status-{measure.pk}": "in_progress",
            f"amount-{measure.pk}-{toilets.index}": typed,
            f"text-{measure.pk}": "x",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert f"「{toilets.label}」：" in page
    assert reason in page
    assert "0000000000000" not in page.replace(typed, "")
    assert not ProgressReport.objects.exists()
    assert client.get(url).status_code == 200
