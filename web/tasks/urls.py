from django.urls import path

from web.tasks import annual_views, people_views, views

urlpatterns = [
    path("reminders/", people_views.reminders, name="task-reminders"),
    path("reminders/read/", people_views.reminders_read, name="task-reminders-read"),
    path(
        "<str:code>/supervision/report.<str:fmt>",
        people_views.supervision_report,
        name="task-supervision-report",
    ),
    path("leader/", people_views.leader_tasks, name="task-leader"),
    path("task/<int:pk>/confirm/<str:round_code>/", people_views.task_confirm_view, name="task-confirm"),
    path("<str:code>/", views.task_list, name="task-list"),
    path("<str:code>/new/", views.task_edit, name="task-create"),
    path("<str:code>/<int:pk>/edit/", views.task_edit, name="task-edit"),
    path("<str:code>/progress/<str:round_code>/", views.progress, name="task-progress"),
    path("<str:code>/supervision/", views.supervision, name="task-supervision"),
    path("<str:code>/supervision/annual/<year:year>/", annual_views.annual, name="task-annual"),
    path("<str:code>/supervision/interviews/", views.interviews_propose, name="task-interviews"),
    path("<str:code>/supervision/rectifications/", views.rectifications_create, name="task-rectifications"),
    path("<str:code>/export.<str:fmt>", views.export, name="task-export"),
    path("task/<int:pk>/", views.task_detail, name="task-detail"),
    path("rectifications/<int:pk>/close/", views.rectification_close_view, name="task-rectification-close"),
]
