from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "web.home"
    label = "home"
    verbose_name = "首页"
