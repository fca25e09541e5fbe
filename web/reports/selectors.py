"""Which reports exist for a region and a year: the page offers exactly these, and says so when none."""

from __future__ import annotations

from dataclasses import dataclass

from healthaction.responsibility import ProgressRound
from web.assessment.models import AssessmentResult
from web.monitoring.models import Observation
from web.regions.models import Region
from web.reports.source import published_result
from web.tasks.models import ProgressReport


def _supervision_rounds(region: Region) -> list[ProgressRound]:
    """The half-yearly rounds of the region's 责任清单 with progress reports (a 督导通报 each), newest
    first."""
    codes = ProgressReport.objects.filter(measure__task__region=region).values_list("round", flat=True)
    return sorted({ProgressRound.parse(code) for code in codes.distinct()}, reverse=True)


def monitoring_years(region: Region) -> set[int]:
    """The years with approved values in the region's subtree: the 监测评估报告 and 专题报告 draw on them."""
    approved = Observation.objects.filter(
        region__path__startswith=region.path, state=Observation.State.APPROVED
    ).order_by()
    return set(approved.values_list("year", flat=True).distinct())


def report_years(region: Region, *, supervision: bool) -> list[int]:
    """The years with at least one report: approved values (监测评估 and 专题报告), a published 考核
    (通报), and, for those who may read it, a 督导通报."""
    years = monitoring_years(region)
    years |= set(
        AssessmentResult.objects.filter(scheme__region=region).values_list("scheme__year", flat=True)
    )
    if supervision:
        years |= {r.year for r in _supervision_rounds(region)}
    return sorted(years)


@dataclass(frozen=True)
class YearReports:
    monitoring: bool  # 总体监测评估报告 and 专项行动专题报告: the year has approved values
    assessment: AssessmentResult | None  # the 考核结果通报, when the year's 考核 is published
    supervision: list[ProgressRound]  # a 督导通报 per 责任清单 round of the year

    @property
    def any(self) -> bool:
        return self.monitoring or self.assessment is not None or bool(self.supervision)


def reports_of_year(region: Region, year: int, *, supervision: bool) -> YearReports:
    return YearReports(
        monitoring=year in monitoring_years(region),
        assessment=published_result(region, year),
        supervision=[r for r in _supervision_rounds(region) if r.year == year] if supervision else [],
    )
