"""Charts for reports (PNG bytes): trend vs trajectory, status per action, ranking bars — in a CJK font.

No pyplot: each chart is its own ``Figure`` on an Agg canvas, so charts can be drawn from
several threads (web workers). The font is found by family name among the fonts matplotlib
knows, then by file name among the system's fonts; without one, ``FontMissingError`` says what
to install (tofu boxes are never drawn).
"""

from __future__ import annotations

import io
import logging
import os
import re
from collections.abc import Sequence
from contextlib import AbstractContextManager
from functools import cache
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from matplotlib.ticker import MaxNLocator

from healthaction.engine import statuses
from healthaction.reports.errors import ReportError
from healthaction.reports.model import ActionResult, IndicatorResult, Milestone, RegionScore
from healthaction.reports.wording import ORDER

logger = logging.getLogger(__name__)

FONT_ENV = "HEALTHACTION_CJK_FONT"  # a font file to use instead of the search
FAMILIES = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Serif CJK SC",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC",
    "Hiragino Sans GB", "AR PL UMing CN", "FangSong", "SimSun", "Noto Sans CJK JP",
)  # fmt: skip
_FILE_NAMES = re.compile(
    r"(notosans|notoserif|sourcehan).*cjk|cjk|wqy|simhei|simsun|msyh|fangsong|uming", re.I
)
INSTALL_HINT = (
    "未找到中文字体，图表无法显示中文。请安装中文字体：Debian/Ubuntu 运行 apt-get install fonts-noto-cjk"
    "（或在项目目录运行 make setup），其他系统安装思源黑体或文泉驿字体；"
    f"也可设置环境变量 {FONT_ENV} 为字体文件路径。"
)
STATUS_COLOURS = {status.code: status.colour for status in statuses.SHOWN}
GRADE_COLOURS = {"优秀": "#2e7d32", "良好": "#1565c0", "合格": "#f9a825"}
_SAMPLE = "健康行动指标已达标进度滞后"


class FontMissingError(ReportError):
    """No font with Chinese glyphs on this machine."""


def has_glyphs(path: str, text: str) -> bool:
    """Whether the font file has a glyph for every non-space character of ``text``."""
    try:
        charmap = FT2Font(path).get_charmap()
    except (OSError, RuntimeError, ValueError):  # not a font FreeType can open
        return False
    return all(ord(c) in charmap for c in text if not c.isspace())


@cache
def cjk_font() -> tuple[str, str]:
    """(family name, file) of a font with Chinese glyphs; FontMissingError when there is none."""
    override = os.environ.get(FONT_ENV)
    if override:
        if not Path(override).is_file() or not has_glyphs(override, _SAMPLE):
            raise FontMissingError(f"{FONT_ENV}={override}：不是含中文字形的字体文件。{INSTALL_HINT}")
        return _registered(override), override
    known = {entry.name: entry.fname for entry in font_manager.fontManager.ttflist}
    for family in FAMILIES:
        if family in known and has_glyphs(known[family], _SAMPLE):
            return family, known[family]
    # Fonts installed after matplotlib built its cache: look at the files themselves.
    for path in sorted(font_manager.findSystemFonts()):
        if _FILE_NAMES.search(Path(path).name) and has_glyphs(path, _SAMPLE):
            return _registered(path), path
    raise FontMissingError(INSTALL_HINT)


def _registered(path: str) -> str:
    font_manager.fontManager.addfont(path)
    return str(font_manager.FontProperties(fname=path).get_name())


def _figure(width_mm: float, height_mm: float) -> Figure:
    figure = Figure(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=200, layout="constrained")
    FigureCanvasAgg(figure)
    figure.set_facecolor("white")
    return figure


def _cjk_style() -> AbstractContextManager[None]:
    """Every text drawn inside in the CJK font; minus signs as "-" (the font may lack U+2212)."""
    family, _path = cjk_font()
    return mpl.rc_context({"font.family": [family], "axes.unicode_minus": False})


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", facecolor="white")
    return buffer.getvalue()


