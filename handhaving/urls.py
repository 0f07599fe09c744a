from django.urls import path

from . import exporten, views

app_name = "handhaving"

urlpatterns = [
    path("dossiers/<int:pk>/handhaving/", views.handhaving_tab, name="tab"),
    path("dossiers/<int:pk>/handhaving/nieuw/", views.zaak_openen, name="zaak_openen"),
    path("dossiers/<int:pk>/handhaving/eerdere-boete/", views.eerdere_boete, name="eerdere_boete"),
    path("handhaving/zaken/", views.zaken, name="zaken"),
    path("handhaving/zaken/export/<str:formaat>/", exporten.zaken, name="zaken_export"),  # issue 20
    path("handhaving/te-besluiten/", views.te_besluiten, name="te_besluiten"),
    path("handhaving/<int:zaak_id>/", views.zaak_detail, name="zaak_detail"),
    path("handhaving/<int:zaak_id>/gesprek/", views.gesprek, name="gesprek"),
    path("handhaving/<int:zaak_id>/notitie/", views.notitie, name="notitie"),
    path("handhaving/<int:zaak_id>/bijstand/", views.bijstand, name="bijstand"),
    path("handhaving/<int:zaak_id>/waarschuwing/", views.waarschuwing, name="waarschuwing"),
    path("handhaving/<int:zaak_id>/rapport/", views.rapport, name="rapport"),
    path("handhaving/<int:zaak_id>/voornemen/", views.voornemen, name="voornemen"),
    path("handhaving/<int:zaak_id>/zienswijze/", views.zienswijze, name="zienswijze"),
    path("handhaving/<int:zaak_id>/besluit/", views.besluit, name="besluit"),
    path("handhaving/<int:zaak_id>/bezwaar/", views.bezwaar, name="bezwaar"),
    path("handhaving/<int:zaak_id>/beroep/", views.beroep, name="beroep"),
    path("handhaving/<int:zaak_id>/betaling/", views.betaling, name="betaling"),
    path("handhaving/<int:zaak_id>/afsluiten/", views.afsluiten, name="afsluiten"),
    path("handhaving/<int:zaak_id>/brief/<slug:soort>.pdf", views.brief, name="brief"),
    path("handhaving/<int:zaak_id>/bijlage/<int:notitie_id>/", views.bijlage, name="bijlage"),
]
