"""``healthaction report KIND``: a 专题报告, 总体监测评估报告 or 考核结果通报 as .docx/.xlsx/.html/.pdf.

With ``--plan`` and ``--observations`` the report is made from files (no database); the
contract form ``--region CODE --year Y`` reads the database through a source that the web
system registers in ``DATABASE_SOURCES`` — the same as the web downloads, so a city without a
plan of its own gets the report of its area (per county, from its counties' plans) there too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from healthaction.cli import BadInput

if TYPE_CHECKING:
    from healthaction.reports import ReportData

# (kind, region code, year, arguments) → ReportData; the web system appends one when it loads.
DATABASE_SOURCES: list[Callable[[str, str, int, argparse.Namespace], ReportData]] = []


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "report",
        help="生成专项行动专题报告、总体监测评估报告或考核结果通报（.docx .xlsx .html .pdf）",
        description="按数据起草公文格式的报告；格式由输出文件后缀决定（.docx .xlsx .html .pdf）。",
    )
    p.add_argument(
        "kind",
        choices=["action", "overall", "assessment"],
        help="action 专题报告 · overall 总体监测评估报告 · assessment 考核结果通报",
    )
    p.add_argument(
        "--region",
        metavar="CODE",
        help="地区（代码或名称）；考核通报为上级地区；没有本级实施方案的地区按下级地区的方案分县区汇总",
    )
    p.add_argument("--year", type=int, metavar="Y", help="报告年份（默认：观测值中最近的年份）")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="输出文件：.docx .xlsx .html .pdf")
    p.add_argument("--action", metavar="N", help="专题报告的专项行动：序号或名称")
    p.add_argument(
        "--plan", metavar="PLAN", help="计划：healthaction parse 的 JSON，或规划文件本身（.txt .docx …）"
    )
    p.add_argument("--observations", metavar="O.csv", help="监测值：region,indicator,year,value[,unit]")
    p.add_argument(
        "--targets", metavar="T.csv", help="计划之外的目标：region,indicator,year,comparator,value[,unit]"
    )
    p.add_argument("--baselines", metavar="B.csv", help="基期：region,indicator,year,value")
    p.add_argument(
        "--indicators", metavar="I.csv", help="指标设置：indicator,unit,polarity,decimals,max_age,weight"
    )
    p.add_argument("--regions", metavar="R.csv", help="排名分组：region,parent")
    p.add_argument("--adjustments", metavar="A.csv", help="加减分与一票否决：region,year,kind,points,reason")
    p.add_argument(
        "--reviews", metavar="V.csv", help="复核更正的数据：region,indicator,reported,reviewed,reason"
    )
    p.add_argument("--tie-break", choices=["achieved"], help="得分相同时按已达标指标数排序")
    p.add_argument("--issuer", help="发文机关（默认：健康XX行动推进委员会办公室）")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="成文日期（默认：今天）")
    p.set_defaults(func=cmd_report)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写作 YYYY-MM-DD，实际为「{text}」") from None


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def cmd_report(args: argparse.Namespace) -> int:
    from healthaction.engine import EvaluationOptions
    from healthaction.evaluation_io import InputError
    from healthaction.ingest import IngestError
    from healthaction.reports import ReportError, render_report
    from healthaction.reports.files import ReportFiles, report_from_files

    output = Path(args.output)
    try:
        if args.plan is None:
            data = _from_database(args)
        else:
            if args.observations is None:
                raise BadInput("report：与 --plan 同用时需要 --observations O.csv")
            files = ReportFiles(
                plan=Path(args.plan),
                observations=Path(args.observations),
                targets=_path(args.targets),
                baselines=_path(args.baselines),
                indicators=_path(args.indicators),
                regions=_path(args.regions),
                adjustments=_path(args.adjustments),
                reviews=_path(args.reviews),
            )
            loaded = report_from_files(
                args.kind,
                files,
                year=args.year,
                region=args.region,
                action=args.action,
                issuer=args.issuer,
                date=args.date,
                options=EvaluationOptions(tie_break=args.tie_break),
            )
            for warning in loaded.warnings:
                print(f"警告：{warning}", file=sys.stderr)
            data = loaded.data
        render_report(data, output)
    except (InputError, IngestError, ReportError) as exc:
        raise BadInput(str(exc)) from None
    except OSError as exc:
        raise BadInput(f"{output}：无法写入（{exc.strerror or exc}）") from None
    print(f"已生成：{output}（{data.title}）", file=sys.stderr)
    return 0


def _from_database(args: argparse.Namespace) -> ReportData:
    if args.region is None or args.year is None:
        raise BadInput(
            "report：需要 --region CODE --year Y（数据库），或 --plan PLAN --observations O.csv（文件）"
        )
    if not DATABASE_SOURCES:
        raise BadInput(
            "report：按地区代码从数据库生成报告需要 web 系统；"
            "没有数据库时请用 --plan PLAN --observations O.csv"
        )
    return DATABASE_SOURCES[-1](args.kind, args.region, args.year, args)
