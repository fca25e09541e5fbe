"""Issue 15: before 2022's value is in, the 2022 row of an indicator page showed 2021's value as if it
were 2022's; values and 序时目标 had no unit, and 序时目标 had more decimals than the sentence beside it."""

from __future__ import annotations

import re

from django.test import Client

from web.conftest import World
from web.monitoring.evaluation import statuses_refresh
from web.monitoring.models import Observation


def test_a_value_carried_into_a_later_year_says_whose_year_it_is(client: Client, world: World) -> None:
    Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2021, value=13.337, unit="%", state="approved"
    )
    statuses_refresh(regions=[world.pingchuan], years=[2021, 2022])
    client.force_login(world.office)
    page = client.get(f"/regions/{world.pingchuan.code}/indicators/{world.literacy.pk}/").content.decode()
    rows = {m[0]: m[1] for m in re.findall(r"<tr><td>(\d{4})</td>(.*?)</tr>", page, flags=re.S)}
    assert '<td class="n">13.337%</td>' in rows["2021"]
    assert '<td class="n">13.337%（2021年数据）</td>' in rows["2022"]  # last year's, and says so
    expected = re.search(r'<td class="n">13.337%</td><td class="n">([^<]+)</td>', rows["2021"])
    assert expected is not None
    assert re.fullmatch(r"\d+(\.\d{1,2})?%", expected.group(1))  # the indicator's decimals, with its unit
    assert f"序时目标{expected.group(1)}" in rows["2021"]  # the same number as in the sentence
    assert "2021年实际值13.337%" in rows["2021"]
