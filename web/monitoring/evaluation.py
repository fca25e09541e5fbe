"""From the database to healthaction.engine and back: statuses per series, scores and ranks.

A region is judged against its own target when it has one, else against the nearest ancestor's
(a county under a city plan inherits the city's targets; a township its county's). Only approved
values count. Keys passed to the engine: region code, indicator id as text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import polars as pl
from django.db import connection, transaction
from django.db.models import FloatField, Max, Model
from django.db.models.functions import Cast

from web.monitoring.models import Observation, RegionScore, SeriesStatus
from web.monitoring.signals import statuses_refreshing
from web.plans.models import Baseline, Indicator, Target
from web.regions.models import Region

FIRST_YEAR = 2018


def _nearest(rows_by_region: dict[str, list[Any]], upward: list[str]) -> list[Any]:
    """Rows of the region itself, else of its nearest ancestor that has some (``upward``: the
    region's code, then its parent's, up to the root)."""
    for code in upward:
        if code in rows_by_region:
            return rows_by_region[code]
    return []


def evaluation_inputs(regions: list[Region]) -> Any:
    """EvaluationInputs for ``regions`` (each with its nearest targets and baselines)."""
    from healthaction.engine import EvaluationInputs

    lineage = {code for r in regions for code in r.path.split("/") if code}
    # indicator → region code → rows: each region's look-up below reads its indicator's rows only
    # (scanning every key per region and indicator was ~0.5 s for a county's nine siblings).
    targets_by: dict[int, dict[str, list[Target]]] = {}
    for target in Target.objects.filter(region__code__in=lineage).select_related("region"):
        targets_by.setdefault(target.indicator_id, {}).setdefault(target.region.code, []).append(target)
    baselines_by: dict[int, dict[str, list[Baseline]]] = {}
    for baseline in Baseline.objects.filter(region__code__in=lineage).select_related("region"):
        by_code = baselines_by.setdefault(baseline.indicator_id, {})
        by_code.setdefault(baseline.region.code, []).append(baseline)
    indicator_ids = set(targets_by)

    target_rows: list[dict[str, Any]] = []
    baseline_rows: list[dict[str, Any]] = []
    for region in regions:
        upward = [c for c in reversed(region.path.split("/")) if c]
        for indicator_id in indicator_ids:
            by_region = targets_by[indicator_id]
            chosen: dict[int, Target] = {}
            for target in _nearest(by_region, upward):  # framework beats action text for the same year
                if target.year not in chosen or target.source == Target.Source.FRAMEWORK:
                    chosen[target.year] = target
            for target in chosen.values():
                target_rows.append(
                    {
                        "region": region.code,
                        "indicator": str(indicator_id),
                        "year": target.year,
                        "comparator": target.comparator,
                        "value": None if target.value is None else float(target.value),
                    }
                )
            if not chosen:
                continue
            by_region_b = baselines_by.get(indicator_id, {})
            for baseline in _nearest(by_region_b, upward)[:1]:
                if baseline.year is not None and baseline.value is not None:
                    baseline_rows.append(
                        {
                            "region": region.code,
                            "indicator": str(indicator_id),
                            "year": baseline.year,
                            "value": float(baseline.value),
                        }
                    )
    observations = _approved_values(regions, indicator_ids)
    polarity = {
        str(pk): p for pk, p in Indicator.objects.filter(pk__in=indicator_ids).values_list("pk", "polarity")
    }
    schema_t = {
        "region": pl.Utf8,
        "indicator": pl.Utf8,
        "year": pl.Int64,
        "comparator": pl.Utf8,
        "value": pl.Float64,
    }
    schema_o = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64}
    return EvaluationInputs(
        targets=pl.DataFrame(target_rows, schema=schema_t),
        observations=observations,
        baselines=pl.DataFrame(baseline_rows, schema=schema_o),
        indicators=pl.DataFrame(
            [{"indicator": k, "polarity": v} for k, v in polarity.items()],
            schema={"indicator": pl.Utf8, "polarity": pl.Int64},
        ),
        regions=pl.DataFrame(
            [{"region": r.code, "parent": r.path.split("/")[-3] if r.parent_id else None} for r in regions],
            schema={"region": pl.Utf8, "parent": pl.Utf8},
        ),
    )


def _approved_values(regions: list[Region], indicator_ids: set[int]) -> pl.DataFrame:
    """region (code), indicator (id as text), year, value of the approved values: one plain cursor read
    straight into a table (a country's 3.4 M values through model rows took minutes)."""
    schema = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64}
    if not indicator_ids:
        return pl.DataFrame(schema=schema)
    query = (
        Observation.objects.filter(
            region__in=[r.pk for r in regions],
            indicator_id__in=indicator_ids,
            state=Observation.State.APPROVED,
        )
        .annotate(number=Cast("value", FloatField()))
        .values_list("region_id", "indicator_id", "year", "number")
        .order_by()
    )
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    raw = {"region_id": pl.Int64, "indicator": pl.Int64, "year": pl.Int64, "value": pl.Float64}
    codes = pl.DataFrame(
        {"region_id": [r.pk for r in regions], "region": [r.code for r in regions]},
        schema={"region_id": pl.Int64, "region": pl.Utf8},
    )
    return (
        pl.DataFrame(rows, schema=raw, orient="row")
        .join(codes, on="region_id", how="left")
        .select("region", pl.col("indicator").cast(pl.Utf8), "year", "value")
    )


# Above this many rows a year's statuses go in by COPY on PostgreSQL (a national recompute: 480,000 a
# year); below it, bulk_create (an approval's siblings: about 1,350).
COPY_FROM = 20_000


