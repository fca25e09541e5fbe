"""Evaluation engine: statuses, expected values, scores and ranks on whole tables (evaluation.md)."""

from healthaction.engine.api import PreparedEvaluation, evaluate, prepare
from healthaction.engine.judgement import FLAGS, MISSED_LABEL, STATUS_LABELS, STATUSES
from healthaction.engine.model import Evaluation, EvaluationInputs, EvaluationOptions

__all__ = [
    "FLAGS",
    "MISSED_LABEL",
    "STATUSES",
    "STATUS_LABELS",
    "Evaluation",
    "EvaluationInputs",
    "EvaluationOptions",
    "PreparedEvaluation",
    "evaluate",
    "prepare",
]
