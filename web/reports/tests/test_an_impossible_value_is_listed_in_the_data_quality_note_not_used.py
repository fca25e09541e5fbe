"""A value no unit can hold (a proportion of 102.76%) is never evaluated: the report lists it in its
数据质量说明 with the reason, and judges the indicator on the values that can be true."""

from __future__ import annotations

from decimal import Decimal

from web.conftest import World
from web.monitoring.models import Observation
from web.reports.source import report_data


def test_a_proportion_over_a_hundred_percent_is_listed_and_left_out(world: World) -> None:
    for year, value in ((2021, "18"), (2022, "102.76")):
        Observation.objects.create(
            region=world.pingchuan,
            indicator=world.literacy,
            year=year,
            value=Decimal(value),
            state=Observation.State.APPROVED,
        )
    data = report_data("overall", world.pingchuan, 2022)
    literacy = next(r for r in data.indicators if r.indicator == "居民健康素养水平")
    assert literacy.value == 18  # the last value that can be true
    assert literacy.value_year == 2021
    assert data.quality == (
        "居民健康素养水平：平川区2022年上报值102.76%，百分比应在0到100之间，未用于评估。",
    )
