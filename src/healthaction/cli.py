"""The ``healthaction`` command: parses arguments, calls the core, prints results.

Bad input exits 2 with one line on stderr naming the file (and line or cell);
never a traceback. Commands that need Django import it inside their function.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from healthaction import __version__

EXIT_BAD_INPUT = 2

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Command] = {}


class BadInput(Exception):  # noqa: N818 — the name other commands raise
    """Raised by a command for input the user must fix; the message is printed as is."""


def _fail(message: str) -> int:
    print(f"healthaction: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _write_output(text: str, out: Path | None) -> None:
    """Write ``text`` to stdout, or to ``out`` atomically; an unwritable ``out`` is BadInput."""
    text = text if text.endswith("\n") else text + "\n"
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    tmp = out.with_name(out.name + ".tmp")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise BadInput(f"{out}：无法写入（{exc.strerror or exc}）") from exc


def cmd_parse(args: argparse.Namespace) -> int:
    from healthaction.ingest import IngestError, parse_file
    from healthaction.ingest.coverage import summary

    try:
        plan = parse_file(Path(args.file))
    except IngestError as exc:
        return _fail(str(exc))
    for warning in plan.warnings:
        print(f"警告：{args.file}：{warning}", file=sys.stderr)
    print(f"{args.file}：{summary(plan)}", file=sys.stderr)
    _write_output(plan.to_json(), Path(args.output) if args.output else None)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from healthaction.plan import plan_json_schema

    _write_output(json.dumps(plan_json_schema(), ensure_ascii=False, indent=2), None)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    """Parse several documents and print one line each: what was found."""
    from rich.console import Console
    from rich.progress import track
    from rich.table import Table as RichTable

    from healthaction.ingest import IngestError, parse_file

    table = RichTable(title="规划文件解析结果")
    columns = (
        "文件",
        "标题",
        "地区",
        "专项行动",
        "行动目标",
        "指标框架",
        "框架目标",
        "推进委员会",
        "工作组",
        "责任清单",
    )
    for column in columns:
        table.add_column(column)
    failed = 0
    for name in track(args.files, description="解析中…", transient=True):
        try:
            plan = parse_file(Path(name))
        except IngestError as exc:
            print(f"healthaction: {exc}", file=sys.stderr)
            failed += 1
            continue
        table.add_row(
            Path(name).name,
            plan.title or "—",
            plan.region or "—",
            str(len(plan.actions)),
            str(sum(len(a.targets) for a in plan.actions)),
            str(len(plan.framework)),
            str(sum(len(r.targets) for r in plan.framework)),
            str(len(plan.committee)),
            str(len(plan.working_groups)),
            str(len(plan.tasks)),
        )
    Console().print(table)
    return EXIT_BAD_INPUT if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="healthaction", description="健康XX行动：规划解析、监测评估、考核与报告"
    )
    parser.add_argument("--version", action="version", version=f"healthaction {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="把规划文件（.txt .docx .html .pdf .xlsx .csv .doc）解析为计划 JSON")
    p.add_argument("file")
    p.add_argument("-o", "--output", help="写入此 JSON 文件（默认输出到标准输出）")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("schema", help="打印计划 JSON 的 JSON Schema")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("summary", help="解析多个规划文件并汇总")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_summary)

    for register in _EXTENSIONS:
        register(sub)
    return parser


# Other modules add their subcommands here (evaluate, …), keeping this file small.
_EXTENSIONS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = []


def _load_extensions() -> None:
    from healthaction import cli_evaluate, cli_report, cli_targets, cli_web

    for register in (cli_evaluate.register, cli_targets.register, cli_web.register, cli_report.register):
        if register not in _EXTENSIONS:  # main() may run more than once in a process (tests)
            _EXTENSIONS.append(register)


def main(argv: Sequence[str] | None = None) -> int:
    _load_extensions()
    args = build_parser().parse_args(argv)
    try:
        result: int = args.func(args)
    except BadInput as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader of stdout went away (`healthaction parse X | head`)
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 — keeps the interpreter's final flush quiet
        return 1
    return result


if __name__ == "__main__":
    # Run as `python -m healthaction.cli` this file is __main__, a second copy of the module: the commands
    # raise healthaction.cli.BadInput, which __main__.BadInput would not catch (a traceback, not exit 2).
    from healthaction.cli import main as installed_main

    sys.exit(installed_main())
