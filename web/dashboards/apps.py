from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "web.dashboards"
    label = "dashboards"
    verbose_name = "看板"

    def ready(self) -> None:
        from web.dashboards.signals import connect

        connect()
