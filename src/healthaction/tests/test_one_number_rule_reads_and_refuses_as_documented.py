"""The one number rule: what is read, what is refused, and what the message says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from healthaction.numbers import (
    NumberRefused,
    check_amount,
    parse_amount,
    parse_optional,
    parse_year,
    plausibility,
    read_amount,
)

READ = [
    ("12.5", "%", "12.5"),
    ("１２.５", "%", "12.5"),
    ("１２．５％", "%", "12.5"),
    ("12.5%", "%", "12.5"),
    ("1.2‰", "%", "0.12"),
    ("0.12%", "‰", "1.2"),
    ("1,234", "人", "1234"),
    ("1，234，567", "人", "1234567"),
    (" 1 234 ", "人", "1234"),
    ("−3", "个百分点", "-3"),
    ("－3", "个百分点", "-3"),
    ("1E+3", "人", "1000"),
    ("+7", "次", "7"),
    (".5", "%", "0.5"),
    ("76.7", "岁", "76.7"),
    ("999999999999", "人", "999999999999"),
    ("0.000001", None, "0.000001"),
    ("-0", "%", "0"),
]


@pytest.mark.parametrize(("text", "unit", "expected"), READ)
def test_what_people_type_is_read(text: str, unit: str | None, expected: str) -> None:
    assert parse_amount(text, field="本年值", unit=unit) == Decimal(expected)


REFUSED = [
    ("1e309", "人", "数值过大"),
    ("1E+25", "人", "数值过大"),
    ("99999999999999999999", "人", "数值过大"),
    ("1000000000000", None, "数值过大"),
    ("1e999999999", None, "数值过大"),
    ("1e-999999999", None, "小数位过多"),
    ("inf", None, "应为数字"),
    ("nan", None, "应为数字"),
    ("Infinity", "人", "应为数字"),
    ("1.1234567", None, "小数位过多"),
    ("-5", "%", "百分比应在0到100之间"),
    ("250", "%", "百分比应在0到100之间"),
    ("1000.5", "‰", "千分率应在0到1000之间"),
    ("-3", "1/10万", "不能为负数"),
    ("-1", "人", "不能为负数"),
    ("-1", "场次", "不能为负数"),
    ("30", "岁", "预期寿命应在40到100岁之间"),
    ("约10", "%", "应为数字"),
    ("10%左右", "%", "应为数字"),
    ("10-12", "%", "应为数字"),
    ("暂无", "%", "无数据请留空"),
    ("1,5", "%", "应为数字"),
    ("12人", "%", "无法换算"),
    ("", "%", "请填写数字"),
]


@pytest.mark.parametrize(("text", "unit", "reason"), REFUSED)
def test_what_cannot_be_a_value_is_refused_naming_the_field(text: str, unit: str | None, reason: str) -> None:
    with pytest.raises(NumberRefused) as refused:
        parse_amount(text, field="筛查率", unit=unit)
    assert refused.value.message.startswith("「筛查率」：")
    assert reason in refused.value.message


def test_a_300_digit_number_is_never_echoed() -> None:
    with pytest.raises(NumberRefused) as refused:
        parse_amount("9" * 300, field="本年值", unit="%")
    assert len(refused.value.message) < 80
    with pytest.raises(NumberRefused) as refused:
        check_amount(Decimal("9" * 300), field="本年值", unit="%")
    assert len(refused.value.message) < 80


def test_a_change_may_be_negative_but_not_below_minus_100_percent() -> None:
    assert parse_amount("-12", field="x", unit="%", name="成人肥胖增长率") == Decimal(-12)
    assert parse_amount("150", field="x", unit="%", name="成人肥胖增长率") == Decimal(150)
    with pytest.raises(NumberRefused, match="不能低于-100%"):
        parse_amount("-120", field="x", unit="%", name="成人肥胖增长率")


def test_a_caller_narrows_the_range_and_nothing_is_capped() -> None:
    assert parse_amount("5", field="加分", unit="分", minimum=0, maximum=Decimal(5)) == 5
    with pytest.raises(NumberRefused, match="不能大于5"):
        parse_amount("1000", field="加分", unit="分", minimum=0, maximum=Decimal(5))


def test_numbers_already_read_are_held_to_the_same_limits() -> None:
    for bad in (float("inf"), float("nan"), float("-inf"), Decimal("NaN"), Decimal("sNaN"), 1e300):
        with pytest.raises(NumberRefused):
            check_amount(bad, field="x")
    assert check_amount(0.1, field="x", unit="%") == Decimal("0.1")
    assert check_amount(3, field="x", unit="人") == 3


def test_plausibility_answers_none_for_what_can_be_true() -> None:
    assert plausibility(Decimal("100"), "%") is None
    assert plausibility(Decimal("0"), "‰") is None
    assert plausibility(Decimal("76.7"), "岁", name="人均预期寿命") is None
    assert plausibility(Decimal("5"), None) is None
    assert plausibility(Decimal("-5"), "指数") is None
    assert plausibility(107.57, "%") == "百分比应在0到100之间"
    assert plausibility(Decimal("-1"), "名/万人") is not None


def test_a_unit_conversion_is_noted() -> None:
    read = read_amount("1.2‰", field="x", unit="%")
    assert read.value == Decimal("0.12")
    assert read.note is not None
    assert read_amount("12", field="x", unit="%").note is None


def test_blank_is_none_only_where_blank_is_allowed() -> None:
    assert parse_optional("  ", field="x") is None
    assert parse_optional(None, field="x") is None


def test_years_are_within_the_span() -> None:
    assert parse_year("2030年", field="目标年份", earliest=2019, latest=2030) == 2030
    for bad in ("1999", "2031", "20xx", "９" * 20, ""):
        with pytest.raises(NumberRefused):
            parse_year(bad, field="目标年份", earliest=2019, latest=2030)