def _store(model: type[Model], frame: pl.DataFrame, by_code: dict[str, Region]) -> None:
    """Insert ``frame``'s rows (columns named as ``model``'s fields, ``region`` a code) into ``model``."""
    ids = pl.DataFrame(
        {"region": list(by_code), "region_id": [r.pk for r in by_code.values()]},
        schema={"region": pl.Utf8, "region_id": pl.Int64},
    )
    frame = frame.join(ids, on="region", how="inner").drop("region")
    if connection.vendor == "postgresql" and frame.height >= COPY_FROM:
        columns = ", ".join(connection.ops.quote_name(c) for c in frame.columns)
        table = connection.ops.quote_name(model._meta.db_table)
        sql = f"COPY {table} ({columns}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
        with connection.cursor() as cursor, cursor.copy(sql) as copy:
            for start in range(0, frame.height, 100_000):
                copy.write(frame.slice(start, 100_000).write_csv(include_header=False, null_value="\\N"))
        return
    model.objects.bulk_create(model(**row) for row in frame.iter_rows(named=True))


@transaction.atomic
def statuses_refresh(*, regions: list[Region], years: Iterable[int]) -> int:
    """Run the engine for ``regions`` in each year and store statuses and scores. Returns series stored."""
    from healthaction.engine import prepare

    if not regions:
        return 0
    inputs = evaluation_inputs(regions)
    if inputs.targets.is_empty():
        return 0
    by_code = {r.code: r for r in regions}
    stored = 0
    # In this transaction: a dashboard reading the new token reads the new statuses too.
    statuses_refreshing.send(sender=Observation)
    # Targets, baselines and indicators are the same for every year: key them once.
    prepared = prepare(inputs)
    ids = [r.pk for r in regions]
    for year in years:
        evaluation = prepared.evaluate(inputs.observations, year=year)
        SeriesStatus.objects.filter(region__in=ids, year=year).delete()
        series = _status_rows(evaluation.series, year)
        _store(SeriesStatus, series, by_code)
        stored += series.height
        RegionScore.objects.filter(region__in=ids, year=year).delete()
        scores = _score_rows(evaluation.scores.filter(pl.col("region").is_in(list(by_code))), year)
        _store(RegionScore, scores, by_code)
    return stored


def statuses_refresh_after(observation: Observation) -> None:
    """After a value is approved (or an approved one changed, or sent back), from its year on: the
    series it belongs to, its region's score, and the ranks among the region's siblings.

    Incremental: a value moves its own series and its region's score (the weighted sum of all the
    region's series); the siblings' scores stay as stored and are only ranked again. The engine runs
    on the one region (150 series, not the siblings' 1,350) and each year rewrites that region's rows
    (all of them: a region's first approval stores its 无数据 series too) and the ranks that moved;
    evaluating and rewriting every sibling took half a second on a national database."""
    from healthaction.engine import prepare
    from healthaction.engine.ranks import ranked

    region = observation.region
    last = Observation.objects.aggregate(last=Max("year"))["last"] or observation.year
    years = range(observation.year, max(last, observation.year) + 1)
    inputs = evaluation_inputs([region])
    if inputs.targets.is_empty():
        return
    with transaction.atomic():
        statuses_refreshing.send(sender=Observation)
        prepared = prepare(inputs)
        by_code = {region.code: region}
        for year in years:
            evaluation = prepared.evaluate(inputs.observations, year=year)
            SeriesStatus.objects.filter(region=region, year=year).delete()
            _store(SeriesStatus, _status_rows(evaluation.series, year), by_code)
            RegionScore.objects.filter(region=region, year=year).delete()
            _store(RegionScore, _score_rows(evaluation.scores, year), by_code)
        _rank_siblings(region, years, ranked)


def _rank_siblings(region: Region, years: range, ranked: Any) -> None:
    """Rank ``region`` and its siblings again in ``years`` from their stored finals; write the ranks
    that moved."""
    sibling_scores = list(
        RegionScore.objects.filter(region__parent_id=region.parent_id, year__in=years)
        if region.parent_id is not None
        else RegionScore.objects.filter(region=region, year__in=years)
    )
    if not sibling_scores:
        return
    frame = pl.DataFrame(
        {
            "parent": [s.year for s in sibling_scores],  # one ranking per year among the siblings
            "final": [s.final for s in sibling_scores],
            "achieved": [s.achieved for s in sibling_scores],
            "vetoed": [False] * len(sibling_scores),  # statuses_refresh passes no 加减分: nobody is vetoed
        },
        schema={"parent": pl.Int64, "final": pl.Float64, "achieved": pl.Int64, "vetoed": pl.Boolean},
    )
    moved = []
    for score, rank in zip(sibling_scores, ranked(frame).to_list(), strict=True):
        if score.rank != rank:
            score.rank = rank
            moved.append(score)
    RegionScore.objects.bulk_update(moved, ["rank"])


def _status_rows(series: pl.DataFrame, year: int) -> pl.DataFrame:
    return series.select(
        "region",
        pl.col("indicator").cast(pl.Int64).alias("indicator_id"),
        pl.lit(year, dtype=pl.Int64).alias("year"),
        "status",
        "value",
        "expected",
        "target",
        "target_year",
        "ratio",
        pl.col("explanation").fill_null(""),
    )


def _score_rows(scores: pl.DataFrame, year: int) -> pl.DataFrame:
    return scores.select(
        "region",
        pl.lit(year, dtype=pl.Int64).alias("year"),
        "score",
        "final",
        pl.col("grade").fill_null(""),
        "rank",
        pl.col("achieved").fill_null(0),
        pl.col("assessed").fill_null(0),
    )
