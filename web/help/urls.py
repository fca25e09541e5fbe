from django.urls import path

from web.help import views

app_name = "help"

urlpatterns = [
    path("", views.index, name="index"),
    path("images/<str:name>", views.image, name="image"),
    path("<slug:chapter>/", views.chapter, name="chapter"),
    # A chapter's Markdown says images/x.png, which the browser resolves under the chapter's page.
    path("<slug:chapter>/images/<str:name>", views.image, name="chapter-image"),
]
