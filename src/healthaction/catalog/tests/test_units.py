"""Rates convert within % ↔ ‰ ↔ 1/10万 exactly; other units never convert; labels are checked."""

from __future__ import annotations

import pytest

from healthaction.catalog import UnitError, convert, normalise_unit, unit_check, unit_to_show


@pytest.mark.parametrize(
    ("value", "from_unit", "to_unit", "expected"),
    [
        ("13.7", "‰", "%", 1.37),
        ("1.37", "%", "‰", 13.7),
        ("19.6", "1/10万", "‰", 0.196),
        ("0.2", "‰", "/10万", 20.0),
        ("76.7", "岁", "岁", 76.7),
        ("22", "％", "%", 22.0),
    ],
)
def test_it_converts_rates_by_powers_of_ten(
    value: str, from_unit: str, to_unit: str, expected: float
) -> None:
    assert convert(value, from_unit, to_unit) == expected


@pytest.mark.parametrize(
    ("from_unit", "to_unit"), [("岁", "%"), ("%", "个百分点"), ("人", "万人"), (None, "%")]
)
def test_it_refuses_any_other_conversion(from_unit: str | None, to_unit: str) -> None:
    with pytest.raises(UnitError):
        convert("1", from_unit, to_unit)


def test_it_writes_per_100000_one_way() -> None:
    assert {normalise_unit(u) for u in ("1/10万", "/10万", "1/10万人", " /10 万 ")} == {"1/10万"}
    assert normalise_unit("") is None


def test_it_flags_a_percent_label_on_per_mille_values() -> None:
    check = unit_check("婴儿死亡率", "%", [4.4, 7.5])
    assert (check.suspect, check.flag, check.catalog_unit) == (True, "unit_suspect", "‰")
    assert "数值未换算" in check.reason


def test_it_accepts_a_percent_label_on_percent_values() -> None:
    assert not unit_check("婴儿死亡率", "%", [0.44, 0.75]).suspect


def test_it_flags_a_unit_that_cannot_be_converted() -> None:
    assert unit_check("居民健康素养水平", "岁", [20]).suspect


def test_it_does_not_judge_what_it_cannot_compare() -> None:
    assert not unit_check("居民健康素养水平", "%", [20]).suspect
    assert not unit_check("中药材种植面积", "万亩", [3]).suspect
    assert not unit_check("婴儿死亡率", None, [4.4]).suspect


def test_it_shows_a_mislabelled_rate_in_the_catalog_unit_its_numbers_fit() -> None:
    # 平川区's framework heads 婴儿死亡率 with（%）while its targets read 7.5‰ and 5‰.
    assert unit_to_show("婴儿死亡率", "%", [7.5, 5, 4.4]) == "‰"


def test_it_gives_an_unlabelled_indicator_the_catalog_unit() -> None:
    assert unit_to_show("国家学生体质健康标准达标优良率", "", [55]) == "%"


def test_it_keeps_a_label_that_fits_or_has_nothing_to_compare_with() -> None:
    assert unit_to_show("婴儿死亡率", "‰", [3.75]) == "‰"
    assert unit_to_show("婴儿死亡率", "%", []) == "%"
    assert unit_to_show("人均预期寿命", "岁", [78.5]) == "岁"
    assert unit_to_show("本地自定指标", None, [1]) is None
