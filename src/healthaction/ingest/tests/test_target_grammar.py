"""The target grammar, one row per way a plan writes a target."""

from __future__ import annotations

import pytest

from healthaction.ingest.extract.targets import clauses, targets_from_text
from healthaction.plan import Target

Row = tuple[str, ...] | tuple[object, ...]

# sentence → [(indicator, year, comparator, value, unit, text)]
CASES: list[tuple[str, list[tuple[str, int | None, str, float | None, str | None, str]]]] = [
    (
        "到2022年和2030年，全区居民健康素养水平分别不低于22%和30%。",
        [
            ("居民健康素养水平", 2022, ">=", 22, "%", "分别不低于22%和30%"),
            ("居民健康素养水平", 2030, ">=", 30, "%", "分别不低于22%和30%"),
        ],
    ),
    (
        "到2025年，全市孕产妇死亡率不高于12/10万。",
        [("孕产妇死亡率", 2025, "<=", 12, "1/10万", "不高于12/10万")],
    ),
    (
        "到2025年，15岁以上人群吸烟率低于20％。",
        [("15岁以上人群吸烟率", 2025, "<", 20, "%", "低于20％")],
    ),
    (
        "到2025年，人均预期寿命超过79岁。",
        [("人均预期寿命", 2025, ">", 79, "岁", "超过79岁")],
    ),
    (
        "到2030年人均体育场地面积达到2.5平方米。",
        [("人均体育场地面积", 2030, "=", 2.5, "平方米", "达到2.5平方米")],
    ),
    (
        "到2022年和2030年，国民体质合格人数比例达到90.86%和92.17%以上。",
        [
            ("国民体质合格人数比例", 2022, ">=", 90.86, "%", "达到90.86%和92.17%以上"),
            ("国民体质合格人数比例", 2030, ">=", 92.17, "%", "达到90.86%和92.17%以上"),
        ],
    ),
    (
        "到2022年和2030年，经常参加体育锻炼人数比例分别达到40%及以上44%及以上。",
        [
            ("经常参加体育锻炼人数比例", 2022, ">=", 40, "%", "分别达到40%及以上44%及以上"),
            ("经常参加体育锻炼人数比例", 2030, ">=", 44, "%", "分别达到40%及以上44%及以上"),
        ],
    ),
    (
        "到2022年和2030年，婴儿死亡率分别控制在7.5‰及以下和5‰及以下。",
        [
            ("婴儿死亡率", 2022, "<=", 7.5, "‰", "分别控制在7.5‰及以下和5‰及以下"),
            ("婴儿死亡率", 2030, "<=", 5, "‰", "分别控制在7.5‰及以下和5‰及以下"),
        ],
    ),
    (
        "到2022年和2030年，居民心理健康素养水平提升到 20%和 30%。",
        [
            ("居民心理健康素养水平", 2022, "=", 20, "%", "提升到 20%和 30%"),
            ("居民心理健康素养水平", 2030, "=", 30, "%", "提升到 20%和 30%"),
        ],
    ),
    (
        "到2022年和2030年，以乡镇为单位，适龄儿童免疫规划疫苗接种率保持在90%以上。",
        [
            ("适龄儿童免疫规划疫苗接种率", 2022, ">=", 90, "%", "保持在90%以上"),
            ("适龄儿童免疫规划疫苗接种率", 2030, ">=", 90, "%", "保持在90%以上"),
        ],
    ),
    (
        "到2030年，中药材种植面积达到30万亩左右。",
        [("中药材种植面积", 2030, "=", 30, "万亩", "达到30万亩左右")],
    ),
    (
        "到2022年和2030年，糖尿病患者规范管理率分别达到60及以上和70及以上。",
        [
            ("糖尿病患者规范管理率", 2022, ">=", 60, None, "分别达到60及以上和70及以上"),
            ("糖尿病患者规范管理率", 2030, ">=", 70, None, "分别达到60及以上和70及以上"),
        ],
    ),
    (
        "到2025年，儿童青少年总体近视率力争每年降低0.5个百分点以上。",
        [("儿童青少年总体近视率每年降低", 2025, ">=", 0.5, "个百分点", "力争每年降低0.5个百分点以上")],
    ),
    (
        "到2022年和2030年，成人肥胖增长率持续减缓。",
        [
            ("成人肥胖增长率", 2022, "slow", None, None, "持续减缓"),
            ("成人肥胖增长率", 2030, "slow", None, None, "持续减缓"),
        ],
    ),
    (
        "到2025年，心理相关疾病发生的上升趋势减缓。",
        [("心理相关疾病发生", 2025, "slow", None, None, "上升趋势减缓")],
    ),
    (
        "到2025年，老年期痴呆患病率增速下降。",
        [("老年期痴呆患病率", 2025, "slow", None, None, "增速下降")],
    ),
    (
        "到2025年，新发近视率明显下降。",
        [("新发近视率", 2025, "decrease", None, None, "明显下降")],
    ),
    (
        "到2025年，尘肺病报告例数比例实现明显下降，并持续下降。",
        [("尘肺病报告例数比例", 2025, "decrease", None, None, "实现明显下降，并持续下降")],
    ),
    (
        "到2025年，居民饮用水水质达标情况明显改善,并持续改善。",
        [("居民饮用水水质达标情况", 2025, "improve", None, None, "明显改善,并持续改善")],
    ),
    (
        "到2025年，城乡居民健康水平明显提高。",
        [("城乡居民健康水平", 2025, "increase", None, None, "明显提高")],
    ),
    (
        "到2030年，县级医疗服务能力得到稳步提升，实现常见病不出县。",
        [("常见病不出县", 2030, "achieved", None, None, "实现常见病不出县")],
    ),
    (
        "到2030年保持控制和消除重点地方病。",
        [("控制和消除重点地方病", 2030, "maintain", None, None, "保持控制和消除重点地方病")],
    ),
    (
        "到2022年，乡村一体化“六统一”管理基本实现，医疗服务能力得到有效提升。",
        [("乡村一体化“六统一”管理", 2022, "achieved", None, None, "基本实现")],
    ),
    (
        "到2022年，65至74 岁老年人失能发生率有所下降。",
        [("65至74岁老年人失能发生率", 2022, "decrease", None, None, "有所下降")],
    ),
    (
        "到2025年，婴儿死亡率、孕产妇死亡率分别下降到3‰和14/10万。",
        [
            ("婴儿死亡率", 2025, "=", 3, "‰", "分别下降到3‰和14/10万"),
            ("孕产妇死亡率", 2025, "=", 14, "1/10万", "分别下降到3‰和14/10万"),
        ],
    ),
    (
        "到2025年底，每千人口执业（助理）医师数不少于3.2人。",
        [("每千人口执业（助理）医师数", 2025, ">=", 3.2, "人", "不少于3.2人")],
    ),
    (
        "到2025年，我市重大慢性病过早死亡率不超过15%，心理健康服务体系更加完善。",
        [("重大慢性病过早死亡率", 2025, "<=", 15, "%", "不超过15%")],
    ),
    (
        "到2025年，居民健康素养水平提高到25%和30%。",  # two values under one year: not guessed
        [],
    ),
    (
        "到2030年，全省健康素養水平不低於30%。",  # traditional characters, kept as written
        [("健康素養水平", 2030, ">=", 30, "%", "不低於30%")],
    ),
]

