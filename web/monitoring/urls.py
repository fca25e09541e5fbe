from django.urls import path

from web.monitoring import entry_views, views, workbook_views

urlpatterns = [
    # Before "<code>/<year>/", which would otherwise take "evidence/1/" for a region code.
    path("evidence/<int:pk>/", views.evidence_download, name="evidence-download"),
    path("rounds/<int:pk>/closes/", views.round_change, name="round-change"),
    path("<str:code>/", views.rounds, name="rounds"),
    path("<str:code>/rounds/open/", views.round_create, name="round-create"),
    path("<str:code>/<year:year>/", entry_views.entry, name="entry"),
    path("<str:code>/review/", views.review, name="review"),
    path("<str:code>/review/batch/", views.review_batch, name="review-batch"),
    path("<str:code>/<year:year>/workbook/", workbook_views.workbook_download, name="workbook-download"),
    path("<str:code>/<year:year>/workbook/upload/", workbook_views.workbook_upload, name="workbook-upload"),
    path("observations/<int:pk>/decide/", views.decide, name="decide"),
    path("observations/<int:pk>/history/", views.history, name="history"),
]
