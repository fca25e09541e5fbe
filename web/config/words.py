"""Words the responsibility lists keep in Chinese (they are the record, and the reports print them),
marked here so that makemessages puts them in the catalogue and the pages can show them with
``{% translate word %}``.

Nothing imports this module: it exists for ``makemessages``.
"""

from django.utils.translation import gettext_noop

WORDS = (
    # A measure's status (healthaction.responsibility.progress) and a department's reported status.
    gettext_noop("未开始"),
    gettext_noop("推进中"),
    gettext_noop("已完成"),
    gettext_noop("滞后"),
    gettext_noop("逾期"),
    # A rectification item's state (healthaction.responsibility.supervision).
    gettext_noop("整改中"),
    gettext_noop("已整改"),
    gettext_noop("逾期未整改"),
    # A round report's confirmation by the lead department (web.tasks.confirmation).
    gettext_noop("待报送"),
    gettext_noop("待确认"),
    gettext_noop("已确认"),
    # A series' status (healthaction.engine.statuses), shown translated on the pages.
    gettext_noop("已达标"),
    gettext_noop("进度正常"),
    gettext_noop("进度滞后"),
    gettext_noop("严重滞后"),
    gettext_noop("无数据"),
    gettext_noop("未达标"),
)
