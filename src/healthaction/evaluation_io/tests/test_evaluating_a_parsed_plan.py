"""`healthaction evaluate --plan`: targets and baselines from a parsed plan, observations made up here."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from healthaction.cli import main

ROOT = Path(__file__).resolve().parents[4]
SEED = ROOT / "seeds" / "000_5d24527bdd1311fb.txt"

# Made-up reports of 平川区 and its city 白银市 for 2021 (not from any document).
OBSERVATIONS = """region,indicator,year,value,unit
平川区,居民健康素养水平,2021,19,%
平川区,人均预期寿命,2021,74.6,岁
平川区,婴儿死亡率,2021,3.9,
平川区,孕产妇死亡率,2021,0,
平川区,建立并完善健康科普专家库和资源库，构建健康科普知识发布和传播机制,2021,是,
白银市,人均预期寿命,2021,75,岁
"""


@pytest.fixture(scope="module")
def plan_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "pingchuan.json"
    assert main(["parse", str(SEED), "-o", str(path)]) == 0
    return path


def _evaluate(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[dict[tuple[str, str], dict[str, str]], str]:
    observations = tmp_path / "observations.csv"
    observations.write_text(OBSERVATIONS, encoding="utf-8")
    assert main(["evaluate", "--plan", str(plan), "--observations", str(observations), *extra]) == 0
    captured = capsys.readouterr()
    rows = {(r["region"], r["indicator"]): r for r in csv.DictReader(io.StringIO(captured.out))}
    return rows, captured.err


def test_it_assesses_every_dated_target_series_of_the_plan(
    plan_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows, _err = _evaluate(plan_json, tmp_path, capsys)
    plan = json.loads(plan_json.read_text(encoding="utf-8"))
    scoped = {t["scope"] for row in plan["framework"] for t in row["targets"]}
    assert {region for region, _indicator in rows} == scoped | {plan["region"]}
    assert len(rows) > 50
    assert {r["year"] for r in rows.values()} == {"2021"}
    assert rows[("平川区", "人均体育场地面积")]["status"] == "NO_DATA"


def test_it_judges_against_the_framework_baseline_and_both_milestones(
    plan_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    literacy = _evaluate(plan_json, tmp_path, capsys)[0][("平川区", "居民健康素养水平")]
    assert (literacy["status"], literacy["baseline"], literacy["expected"], literacy["ratio"]) == (
        "ON_TRACK",
        "8",
        "19.2",
        "0.982143",
    )


def test_it_reads_a_bare_number_by_the_catalog_direction(
    plan_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    life = _evaluate(plan_json, tmp_path, capsys)[0][("平川区", "人均预期寿命")]
    assert (life["status"], life["comparator"], life["target"], life["flags"]) == (
        "ACHIEVED",
        ">=",
        "74.5",
        "early",
    )


def test_it_flags_a_percent_label_on_per_mille_values_without_multiplying(
    plan_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows, err = _evaluate(plan_json, tmp_path, capsys)
    infant = rows[("平川区", "婴儿死亡率")]
    assert (infant["value"], infant["baseline"], infant["target"]) == ("3.9", "4.4", "7.5")
    assert infant["flags"] == "early;unit_suspect"
    assert "婴儿死亡率」单位可疑（unit_suspect）" in err


def test_it_gives_each_scope_column_its_own_series(
    plan_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    city = _evaluate(plan_json, tmp_path, capsys)[0][("白银市", "人均预期寿命")]
    assert (city["status"], city["target"], city["flags"]) == ("LAGGING", "75.64", "no_baseline")


def _small_plan(region: str | None) -> dict[str, object]:
    def target(indicator: str, year: int | None, comparator: str, value: float | None) -> dict[str, object]:
        return {"indicator": indicator, "year": year, "comparator": comparator, "value": value,
                "unit": "%", "scope": None, "text": "…"}  # fmt: skip

    return {
        "format": "healthaction.plan/1",
        "region": region,
        "actions": [
            {
                "seq": 1,
                "name": "健康知识普及行动",
                "targets": [
                    target("全县居民健康素养水平", 2022, ">=", 20),  # restates the framework row
                    target("全县居民健康素养水平", 2030, ">=", 28),
                    target("城乡环境卫生条件", None, "improve", None),
                ],
            }
        ],
        "framework": [
            {
                "seq": 1,
                "indicator": "居民健康素养水平",
                "unit": "%",
                "basis": None,
                "baseline": {"year": 2018, "value": 10, "text": "10"},
                "targets": [target("居民健康素养水平", 2022, ">=", 20)],
            }
        ],
    }


def test_it_warns_about_targets_without_a_year_and_merges_restated_targets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(_small_plan("长乐县"), ensure_ascii=False), encoding="utf-8")
    rows, err = _evaluate(plan, tmp_path, capsys, "--year", "2021")
    assert set(rows) == {("长乐县", "居民健康素养水平")}
    assert "「城乡环境卫生条件」的目标没有年份，未参与评估" in err
    assert rows[("长乐县", "居民健康素养水平")]["target_year"] == "2022"


def test_it_needs_a_region_for_a_plan_without_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(_small_plan(None), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "o.csv").write_text("region,indicator,year,value\n", encoding="utf-8")
    assert main(["evaluate", "--plan", str(plan), "--observations", str(tmp_path / "o.csv")]) == 2
    assert "请用 --region 指定" in capsys.readouterr().err
    rows, _err = _evaluate(plan, tmp_path, capsys, "--region", "长乐县", "--year", "2021")
    assert ("长乐县", "居民健康素养水平") in rows


def test_it_refuses_a_file_that_is_not_a_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text('{"format": "other"}', encoding="utf-8")
    (tmp_path / "o.csv").write_text("region,indicator,year,value\n", encoding="utf-8")
    assert main(["evaluate", "--plan", str(plan), "--observations", str(tmp_path / "o.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("healthaction: plan.json：不是有效的计划 JSON")
    assert err.count("\n") == 1
