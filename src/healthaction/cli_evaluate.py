"""``healthaction evaluate``: statuses, scores and ranks from CSV files or a parsed plan (evaluation.md §4).

The files are checked and converted in ``healthaction.evaluation_io``; the engine computes;
this module only wires arguments to both and chooses where the output goes.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from healthaction.cli import BadInput

if TYPE_CHECKING:
    import polars as pl

TRAJECTORIES = ("linear", "exponential")

# polars' allocator (jemalloc) hands freed pages back to the system after 0.5–1 s (polars'
# own setting); a national evaluation frees and allocates column after column of 5 M rows, so
# those pages were faulted in again and again (≈ 940k faults, ≈ 1 s of system time, a seventh
# of the command). Kept 10 s instead: the process ends before, and its peak grows by about a
# sixth (1.47 → 1.75 GB on the national dataset), still in proportion to the inputs' columns.
ALLOCATOR = "dirty_decay_ms:10000,muzzy_decay_ms:10000"


def _keep_freed_pages() -> None:
    """Only effective before polars is first imported. Last, so that it wins over polars' defaults
    inherited from a parent Python process; any other jemalloc option set there still applies."""
    if "polars" not in sys.modules:
        inherited = os.environ.get("_RJEM_MALLOC_CONF")
        os.environ["_RJEM_MALLOC_CONF"] = f"{inherited},{ALLOCATOR}" if inherited else ALLOCATOR


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "evaluate",
        help="计算指标状态、考核得分与排名",
        description="按 evaluation.md 计算每个指标序列的状态、序时进度，以及各地区的考核得分、等级与排名。",
    )
    p.add_argument("--targets", metavar="T.csv", help="目标：region,indicator,year,comparator,value[,unit]")
    p.add_argument("--plan", metavar="PLAN.json", help="用 healthaction parse 得到的计划 JSON 提供目标和基期")
    p.add_argument("--region", metavar="NAME", help="与 --plan 同用：计划所属地区（计划未注明时必填）")
    p.add_argument(
        "--observations", metavar="O.csv", required=True, help="监测值：region,indicator,year,value[,unit]"
    )
    p.add_argument("--baselines", metavar="B.csv", help="基期：region,indicator,year,value")
    p.add_argument(
        "--indicators", metavar="I.csv", help="指标设置：indicator,unit,polarity,decimals,max_age,weight"
    )
    p.add_argument("--regions", metavar="R.csv", help="排名分组：region,parent")
    p.add_argument("--adjustments", metavar="A.csv", help="加减分与一票否决：region,year,kind,points,reason")
    p.add_argument("--tie-break", choices=["achieved"], help="得分相同时按已达标指标数排序")
    p.add_argument("--trajectory", choices=TRAJECTORIES, default="linear", help="序时目标路径（默认 linear）")
    p.add_argument(
        "--year",
        type=int,
        metavar="Y",
        help="考核年份（默认：报告观测值的地区最多的年份中最近的一年，并在标准错误输出说明）",
    )
    p.add_argument(
        "-o", "--output", metavar="OUT.csv", help="写入指标状态表；终端显示汇总（默认输出到标准输出）"
    )
    p.add_argument("--scores", metavar="SCORES.csv", help="写入各地区得分与排名表")
    p.add_argument("--explain", action="store_true", help="在指标状态表末尾加一列中文说明（explanation）")
    p.set_defaults(func=cmd_evaluate)


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def _write(path: Path, table: pl.DataFrame) -> None:
    """The whole file or nothing: written beside, then moved into place."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        table.write_csv(tmp)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BadInput(f"{path}：无法写入（{exc.strerror or exc}）") from None


def assessment_year(counts: dict[int, int]) -> int | None:
    """Without --year: the latest of the years in which the most regions reported a value.

    A year a few early regions have started (2024: 3 of 2,844) is not yet the year to judge.

    >>> assessment_year({2022: 2844, 2023: 2844, 2024: 3})
    2023
    """
    if not counts:
        return None
    most = max(counts.values())
    return max(year for year, regions in counts.items() if regions == most)


def _import_meanwhile(*modules: str) -> None:
    """Import ``modules`` on a thread of their own: while polars reads the files it lets go of the
    interpreter, and the terminal summary's modules (rich: a tenth of a second) load meanwhile."""

    def load() -> None:
        for name in modules:
            importlib.import_module(name)

    threading.Thread(target=load, name="healthaction-imports").start()


def cmd_evaluate(args: argparse.Namespace) -> int:
    _keep_freed_pages()
    from healthaction.engine import EvaluationInputs, EvaluationOptions, evaluate
    from healthaction.evaluation_io import InputError, InputFiles, load_inputs
    from healthaction.evaluation_io.output import scores_table, series_table, with_flags

    if args.targets is None and args.plan is None:
        raise BadInput("evaluate：需要 --targets T.csv 或 --plan PLAN.json")
    files = InputFiles(
        observations=Path(args.observations),
        targets=_path(args.targets),
        plan=_path(args.plan),
        plan_region=args.region,
        baselines=_path(args.baselines),
        indicators=_path(args.indicators),
        regions=_path(args.regions),
        adjustments=_path(args.adjustments),
    )
    if args.output is not None:  # the terminal summary will be shown
        _import_meanwhile("rich.console", "rich.table")
    try:
        prepared = load_inputs(files)
    except InputError as exc:
        raise BadInput(str(exc)) from None
    for warning in prepared.warnings:
        print(f"警告：{warning}", file=sys.stderr)
    for note in prepared.notes:
        print(f"提示：{note}", file=sys.stderr)
    year = args.year if args.year is not None else assessment_year(prepared.year_counts)
    if year is None:
        raise BadInput(
            f"{files.observations.name}：没有任何已报告的观测值，无法确定考核年份，请用 --year 指定"
        )
    if args.year is None:
        latest = max(prepared.year_counts)
        later = "" if latest == year else f"；{latest}年只有{prepared.year_counts[latest]}个地区报告"
        print(
            f"提示：考核年份取{year}年（报告观测值的地区最多：{prepared.year_counts[year]}个{later}），"
            "可用 --year 指定",
            file=sys.stderr,
        )
    trajectory: Literal["linear", "exponential"] = args.trajectory
    options = EvaluationOptions(tie_break=args.tie_break, trajectory=trajectory, explain=args.explain)
    inputs = EvaluationInputs(
        targets=prepared.targets,
        observations=prepared.observations,
        baselines=prepared.baselines,
        indicators=prepared.indicators,
        regions=prepared.regions,
        adjustments=prepared.adjustments,
    )
    try:
        result = evaluate(inputs, year=year, options=options)
    except ValueError as exc:  # the engine's own checks; the loader should have caught them first
        raise BadInput(str(exc)) from None
    series = with_flags(result.series, prepared.suspect_units)
    table = series_table(series, extra_columns=("explanation",) if args.explain else ())
    if args.scores:
        _write(Path(args.scores), scores_table(result.scores))
    if args.output is None:
        sys.stdout.write(table.write_csv())
        return 0
    _write(Path(args.output), table)
    from rich.console import Console

    from healthaction.evaluation_io.summary import print_summary

    console = Console()
    print_summary(series, result.scores, year=year, console=console, full_table=args.scores)
    written = "、".join(p for p in (args.output, args.scores) if p)
    console.print(f"已写入：{written}")
    return 0
