"""What the API reads and writes, described in Chinese for the OpenAPI schema."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import WithJsonSchema

from web.monitoring.models import Observation


class ErrorOut(Schema):
    detail: str = Field(description="错误说明（中文）")


class InvalidOut(ErrorOut):
    errors: list[dict[str, Any]] = Field(description="逐项错误：位置 loc、类型 type、说明 msg")


# The answers every operation may give besides its own: no token, out of scope, not found, malformed.
ERRORS: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: InvalidOut}

# A number, or a string holding one (exact decimals: "0.1" stays 0.1).
DecimalValue = Annotated[
    Decimal,
    WithJsonSchema(
        {"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$"}]}
    ),
]


class RegionRef(Schema):
    code: str = Field(description="行政区划代码（GB/T 2260）")
    name: str = Field(description="地区名称")


class PlanOut(Schema):
    id: int = Field(description="规划文件编号")
    title: str = Field(description="标题")
    doc_number: str = Field(description="文号")
    issuer: str = Field(description="发文机关")
    issued_on: datetime.date | None = Field(description="印发日期")
    region: RegionRef = Field(description="规划所属地区")
    imported_at: datetime.datetime = Field(description="导入时间")


class ActionOut(Schema):
    seq: int = Field(description="序号")
    name: str = Field(description="专项行动名称")
    lead_departments: list[str] = Field(description="牵头部门")
    cooperating_departments: list[str] = Field(description="配合部门")
    indicators: list[str] = Field(description="本行动的指标")


class TargetOut(Schema):
    indicator_id: int = Field(description="指标编号")
    indicator: str = Field(description="指标名称")
    region: RegionRef = Field(description="目标所属地区（市级目标也适用于所辖区县）")
    year: int = Field(description="目标年份")
    comparator: str = Field(description="比较方式：>=、<=、>、<、=")
    value: Decimal | None = Field(description="目标值（定性目标为空）")
    unit: str = Field(description="单位")
    text: str = Field(description="规划原文")
    source: str = Field(description="出处：专项行动 或 指标框架")


class PlanDetailOut(PlanOut):
    actions: list[ActionOut] = Field(description="专项行动")
    targets: list[TargetOut] = Field(description="目标值")


class ObservationOut(Schema):
    id: int = Field(description="监测值编号")
    region: RegionRef = Field(description="地区")
    indicator_id: int = Field(description="指标编号")
    indicator: str = Field(description="指标名称")
    year: int = Field(description="数据年份")
    value: Decimal | None = Field(description="数值")
    unit: str = Field(description="单位")
    department: str | None = Field(description="填报部门")
    state: str = Field(description="状态代码：draft、submitted、approved、returned")
    state_label: str = Field(description="状态：草稿、已提交、已审核、已退回")
    comment: str = Field(description="填报说明")
    review_comment: str = Field(description="审核意见")
    version: int = Field(description="版本号：修改时原样带回，用于发现并发修改")
    is_demo: bool = Field(description="是否为演示数据")
    updated_at: datetime.datetime = Field(description="最近修改时间")

    @staticmethod
    def resolve_indicator(obj: Observation) -> str:
        return str(obj.indicator.name)

    @staticmethod
    def resolve_department(obj: Observation) -> str | None:
        return obj.department.name if obj.department else None

    @staticmethod
    def resolve_state_label(obj: Observation) -> str:
        return str(obj.get_state_display())


class ObservationIn(Schema):
    region: str = Field(description="地区的行政区划代码", examples=["620403"])
    indicator_id: int = Field(description="指标编号")
    year: int = Field(description="数据年份（须有开放中的填报轮次）", ge=1900, le=2200)
    value: DecimalValue = Field(description="数值，按指标的单位填写", allow_inf_nan=False)
    comment: str = Field(default="", description="说明；与上年相比变化异常时必须填写原因")
    version: int | None = Field(
        default=None, description="读取时的版本号；新填报的值不填。与库中不一致时返回 409 冲突"
    )
    submit: bool = Field(default=False, description="true 提交审核，false 保存草稿")


class StatusCount(Schema):
    status: str = Field(description="状态代码")
    label: str = Field(description="状态名称")
    count: int = Field(description="指标数")


class ActionStatusOut(Schema):
    action: str = Field(description="专项行动")
    counts: list[StatusCount] = Field(description="各状态的指标数")


class SeriesStatusOut(Schema):
    indicator_id: int = Field(description="指标编号")
    indicator: str = Field(description="指标名称")
    status: str = Field(description="状态代码：ACHIEVED、ON_TRACK、LAGGING、OFF_TRACK、NO_DATA")
    label: str = Field(description="状态：已达标、进度正常、进度滞后、严重滞后、无数据")
    value: float | None = Field(description="当年已审核的值")
    expected: float | None = Field(description="序时目标值")
    target: float | None = Field(description="目标值")
    target_year: int | None = Field(description="目标年份")
    ratio: float | None = Field(description="序时进度比")
    explanation: str = Field(description="判定说明")


class StatusesOut(Schema):
    region: RegionRef = Field(description="地区")
    year: int | None = Field(description="年份（未指定时为最近有结果的年份；无结果时为空）")
    totals: list[StatusCount] = Field(description="各状态的指标数")
    actions: list[ActionStatusOut] = Field(description="各专项行动的状态分布，滞后多的在前")
    series: list[SeriesStatusOut] = Field(description="每个指标的评估结果，滞后的在前")
