from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "web.plans"
    label = "plans"
    verbose_name = "规划"
