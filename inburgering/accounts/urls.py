from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "accounts"

urlpatterns = [
    path("account/wachtwoord/", views.wachtwoord_wijzigen, name="wachtwoord_wijzigen"),
    # The admin's own password page would bypass the security log: it sends the user to this one.
    path("beheer/password_change/", RedirectView.as_view(pattern_name="accounts:wachtwoord_wijzigen"),
         name="beheer_wachtwoord"),
]
