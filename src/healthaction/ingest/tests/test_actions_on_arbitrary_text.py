"""Whatever the text, the actions extractor returns valid actions (or none) and never raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from healthaction.ingest.blocks import Paragraph
from healthaction.ingest.extract import actions
from healthaction.ingest.extract.departments import bracketed, split_departments
from healthaction.ingest.extract.targets import targets_from_text

# Text made mostly of the pieces the grammar looks for, so the property reaches deep.
PIECES = st.sampled_from(
    [
        "到2022年和2030年，", "到2025年", "分别", "不低于", "达到", "以上", "及以下", "和", "、", "，", "。",
        "%", "％", "‰", "/10万", "22", "7.5", "０．５", "明显下降", "，并持续下降", "实现", "保持",
        "（一）", "1．", "一、", "实施", "健康知识普及行动", "行動", "牵头部门：", "配合单位:", "行动目标：",
        "（", "）", "负责", "牵头", "区卫健局", " ", "\u3000", "\n", "全区", "力争", "每年降低",
    ]
)  # fmt: skip
TEXT = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=40).map("".join))


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_the_target_grammar_reads_any_text_without_raising(text: str) -> None:
    warnings: list[str] = []
    for target in targets_from_text(text, warnings) + targets_from_text(text, warnings, year_required=False):
        assert target.indicator
        assert (target.value is None) == (target.comparator not in {">=", "<=", "<", ">", "="})
    split_departments(text)
    bracketed(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXT, max_size=12))
def test_the_actions_extractor_reads_any_paragraphs_without_raising(lines: list[str]) -> None:
    warnings: list[str] = []
    found = actions.extract([Paragraph(line, f"第{n}行") for n, line in enumerate(lines, 1)], warnings)
    assert [a.seq for a in found] == list(range(1, len(found) + 1))
    assert all(a.name.endswith(("行动", "行動")) for a in found)
    assert all(isinstance(w, str) and w for w in warnings)
