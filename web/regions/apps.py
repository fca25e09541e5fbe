from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "web.regions"
    label = "regions"
    verbose_name = "地区"
