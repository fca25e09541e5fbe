"""The catalog holds each national indicator once, with unit, direction and groups."""

from __future__ import annotations

from healthaction.catalog import load_catalog


def _entry(name: str):  # type: ignore[no-untyped-def]
    return next(e for e in load_catalog() if e.name == name)


def test_it_holds_each_indicator_once() -> None:
    names = [e.name for e in load_catalog()]
    assert len(names) == len(set(names))


def test_it_merges_a_framework_row_into_its_action_row() -> None:
    literacy = _entry("居民健康素养水平")
    assert (literacy.unit, literacy.direction, literacy.category, literacy.nature) == (
        "%",
        1,
        "结果性",
        "预期性",
    )
    assert (literacy.action, literacy.framework_seq) == ("健康知识普及行动", 6)


def test_it_keeps_framework_rows_that_are_not_action_rows() -> None:
    life = _entry("人均预期寿命")
    assert (life.unit, life.direction, life.framework_seq, life.action) == ("岁", 1, 1, None)


def test_it_reads_directions_from_the_polarity_column() -> None:
    assert _entry("婴儿死亡率").direction == -1
    assert _entry("孕产妇死亡率").unit == "1/10万"
    binary = _entry("建立并完善健康科普专家库和资源库，构建健康科普知识发布和传播机制")
    assert (binary.polarity, binary.direction) == ("binary", 0)


def test_every_alias_points_to_an_entry() -> None:
    entry = _entry("人均预期寿命")
    assert "人均期望寿命" in entry.aliases
