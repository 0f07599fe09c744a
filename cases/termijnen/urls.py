from django.urls import path

from cases import exporten

from . import views

app_name = "werkvoorraad"

urlpatterns = [
    path("", views.werkvoorraad, name="lijst"),
    path("export/<str:formaat>/", exporten.werkvoorraad, name="export"),  # issue 20: CSV / Excel
    path("signalen/<int:pk>/", views.signaal, name="signaal"),
    path("signalen/<int:pk>/afhandelen/", views.signaal_afhandelen, name="afhandelen"),
    path("signalen/<int:pk>/wegzetten/", views.signaal_wegzetten, name="wegzetten"),
    path("samenvatting/", views.samenvatting, name="samenvatting"),
    path("dossiers/<int:dossier_pk>/aandachtspunt/", views.aandachtspunt_nieuw, name="aandachtspunt"),
]
