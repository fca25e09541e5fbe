"""Demo 考核: a city's 2022 assessment of its counties, published (责任清单 progress: ``tasks``).

Idempotent: an existing scheme, review, adjustment or published version is left as it is, so
running ``healthaction demo`` again changes nothing. Every reason made up here says 演示数据.
"""

from __future__ import annotations

import logging
import random
from decimal import Decimal
from typing import Any

from web.assessment.models import (
    Adjustment,
    AssessmentResult,
    AssessmentScheme,
    OrganisationScore,
    ReviewedValue,
)
from web.assessment.selectors import candidate_indicators
from web.assessment.services import (
    ORGANISATION_DEFAULT,
    adjustment_add,
    assessment_publish,
    organisation_score_set,
    review_value_set,
    scheme_create,
)
from web.monitoring.models import Observation
from web.plans.models import Target
from web.regions.models import Region

logger = logging.getLogger(__name__)

ASSESSMENT_YEAR = 2022
ORGANISATION = ORGANISATION_DEFAULT


def demo_assessment(*, city: Region, user: Any, rng: random.Random) -> AssessmentScheme | None:
    """The city's 2022 考核 over its counties: framework indicators, one 复核, one 加分, published."""
    counties = list(Region.objects.filter(parent=city).order_by("code"))
    if not counties:
        return None
    scheme = AssessmentScheme.objects.filter(region=city, year=ASSESSMENT_YEAR).first()
    if scheme is None:
        framework = [
            i for i in candidate_indicators(city) if i.targets.filter(source=Target.Source.FRAMEWORK).exists()
        ]
        if not framework:
            return None
        scheme = scheme_create(
            region=city,
            year=ASSESSMENT_YEAR,
            indicators=framework,
            organisation=ORGANISATION,
            title=f"{city.name}{ASSESSMENT_YEAR}年度健康行动考核（演示数据）",
        )
    if not OrganisationScore.objects.filter(item__scheme=scheme).exists():
        _score_organisation(scheme, counties, user, rng)
    if not ReviewedValue.objects.filter(scheme=scheme).exists():
        _review_one(scheme, counties, user, rng)
    if not Adjustment.objects.filter(scheme=scheme).exists():
        adjustment_add(
            scheme=scheme,
            region=rng.choice(counties),
            kind=Adjustment.Kind.BONUS,
            points=Decimal(2),
            reason="健康县区建设获省级通报表扬（演示数据）",
            user=user,
        )
    if not AssessmentResult.objects.filter(scheme=scheme).exists():
        result = assessment_publish(scheme=scheme, user=user)
        logger.info("%s：发布演示考核结果第%d版（%d个县区）", scheme, result.version, len(counties))
    return scheme


# 组织实施 as the office scores it from each county's evidence: most items in full, some short.
SHORT_OF_FULL = {
    "机构设置": "领导小组成员调整后未及时发文（演示数据）",
    "工作机制": "半年工作进展报送不及时（演示数据）",
    "宣传引导": "专栏更新不及时（演示数据）",
}


def _score_organisation(
    scheme: AssessmentScheme, counties: list[Region], user: Any, rng: random.Random
) -> None:
    for item in scheme.organisation_items.order_by("seq"):
        for county in counties:
            short = rng.random() < 0.3
            points = item.max_points - (Decimal(1) if short else Decimal(0))
            full = "佐证材料齐全（演示数据）"
            reason = SHORT_OF_FULL.get(item.name, "佐证材料不全（演示数据）") if short else full
            organisation_score_set(item=item, region=county, points=points, reason=reason, user=user)


def _review_one(scheme: AssessmentScheme, counties: list[Region], user: Any, rng: random.Random) -> None:
    """复核: one reported value of the scheme's indicators corrected downwards by 5 %."""
    items = [item.indicator_id for item in scheme.items.all()]
    reported = list(
        Observation.objects.filter(
            region__in=counties,
            indicator_id__in=items,
            year=ASSESSMENT_YEAR,
            state=Observation.State.APPROVED,
            value__isnull=False,
        )
        .select_related("region", "indicator")
        .order_by("region__code", "indicator_id")
    )
    if not reported:
        return
    chosen = rng.choice(reported)
    assert chosen.value is not None
    review_value_set(
        scheme=scheme,
        region=chosen.region,
        indicator=chosen.indicator,
        year=ASSESSMENT_YEAR,
        value=(chosen.value * Decimal("0.95")).quantize(Decimal("0.01")),
        reason="抽查原始台账，部分数据口径不符，按核实数更正（演示数据）",
        user=user,
    )
