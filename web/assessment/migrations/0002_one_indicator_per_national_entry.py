"""One series per indicator per region: indicators of one region that the catalog matched to the same
national entry (a 考核指标框架 row and an action's target, written two ways) become one.

The survivor is the indicator with framework targets (the 考核's name), else the oldest. Targets,
baselines, observations (with their change history and evidence), statuses, owners, actions, 考核
items and 复核 values move to it. Where both hold a value for the same region and year, the
approved one is kept (the survivor's on a tie) and the other is written into the kept one's history
as a 合并指标 change, so nothing reported is lost from the record. Published 考核 snapshots are
frozen JSON and stay as they were.

It lives in ``assessment`` (the highest app that refers to indicators), since it touches plans,
monitoring and assessment rows.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations
from django.db.models import Count

_STATE_RANK = {"approved": 0, "submitted": 1, "returned": 2, "draft": 3}


def _merge_observations(apps: Any, keep: Any, gone: Any) -> None:
    observation_model = apps.get_model("monitoring", "Observation")
    change_model = apps.get_model("monitoring", "ObservationChange")
    evidence_model = apps.get_model("monitoring", "Evidence")
    kept = {(o.region_id, o.year): o for o in observation_model.objects.filter(indicator=keep)}
    for other in observation_model.objects.filter(indicator=gone):
        mine = kept.get((other.region_id, other.year))
        if mine is None:
            other.indicator = keep
            other.save(update_fields=["indicator"])
            continue
        # Both reported this year: the approved one stays (the survivor's on a tie).
        winner, loser = (
            (other, mine)
            if _STATE_RANK.get(other.state, 9) < _STATE_RANK.get(mine.state, 9)
            else (mine, other)
        )
        change_model.objects.filter(observation=loser).update(observation=winner)
        evidence_model.objects.filter(observation=loser).update(observation=winner)
        change_model.objects.create(
            observation=winner,
            action="合并指标",
            old_value=loser.value,
            new_value=winner.value,
            old_state=loser.state,
            new_state=winner.state,
            reason=f"「{gone.name}」并入「{keep.name}」（同一国家指标「{keep.catalog_name}」）：该年另有上报值"
            f"{'空' if loser.value is None else format(loser.value.normalize(), 'f')}，保留本值",
        )
        loser.delete()
        if winner is other:
            other.indicator = keep
            other.save(update_fields=["indicator"])


def _merge(apps: Any, keep: Any, gone: Any) -> None:
    target_model = apps.get_model("plans", "Target")
    baseline_model = apps.get_model("plans", "Baseline")
    status_model = apps.get_model("monitoring", "SeriesStatus")
    item_model = apps.get_model("assessment", "SchemeIndicator")
    reviewed_model = apps.get_model("assessment", "ReviewedValue")
    for target in target_model.objects.filter(indicator=gone):
        duplicate = target_model.objects.filter(
            indicator=keep,
            region_id=target.region_id,
            year=target.year,
            source=target.source,
            document_id=target.document_id,
        ).exists()
        if duplicate:
            target.delete()
        else:
            target.indicator = keep
            target.save(update_fields=["indicator"])
    for baseline in baseline_model.objects.filter(indicator=gone):
        if baseline_model.objects.filter(indicator=keep, region_id=baseline.region_id).exists():
            baseline.delete()
        else:
            baseline.indicator = keep
            baseline.save(update_fields=["indicator"])
    _merge_observations(apps, keep, gone)
    # Statuses are the engine's output: the survivor's stand, the rest move; the next refresh redoes them.
    have = set(status_model.objects.filter(indicator=keep).values_list("region_id", "year"))
    for status in status_model.objects.filter(indicator=gone):
        if (status.region_id, status.year) in have:
            status.delete()
        else:
            status.indicator = keep
            status.save(update_fields=["indicator"])
    for item in item_model.objects.filter(indicator=gone):
        if item_model.objects.filter(scheme_id=item.scheme_id, indicator=keep).exists():
            item.delete()  # the scheme listed the one indicator twice: its survivor's weight stands
        else:
            item.indicator = keep
            item.save(update_fields=["indicator"])
    for reviewed in reviewed_model.objects.filter(indicator=gone):
        clash = reviewed_model.objects.filter(
            scheme_id=reviewed.scheme_id, region_id=reviewed.region_id, indicator=keep, year=reviewed.year
        ).exists()
        if clash:
            reviewed.delete()
        else:
            reviewed.indicator = keep
            reviewed.save(update_fields=["indicator"])
    keep.owners.add(*gone.owners.all())
    keep.actions.add(*gone.actions.all())
    if not keep.unit and gone.unit:
        keep.unit = gone.unit
        keep.save(update_fields=["unit"])
    gone.delete()


def merge_same_national_indicator(apps: Any, schema_editor: Any) -> None:
    indicator_model = apps.get_model("plans", "Indicator")
    target_model = apps.get_model("plans", "Target")
    groups = (
        indicator_model.objects.exclude(catalog_name="")
        .values("region_id", "catalog_name")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    for group in groups:
        indicators = list(
            indicator_model.objects.filter(
                region_id=group["region_id"], catalog_name=group["catalog_name"]
            ).order_by("pk")
        )
        framework = set(
            target_model.objects.filter(indicator__in=indicators, source="framework").values_list(
                "indicator_id", flat=True
            )
        )
        indicators.sort(key=lambda i: (i.pk not in framework, i.pk))
        keep, *others = indicators
        for gone in others:
            _merge(apps, keep, gone)


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0001_initial"),
        ("monitoring", "0003_observation_demo_index"),
        # Values the one number rule cannot hold (±inf) are moved aside first: loading one fails.
        ("monitoring", "0005_quarantine_stored_values"),
        ("plans", "0001_initial"),
    ]

    operations = [migrations.RunPython(merge_same_national_indicator, migrations.RunPython.noop)]
