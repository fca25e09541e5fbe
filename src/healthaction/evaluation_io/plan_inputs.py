"""Targets and baselines from a parsed plan (``healthaction parse`` → ``evaluate --plan``).

A framework row's targets belong to their column's region (``scope``: 白银市 or 平川区),
or to the plan's region; its 基期水平 is the plan region's. Action targets are the plan
region's. An action target that restates a framework target (same indicator once
normalised, same year) is dropped in favour of the framework row, the 考核 table.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError

from healthaction.catalog import normalise_unit
from healthaction.catalog.names import normalise_name
from healthaction.evaluation_io.errors import InputError
from healthaction.evaluation_io.records import BaselineRecord, TargetRecord
from healthaction.plan import Plan, Target

_NUMERIC = frozenset({">=", "<=", ">", "<", "="})


def read_plan(path: Path) -> Plan:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path.name, f"无法读取计划文件（{exc}）") from None
    try:
        return Plan.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        place = ".".join(str(p) for p in first["loc"])
        raise InputError(path.name, f"不是有效的计划 JSON（{place}：{first['msg']}）") from None


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(repr(value))


def _record(where: str, region: str, target: Target, row_unit: str | None) -> TargetRecord:
    return TargetRecord(
        where=where,
        region=region,
        indicator=target.indicator,
        year=target.year,
        comparator=target.comparator,
        value=_decimal(target.value),
        unit=normalise_unit(target.unit or row_unit),
    )


def plan_records(
    plan: Plan, source: str, region: str | None = None
) -> tuple[list[TargetRecord], list[BaselineRecord], list[str]]:
    """The plan's targets and baselines as records, with warnings for what was left out."""
    home = region or plan.region
    if not home:
        raise InputError(source, "计划没有注明地区（region），请用 --region 指定")
    warnings: list[str] = []
    targets: list[TargetRecord] = []
    baselines: list[BaselineRecord] = []
    framework_names: dict[str, str] = {}
    for index, row in enumerate(plan.framework, 1):
        where = f"{source} 指标框架第{row.seq or index}项「{row.indicator}」"
        names = list(dict.fromkeys(t.indicator for t in row.targets)) or [row.indicator]
        for name in names:
            framework_names.setdefault(normalise_name(name), name)
        targets.extend(_record(where, t.scope or home, t, row.unit) for t in row.targets)
        baseline = row.baseline
        if baseline is None or baseline.value is None:
            continue
        if baseline.year is None or len(names) > 1:
            why = "没有年份" if baseline.year is None else "一格对应多个指标"
            warnings.append(f"{where}：基期「{baseline.text}」{why}，未使用")
            continue
        value = Decimal(repr(baseline.value))
        baselines.append(
            BaselineRecord(where, home, names[0], baseline.year, value, normalise_unit(row.unit))
        )
    in_framework = {(t.region, t.indicator, t.year) for t in targets}
    for action in plan.actions:
        where = f"{source} 专项行动{action.seq}「{action.name}」"
        for target in action.targets:
            indicator = framework_names.get(normalise_name(target.indicator), target.indicator)
            record = _record(
                where, target.scope or home, target.model_copy(update={"indicator": indicator}), None
            )
            if (record.region, record.indicator, record.year) in in_framework:
                continue
            targets.append(record)
    kept = []
    for record in targets:
        if record.comparator in _NUMERIC and record.value is None:
            warnings.append(f"{record.where}：「{record.indicator}」的目标没有数值，未参与评估")
        else:
            kept.append(record)
    return kept, baselines, warnings
