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
from healthaction.responsibility.rounds import (
    REPORTED_STATUSES,
    MeasureReport,
    ProgressRound,
    ReportedStatus,
    TrackedMeasure,
    tracked_measures,
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
    "REPORTED_STATUSES",
    "Deadline",
    "InterviewProposal",
    "MeasureReport",
    "MeasureVerdict",
    "Number",
    "ProgressRound",
    "Quantity",
    "RectificationItem",
    "ReportedStatus",
    "Supervision",
    "TrackedMeasure",
    "judge",
    "parse_deadline",
    "propose_interviews",
    "quantities",
    "rectifications_follow_up",
    "rectifications_raise",
    "supervise",
    "tracked_measures",
    "write_docx",
    "write_xlsx",
]
