from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "web.assessment"
    label = "assessment"
    verbose_name = "考核"
