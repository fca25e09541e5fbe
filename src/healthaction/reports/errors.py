"""The one exception of report building: a Chinese sentence the user can act on."""


class ReportError(Exception):
    """Raised for a report that cannot be made as asked (unknown action, no data, no LibreOffice…)."""
