"""The koppelbeheerder's pages (a role page without dossier ids in its own namespace, like avg: and post:)."""

from django.urls import path

from . import views

app_name = "duo_koppeling"

urlpatterns = [
    path("duo/meldingen/", views.meldingen, name="meldingen"),  # every notification, with filters
    path("duo/meldingen/<int:notificatie_id>/opnieuw/", views.opnieuw, name="opnieuw"),
    path("duo/verschillen/", views.verschillen, name="verschillen"),  # the nightly reconciliation
]
