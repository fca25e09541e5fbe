"""`healthaction serve`: gunicorn (a real WSGI server) with whitenoise serving the static files."""

from __future__ import annotations

import logging
from typing import Any

from gunicorn.app.base import BaseApplication

logger = logging.getLogger(__name__)


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from web.config.wsgi import application

        return application


def serve(*, host: str, port: int, workers: int = 2) -> None:
    logger.info("健康行动监测系统：http://%s:%s/", host, port)
    _Server(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "threads": 4,
            "worker_class": "gthread",
            "accesslog": "-",
            "timeout": 60,
        }
    ).run()
