from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from two_factor import views as two_factor_views

from dashboards import views as dashboards_views
from inburgering.accounts.inloggen import InlogView
from inburgering.accounts.tweefactor import HerstelcodesView, InschrijvenView

admin.site.site_header = "Inburgering — functioneel beheer"
admin.site.site_title = "Inburgering beheer"
admin.site.index_title = "Beheer"

# Two-factor enrolment and recovery codes, under the names django-two-factor-auth redirects to.
tweestaps = [
    path("instellen/", InschrijvenView.as_view(), name="setup"),
    path("instellen/qr/", two_factor_views.QRGeneratorView.as_view(), name="qr"),
    path("instellen/klaar/", two_factor_views.SetupCompleteView.as_view(
        template_name="accounts/tweefactor_klaar.html"), name="setup_complete"),
    path("herstelcodes/", HerstelcodesView.as_view(), name="backup_tokens"),
    path("", RedirectView.as_view(pattern_name="two_factor:backup_tokens"), name="profile"),
]

urlpatterns = [
    path("", dashboards_views.home, name="home"),  # werkcoach home: dossiers per fase, signals, this week
    path("start/", dashboards_views.na_inloggen, name="na_inloggen"),  # after login: each role's start page
    path("inloggen/", InlogView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("tweestaps/", include((tweestaps, "two_factor"))),
    # The admin has no login of its own: one door (lockout, two-factor) for the application and the admin.
    path("beheer/login/", RedirectView.as_view(pattern_name="login", query_string=True), name="beheer_login"),
    path("", include("pip_plans.urls")),
    path("", include("leerroutes.urls")),
    path("", include("handhaving.urls")),
    path("", include("cases.agenda.urls")),  # issue 20: Afspraken tab, agenda, iCalendar feed
    path("dossiers/", include("cases.intake.urls")),
    path("dossiers/", include("cases.contact.urls")),
    path("dossiers/", include("cases.urls")),
    path("werkvoorraad/", include("cases.termijnen.urls")),
    path("dashboard/", include("dashboards.urls")),
    path("zoeken/", include("inburgering.overal_zoeken.urls")),  # search everywhere (issue 20 item 3)
    path("", include("duo.urls")),  # the DUO tab of a dossier and the outbox screen (issue 16)
    path("", include("duo.notificaties.urls")),  # DUO's notifications, the inflow and the DUO facts (issue 17)
    path("", include("duo.notificaties.koppeling_urls")),  # the koppelbeheerder's list and reconciliation
    path("post/", include("inburgering.documenten.post_urls")),  # the postkamer's print batch (issue 15)
    path("privacy/inzageverzoek/", include("avg.inzage_urls")),
    path("privacy/", include("avg.urls")),  # the privacy officer: vernietigingslijsten (issue 13)
    path("privacy/", include("inburgering.audit.urls")),  # Logboek Dataverwerkingen and register (privacy officer)
    path("handleiding/", include("inburgering.handleiding.urls")),  # the manual per role (issue 20)
    path("", include("inburgering.accounts.urls")),  # own password page; before the admin's password_change
    path("beheer/", admin.site.urls),
    # Login through the gemeente's identity provider (404 unless OIDC_ENABLED).
    path("oidc/", include("mozilla_django_oidc.urls")),
]

# Dutch error pages (issue 12 item 7): 403/404/500 are Django's handlers with templates/*.html;
# 400 says when a POST was too large.
handler400 = "inburgering.audit.fouten.fout_400"
