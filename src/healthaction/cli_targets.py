"""``healthaction targets``: targets.csv and baselines.csv from the national reference table or a plan.

What an office has is a reference table (目标 written ``≥22``) or a plan document; what
``evaluate`` reads is one milestone a row. This command writes the second from the first,
so that nothing is split by hand.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from healthaction.cli import BadInput


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "targets",
        help="从全国参考指标表或规划文件生成 targets.csv、baselines.csv",
        description=(
            "读取全国参考指标表（healthy_china_*.csv，目标写作「≥22」）、计划 JSON 或规划文件，"
            "写出 evaluate 使用的 targets.csv 和 baselines.csv（参考表另写 indicators.csv，含指标方向）。"
        ),
    )
    p.add_argument("source", metavar="REFERENCE.csv|PLAN.json|PLAN", help="参考指标表、计划 JSON 或规划文件")
    p.add_argument("-o", "--output", metavar="DIR", default=".", help="写入此目录（默认当前目录）")
    p.add_argument(
        "--region", metavar="NAME", help="目标所属地区（参考表默认「全国」；计划默认其注明的地区）"
    )
    p.add_argument(
        "--baseline-year", type=int, metavar="Y", help="参考表的基期年份（参考表未注明；不指定则不写基期）"
    )
    p.set_defaults(func=cmd_targets)


def cmd_targets(args: argparse.Namespace) -> int:
    from healthaction.evaluation_io import InputError
    from healthaction.evaluation_io.target_sources import read_target_source
    from healthaction.ingest import IngestError

    source = Path(args.source)
    if not source.exists():
        raise BadInput(f"{source.name}：无法读取文件（文件不存在）")
    try:
        tables = read_target_source(source, region=args.region, baseline_year=args.baseline_year)
    except (InputError, IngestError) as exc:
        raise BadInput(str(exc)) from None
    for warning in tables.warnings:
        print(f"警告：{warning}", file=sys.stderr)
    folder = Path(args.output)
    written = []
    for name, frame in tables.frames().items():
        path = folder / f"{name}.csv"
        tmp = path.with_name(path.name + ".tmp")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            frame.write_csv(tmp)
            tmp.replace(path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise BadInput(f"{path}：无法写入（{exc.strerror or exc}）") from None
        written.append(f"{path}（{frame.height}行）")
    print("已写入：" + "、".join(written))
    return 0
