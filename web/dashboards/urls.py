from django.urls import path

from web.dashboards import views

urlpatterns = [
    path("<str:code>/", views.overview, name="overview"),
    path("<str:code>/indicators/<int:indicator_id>/", views.indicator, name="indicator"),
    path("<str:code>/league/", views.league, name="league"),
]
