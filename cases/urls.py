from django.urls import path

from . import afdrukken, exporten, views
from .bijlage import views as documenten

app_name = "cases"

urlpatterns = [
    path("", views.dossier_lijst, name="dossier_lijst"),
    path("nieuw/", views.dossier_nieuw, name="dossier_nieuw"),
    path("nieuw/<str:token>/", views.dossier_nieuw_brp, name="dossier_nieuw_brp"),
    path("nieuw/<str:token>/handmatig/", views.dossier_nieuw_handmatig, name="dossier_nieuw_handmatig"),
    path("export/<str:formaat>/", exporten.dossiers, name="dossier_export"),  # issue 20: CSV / Excel
    path("<int:pk>/afdrukken/", afdrukken.afdrukken, name="dossier_afdrukken"),  # issue 20: print view
    path("herverdelen/", views.dossiers_herverdelen, name="dossiers_herverdelen"),
    path("<int:pk>/", views.dossier_detail, name="dossier_detail"),
    path("<int:pk>/geschiedenis/", views.dossier_geschiedenis, name="dossier_geschiedenis"),
    path("<int:pk>/bewerken/", views.dossier_bewerken, name="dossier_bewerken"),
    path("<int:pk>/toewijzen/", views.dossier_toewijzen, name="dossier_toewijzen"),
    path("<int:pk>/beeindigen/", views.dossier_beeindigen, name="dossier_beeindigen"),
    path("<int:pk>/brp-verversen/", views.brp_verversen, name="brp_verversen"),
    # issue 15: the Documenten tab (letters and uploads); downloads are looked up through the dossier
    path("<int:pk>/documenten/", documenten.documenten, name="documenten"),
    path("<int:pk>/documenten/toevoegen/", documenten.document_toevoegen, name="document_toevoegen"),
    path("<int:pk>/documenten/brief/<int:document_id>/", documenten.brief_download, name="brief_download"),
    path("<int:pk>/documenten/bijlage/<int:bijlage_id>/", documenten.bijlage_download, name="bijlage_download"),
    path("<int:pk>/termijnen/<int:termijn_id>/opschorten/", views.termijn_opschorten, name="termijn_opschorten"),
    path("<int:pk>/termijnen/<int:termijn_id>/hervatten/", views.termijn_hervatten, name="termijn_hervatten"),
]
