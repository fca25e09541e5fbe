"""Words the responsibility lists keep in Chinese (they are the record, and the reports print them),
marked here so that makemessages puts them in the catalogue and the pages can show them with
``{% translate word %}``.

Nothing imports this module: it exists for ``makemessages``.
"""

from django.utils.translation import gettext_noop

WORDS = (
    # The words of healthaction.responsibility.statuses that no model marks: a measure's verdict beyond
    # what a department reports (ProgressReport.Status has 未开始, 推进中, 已完成) and a 整改 item's state.
    gettext_noop("滞后"),
    gettext_noop("逾期"),
    gettext_noop("整改中"),
    gettext_noop("已整改"),
    gettext_noop("逾期未整改"),
    # A series' status (healthaction.engine.statuses), shown translated on the pages.
    gettext_noop("已达标"),
    gettext_noop("进度正常"),
    gettext_noop("进度滞后"),
    gettext_noop("严重滞后"),
    gettext_noop("无数据"),
    gettext_noop("未达标"),
    # healthaction.wording: comparators, the engine's flags and modes, as the pages show them.
    gettext_noop("不低于"),
    gettext_noop("不高于"),
    gettext_noop("高于"),
    gettext_noop("低于"),
    gettext_noop("达到"),
    gettext_noop("实现"),
    gettext_noop("较基期提高"),
    gettext_noop("较基期下降"),
    gettext_noop("增长持续减缓"),
    gettext_noop("保持基期水平"),
    gettext_noop("较基期改善"),
    gettext_noop("指标方向按常规推定"),
    gettext_noop("以最早监测值代替基期值"),
    gettext_noop("目标年已过"),
    gettext_noop("较基期下降"),
    gettext_noop("尚未到评价年份"),
    gettext_noop("低于目标值"),
    gettext_noop("监测年份不足"),
    gettext_noop("到期未达标"),
    gettext_noop("本年未报"),
    gettext_noop("无基期值"),
    gettext_noop("较上年退步"),
    gettext_noop("数据已过时"),
    gettext_noop("单位存疑"),
    gettext_noop("序时进度"),
    gettext_noop("对照目标值"),
    gettext_noop("定性判断"),
    gettext_noop("增速判断"),
    # The core's refusals of a typed number (healthaction.numbers), worded again by refusal_message.
    gettext_noop("请填写数字"),
    gettext_noop("应为数字"),
    gettext_noop("应为有限的数字"),
    gettext_noop("数值过大（整数部分最多12位）"),
    gettext_noop("小数位过多（最多6位）"),
    gettext_noop("小数位过多（最多2位）"),
    gettext_noop("百分比应在0到100之间"),
    gettext_noop("千分率应在0到1000之间"),
    gettext_noop("预期寿命应在40到100岁之间"),
    gettext_noop("变化幅度不能低于-100%"),
    gettext_noop("应为四位数的年份"),
    gettext_noop("；无数据请留空，并在「说明」中写明原因"),
    gettext_noop("；只填一个数字，估计、范围等请写在「说明」中"),
)
