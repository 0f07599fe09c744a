from django.urls import path

from . import views

app_name = "duo"

urlpatterns = [
    path("dossiers/<int:pk>/duo/", views.dossier_tab, name="dossier"),  # the dossier's DUO tab
    path("duo/", views.outbox, name="outbox"),  # the koppelbeheerder's outbox screen
    path("duo/berichten/<int:bericht_pk>/opnieuw/", views.opnieuw, name="opnieuw"),
    path("duo/koppelingsmeldingen/<int:melding_pk>/afgehandeld/", views.melding_afhandelen, name="melding"),
]
