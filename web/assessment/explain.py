"""The rule applied to one series, in Chinese, for the trace page (evaluation.md §3).

The text is kept in Chinese in a published result; the marks put it in the translation catalogue, and the
trace page shows it in the reader's language.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

from web.assessment.outcome import SeriesEntry


def rule_text(entry: SeriesEntry) -> str:
    """Which line of the score table gave this series its 得分率."""
    if entry.get("kind") == "organisation":
        return gettext_noop("组织实施项：得分率 = 评定分 ÷ 分值（未评分计0）")
    status, mode, comparator = entry["status"], entry.get("mode"), entry.get("comparator") or ""
    if status == "ACHIEVED":
        return gettext_noop("已达标：得分率为1")
    if status == "NO_DATA":
        return gettext_noop("无可用数据：得分率为0")
    if mode is None:
        return gettext_noop("定性目标（实现/下降/提高/保持/持续减缓）未达标：得分率为0")
    if mode == "progress":
        return gettext_noop(
            "按序时进度计分：得分率 = (实际值 − 基期值) ÷ (序时目标 − 基期值)，限定在0到1之间"
        )
    if comparator == ">=":
        return gettext_noop("未达标（无序时进度）：得分率 = 实际值 ÷ 目标值，限定在0到1之间")
    if comparator == "<=":
        return gettext_noop("未达标（无序时进度）：得分率 = 目标值 ÷ 实际值，限定在0到1之间")
    return gettext_noop("双向目标未达到：得分率 = 1 − |实际值 − 目标值| ÷ |目标值|，限定在0到1之间")
