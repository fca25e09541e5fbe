"""Sub-targets read from measure sentences: value, unit, bound, period and kind, as tables."""

from __future__ import annotations

import pytest

from healthaction.responsibility.quantities import Quantity, quantities


def _one(text: str) -> Quantity:
    found = quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit", "period", "kind"),
    [
        ("组织专家开展健康讲座，每年不少于60场次", ">=", 60, "场次", "year", "recurring"),
        ("2022年改造农村户厕500座", ">=", 500, "座", None, "cumulative"),
        ("儿童免疫规划覆盖率达到90%以上", ">=", 90, "%", None, "rate"),
        ("对接种单位开展巡查，每季度开展1次", ">=", 1, "次", "quarter", "recurring"),
        ("各学校每周至少开设1次健康教育课", ">=", 1, "次", "week", "recurring"),
        ("新增社区健身中心3个", ">=", 3, "个", None, "cumulative"),
        ("孕产妇系统管理率不低于95%", ">=", 95, "%", None, "rate"),
        ("每年开展健康讲座不少于六十场次", ">=", 60, "场次", "year", "recurring"),
        ("每年至少举办两次运动会", ">=", 2, "次", "year", "recurring"),
        ("每年开展义诊不少于６０场次", ">=", 60, "场次", "year", "recurring"),
        ("健康教育覆盖率达到９０％", ">=", 90, "%", None, "rate"),
        ("卫生厕所普及率达到91.5%", ">=", 91.5, "%", None, "rate"),
        ("全年完成庭院经济林建设0.01万亩", ">=", 0.01, "万亩", "year", "recurring"),
        ("婴儿死亡率控制在5‰以内", "<=", 5, "‰", None, "rate"),
        ("心脑血管疾病死亡率不高于210/10万", "<=", 210, "/10万", None, "rate"),
        ("慢性呼吸系统疾病死亡率低于25/10万", "<", 25, "/10万", None, "rate"),
        ("抽检量达到5批次/千人", ">=", 5, "批次/千人", None, "rate"),
        ("近视率每年降低0.5个百分点以上", ">=", 0.5, "个百分点", "year", "rate"),
        ("人均预期寿命提高到78岁", ">=", 78, "岁", None, "rate"),
        ("每月召开1次推进会", ">=", 1, "次", "month", "recurring"),
        ("每半年报送1次进展", ">=", 1, "次", "half_year", "recurring"),
        ("完成一学期一次近视筛查", ">=", 1, "次", "semester", "recurring"),
        ("小学每学年不少于14课时", ">=", 14, "课时", "school_year", "recurring"),
        ("建成示范点超过5个", ">", 5, "个", None, "cumulative"),
        ("培训人员100名以上", ">=", 100, "名", None, "cumulative"),
    ],
)
def test_it_reads_the_bound_unit_and_period(
    text: str, comparator: str, value: float, unit: str, period: str | None, kind: str
) -> None:
    found = _one(text)
    assert (found.comparator, found.value, found.unit, found.period, found.kind) == (
        comparator,
        value,
        unit,
        period,
        kind,
    )


@pytest.mark.parametrize(
    "text",
    [
        "加强PM10、PM2.5与臭氧协同治理",
        "不断推进“10分钟健身圈”建设",
        "纳入《西夏区“十四五”文化和旅游业发展规划》",
        "纳入第十四个五年规划",
        "深入开展安全生产专项整治三年行动",
        "通过3—5年的努力，建成一批临床诊疗中心",
        "每年选派一批医疗卫生骨干",
        "施行一窗受理、并联审查、一次现场评审",
        "一个行业只核发一张许可证",
        "对35岁及以上人群开展筛查",
        "实施2021年“两癌”患病妇女关爱服务项目",
        "以9大诊疗中心为抓手",
        "2022年实现发热哨点诊室全覆盖",
        "继续实施扩大国家免疫规划",
        "每千人口拥有执业医师",
    ],
)
def test_it_finds_nothing_where_no_amount_is_set(text: str) -> None:
    assert quantities(text) == []


def test_it_keeps_the_sentence_and_the_phrase_as_written() -> None:
    text = "注重完善长效机制。2021年改造农村户厕500座，卫生厕所普及率达到91.5%"
    toilets, rate = quantities(text)
    assert toilets.sentence == "2021年改造农村户厕500座，卫生厕所普及率达到91.5%"
    assert (toilets.subject, toilets.text, toilets.label, toilets.year) == (
        "改造农村户厕",
        "500座",
        "改造农村户厕500座",
        2021,
    )
    assert (rate.subject, rate.text, rate.value) == ("卫生厕所普及率", "达到91.5%", 91.5)


def test_it_takes_the_subject_from_the_clause_before_a_bare_amount() -> None:
    found = _one("组织健康科普专家开展健康巡讲、讲座等，每年不少于60场次")
    assert found.subject == "组织健康科普专家开展健康巡讲、讲座等"
    assert found.text == "每年不少于60场次"
    assert found.label == "组织健康科普专家开展健康巡讲、讲座等，每年不少于60场次"


def test_it_pairs_values_with_their_indicators_under_respectively() -> None:
    found = quantities("婴儿死亡率、5岁以下儿童死亡率、孕产妇死亡率分别下降到3‰、5‰和14/10万")
    assert [(q.subject, q.comparator, q.value, q.unit) for q in found] == [
        ("婴儿死亡率", "<=", 3, "‰"),
        ("5岁以下儿童死亡率", "<=", 5, "‰"),
        ("孕产妇死亡率", "<=", 14, "/10万"),
    ]
    assert found[1].label == "5岁以下儿童死亡率下降到5‰"


def test_it_reads_a_range_as_its_floor_and_top() -> None:
    found = _one("每年建成示范村3—5个")
    assert (found.value, found.upper, found.unit, found.comparator) == (3, 5, "个", ">=")
    assert _one("创建健康学校三至五所").upper == 5


def test_a_period_carries_to_later_counts_of_the_sentence_but_not_to_rates() -> None:
    sessions, people = quantities("全年开展指导员培训不少于6期，人员不少于100名")
    assert (sessions.period, people.period) == ("year", "year")
    count, rate = quantities("每周开设1次健康课，开课率达到100%")
    assert (count.period, rate.period) == ("week", None)


def test_a_year_set_earlier_in_the_measure_applies_to_later_amounts() -> None:
    found = quantities("新建1所服务中心，到2025年80%服务中心达到国家基本标准，20%达到国家推荐标准")
    assert [(q.value, q.year) for q in found] == [(1, None), (80, 2025), (20, 2025)]


def test_it_counts_a_year_of_a_recurring_amount() -> None:
    assert _one("每季度开展1次督查").per_year == 4
    assert _one("每年开展不少于60场次").per_year == 60
    assert _one("改造户厕500座").per_year == 500


def test_a_measure_without_numbers_is_tracked_by_status() -> None:
    assert quantities("不断提高人员培训覆盖率") == []
    assert quantities("") == []
