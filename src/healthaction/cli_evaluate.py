"""``healthaction evaluate``: statuses, scores and ranks from CSV files (evaluation.md §4)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("evaluate", help="计算指标状态、考核得分与排名")
    p.set_defaults(func=lambda args: 0)
