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
    from django.db import connections

    logger.info("健康行动监测系统：http://%s:%s/", host, port)
    # The database connection `migrate` opened must not be inherited by the forked processes: two
    # processes talking on one socket garble each other's replies ("lost synchronization with server").
    connections.close_all()
    _Server(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            # One request at a time a process. Threads in a process (gthread) queue behind one another
            # for Python's lock each time a query returns: on the national bench the dashboards' p95
            # doubled beside the same pages on as many single-threaded processes. Long work runs on the
            # job queue, and a proxy in front (docs/deploy.md) absorbs slow clients.
            "worker_class": "sync",
            "accesslog": "-",
            "timeout": 60,
        }
    ).run()
