"""Arbitrary text through the metadata, committee and working-group extractors: a result, never a crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.extract import committee, metadata, working_groups
from healthaction.plan import Plan

# Characters the extractors look for, so that random text reaches their rules.
_WORDS = st.sampled_from(
    [
        "主任",
        "副主任",
        "委员",
        "成员",
        "秘书长",
        "组长",
        "副组长",
        "：",
        "、",
        "（兼）",
        "（",
        "）",
        "推进委员会",
        "组成人员",
        "办公室主任由",
        "同志兼任",
        "实施",
        "行动组",
        "健康",
        "行动",
        "市",
        "区",
        "县",
        "省",
        "人民政府",
        "关于印发《",
        "》的通知",
        "〔2021〕",
        "号",
        "二〇二一年",
        "十",
        "月",
        "日",
        "2021年2月25日",
        "张  涛",
        "区卫健局局长",
        "若干名",
        "一、",
        "（一）",
        "。",
        " ",
        "\n",
    ]
)
_TEXT = st.lists(st.one_of(_WORDS, st.text(max_size=4)), max_size=30).map("".join)


def _blocks(lines: list[str], rows: list[list[str]]) -> list[Block]:
    blocks: list[Block] = [Paragraph(line.strip(), f"第{i}行") for i, line in enumerate(lines, start=1)]
    if rows:
        blocks.insert(len(blocks) // 2, Table(tuple(tuple(row) for row in rows), where="表1"))
    return blocks


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=25), st.lists(st.lists(_TEXT, max_size=4), max_size=5))
def test_it_returns_a_valid_section_for_any_text(lines: list[str], rows: list[list[str]]) -> None:
    blocks = _blocks(lines, rows)
    warnings: list[str] = []
    plan = Plan(
        **metadata.extract(blocks, warnings),
        committee=committee.extract(blocks, warnings),
        working_groups=working_groups.extract(blocks, warnings),
        warnings=warnings,
    )
    assert all(member.name for member in plan.committee)
    assert all(group.action_name for group in plan.working_groups)
