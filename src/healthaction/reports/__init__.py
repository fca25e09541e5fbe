"""Official documents drafted from the data: 专项行动专题报告, 总体监测评估报告, 考核结果通报.

``build_report_data`` collects what a report says (from a plan and the engine's results),
``render_report`` writes it as .docx (GB/T 9704), .xlsx, .html or .pdf by the file's suffix.
"""

from healthaction.reports.collect import build_report_data
from healthaction.reports.errors import ReportError
from healthaction.reports.model import KIND_NAMES, KINDS, Kind, ReportData, ReviewedValue
from healthaction.reports.render import FORMATS, render_report

__all__ = [
    "FORMATS",
    "KINDS",
    "KIND_NAMES",
    "Kind",
    "ReportData",
    "ReportError",
    "ReviewedValue",
    "build_report_data",
    "render_report",
]
