"""The 西夏区 world of the tasks app's tests: its 责任清单 is what 督导 judges."""

from web.tasks.tests.conftest import seat, xixia

__all__ = ["seat", "xixia"]
