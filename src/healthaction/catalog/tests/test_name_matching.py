"""Local indicator names are matched to the catalog with a reason, or reported unmatched."""

from __future__ import annotations

import pytest

from healthaction.catalog import MATCH_THRESHOLD, match_indicator


@pytest.mark.parametrize(
    ("local", "national", "reason"),
    [
        ("居民健康素养水平", "居民健康素养水平", "名称一致"),
        ("全区居民健康素养水平", "居民健康素养水平", "名称规范化后一致"),
        ("本市居民健康素养水平", "居民健康素养水平", "名称规范化后一致"),
        ("5 岁以下儿童死亡率", "5岁以下儿童死亡率", "名称规范化后一致"),
        ("婴儿死亡率（%）", "婴儿死亡率", "名称规范化后一致"),
        ("居民健康素養水平", "居民健康素养水平", "名称规范化后一致"),
        ("孕產婦死亡率（1/10萬）", "孕产妇死亡率", "名称规范化后一致"),
        ("65岁至74岁老年人失能发生率", "65～74岁老年人失能发生率", "名称规范化后一致"),
        ("人均期望寿命", "人均预期寿命", "别名匹配（人均期望寿命）"),
        ("五岁以下儿童死亡率", "5岁以下儿童死亡率", "别名匹配（五岁以下儿童死亡率）"),
    ],
)
def test_it_matches_local_wordings(local: str, national: str, reason: str) -> None:
    match = match_indicator(local)
    assert match.entry is not None
    assert (match.entry.name, match.score, match.reason) == (national, 1.0, reason)


def test_it_reads_the_unit_from_a_trailing_bracket() -> None:
    assert match_indicator("婴儿死亡率（%）").unit_in_name == "%"
    assert match_indicator("每千常住人口执业（助理）医师数").unit_in_name is None


def test_it_scores_a_near_wording_and_says_so() -> None:
    match = match_indicator("配备专兼职心理健康工作人员的中小学比例")
    assert match.entry is not None
    assert match.entry.name == "配备专兼职心理健康工作人员的中小学校比例"
    assert MATCH_THRESHOLD <= match.score < 1
    assert match.reason == f"相似度{match.score:.2f}"


@pytest.mark.parametrize(
    "local",
    ["中药材种植面积", "城乡居民健康水平", "居民中医药健康文化素养水平", "3岁以下儿童死亡率", "常见病不出区"],
)
def test_it_leaves_an_unrelated_name_unmatched(local: str) -> None:
    match = match_indicator(local)
    assert not match.matched
    assert match.score < MATCH_THRESHOLD
    assert match.reason.startswith("目录中无匹配指标")


def test_it_names_the_nearest_entry_of_an_unmatched_name() -> None:
    assert "最接近「居民健康素养水平」" in match_indicator("城乡居民健康水平").reason
