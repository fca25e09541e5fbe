from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "web.tasks"
    label = "tasks"
    verbose_name = "责任清单"
