from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "web.supervision"
    label = "supervision"
    verbose_name = "督导"
