"""Department lists and who leads: split as written, never expanded or guessed."""

from __future__ import annotations

import pytest

from healthaction.ingest.extract.departments import bracketed, labelled, split_departments

SPLITS = [
    ("区卫健局", ["区卫健局"]),
    ("区委宣传部、区委网信办、区科协", ["区委宣传部", "区委网信办", "区科协"]),
    (
        "区委宣传部，区总工会，团区委、妇联，各办事处等按职责分工负责",
        ["区委宣传部", "区总工会", "团区委", "妇联", "各办事处"],
    ),
    ("区委宣传部，西工区税务局，各办事处等单位按职责分工负责", ["区委宣传部", "西工区税务局", "各办事处"]),
    ("区教体局、民政局", ["区教体局", "民政局"]),  # a shared prefix is not expanded
    ("教体局及区传染病防控领导小组其他有关成员单位", ["教体局及区传染病防控领导小组其他有关成员单位"]),
    ("区财政局；区医保局; 区科技局", ["区财政局", "区医保局", "区科技局"]),
    ("卫生健康局 生态环境 分局 住房城乡建设和交通局", ["卫生健康局", "生态环境分局", "住房城乡建设和交通局"]),
    ("爱卫办 机关事务 服务中心 文化旅游体育 广电局", ["爱卫办", "机关事务服务中心", "文化旅游体育广电局"]),
    ("文化旅游体育局 广电局", ["文化旅游体育局", "广电局"]),  # two names, each complete
    ("区委改革办 编办", ["区委改革办", "编办"]),
    ("区委 办公室、区政府 办公室", ["区委办公室", "区政府办公室"]),
    ("市衛生健康委、市教育局", ["市衛生健康委", "市教育局"]),  # traditional kept as written
    ("", []),
    (None, []),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_it_splits_a_department_list_as_written(text: str | None, expected: list[str]) -> None:
    assert split_departments(text) == expected


BRACKETS = [
    ("牵头部门：区卫健局；配合部门：区委宣传部、各乡镇街道", ["区卫健局"], ["区委宣传部", "各乡镇街道"]),
    ("牽頭部門：區衛健局；配合部門：區教育局", ["區衛健局"], ["區教育局"]),
    ("牵头单位:市卫生健康委,配合单位:市教育局", ["市卫生健康委"], ["市教育局"]),
    ("市卫生健康委负责", ["市卫生健康委"], []),
    ("市卫生健康委、市教育局按职责分工负责", ["市卫生健康委", "市教育局"], []),
    ("由各县区政府负责", ["各县区政府"], []),
    ("市卫生健康委牵头，市教育局、市体育局按职责分工负责", ["市卫生健康委"], ["市教育局", "市体育局"]),
    ("市卫生健康委牵头，市民政局参与", ["市卫生健康委"], ["市民政局"]),
    ("市卫生健康委牵头", ["市卫生健康委"], []),
]


@pytest.mark.parametrize(("inner", "lead", "cooperating"), BRACKETS)
def test_it_reads_who_leads_from_a_closing_bracket(
    inner: str, lead: list[str], cooperating: list[str]
) -> None:
    found = bracketed(inner)
    assert found is not None
    assert (found.lead, found.cooperating) == (lead, cooperating)


@pytest.mark.parametrize("inner", ["以下简称“推进委员会”", "见附件1", "2022年底前完成", "包括结果性指标"])
def test_it_ignores_brackets_that_name_no_department(inner: str) -> None:
    assert bracketed(inner) is None


def test_a_responsibility_label_after_a_lead_names_cooperating_departments() -> None:
    found = labelled("牵头单位：市卫生健康委 责任单位：市教育局、市民政局")
    assert (found.lead, found.cooperating) == (["市卫生健康委"], ["市教育局", "市民政局"])
