from django.urls import path

from web.jobs import views

urlpatterns = [
    path("", views.job_list, name="jobs"),
    path("<int:job_id>/", views.job_page, name="job"),
    path("<int:job_id>/status/", views.job_status, name="job-status"),
    path("<int:job_id>/file/", views.job_file, name="job-file"),
    path("<int:job_id>/retry/", views.job_retry_view, name="job-retry"),
]