def status_by_action(actions: Sequence[ActionResult]) -> bytes:
    """One horizontal bar per action, stacked by status (count of indicators)."""
    with _cjk_style():
        figure = _figure(150, 20 + 7 * len(actions))
        axes = figure.add_subplot()
        names = [a.name for a in actions][::-1]
        left = [0] * len(actions)
        for code in ORDER:
            counts = [sum(1 for r in a.indicators if r.shown == code) for a in actions][::-1]
            if any(counts):
                colour, word = STATUS_COLOURS[code], statuses.label(code)
                axes.barh(names, counts, left=left, color=colour, label=word, height=0.6)
                left = [a + b for a, b in zip(left, counts, strict=True)]
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xlabel("指标数（项）")
        axes.legend(loc="lower right", fontsize=7, ncols=3, frameon=False)
        axes.tick_params(labelsize=8)
        axes.spines[["top", "right"]].set_visible(False)
        return _png(figure)


def trajectory(result: IndicatorResult) -> list[tuple[int, float]]:
    """The 序时目标 path: the baseline, then each numeric milestone beyond it (evaluation.md §2.5)."""
    if result.baseline is None or result.baseline_year is None:
        return []
    points = [(result.baseline_year, result.baseline)]
    numeric = [
        m for m in result.milestones if m.value is not None and m.comparator in (">=", ">", "<=", "<", "=")
    ]
    for milestone in numeric:
        direction = _direction(milestone)
        if milestone.year > points[-1][0] and direction * (milestone.value - result.baseline) > 0:  # type: ignore[operator]
            points.append((milestone.year, float(milestone.value)))  # type: ignore[arg-type]
    return points if len(points) > 1 else []


def _direction(milestone: Milestone) -> int:
    return -1 if milestone.comparator in ("<=", "<") else 1


def trends(results: Sequence[IndicatorResult], per_row: int = 2) -> bytes:
    """Small multiples: the reported values against the trajectory and the targets, one per indicator."""
    with _cjk_style():
        rows = (len(results) + per_row - 1) // per_row
        figure = _figure(150, 8 + 52 * rows)
        for index, result in enumerate(results, 1):
            axes = figure.add_subplot(rows, per_row, index)
            path = trajectory(result)
            if path:
                axes.plot(*zip(*path, strict=True), linestyle="--", color="#757575", label="序时目标路径")
            for milestone in result.milestones:
                if milestone.value is not None:
                    axes.plot([milestone.year], [milestone.value], marker="*", color="#c62828", markersize=8)
            if result.history:
                axes.plot(*zip(*result.history, strict=True), marker="o", color="#1565c0", label="实际值")
            unit = f"（{result.unit}）" if result.unit else ""
            axes.set_title(f"{result.indicator}{unit}", fontsize=8, wrap=True)
            axes.xaxis.set_major_locator(MaxNLocator(integer=True))
            axes.tick_params(labelsize=7)
            axes.spines[["top", "right"]].set_visible(False)
            if index == 1:
                axes.legend(fontsize=6, frameon=False)
        return _png(figure)


def ranking(scores: Sequence[RegionScore]) -> bytes:
    """The final score of each region, best first, coloured by grade; a vetoed region is marked."""
    with _cjk_style():
        figure = _figure(150, 20 + 8 * len(scores))
        axes = figure.add_subplot()
        ordered = list(scores)[::-1]
        names = [s.region + ("（否决）" if s.vetoed else "") for s in ordered]
        colours = [GRADE_COLOURS.get(s.grade, "#c62828") for s in ordered]
        bars = axes.barh(names, [s.final for s in ordered], color=colours, height=0.6)
        axes.bar_label(bars, labels=[f"{s.final:.2f}" for s in ordered], fontsize=7, padding=2)
        axes.set_xlabel("最终得分（分）")
        axes.set_xlim(0, max(100.0, *(s.final for s in ordered)) * 1.08)
        axes.tick_params(labelsize=8)
        axes.spines[["top", "right"]].set_visible(False)
        return _png(figure)
