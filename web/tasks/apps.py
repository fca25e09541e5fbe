from typing import Any

from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "web.tasks"
    label = "tasks"
    verbose_name = "责任清单"

    def ready(self) -> None:
        # The plans app sits below this one: it announces an import, this app reads the plan's 责任清单.
        from web.plans.signals import plan_imported

        plan_imported.connect(_import_tasks, dispatch_uid="tasks-from-plan")


def _import_tasks(sender: Any, *, document: Any, **kwargs: Any) -> None:
    from web.tasks.services import tasks_import_from_plan

    tasks_import_from_plan(plan=document)
