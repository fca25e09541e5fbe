"""From the database to healthaction.engine and back: statuses per series, scores and ranks.

A region is judged against its own target when it has one, else against the nearest ancestor's
(a county under a city plan inherits the city's targets; a township its county's). Only approved
values count. Keys passed to the engine: region code, indicator id as text.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import polars as pl
from django.db import connection, transaction
from django.db.models import FloatField, Max, Model
from django.db.models.functions import Cast

from web.monitoring.models import Observation, RegionScore, SeriesStatus
from web.monitoring.signals import statuses_refreshing
from web.plans.models import Baseline, Target
from web.regions.models import Region

if TYPE_CHECKING:
    from healthaction.engine import EvaluationInputs, PreparedEvaluation

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
    # (scanning every key per region and indicator was ~0.5 s for a county's nine siblings). Plain
    # tuples, not model rows: an approval's recompute reads 300 targets and 150 baselines.
    targets_by: dict[int, dict[str, list[tuple[Any, ...]]]] = {}
    # The unit goes with the indicator so that each sentence reads 「2024年实际值77.19%」, not a bare number.
    described: dict[str, tuple[int | None, str | None]] = {}
    # In the order entered (the first of two action texts for one year wins), without the model's
    # ordering by the indicator's region and name: two joins and a sort, a millisecond of an approval.
    for indicator_id, code, year, source, comparator, value, sign, unit in (
        Target.objects.filter(region__code__in=lineage)
        .order_by("pk")
        .values_list(
            "indicator_id",
            "region__code",
            "year",
            "source",
            "comparator",
            "value",
            "indicator__polarity",
            "indicator__unit",
        )
    ):
        targets_by.setdefault(indicator_id, {}).setdefault(code, []).append((year, source, comparator, value))
        described[str(indicator_id)] = (sign, unit or None)
    baselines_by: dict[int, dict[str, list[tuple[Any, ...]]]] = {}
    for indicator_id, code, base_year, base_value in (
        Baseline.objects.filter(region__code__in=lineage)
        .order_by()
        .values_list("indicator_id", "region__code", "year", "value")
    ):
        baselines_by.setdefault(indicator_id, {}).setdefault(code, []).append((base_year, base_value))
    indicator_ids = set(targets_by)

    # Column by column: a table from lists builds in a fraction of the time of one from a dict a row.
    targets: dict[str, list[Any]] = {"region": [], "indicator": [], "year": [], "comparator": [], "value": []}
    baselines: dict[str, list[Any]] = {"region": [], "indicator": [], "year": [], "value": []}
    for region in regions:
        upward = [c for c in reversed(region.path.split("/")) if c]
        for indicator_id in indicator_ids:
            by_region = targets_by[indicator_id]
            chosen: dict[int, tuple[Any, ...]] = {}
            for target in _nearest(by_region, upward):  # framework beats action text for the same year
                if target[0] not in chosen or target[1] == Target.Source.FRAMEWORK:
                    chosen[target[0]] = target
            if not chosen:
                continue
            indicator = str(indicator_id)
            for year, _, comparator, value in chosen.values():
                targets["region"].append(region.code)
                targets["indicator"].append(indicator)
                targets["year"].append(year)
                targets["comparator"].append(comparator)
                targets["value"].append(None if value is None else float(value))
            by_region_b = baselines_by.get(indicator_id, {})
            for year, value in _nearest(by_region_b, upward)[:1]:
                if year is not None and value is not None:
                    baselines["region"].append(region.code)
                    baselines["indicator"].append(indicator)
                    baselines["year"].append(year)
                    baselines["value"].append(float(value))
    observations = _approved_values(regions, indicator_ids)
    schema_t = {
        "region": pl.Utf8,
        "indicator": pl.Utf8,
        "year": pl.Int64,
        "comparator": pl.Utf8,
        "value": pl.Float64,
    }
    schema_o = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64}
    return EvaluationInputs(
        targets=pl.DataFrame(targets, schema=schema_t),
        observations=observations,
        baselines=pl.DataFrame(baselines, schema=schema_o),
        indicators=pl.DataFrame(
            {
                "indicator": list(described),
                "polarity": [p for p, _ in described.values()],
                "unit": [unit for _, unit in described.values()],
            },
            schema={"indicator": pl.Utf8, "polarity": pl.Int64, "unit": pl.Utf8},
        ),
        regions=pl.DataFrame(
            {
                "region": [r.code for r in regions],
                "parent": [r.path.split("/")[-3] if r.parent_id else None for r in regions],
            },
            schema={"region": pl.Utf8, "parent": pl.Utf8},
        ),
    )


def _approved_values(regions: list[Region], indicator_ids: set[int]) -> pl.DataFrame:
    """region (code), indicator (id as text), year, value of the approved values of ``indicator_ids``: one
    plain cursor read straight into a table (a country's 3.4 M values through model rows took minutes).

    The indicators are chosen in the table, not in SQL: PostgreSQL tests ``indicator_id IN (…150 ids)``
    against each row one id after another, 5 of the 6 ms an approval's county took to read."""
    schema = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64}
    if not indicator_ids:
        return pl.DataFrame(schema=schema)
    query = (
        Observation.objects.filter(region__in=[r.pk for r in regions], state=Observation.State.APPROVED)
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
        .filter(pl.col("indicator").is_in(list(indicator_ids)))
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
    model._default_manager.bulk_create(model(**row) for row in frame.iter_rows(named=True))


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
    """After a value is approved (or an approved one changed, or sent back), from its year on: its
    region's statuses and score, and the ranks among the region's siblings.

    Incremental: a value moves its own series and its region's score (the weighted sum of all the
    region's series); the siblings' scores stay as stored and are only ranked again. The engine runs
    on the one region (150 series, not the siblings' 1,350) and only rows that differ from the stored
    ones are written (the value's series; every series at a region's first approval, 无数据 ones
    too): evaluating and rewriting every sibling took half a second on a national database."""
    region = observation.region
    last = Observation.objects.aggregate(last=Max("year"))["last"] or observation.year
    years = range(observation.year, max(last, observation.year) + 1)
    inputs = evaluation_inputs([region])
    if inputs.targets.is_empty():
        return
    with transaction.atomic():
        statuses_refreshing.send(sender=Observation)
        prepared = _prepared(region.code, inputs)
        evaluations = {year: prepared.evaluate(inputs.observations, year=year) for year in years}
        by_code = {region.code: region}
        fresh = pl.concat([_status_rows(e.series, year) for year, e in evaluations.items()])
        _replace_changed_statuses(region, years, fresh, by_code)
        scores = pl.concat([_score_rows(e.scores, year) for year, e in evaluations.items()])
        _rescore(region, years, scores)


# A region's targets as prepared for the engine, kept in this process for its next approval (a reviewer
# approves a county's values one after another): preparing is a tenth of an approval's recompute. Used
# again only while everything `prepare` reads (targets, baselines, indicators, regions) is read equal.
PREPARED_KEPT = 64
_prepared_by_region: OrderedDict[str, tuple[EvaluationInputs, PreparedEvaluation]] = OrderedDict()
_prepared_lock = threading.Lock()  # the job worker runs its jobs (recomputes among them) in threads


def _prepared(key: str, inputs: EvaluationInputs) -> PreparedEvaluation:
    """healthaction.engine.prepare(inputs), or the one kept under ``key`` when made from equal inputs."""
    from healthaction.engine import prepare

    with _prepared_lock:
        kept = _prepared_by_region.get(key)
    if kept is not None and _same_plan(kept[0], inputs):
        return kept[1]
    prepared = prepare(inputs)
    with _prepared_lock:
        _prepared_by_region[key] = (inputs, prepared)
        _prepared_by_region.move_to_end(key)
        while len(_prepared_by_region) > PREPARED_KEPT:
            _prepared_by_region.popitem(last=False)
    return prepared


def _same_plan(kept: EvaluationInputs, inputs: EvaluationInputs) -> bool:
    """Whether two EvaluationInputs hold equal tables for all that `prepare` reads (types included)."""
    for name in ("targets", "baselines", "indicators", "regions", "adjustments"):
        a, b = getattr(kept, name), getattr(inputs, name)
        if a is None or b is None:
            if a is not b:
                return False
        elif a.schema != b.schema or not a.equals(b):
            return False
    return True


_STATUS_COLUMNS = (
    "status",
    "value",
    "expected",
    "target",
    "target_year",
    "value_year",
    "ratio",
    "explanation",
)


def _replace_changed_statuses(
    region: Region, years: range, fresh: pl.DataFrame, by_code: dict[str, Region]
) -> None:
    """Write the rows of ``fresh`` that differ from the region's stored statuses; delete stored rows
    the engine no longer gives (a target removed)."""
    stored = {
        (indicator_id, year): (pk, rest)
        for pk, indicator_id, year, *rest in SeriesStatus.objects.filter(
            region=region, year__in=years
        ).values_list("pk", "indicator_id", "year", *_STATUS_COLUMNS)
    }
    changed: list[int] = []  # rows of ``fresh``, read as plain tuples (not a dict a row)
    for index, (indicator_id, year, *values) in enumerate(
        fresh.select("indicator_id", "year", *_STATUS_COLUMNS).iter_rows()
    ):
        was = stored.pop((indicator_id, year), None)
        if was is None or tuple(was[1]) != tuple(values):
            changed.append(index)
            if was is not None:
                stored[(indicator_id, year)] = (was[0], None)  # to delete, then insert
    if stored:
        SeriesStatus.objects.filter(pk__in=[pk for pk, _ in stored.values()]).delete()
    if changed:
        _store(SeriesStatus, fresh[changed], by_code)


_SCORE_FIELDS = ("score", "final", "grade", "achieved", "assessed")


def _rescore(region: Region, years: range, scores: pl.DataFrame) -> None:
    """The region's scores in ``years`` as evaluated, its siblings' as stored, everyone ranked again from
    the stored finals by the engine's rule; only the rows that moved are written."""
    from healthaction.engine.ranks import ranked

    siblings = RegionScore.objects.filter(year__in=years)
    siblings = (
        siblings.filter(region__parent_id=region.parent_id)
        if region.parent_id is not None
        else siblings.filter(region=region)
    )
    rows = {(s.region_id, s.year): s for s in siblings}
    dirty: set[tuple[int, int]] = set()
    for new in scores.iter_rows(named=True):
        row = rows.get((region.pk, new["year"]))
        if row is None:
            row = rows[(region.pk, new["year"])] = RegionScore(region=region, year=new["year"])
        if any(getattr(row, f) != new[f] for f in _SCORE_FIELDS):
            for f in _SCORE_FIELDS:
                setattr(row, f, new[f])
            dirty.add((region.pk, new["year"]))
    for year in years:  # a region without series this year has no score: it drops out of the ranks
        if (region.pk, year) in rows and scores.filter(pl.col("year") == year).is_empty():
            rows.pop((region.pk, year)).delete()
    if not rows:
        return
    ordered = list(rows.values())
    frame = pl.DataFrame(
        {
            "parent": [s.year for s in ordered],  # one ranking per year among the siblings
            "final": [s.final for s in ordered],
            "achieved": [s.achieved for s in ordered],
            "vetoed": [False] * len(ordered),  # statuses_refresh passes no 加减分: nobody is vetoed
        },
        schema={"parent": pl.Int64, "final": pl.Float64, "achieved": pl.Int64, "vetoed": pl.Boolean},
    )
    for row, rank in zip(ordered, ranked(frame).to_list(), strict=True):
        if row.rank != rank:
            row.rank = rank
            dirty.add((row.region_id, row.year))
    RegionScore.objects.bulk_create([rows[k] for k in dirty if rows[k].pk is None])
    RegionScore.objects.bulk_update(
        [rows[k] for k in dirty if rows[k].pk is not None], ["rank", *_SCORE_FIELDS]
    )


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
        pl.col("value_year").cast(pl.Int64),
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
