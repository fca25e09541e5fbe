"""`evaluate`: statuses of every series, then 考核 scores and ranks of every region at t*."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from healthaction.engine import explain, ranks, scores
from healthaction.engine.comparators import check_comparators
from healthaction.engine.exact import MAX_MAGNITUDE, decimal_to_float, ratio_to_float, scaled_to_float
from healthaction.engine.frames import ENGINE
from healthaction.engine.judgement import FLAGS, Judgement, first_of
from healthaction.engine.model import (
    DEFAULT_OPTIONS,
    SCORE_COLUMNS,
    SERIES_COLUMNS,
    Evaluation,
    EvaluationInputs,
    EvaluationOptions,
)
from healthaction.engine.series import (
    TARGETS_SCHEMA,
    Names,
    aligned,
    first_per_year,
    given_baselines,
    indicator_parameters,
    reported_points,
    series_frame,
    static_frame,
    typed,
)
from healthaction.engine.slow import judge_slow, slow_verdicts
from healthaction.engine.status import effective_target, judge_numeric, numeric_facts, with_ratio
from healthaction.engine.trajectory import expected
from healthaction.engine.word_comparators import judge_words

logger = logging.getLogger(__name__)

KINDS = frozenset(("numeric", "word", "slow"))
GENERIC_FLAGS = ("assumed_polarity", "baseline_substituted", "deadline_passed", "missing", "stale")


def evaluate(
    inputs: EvaluationInputs, *, year: int, options: EvaluationOptions = DEFAULT_OPTIONS
) -> Evaluation:
    """Every series with a target: status, expected value, ratio, score fraction, flags, explanation."""
    return prepare(inputs).evaluate(inputs.observations, year=year, options=options)


def prepare(inputs: EvaluationInputs) -> PreparedEvaluation:
    """The parts of `inputs` that do not depend on the observations, checked and keyed once.

    For re-evaluating the same targets as values come in (a city after each approval):
    `prepare(inputs).evaluate(observations, year=…)` equals `evaluate` on the same tables.
    `inputs.observations` is not read.
    """
    check_comparators(inputs.targets)
    _check_magnitudes(targets=inputs.targets, baselines=inputs.baselines)
    names = Names.of(inputs.targets)
    targets = first_per_year(
        names.keyed(typed(inputs.targets, {**TARGETS_SCHEMA, "value": pl.Float64})).collect(engine=ENGINE)
    )
    parameters = indicator_parameters(targets.lazy(), inputs.indicators, names)
    return PreparedEvaluation(
        names=names,
        targets=targets,
        parameters=parameters.sort("indicator_code").collect(engine=ENGINE),
        given=given_baselines(inputs.baselines, names),
        parents=_parents(inputs.regions),
        adjustments=inputs.adjustments,
    )


@dataclass(frozen=True)
class PreparedEvaluation:
    """Targets, indicator parameters, baselines and regions of `prepare`, ready for any observations."""

    names: Names
    targets: pl.DataFrame  # keyed, (key, year) order, one row per series and year
    parameters: pl.DataFrame  # indicator_code order
    given: pl.DataFrame  # key → given_year, given_value
    parents: pl.DataFrame  # region → parent
    adjustments: pl.DataFrame | None
    # t* → the static columns of every series (`series.static_frame`), filled on first use.
    statics: dict[int, pl.DataFrame] = field(default_factory=dict, compare=False, repr=False)

    def evaluate(
        self, observations: pl.DataFrame, *, year: int, options: EvaluationOptions = DEFAULT_OPTIONS
    ) -> Evaluation:
        """`evaluate` of the prepared targets with these observations (region, indicator, year, value)."""
        _check_magnitudes(observations=observations)
        static = self.statics.get(year)
        if static is None:
            static = self.statics.setdefault(
                year, static_frame(self.targets, self.parameters, self.given, year)
            )
        return _evaluated(self, static, observations, year, options)


def _evaluated(
    prepared: PreparedEvaluation,
    static: pl.DataFrame,
    observations: pl.DataFrame,
    year: int,
    options: EvaluationOptions,
) -> Evaluation:
    names, targets = prepared.names, prepared.targets
    points = reported_points(observations, names, year).lazy()
    frame = series_frame(static, points, year)
    table = effective_target(frame.with_columns(pl.col("key").alias("sid")), year).collect(engine=ENGINE)
    slow = slow_verdicts(table, points)
    keys = table.get_column("sid")
    path = expected(table, targets, year, options.trajectory).collect(engine=ENGINE).rename({"sid": "key"})
    parts = [table, aligned(keys, path), aligned(keys, slow.rename({"sid": "key"}).sort("key"))]
    lazy = (
        pl.concat(parts, how="horizontal")
        .lazy()
        .with_columns((pl.col("progress") & pl.col("expected_num").is_not_null()).alias("progress"))
    )
    # Only the rule tables of the kinds present: a county's plan of numeric targets alone skips the
    # words' and `slow`'s expressions (a condition false on every row changes nothing in `first_of`).
    kinds = frozenset(table.get_column("kind").unique().to_list()) or KINDS  # no rows: typed as ever
    plan = with_ratio(lazy).with_columns(numeric_facts()).with_columns(_judgement(year, kinds))
    columns = [*_series_columns(year), explain.label().alias("label")]
    shown = {"status", "comparator", "value_year", "baseline_year", "target_year"}  # in `columns` already
    kept = [name for name in explain.NEEDED if name not in shown] if options.explain else []
    judged = (
        plan.select("key", *columns, "score_num", "score_den", *kept)
        .sort("key")
        .with_columns(names.decoded())
        .collect(engine=ENGINE)
    )
    logger.debug("evaluated %d series at %d", judged.height, year)
    if options.explain:
        explanation = explain.sentences(judged, year)
    else:
        explanation = pl.repeat(None, judged.height, dtype=pl.Utf8, eager=True).alias("explanation")
    series = judged.select(*SERIES_COLUMNS, "mode", explanation.alias("explanation"), "label")
    return Evaluation(series=series, scores=_scores_table(judged, prepared, year, options))


@functools.lru_cache(maxsize=64)
def _judgement(year: int, present: frozenset[str]) -> tuple[pl.Expr, ...]:
    """Status, score fraction and one boolean column per flag, from the rule table of each kind
    `present` (the others' conditions would be false on every row).

    Built once per t* and kinds (building the expressions costs a city more than running them).
    """
    every: dict[str, Callable[[], Judgement]] = {
        "numeric": lambda: judge_numeric(year),
        "word": lambda: judge_words(year),
        "slow": judge_slow,
    }
    kinds = {name: judgement() for name, judgement in every.items() if name in present}
    kind = pl.col("kind")

    def pick(part: str) -> pl.Expr:
        cases = [(kind == name, getattr(judgement, part)) for name, judgement in kinds.items()]
        return first_of(cases, pl.lit(None))

    flags = {name: pl.col(name) for name in ("stale", "missing", "baseline_substituted", "deadline_passed")}
    flags["assumed_polarity"] = pl.col("assumed_polarity")
    for name in FLAGS:
        if name in GENERIC_FLAGS:
            continue
        parts = [(kind == k) & j.flags[name] for k, j in kinds.items() if name in j.flags]
        flags[name] = pl.any_horizontal(parts).fill_null(False) if parts else pl.lit(False)
    return (
        pick("status").alias("status"),
        pick("score_num").alias("score_num"),
        pick("score_den").alias("score_den"),
        *[expr.fill_null(False).alias(f"flag_{name}") for name, expr in flags.items()],
    )


@functools.lru_cache(maxsize=8)
def _series_columns(year: int) -> tuple[pl.Expr, ...]:
    numbers = {"value": "y_s", "baseline": "y0_s", "target": "target_s"}
    flags = pl.concat_str(
        [pl.when(pl.col(f"flag_{name}")).then(pl.lit(name)) for name in FLAGS],
        separator=";",
        ignore_nulls=True,
    )
    mode = first_of(
        [
            (pl.col("kind") != "numeric", pl.lit(None, dtype=pl.Utf8)),
            (pl.col("progress"), pl.lit("progress")),
        ],
        pl.lit("maintain"),
    )
    expected_value = ratio_to_float(pl.col("expected_num"), pl.col("expected_den") * 1_000_000)
    return (
        pl.lit(year, dtype=pl.Int64).alias("year"),
        pl.col("status"),
        *[scaled_to_float(pl.col(column)).alias(name) for name, column in numbers.items()],
        pl.col("value_year").cast(pl.Int64),
        pl.col("baseline_year").cast(pl.Int64),
        pl.col("target_year").cast(pl.Int64),
        pl.col("comparator"),
        pl.when(pl.col("ratio_num").is_not_null()).then(expected_value).alias("expected"),
        ratio_to_float(pl.col("ratio_num"), pl.col("ratio_den")).alias("ratio"),
        ratio_to_float(pl.col("score_num"), pl.col("score_den")).alias("score_fraction"),
        pl.col("weight").cast(pl.Float64),
        flags.alias("flags"),
        mode.alias("mode"),
    )


def _parents(regions: pl.DataFrame | None) -> pl.DataFrame:
    if regions is None:
        return pl.DataFrame(schema={"region": pl.Utf8, "parent": pl.Utf8})
    parents = regions.select(pl.col("region").cast(pl.Utf8), pl.col("parent").cast(pl.Utf8))
    return parents.unique(subset=["region"], keep="first", maintain_order=True)


def _scores_table(
    judged: pl.DataFrame, prepared: PreparedEvaluation, year: int, options: EvaluationOptions
) -> pl.DataFrame:
    sums = scores.region_scores(
        judged.lazy().select("region", "weight", "score_num", "score_den", "status"),
        prepared.adjustments,
        year,
        options,
    )
    ranked = sums.lazy().join(prepared.parents.lazy(), on="region", how="left")
    return ranked.select(_score_columns(year, options.tie_break)).sort("region").collect(engine=ENGINE)


@functools.lru_cache(maxsize=8)
def _score_columns(year: int, tie_break: str | None) -> tuple[pl.Expr, ...]:
    """SCORE_COLUMNS from the summed scores (one query: built once, run once)."""
    columns = {
        "region": pl.col("region"),
        "parent": pl.col("parent"),
        "year": pl.lit(year, dtype=pl.Int64),
        "score": decimal_to_float(pl.col("score_h"), 2),
        "bonus": scaled_to_float(pl.col("bonus_s")),
        "deduction": scaled_to_float(pl.col("deduction_s")),
        "final": decimal_to_float(pl.col("final_h"), 2),
        "grade": scores.grade(pl.col("final_h")),
        "rank": ranks.rank(tie_break),
        "vetoed": pl.col("vetoed"),
        "achieved": pl.col("achieved"),
        "assessed": pl.col("assessed"),
    }
    return tuple(columns[name].alias(name) for name in SCORE_COLUMNS)


def _check_magnitudes(**tables: pl.DataFrame | None) -> None:
    for name, table in tables.items():
        if table is None or table.height == 0:
            continue
        largest = table.select(pl.col("value").cast(pl.Float64).abs().max()).item()
        if largest is not None and largest >= MAX_MAGNITUDE:
            raise ValueError(f"{name}：数值 {largest:g} 超出可精确计算的范围（绝对值须小于 10^12）")
