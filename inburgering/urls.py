from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from dashboards import views as dashboards_views
from inburgering.accounts.forms import InlogForm

admin.site.site_header = "Inburgering — functioneel beheer"
admin.site.site_title = "Inburgering beheer"
admin.site.index_title = "Beheer"

urlpatterns = [
    path("", dashboards_views.home, name="home"),  # werkcoach home: dossiers per fase, signals, this week
    path(
        "inloggen/",
        auth_views.LoginView.as_view(template_name="accounts/inloggen.html", authentication_form=InlogForm),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    # pip_plans first: its /dossiers/<pk>/pip/ pages take precedence over the generic dossier tab.
    path("", include("pip_plans.urls")),
    path("", include("leerroutes.urls")),  # /dossiers/<pk>/traject/… before cases' generic tab; /aanbieders/
    # handhaving before cases.urls: its /dossiers/<pk>/handhaving/ page replaces the generic dossier tab.
    path("", include("handhaving.urls")),
    path("dossiers/", include("cases.intake.urls")),
    path("dossiers/", include("cases.contact.urls")),
    path("dossiers/", include("cases.urls")),
    path("werkvoorraad/", include("cases.termijnen.urls")),
    path("dashboard/", include("dashboards.urls")),
    path("beheer/", admin.site.urls),
]

# Dutch error pages (issue 12 item 7): 403/404/500 are Django's handlers with templates/*.html;
# 400 says when a POST was too large.
handler400 = "inburgering.audit.fouten.fout_400"
