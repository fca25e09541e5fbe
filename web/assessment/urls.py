from django.urls import path

from web.assessment import views

urlpatterns = [
    path("<str:code>/", views.schemes, name="assessment-schemes"),
    path("schemes/<int:pk>/", views.results, name="assessment-results"),
    path("schemes/<int:pk>/edit/", views.edit, name="assessment-edit"),
    path("schemes/<int:pk>/publish/", views.publish, name="assessment-publish"),
    path("schemes/<int:pk>/copy/", views.copy, name="assessment-copy"),
    path("schemes/<int:pk>/versions/<int:version>/", views.version, name="assessment-version"),
    path("schemes/<int:pk>/self/<str:code>/", views.self_assessment, name="assessment-self"),
    path("schemes/<int:pk>/review/<str:code>/", views.review, name="assessment-review"),
    path("schemes/<int:pk>/trace/<str:code>/<str:item>/", views.trace, name="assessment-trace"),
]
