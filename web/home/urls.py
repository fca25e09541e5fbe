from django.urls import path

from web.home import views

urlpatterns = [
    path("", views.home, name="home"),
]
