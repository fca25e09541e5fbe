"""The region table holds real places only."""

from __future__ import annotations

from web.regions.codes import read_area_codes


def test_it_leaves_out_the_shixiaqu_placeholder() -> None:
    codes = read_area_codes()
    assert all(area.name != "市辖区" for area in codes)
    assert any(area.code == "620403" and area.name == "平川区" for area in codes)
