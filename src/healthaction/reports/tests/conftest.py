"""Reports of the seed plan (健康平川行动) with made-up observations, built once per test session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest

from healthaction.engine import Evaluation, EvaluationInputs, evaluate
from healthaction.evaluation_io import InputFiles, load_inputs
from healthaction.reports import ReportData, render_report
from healthaction.reports.files import ReportFiles, report_from_files
from healthaction.reports.tests.made_up import YEAR, seed_plan, write_assessment, write_observations

DATE = dt.date(2023, 1, 10)


@dataclass(frozen=True)
class Built:
    folder: Path
    plan: Path
    observations: Path
    assessment: dict[str, Path]
    data: dict[str, ReportData]
    engine: Evaluation  # the engine run on the same files, by the evaluate loader: the reference


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = tmp_path_factory.mktemp("reports")
    plan = folder / "plan.json"
    plan.write_text(seed_plan().to_json(), encoding="utf-8")
    monitoring, assessing = folder / "monitoring", folder / "assessment"
    monitoring.mkdir()
    assessing.mkdir()
    observations = write_observations(monitoring)
    paths = write_assessment(assessing)
    data = {
        kind: report_from_files(
            kind, ReportFiles(plan=plan, observations=observations), year=YEAR, action=action, date=DATE
        ).data
        for kind, action in (("overall", None), ("action", "1"))
    }
    data["assessment"] = report_from_files(
        "assessment",
        ReportFiles(
            plan=plan,
            observations=paths["observations"],
            targets=paths["targets"],
            baselines=paths["baselines"],
            regions=paths["regions"],
            adjustments=paths["adjustments"],
            reviews=paths["reviews"],
        ),
        year=YEAR,
        region="白银市",
        date=DATE,
    ).data
    for kind, report in data.items():
        for suffix in (".docx", ".xlsx", ".html"):
            render_report(report, folder / f"{kind}{suffix}")
    prepared = load_inputs(InputFiles(observations=observations, plan=plan))
    engine = evaluate(
        EvaluationInputs(
            targets=prepared.targets,
            observations=prepared.observations,
            baselines=prepared.baselines,
            indicators=prepared.indicators,
        ),
        year=YEAR,
    )
    return Built(folder, plan, observations, paths, data, engine)


def region_series(built: Built, region: str = "平川区") -> pl.DataFrame:
    return built.engine.series.filter(pl.col("region") == region)
