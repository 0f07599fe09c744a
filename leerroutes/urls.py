from django.urls import path

from . import views

app_name = "leerroutes"

T = "dossiers/<int:pk>/traject/"

urlpatterns = [
    path(T, views.traject, name="traject"),
    path(f"{T}inschrijven/", views.inschrijving_nieuw, name="inschrijving_nieuw"),
    path(f"{T}inschrijving/<int:inschrijving_id>/stoppen/", views.inschrijving_stoppen, name="inschrijving_stoppen"),
    path(f"{T}inschrijving/<int:inschrijving_id>/<str:actie>/", views.inschrijving_actie, name="inschrijving_actie"),
    path(f"{T}uren/", views.uren_nieuw, name="uren_nieuw"),
    path(f"{T}uren/norm/", views.z_route_norm, name="z_route_norm"),
    path(f"{T}examen/", views.examen_nieuw, name="examen_nieuw"),
    path(f"{T}pvt/", views.pvt, name="pvt"),
    path(f"{T}pvt/bijeenkomst/", views.pvt_sessie, name="pvt_sessie"),
    path(f"{T}pvt/ondertekening/", views.pvt_ondertekening, name="pvt_ondertekening"),
    path(f"{T}map/", views.map_traject, name="map"),
    path(f"{T}map/eindgesprek/", views.map_eindgesprek, name="map_eindgesprek"),
    path(f"{T}ontzorging/", views.ontzorging_nieuw, name="ontzorging_nieuw"),
    path(f"{T}ontzorging/<str:actie>/", views.ontzorging_actie, name="ontzorging_actie"),
    path(f"{T}begeleiding/", views.begeleiding_nieuw, name="begeleiding_nieuw"),
    path(f"{T}begeleiding/activiteit/", views.mb_activiteit, name="mb_activiteit"),
    path(f"{T}afronden/", views.afronden, name="afronden"),
    path("aanbieders/", views.aanbieders, name="aanbieders"),
]
