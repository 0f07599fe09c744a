from django.urls import path

from . import views

app_name = "duo_notificaties"

urlpatterns = [
    # DUO's Notificatie API (contracten/duo-m2m/Notificatie/openapi.yml: POST /notificaties below our base /duo)
    path("duo/notificaties", views.notificatie_ontvangen, name="ontvangen"),
    path("duo/instroom/", views.instroom, name="instroom"),  # "Instroom van DUO": werkcoaches and their team
    path("duo/instroom/<int:instroom_id>/oppakken/", views.instroom_oppakken, name="oppakken"),
    path("dossiers/<int:pk>/duo-gegevens/", views.dossier_tab, name="dossier"),  # "Gegevens van DUO"
]
