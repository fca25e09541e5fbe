from django.urls import path

from web.tasks import people_views, views

urlpatterns = [
    path("leader/", people_views.leader_tasks, name="task-leader"),
    path("task/<int:pk>/confirm/<str:round_code>/", people_views.task_confirm_view, name="task-confirm"),
    path("<str:code>/", views.task_list, name="task-list"),
    path("<str:code>/new/", views.task_edit, name="task-create"),
    path("<str:code>/<int:pk>/edit/", views.task_edit, name="task-edit"),
    path("<str:code>/progress/<str:round_code>/", views.progress, name="task-progress"),
    path("<str:code>/export.<str:fmt>", views.export, name="task-export"),
    path("task/<int:pk>/", views.task_detail, name="task-detail"),
]
