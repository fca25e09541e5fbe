from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter

from web.parameters import YearConverter

# Before the apps' urls are included: their paths use <year:year> (a mistyped year is a 400 saying why).
register_converter(YearConverter, "year")

handler400 = "web.config.errors.bad_request"
handler403 = "web.config.errors.permission_denied"
handler404 = "web.config.errors.page_not_found"
handler500 = "web.config.errors.server_error"

urlpatterns = [
    path("", include("web.home.urls")),
    path("login/", auth_views.LoginView.as_view(template_name="accounts/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("plans/", include("web.plans.urls")),
    path("monitoring/", include("web.monitoring.urls")),
    path("regions/", include("web.dashboards.urls")),
    path("tasks/", include("web.supervision.urls")),
    path("tasks/", include("web.tasks.urls")),
    path("assessment/", include("web.assessment.urls")),
    path("reports/", include("web.reports.urls")),
    path("api/", include("web.api.urls")),
    path("jobs/", include("web.jobs.urls")),
    path("help/", include("web.help.urls")),
]