# Clauses that are not targets: qualitative, or a number without a year.
NOT_TARGETS = [
    "到2022年，乡村两级医疗基础设施更加完善，医疗服务能力得到有效提升。",
    "到2030年，中医药服务能力显著提升，人才分布趋于合理，工作形成长效机制。",
    "力争到2030年全区基本完成农村户厕无害化建设改造。",
    "所有社区卫生服务机构和90%以上的村卫生室能够提供中医药服务。",
    "中小学生校内体育活动时间每天不少于1小时。",
    "到2022年，合格医生配备达到分类标准要求。",
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:24] for c in CASES])
def test_it_reads_each_way_of_writing_a_target(
    sentence: str, expected: list[tuple[str, int | None, str, float | None, str | None, str]]
) -> None:
    warnings: list[str] = []
    found = targets_from_text(sentence, warnings)
    assert [(t.indicator, t.year, t.comparator, t.value, t.unit, t.text) for t in found] == expected


@pytest.mark.parametrize("sentence", NOT_TARGETS)
def test_it_gives_no_target_for_qualitative_or_yearless_clauses(sentence: str) -> None:
    assert targets_from_text(sentence, []) == []


def test_it_writes_whole_numbers_as_ints() -> None:
    (target,) = targets_from_text("到2025年，孕产妇死亡率不高于12/10万。", [])
    assert isinstance(target.value, int)


def test_it_keeps_a_target_line_without_a_year_with_year_null() -> None:
    found = targets_from_text(
        "通过广泛开展爱国卫生运动，城乡环境卫生条件明显改善，城乡居民健康水平明显提高。",
        [],
        year_required=False,
    )
    assert found == [
        Target(
            indicator="城乡环境卫生条件",
            year=None,
            comparator="improve",
            value=None,
            unit=None,
            text="明显改善",
        ),
        Target(
            indicator="城乡居民健康水平",
            year=None,
            comparator="increase",
            value=None,
            unit=None,
            text="明显提高",
        ),
    ]


def test_it_ends_a_year_phrase_at_the_end_of_its_sentence() -> None:
    found = targets_from_text("到2022年，A率达到50%。B率达到60%。到2030年，C率达到70%；D率达到80%。", [])
    assert [(t.indicator, t.year) for t in found] == [("A率", 2022), ("C率", 2030), ("D率", 2030)]


def test_it_warns_about_a_rate_under_a_year_that_it_cannot_read() -> None:
    warnings: list[str] = []
    assert targets_from_text("到2025年，居民健康素养水平提高到25%和30%。", warnings, where="测试：") == []
    assert len(warnings) == 1
    assert warnings[0].startswith("测试：目标“居民健康素养水平提高到25%和30%”")


def test_it_keeps_a_bracketed_comma_inside_its_clause() -> None:
    found = clauses("到2025年，以乡（镇，街道）为单位接种率达到90%。")
    assert [c.text for c in found] == ["以乡（镇，街道）为单位接种率达到90%"]
