"""Under /tasks/ beside the 责任清单 pages (the addresses users know); included before them, so that
reminders/ is not read as a region code."""

from django.urls import path

from web.supervision import annual_views, views

urlpatterns = [
    path("reminders/", views.reminders, name="task-reminders"),
    path("reminders/read/", views.reminders_read, name="task-reminders-read"),
    path("<str:code>/supervision/report.<str:fmt>", views.supervision_report, name="task-supervision-report"),
    path("<str:code>/supervision/", views.supervision, name="task-supervision"),
    path("<str:code>/supervision/annual/<year:year>/", annual_views.annual, name="task-annual"),
    path("<str:code>/supervision/interviews/", views.interviews_propose, name="task-interviews"),
    path("<str:code>/supervision/rectifications/", views.rectifications_create, name="task-rectifications"),
    path("interviews/<int:pk>/outcome/", views.interview_outcome, name="task-interview-outcome"),
    path("rectifications/<int:pk>/close/", views.rectification_close_view, name="task-rectification-close"),
]
