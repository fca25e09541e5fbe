"""The one number rule's limits as database CHECK constraints, for every value column users write.

The rule itself (``healthaction.numbers``) refuses with a message on every entry path; these
constraints make sure no other path — the admin, a script, a future form — can store ±inf, NaN or a
number past the limits, which would make every page that reads the row fail. Values already stored
before the constraints existed are moved aside by ``manage.py numbers_quarantine`` (monitoring).
Here, in plans, because plans, monitoring, tasks and assessment all sit on it.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from healthaction.numbers import LIMIT

# Indicator values, targets, baselines, 复核值, amounts: 12 digits before the point.
VALUE_LIMIT = LIMIT
# 分值, 得分, 加减分 (max_digits 8, 2 decimals): 6 digits before the point.
POINTS_LIMIT = Decimal(10) ** 6


def within_limits(field: str, limit: Decimal, *, name: str) -> models.CheckConstraint:
    """``field`` is NULL, or finite with |value| < ``limit`` (NaN fails both comparisons)."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__isnull": True})
        | models.Q(**{f"{field}__gt": -limit, f"{field}__lt": limit}),
        name=name,
        violation_error_message=_("数值超出允许范围（须为有限的数字，整数部分不超过规定位数）"),
    )
