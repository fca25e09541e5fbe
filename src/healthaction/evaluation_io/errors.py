"""Bad input for ``healthaction evaluate``: one Chinese line naming the file, line and column."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import Any


class InputError(ValueError):
    """observations.csv 第7行 value 列：应为数字，实际为「约10%」"""

    def __init__(self, where: str, message: str, column: str | None = None) -> None:
        self.where = where
        self.column = column
        self.message = message
        place = f"{where} {column} 列" if column else where
        super().__init__(f"{place}：{message}")


def shown(text: str) -> str:
    """A cell as the user wrote it, or 空 when it is empty."""
    return f"「{text}」" if text else "空"


@contextmanager
def raised_after(earlier: Future[Any]) -> Iterator[None]:
    """Checks run while ``earlier`` (the reading of a file that comes before them) is still under
    way on another thread: should one fail, an error of ``earlier`` is raised first, as when the
    files were read one after another."""
    try:
        yield
    except InputError:
        earlier.result()
        raise
