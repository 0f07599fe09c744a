"""/privacy/inzageverzoek/… (mounted in inburgering/urls.py, namespace `inzage`). No BSN in any path:
a request lives under a random token kept in the session."""

from django.urls import path

from . import inzage_views

app_name = "inzage"

urlpatterns = [
    path("", inzage_views.start, name="start"),
    path("<str:token>/", inzage_views.overzicht, name="overzicht"),
    path("<str:token>/downloaden/", inzage_views.downloaden, name="downloaden"),
]
