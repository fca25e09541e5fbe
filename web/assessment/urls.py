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
    path(
        "schemes/<int:pk>/evidence/review/<int:review>/",
        views.review_evidence,
        name="assessment-review-evidence",
    ),
    path(
        "schemes/<int:pk>/evidence/organisation/<int:score>/",
        views.organisation_evidence,
        name="assessment-organisation-evidence",
    ),
    path("schemes/<int:pk>/trace/<str:code>/<str:item>/", views.trace, name="assessment-trace"),
]
