from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "web.jobs"
    label = "jobs"
    verbose_name = "后台任务"

    def ready(self) -> None:
        # Every app's jobs.py registers its job kinds: the web process (to enqueue) and the worker
        # (to run) then know the same kinds.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("jobs")
