from django.urls import path

from . import exporten, views

app_name = "pip_plans"

urlpatterns = [
    path("dossiers/<int:pk>/pip/", views.pip_tab, name="pip_tab"),
    path("dossiers/<int:pk>/pip/nieuw/", views.pip_nieuw, name="pip_nieuw"),
    path("dossiers/<int:pk>/pip/wijzigen/", views.pip_wijzigen, name="pip_wijzigen"),
    path("dossiers/<int:pk>/pip/informatie/", views.informatieverzoek_nieuw, name="informatieverzoek_nieuw"),
    path("dossiers/<int:pk>/pip/informatie/<int:verzoek_id>/ontvangen/", views.informatie_ontvangen,
         name="informatie_ontvangen"),
    path("dossiers/<int:pk>/pip/verlenging-duo/", views.termijnverlenging_nieuw, name="termijnverlenging_nieuw"),
    path("pip/te-beoordelen/", views.te_beoordelen, name="te_beoordelen"),
    path("pip/te-beoordelen/export/<str:formaat>/", exporten.te_beoordelen, name="te_beoordelen_export"),
    path("pip/<int:pip_id>/", views.pip_detail, name="pip_detail"),
    path("pip/<int:pip_id>/bewerken/", views.pip_bewerken, name="pip_bewerken"),
    path("pip/<int:pip_id>/indienen/", views.pip_indienen, name="pip_indienen"),
    path("pip/<int:pip_id>/intrekken/", views.pip_intrekken, name="pip_intrekken"),
    path("pip/<int:pip_id>/terugsturen/", views.pip_terugsturen, name="pip_terugsturen"),
    path("pip/<int:pip_id>/vaststellen/", views.pip_vaststellen, name="pip_vaststellen"),
    path("pip/<int:pip_id>/beschikking.pdf", views.pip_beschikking, name="pip_beschikking"),
]
