"""Whatever is typed, the rule answers a value within its limits or a short Chinese refusal."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from healthaction.numbers import LIMIT, NumberRefused, parse_amount, plausibility
from healthaction.tests.strategies import NUMBER_TEXT

UNITS = st.sampled_from([None, "%", "‰", "1/10万", "岁", "人", "场次", "个百分点", "g"])


@settings(max_examples=600, deadline=None, database=None)
@given(text=NUMBER_TEXT, unit=UNITS)
def test_a_value_within_limits_or_a_short_refusal(text: str, unit: str | None) -> None:
    try:
        value = parse_amount(text, field="本年值", unit=unit)
    except NumberRefused as refused:
        message = refused.message
    else:
        message = ""
    if message:
        assert message.startswith("「本年值」：")
        assert len(message) < 140
        return
    assert isinstance(value, Decimal)
    assert value.is_finite()
    assert abs(value) < LIMIT
    assert plausibility(value, unit) is None
