"""Files in and out of ``healthaction evaluate``: validated CSV and plan input, formatted CSV output.

Validation lives here, at the edge (evaluation.md §1): every bad cell raises
``InputError`` with one line naming the file, line and column; the engine only computes.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from healthaction.evaluation_io.csv_table import CsvTable, read_table
from healthaction.evaluation_io.errors import InputError, raised_after
from healthaction.evaluation_io.observations import typed_observations
from healthaction.evaluation_io.records import (
    BASELINE_COLUMNS,
    TARGET_COLUMNS,
    Places,
    baseline_frame,
    read_baselines,
    read_targets,
    target_frame,
)
from healthaction.evaluation_io.series_inputs import SeriesInputs, prepare_series

__all__ = ["InputError", "InputFiles", "SeriesInputs", "load_inputs"]


@dataclass(frozen=True)
class InputFiles:
    """The files of one evaluation; ``targets`` or ``plan`` (or both) must be given."""

    observations: Path
    targets: Path | None = None
    plan: Path | None = None
    plan_region: str | None = None
    baselines: Path | None = None
    indicators: Path | None = None
    regions: Path | None = None
    adjustments: Path | None = None


def _optional(
    path: Path | None, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> CsvTable | None:
    return None if path is None else read_table(path, required, optional)


def _together(frames: list[pl.DataFrame]) -> pl.DataFrame:
    """The rows of every frame (one schema), without copying the one that holds them all: the
    plan's frame is usually empty, and concatenating it to 853,200 targets cost a fifth of a second."""
    given = [frame for frame in frames if frame.height]
    return given[0] if len(given) == 1 else pl.concat(frames)


OBSERVATION_COLUMNS = ("region", "indicator", "year", "value")


def load_inputs(files: InputFiles) -> SeriesInputs:
    """Read, check and convert every input file into the engine's tables.

    The observations file, by far the largest (5 M rows for the country), is read and its plain
    cells typed on a thread of its own while the plan, targets and baselines are read and
    checked: polars lets go of the interpreter while it works, so both cores are busy. Its
    errors still come in the order of the files: each is raised where it was raised before."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="healthaction-observations")
    try:
        table = pool.submit(read_table, files.observations, OBSERVATION_COLUMNS, ("unit",))
        typed = pool.submit(lambda: typed_observations(table.result()))
        return _load_inputs(files, table, typed)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _load_inputs(
    files: InputFiles, observations_table: Future[CsvTable], typed: Future[pl.DataFrame]
) -> SeriesInputs:
    places = Places()
    targets = [target_frame([])]
    baselines = [baseline_frame([])]
    warnings: list[str] = []
    if files.plan is not None:
        from healthaction.evaluation_io.plan_inputs import (
            plan_records,
            read_plan,
        )  # pydantic: only when asked

        plan_targets, plan_baselines, warnings = plan_records(
            read_plan(files.plan), files.plan.name, files.plan_region
        )
        targets.append(target_frame(plan_targets))
        baselines.append(baseline_frame(plan_baselines))
    if files.targets is not None:
        table = read_table(files.targets, TARGET_COLUMNS, ("comparator", "value", "target", "unit"))
        split = table.has("target")  # one cell ≥22 instead of comparator and value
        missing = [c for c in ("comparator", "value") if not table.has(c) and not split]
        if missing:
            raise InputError(
                f"{table.name} 第{table.header_line}行",
                f"缺少列 {'、'.join(missing)}（表头应为 region,indicator,year,comparator,value[,unit]，"
                "或以 target 列写「≥22」）",
            )
        places.add(table)
        targets.append(read_targets(table))
    if files.targets is None and files.plan is None:
        raise InputError("evaluate", "需要 --targets 或 --plan")
    if files.baselines is not None:
        table = read_table(files.baselines, BASELINE_COLUMNS, ("unit",))
        places.add(table)
        baselines.append(read_baselines(table))
    with raised_after(observations_table):  # the settings files come after the observations
        indicators = _optional(
            files.indicators, ("indicator",), ("unit", "polarity", "decimals", "max_age", "weight")
        )
        regions = _optional(files.regions, ("region", "parent"))
        adjustments = _optional(files.adjustments, ("region", "year", "kind", "points"), ("reason",))
    prepared = prepare_series(
        _together(targets),
        _together(baselines),
        observations_table,
        places,
        indicators=indicators,
        regions=regions,
        adjustments=adjustments,
        typed_observations=typed,
    )
    prepared.warnings[:0] = warnings
    return prepared
