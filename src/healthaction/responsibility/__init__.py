"""责任清单 tracking: measurable sub-targets of measures, deadlines, half-yearly supervision, export.

Pure core: the web system calls these functions with its rows; nothing here imports Django. The names
say which side they are on where the web app has a model of the same idea: a `ProgressRound` is the
half-year a `MeasureReport` covers, an `InterviewProposal` becomes a 约谈 record, a `RectificationItem`
a 整改 record.
"""

from healthaction.responsibility.deadlines import Deadline, parse_deadline
from healthaction.responsibility.export import write_docx, write_xlsx
from healthaction.responsibility.numerals import Number
from healthaction.responsibility.progress import MeasureVerdict, judge
from healthaction.responsibility.quantities import Quantity, quantities
from healthaction.responsibility.rounds import MeasureReport, ProgressRound, TrackedMeasure, tracked_measures
from healthaction.responsibility.statuses import (
    BEHIND,
    RECTIFICATION_STATES,
    REPORTED_STATUSES,
    SEVERITY,
    VERDICTS,
    VERDICTS_AS_COUNTED,
    RectificationState,
    ReportedStatus,
    Verdict,
    rectification_css,
    rectification_label,
    verdict_code,
    verdict_css,
    verdict_label,
)
from healthaction.responsibility.supervision import (
    InterviewProposal,
    RectificationItem,
    Supervision,
    propose_interviews,
    rectifications_follow_up,
    rectifications_raise,
    supervise,
)

__all__ = [
    "BEHIND",
    "RECTIFICATION_STATES",
    "REPORTED_STATUSES",
    "SEVERITY",
    "VERDICTS",
    "VERDICTS_AS_COUNTED",
    "Deadline",
    "InterviewProposal",
    "MeasureReport",
    "MeasureVerdict",
    "Number",
    "ProgressRound",
    "Quantity",
    "RectificationItem",
    "RectificationState",
    "ReportedStatus",
    "Supervision",
    "TrackedMeasure",
    "Verdict",
    "judge",
    "parse_deadline",
    "propose_interviews",
    "quantities",
    "rectification_css",
    "rectification_label",
    "rectifications_follow_up",
    "rectifications_raise",
    "supervise",
    "tracked_measures",
    "verdict_code",
    "verdict_css",
    "verdict_label",
    "write_docx",
    "write_xlsx",
]
