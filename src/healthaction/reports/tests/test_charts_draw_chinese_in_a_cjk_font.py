"""Charts are drawn in a font that has the glyphs of their Chinese labels; without one, a clear message."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from healthaction.engine.statuses import label
from healthaction.reports import charts
from healthaction.reports.tests.conftest import Built


@pytest.fixture
def fresh_font_search() -> Iterator[None]:
    charts.cjk_font.cache_clear()
    yield
    charts.cjk_font.cache_clear()


def test_a_chart_is_drawn_in_a_font_with_glyphs_for_its_chinese_labels(built: Built) -> None:
    data = built.data["overall"]
    png = charts.status_by_action([a for a in data.actions if a.indicators])
    assert png.startswith(b"\x89PNG")
    family, path = charts.cjk_font()
    words = "".join(map(label, charts.STATUS_COLOURS))
    labels = "".join(a.name for a in data.actions) + words + "指标数（项）"
    assert charts.has_glyphs(path, labels), f"{family} lacks glyphs for the labels"


def test_the_ranking_and_trend_charts_render(built: Built) -> None:
    assert charts.ranking(built.data["assessment"].scores).startswith(b"\x89PNG")
    action = built.data["action"].action
    assert action is not None
    assert charts.trends(action.indicators).startswith(b"\x89PNG")


def test_without_a_cjk_font_it_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_font_search: None
) -> None:
    not_a_font = tmp_path / "empty.ttf"
    not_a_font.write_bytes(b"")
    monkeypatch.setenv(charts.FONT_ENV, str(not_a_font))
    with pytest.raises(charts.FontMissingError, match="fonts-noto-cjk"):
        charts.cjk_font()


def test_the_trajectory_runs_from_the_baseline_through_the_milestones_beyond_it(built: Built) -> None:
    literacy = next(r for r in built.data["overall"].indicators if r.indicator == "居民健康素养水平")
    assert charts.trajectory(literacy) == [(2017, 8.0), (2022, 22.0), (2030, 30.0)]
