"""A proposed 约谈 is settled on the 督导 page (held on a day, or not held with a reason), not in /admin/;
a half-filled outcome is refused with the field named and the 约谈 stays proposed."""

from __future__ import annotations

import datetime

from django.test import Client
from django.utils import timezone

from web.supervision.models import Interview
from web.tasks.tests.conftest import XIXIA, Xixia


def _proposed(xixia: Xixia) -> Interview:
    return Interview.objects.create(
        region=xixia.region,
        department=xixia.health,
        round="2021H2",
        previous_round="2021H1",
        reason="卫生健康局连续两轮滞后",
    )


def _record(client: Client, interview: Interview, **fields: str) -> str:
    url = f"/tasks/interviews/{interview.pk}/outcome/"
    return client.post(url, fields, follow=True).content.decode()


def test_the_office_records_a_held_interview_and_the_page_shows_its_day(client: Client, xixia: Xixia) -> None:
    interview = _proposed(xixia)
    client.force_login(xixia.office)
    page = client.get(f"/tasks/{XIXIA}/supervision/?round=2021H2").content.decode()
    assert f"/tasks/interviews/{interview.pk}/outcome/" in page
    page = _record(client, interview, state="held", held_on="2021-12-20", note="局长到会，限期一个月整改")
    assert "已记录卫生健康局的约谈结果：已约谈" in page
    assert "2021年12月20日" in page
    interview.refresh_from_db()
    assert (interview.state, interview.held_on) == ("held", datetime.date(2021, 12, 20))
    assert f"/tasks/interviews/{interview.pk}/outcome/" not in page  # settled: no form any more


def test_a_half_filled_outcome_is_refused_naming_what_is_missing(client: Client, xixia: Xixia) -> None:
    interview = _proposed(xixia)
    client.force_login(xixia.office)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    cases = {
        "已约谈请填写约谈日期": {"state": "held"},
        "约谈日期不能晚于今天": {"state": "held", "held_on": tomorrow.isoformat()},
        "约谈日期请按": {"state": "held", "held_on": "2021/13/40"},
        "不约谈请在说明中写明原因": {"state": "dropped"},
        "请选择已约谈或不约谈": {"state": "maybe"},
    }
    for expected, fields in cases.items():
        assert expected in _record(client, interview, **fields), fields
    interview.refresh_from_db()
    assert interview.state == "proposed"


def test_not_holding_an_interview_keeps_the_reason(client: Client, xixia: Xixia) -> None:
    interview = _proposed(xixia)
    client.force_login(xixia.office)
    _record(client, interview, state="dropped", held_on="2021-12-20", note="已于年底前完成，不再约谈")
    interview.refresh_from_db()
    assert (interview.state, interview.held_on, interview.note) == (
        "dropped",
        None,
        "已于年底前完成，不再约谈",
    )


def test_a_clerk_or_another_county_cannot_record_an_outcome(client: Client, xixia: Xixia) -> None:
    interview = _proposed(xixia)
    for user in (xixia.clerk, xixia.world.huining_admin):
        client.force_login(user)
        response = client.post(f"/tasks/interviews/{interview.pk}/outcome/", {"state": "held"})
        assert response.status_code in (403, 404)
    interview.refresh_from_db()
    assert interview.state == "proposed"
