"""Issue 13: a 筛查率 target of 102.76 % passed silently. The import preview flags a target the one
number rule finds impossible (kept as the plan says), and leaves out one the database cannot hold."""

from __future__ import annotations

from web.conftest import World, small_plan
from web.plans.models import Target
from web.plans.preview import plan_preview
from web.plans.services import plan_import


def test_a_percent_above_100_is_flagged_and_kept(world: World) -> None:
    preview = plan_preview(
        plan=small_plan(102.76), region=world.pingchuan, content=b"plan v3", file_name="plan.txt"
    )
    assert any("居民健康素养水平" in w and "百分比应在0到100之间" in w for w in preview.warnings)
    assert [(c.kind, c.new) for c in preview.changes] == [("修改", ">= 102.76%")]


def test_a_target_too_large_to_store_is_left_out_with_a_warning(world: World) -> None:
    preview = plan_import(
        plan=small_plan(1e20), region=world.pingchuan, content=b"plan v4", file_name="plan.txt"
    )
    assert any("数值过大" in w and "未导入该值" in w for w in preview.warnings)
    assert all("100000000000000000000" not in w for w in preview.warnings)
    target = Target.objects.get(indicator=world.literacy, region=world.pingchuan)
    assert target.value is None
