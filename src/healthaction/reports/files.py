"""A report from files, without a database: a plan (JSON or the document itself) and the evaluate CSVs.

The CSVs are read and checked by ``healthaction.evaluation_io`` exactly as ``evaluate``
reads them; the engine runs for the year and the year before (for year-on-year changes).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from healthaction.engine import Evaluation, EvaluationInputs, EvaluationOptions, prepare
from healthaction.evaluation_io import InputFiles, SeriesInputs, load_inputs
from healthaction.evaluation_io.cells import number
from healthaction.evaluation_io.csv_table import read_table
from healthaction.evaluation_io.plan_inputs import read_plan
from healthaction.plan import Plan
from healthaction.reports.collect import build_report_data
from healthaction.reports.errors import ReportError
from healthaction.reports.model import Kind, ReportData, ReviewedValue


@dataclass(frozen=True)
class ReportFiles:
    plan: Path
    observations: Path
    targets: Path | None = None
    baselines: Path | None = None
    indicators: Path | None = None
    regions: Path | None = None
    adjustments: Path | None = None
    reviews: Path | None = None  # 复核: region,indicator,reported,reviewed,reason


@dataclass(frozen=True)
class Loaded:
    data: ReportData
    warnings: list[str]


def read_plan_file(path: Path) -> Plan:
    """Plan JSON as ``healthaction parse`` writes it, or any plan document the parser reads."""
    if path.suffix.lower() == ".json":
        return read_plan(path)
    from healthaction.ingest import parse_file

    return parse_file(path)


def read_reviews(path: Path) -> list[ReviewedValue]:
    table = read_table(path, ("region", "indicator", "reported", "reviewed"), ("reason",))
    reviews = []
    for row in table:
        reported, reviewed = (number(row, c, required=False) for c in ("reported", "reviewed"))
        reviews.append(
            ReviewedValue(
                region=row["region"],
                indicator=row["indicator"],
                reported=None if reported is None else float(reported),
                reviewed=None if reviewed is None else float(reviewed),
                reason=(row["reason"].strip() if table.has("reason") else "") or "未注明原因",
            )
        )
    return reviews


def _prepared(files: ReportFiles, plan: Plan, region: str | None) -> SeriesInputs:
    with tempfile.TemporaryDirectory(prefix="healthaction-report-") as folder:
        plan_json = files.plan
        if files.plan.suffix.lower() != ".json":  # the loader reads plan JSON: hand it the parsed plan
            plan_json = Path(folder) / f"{files.plan.name}.json"
            plan_json.write_text(plan.to_json(), encoding="utf-8")
        return load_inputs(
            InputFiles(
                observations=files.observations,
                targets=files.targets,
                plan=plan_json,
                plan_region=region,
                baselines=files.baselines,
                indicators=files.indicators,
                regions=files.regions,
                adjustments=files.adjustments,
            )
        )


def _has_values_before(observations: pl.DataFrame, year: int) -> bool:
    return observations.filter((pl.col("year") < year) & pl.col("value").is_not_null()).height > 0


def evaluate_year_and_previous(
    inputs: EvaluationInputs, year: int, options: EvaluationOptions | None = None
) -> tuple[Evaluation, Evaluation | None]:
    """The report year's evaluation and, where values exist before it, the year before's (同比)."""
    options = options or EvaluationOptions()
    try:
        prepared = prepare(inputs)  # the targets keyed once for both years
        current = prepared.evaluate(inputs.observations, year=year, options=options)
        before = _has_values_before(inputs.observations, year)
        previous = prepared.evaluate(inputs.observations, year=year - 1, options=options) if before else None
    except ValueError as exc:
        raise ReportError(str(exc)) from None
    return current, previous


def report_from_files(
    kind: Kind,
    files: ReportFiles,
    *,
    year: int | None = None,
    region: str | None = None,
    action: str | None = None,
    issuer: str | None = None,
    date: dt.date | None = None,
    options: EvaluationOptions | None = None,
) -> Loaded:
    """Read, evaluate and collect: the ReportData of one report (InputError / ReportError on bad input)."""
    plan = read_plan_file(files.plan)
    prepared = _prepared(files, plan, None if kind == "assessment" else region)
    year = year if year is not None else prepared.latest_year
    if year is None:
        raise ReportError(
            f"{files.observations.name}：没有任何已报告的观测值，无法确定报告年份，请用 --year 指定"
        )
    where = region or plan.region
    if where is None:
        raise ReportError(f"{files.plan.name}：计划没有注明地区，请用 --region 指定")
    inputs = EvaluationInputs(
        targets=prepared.targets,
        observations=prepared.observations,
        baselines=prepared.baselines,
        indicators=prepared.indicators,
        regions=prepared.regions,
        adjustments=prepared.adjustments,
    )
    current, previous = evaluate_year_and_previous(inputs, year, options)
    data = build_report_data(
        kind,
        plan=plan,
        inputs=inputs,
        evaluation=current,
        previous=previous,
        year=year,
        region=where,
        units=prepared.units,
        action=action,
        reviews=read_reviews(files.reviews) if files.reviews else (),
        issuer=issuer,
        date=date,
    )
    return Loaded(data, [*prepared.warnings, *prepared.notes])
