"""The commands that need the web system's database: ``import``, ``demo`` and ``serve``.

Django is imported inside each function: the core never imports it at import time.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from healthaction.reports import ReportData


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "web.config.settings")
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings

    Path(settings.VAR_DIR).mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)


def cmd_import(args: argparse.Namespace) -> int:
    from healthaction.cli import BadInput

    _django()
    from web.plans.commands import import_file

    try:
        result: int = import_file(Path(args.file), args.region, dry_run=args.dry_run)
        return result
    except ValueError as exc:  # raised with a Chinese message naming the file or region
        raise BadInput(str(exc)) from exc


def cmd_demo(args: argparse.Namespace) -> int:
    _django()
    from web.demo.build import demo_create, site_contents

    if not demo_create(seeds=Path(args.seeds), reset=args.reset):
        found = site_contents()
        print(
            f"数据库中已有站点数据（{found['users']}个账户、{found['plans']}份规划），未建立演示数据，"
            "也未修改任何账户、轮次或规划；如确需清空数据库并重建演示站点：healthaction demo --reset",
            file=sys.stderr,
        )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    _django()
    from web.config.server import serve

    serve(host=args.host, port=args.port, workers=args.workers)
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    _django()
    from web.jobs.worker import worker_drain, worker_run

    if args.drain:
        print(f"处理了{worker_drain()}个任务")
        return 0
    worker_run(workers=args.threads, periodic=not args.no_periodic)
    return 0


def report_source(kind: str, region: str, year: int, args: argparse.Namespace) -> ReportData:
    """``healthaction report KIND --region CODE --year Y`` from the database (registered below)."""
    _django()
    from web.reports.source import region_lookup, report_data

    return report_data(
        kind,  # type: ignore[arg-type]  # argparse's choices are the report kinds
        region_lookup(region),
        year,
        action=getattr(args, "action", None),
        issuer=getattr(args, "issuer", None),
        date=getattr(args, "date", None),
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from healthaction import cli_report

    if report_source not in cli_report.DATABASE_SOURCES:
        cli_report.DATABASE_SOURCES.append(report_source)
    p = sub.add_parser("import", help="把规划文件导入数据库（先预览，再写入）")
    p.add_argument("file")
    p.add_argument("--region", required=True, help="地区的区划代码，如 620403（平川区）")
    p.add_argument("--dry-run", action="store_true", help="只预览将要新增或修改的内容，不写入")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("demo", help="用种子文件在空数据库中建立演示站点（已有数据时不做任何修改）")
    p.add_argument("--seeds", default=str(Path.cwd() / "seeds"), help="种子文件目录（默认 ./seeds）")
    p.add_argument(
        "--reset", action="store_true", help="先清空数据库（删除全部账户、规划和填报数据），再建立演示站点"
    )
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("serve", help="启动网站（默认 http://127.0.0.1:8000）")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=2)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("worker", help="启动后台处理程序（PDF报告、大文件上传、规划导入、重新计算、提醒）")
    p.add_argument("--threads", type=int, default=2, help="同时处理的任务数（默认2）")
    p.add_argument(
        "--no-periodic", action="store_true", help="不运行定时任务（多台处理程序时只留一台运行每日提醒）"
    )
    p.add_argument("--drain", action="store_true", help="处理完队列中已有的任务后退出")
    p.set_defaults(func=cmd_worker)


if __name__ == "__main__":
    sys.exit("请用 healthaction 命令")
