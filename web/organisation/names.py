"""Matching the department names written in plans (pure string rules, no database).

A plan writes 区卫健局 where the registry says 卫生健康局: both reduce to the key 卫生健康局
once the region prefix is dropped and the common abbreviations are spelled out.
"""

from __future__ import annotations

from collections.abc import Iterable

# Common abbreviations in Chinese government department names (short → full).
ABBREVIATIONS: dict[str, str] = {
    "卫健": "卫生健康",
    "卫计": "卫生计生",
    "教体": "教育体育",
    "发改": "发展和改革",
    "人社": "人力资源和社会保障",
    "市场监管": "市场监督管理",
    "文广旅": "文化广电和旅游",
    "文旅": "文化和旅游",
    "自然资源和规划": "自然资源",
    "住建": "住房和城乡建设",
    "工信": "工业和信息化",
    "农业农村": "农业农村",
    "网信办": "网络安全和信息化委员会办公室",
    "医保": "医疗保障",
    "应急": "应急管理",
    "残联": "残疾人联合会",
    "科协": "科学技术协会",
    "妇联": "妇女联合会",
    "团委": "共青团委员会",
}

_LEVEL_PREFIXES = ("区", "市", "县", "州", "旗", "省")
# Collective phrases, not one department: 各乡镇街道, 各县区, 有关部门.
_NOT_A_DEPARTMENT = ("各", "有关", "相关")


def is_department_name(name: str) -> bool:
    return bool(name.strip()) and not name.startswith(_NOT_A_DEPARTMENT)


def department_key(name: str, region_names: Iterable[str] = ()) -> str:
    """区卫健局 → 卫生健康局; 平川区教育局 (region 平川区) → 教育局.

    >>> department_key("区卫健局")
    '卫生健康局'
    >>> department_key("平川区卫生健康局", ["平川区"])
    '卫生健康局'
    """
    key = name.strip().replace(" ", "")
    for region_name in sorted(region_names, key=len, reverse=True):
        short = region_name[:-1] if len(region_name) > 2 else region_name
        for prefix in (region_name, short):
            if prefix and key.startswith(prefix) and len(key) > len(prefix) + 1:
                key = key[len(prefix) :]
                break
    if key.startswith(_LEVEL_PREFIXES) and len(key) > 2:
        key = key[1:]
    for short, full in ABBREVIATIONS.items():
        if short in key and full not in key:
            key = key.replace(short, full)
    return key


def is_close(key_a: str, key_b: str) -> bool:
    """Unsure match: one key inside the other (卫生健康局 vs 卫生健康局疾控中心 is not enough alone)."""
    shorter, longer = sorted((key_a, key_b), key=len)
    return len(shorter) >= 3 and shorter in longer and key_a != key_b
