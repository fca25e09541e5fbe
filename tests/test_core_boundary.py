"""The core (src/healthaction) never imports Django: the CLI, the engine and the parser run without it."""

from __future__ import annotations

import subprocess
import sys


def test_it_imports_the_whole_core_without_django() -> None:
    code = """import importlib, pkgutil, sys, healthaction
for m in pkgutil.walk_packages(healthaction.__path__, "healthaction."):
    if ".tests" in m.name or m.name.endswith(".conftest"):
        continue
    importlib.import_module(m.name)
assert "django" not in sys.modules, "the core imported django"
"""
    subprocess.run([sys.executable, "-c", code], check=True)
