"""Finding and moving aside stored numbers the one number rule cannot hold.

Before the rule, 1e309 typed into data entry was saved (SQLite keeps it as ±inf, a 20-digit value as a
float Decimal cannot fit into the column's 20 digits), and every page that read the row failed. This
finds such values in every column users write — without ever loading them as Decimals, which is
what failed — records each in :class:`~web.monitoring.models.QuarantinedValue`, then clears the
value (or deletes the row when the value is its reason to exist) so every page renders again. An
observation so cleared is returned to its reporter with a 修改记录 saying why.

It runs from a migration before the CHECK constraints are added (the constraints would refuse the
rows), and as ``manage.py numbers_quarantine`` at any time. The function takes the app registry so
the migration can pass its historical one; models of apps above monitoring are therefore named by
label, not imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps.registry import Apps
from django.db import models, transaction
from django.db.models.functions import Cast

from healthaction.numbers import NumberRefused, check_amount, excerpt
from web.plans.value_limits import POINTS_LIMIT, VALUE_LIMIT


@dataclass(frozen=True)
class Column:
    model: str  # app_label.ModelName
    field: str
    limit: Decimal
    delete_row: bool = False  # the row means nothing without its value (a 加分 of no points)


COLUMNS = (
    Column("monitoring.Observation", "value", VALUE_LIMIT),
    Column("monitoring.ObservationChange", "old_value", VALUE_LIMIT),
    Column("monitoring.ObservationChange", "new_value", VALUE_LIMIT),
    Column("plans.Target", "value", VALUE_LIMIT),
    Column("plans.Baseline", "value", VALUE_LIMIT),
    Column("assessment.ReviewedValue", "value", VALUE_LIMIT),
    Column("assessment.ReviewedValue", "reported_value", VALUE_LIMIT),
    Column("assessment.Adjustment", "points", POINTS_LIMIT, delete_row=True),
    Column("assessment.OrganisationScore", "points", POINTS_LIMIT, delete_row=True),
    Column("assessment.SchemeIndicator", "points", POINTS_LIMIT, delete_row=True),
    Column("assessment.OrganisationItem", "max_points", POINTS_LIMIT, delete_row=True),
    Column("tasks.SubTarget", "value", VALUE_LIMIT, delete_row=True),
    Column("tasks.SubTarget", "upper", VALUE_LIMIT),
)
# The columns shown beside a quarantined value so a person can find the row again.
_ROW_FIELDS = ("region_id", "indicator_id", "year", "observation_id", "scheme_id", "item_id", "measure_id")


@dataclass(frozen=True)
class Quarantined:
    model: str
    object_id: str
    field: str
    raw: str
    action: str


def _model(registry: Apps, label: str) -> type[models.Model] | None:
    try:
        return registry.get_model(label)
    except LookupError:  # an app not installed here
        return None


def quarantine(registry: Apps) -> list[Quarantined]:
    """Move aside every stored value past the limits; what was moved, in order."""
    record = registry.get_model("monitoring.QuarantinedValue")
    done: list[Quarantined] = []
    with transaction.atomic():
        for column in COLUMNS:
            model = _model(registry, column.model)
            if model is not None:
                done += _column(registry, model, column, record)
        done += _amounts(registry, record)
    return done


def _bad(model: type[models.Model], column: Column) -> models.QuerySet[Any]:
    name, limit = column.field, column.limit
    bad: models.QuerySet[Any] = (
        model._default_manager.filter(**{f"{name}__isnull": False})
        .exclude(**{f"{name}__gt": -limit, f"{name}__lt": limit})
        .annotate(_raw=Cast(name, models.TextField()))
    )
    return bad


def _row(model: type[models.Model], pk: Any) -> str:
    names = [f.attname for f in model._meta.concrete_fields if f.attname in _ROW_FIELDS]
    values = model._default_manager.filter(pk=pk).values(*names).first() or {}
    return "，".join(f"{k}={v}" for k, v in values.items())


def _column(registry: Apps, model: type[models.Model], column: Column, record: Any) -> list[Quarantined]:
    label = f"{model._meta.app_label}.{model.__name__}"
    found = list(_bad(model, column).values_list("pk", "_raw"))
    done = []
    for pk, raw in found:
        action = "删除记录" if column.delete_row else "清空"
        shown = excerpt(str(raw), 90)
        record.objects.create(
            model=label, object_id=str(pk), field=column.field, raw=shown, action=action, row=_row(model, pk)
        )
        rows = model._default_manager.filter(pk=pk)
        if column.delete_row:
            rows.delete()
        else:
            rows.update(**{column.field: None})
            if label == "monitoring.Observation":
                _return_observation(registry, pk, shown)
        done.append(Quarantined(label, str(pk), column.field, shown, action))
    return done


def _return_observation(registry: Apps, pk: Any, raw: str) -> None:
    """The reporter sees the value is gone and why, in the history, and can enter it again."""
    observation = registry.get_model("monitoring.Observation")
    change = registry.get_model("monitoring.ObservationChange")
    old_state = observation._default_manager.filter(pk=pk).values_list("state", flat=True).first() or ""
    reason = f"原值「{raw}」不是有限的数字或超过12位整数，已隔离（见“隔离的数值”），请重新填写"
    observation._default_manager.filter(pk=pk).update(
        state="returned", review_comment=reason, version=models.F("version") + 1
    )
    change._default_manager.create(
        observation_id=pk,
        action="隔离",
        old_value=None,
        new_value=None,
        old_state=old_state,
        new_state="returned",
        reason=reason,
    )


def _amounts(registry: Apps, record: Any) -> list[Quarantined]:
    """责任清单 progress amounts are JSON ({"0": "180"}): each entry is checked by the rule."""
    report = _model(registry, "tasks.ProgressReport")
    if report is None:
        return []
    done = []
    for pk, amounts in report._default_manager.exclude(amounts={}).values_list("pk", "amounts").iterator():
        if not isinstance(amounts, dict):
            continue
        kept = {}
        for index, text in amounts.items():
            try:
                check_amount(Decimal(str(text)), field="完成数量")
            except (NumberRefused, ArithmeticError, ValueError):
                shown = excerpt(str(text), 90)
                record.objects.create(
                    model="tasks.ProgressReport", object_id=str(pk), field=f"amounts[{index}]", raw=shown,
                    action="清空", row=_row(report, pk),
                )  # fmt: skip
                done.append(Quarantined("tasks.ProgressReport", str(pk), f"amounts[{index}]", shown, "清空"))
                continue
            kept[index] = text
        if len(kept) != len(amounts):
            report._default_manager.filter(pk=pk).update(amounts=kept)
    return done
