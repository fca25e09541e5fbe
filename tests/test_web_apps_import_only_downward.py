"""The web apps form layers: an app imports only apps below it, so no two apps reach each other.

jobs, regions → organisation → accounts (scope) → plans → monitoring, tasks → assessment, dashboards,
supervision → reports, home → api, demo. An app that needs to tell one above it something sends a signal
that the upper app connects in its AppConfig.ready (plans → tasks: `plan_imported`; monitoring →
dashboards: `statuses_refreshing`). `config` wires the project together and sits above them all.
"""

from __future__ import annotations

import ast
from pathlib import Path

WEB = Path(__file__).resolve().parent.parent / "web"

LAYER = {
    "parameters": -1,  # web/parameters.py: years and ids read from requests, under every app
    # The jobs' queue imports no app: each app's jobs.py registers its kinds with it (web/jobs/registry.py).
    "jobs": 0,
    "regions": 0,
    "help": 0,
    "organisation": 1,
    "accounts": 2,
    "plans": 3,
    "monitoring": 4,
    "tasks": 4,
    "assessment": 5,
    "dashboards": 5,
    "supervision": 5,
    "reports": 6,
    "home": 6,  # the landing page: reads of the apps below it, per role
    "api": 7,
    "demo": 7,
}
ABOVE_ALL = {"config", "e2e"}


def _apps() -> list[str]:
    return sorted(p.name for p in WEB.iterdir() if (p / "__init__.py").exists() and p.name not in ABOVE_ALL)


def _imports(app: str) -> list[tuple[str, int, str]]:
    """Every web app this app's code imports (tests and migrations aside), with file and line."""
    found = []
    for path in sorted((WEB / app).rglob("*.py")):
        parts = path.relative_to(WEB).parts
        if "tests" in parts or "migrations" in parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            for module in modules:
                words = module.split(".")
                if words[0] == "web" and len(words) > 1 and words[1] not in (app, *ABOVE_ALL):
                    found.append((words[1], node.lineno, str(path.relative_to(WEB.parent))))
    return found


def test_every_web_app_has_a_layer() -> None:
    missing = [app for app in _apps() if app not in LAYER]
    assert not missing, f"give these apps a layer in {__file__}: {missing}"


def test_no_web_app_imports_an_app_at_or_above_its_own_layer() -> None:
    upward = [
        f"{where}:{line} imports web.{other} ({app} is layer {LAYER[app]}, {other} is {LAYER.get(other)})"
        for app in _apps()
        if app in LAYER
        for other, line, where in _imports(app)
        if LAYER.get(other, 99) >= LAYER[app]
    ]
    assert not upward, "\n".join(upward)
