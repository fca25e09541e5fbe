"""The examples in the core's docstrings still hold (pure helpers carry doctests)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import healthaction

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(healthaction.__path__, "healthaction.") if ".tests" not in m.name
)


@pytest.mark.parametrize("name", MODULES)
def test_its_docstring_examples_hold(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
