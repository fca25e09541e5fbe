from django.urls import path

from web.plans import views

urlpatterns = [
    path("", views.document_list, name="plan-list"),
    path("upload/", views.upload, name="plan-upload"),
    path("upload/<str:token>/confirm/", views.confirm, name="plan-confirm"),
    path("upload/<str:token>/cancel/", views.cancel, name="plan-cancel"),
    path("<int:pk>/", views.document_detail, name="plan-detail"),
    path("<int:pk>/file/", views.document_file, name="plan-file"),
]
