from django.urls import path

from web.reports import views

urlpatterns = [
    path("<str:code>/", views.downloads, name="reports-downloads"),
    path("<str:code>/<str:kind>.<str:fmt>", views.download, name="reports-download"),
]
