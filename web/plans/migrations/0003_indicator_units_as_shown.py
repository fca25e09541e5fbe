"""Indicators already imported get the unit a new import gives them (healthaction.catalog's
``unit_to_show``): an empty label the catalog's unit, a label its numbers contradict (婴儿死亡率（%）
beside ≤7.5‰) the catalog's; their targets and reported values labelled the same follow. Numbers stay."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def settle_units(apps: Any, schema_editor: Any) -> None:
    from healthaction.catalog import unit_to_show

    indicator_model = apps.get_model("plans", "Indicator")
    target_model = apps.get_model("plans", "Target")
    baseline_model = apps.get_model("plans", "Baseline")
    observation_model = apps.get_model("monitoring", "Observation")
    for indicator in indicator_model.objects.all():
        targets = target_model.objects.filter(indicator=indicator)
        values = [float(v) for v in targets.exclude(value=None).values_list("value", flat=True)]
        values += [
            float(v)
            for v in baseline_model.objects.filter(indicator=indicator)
            .exclude(value=None)
            .values_list("value", flat=True)
        ]
        label = indicator.unit or None
        shown = unit_to_show(indicator.name, label, values)
        if not shown or shown == label:
            continue
        old = indicator.unit
        indicator.unit = shown
        indicator.save(update_fields=["unit"])
        targets.filter(unit__in=["", old]).update(unit=shown)
        observation_model.objects.filter(indicator=indicator, unit__in=["", old]).update(unit=shown)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0002_value_limits"),
        ("monitoring", "0010_series_status_value_year"),
    ]

    operations = [migrations.RunPython(settle_units, migrations.RunPython.noop)]
