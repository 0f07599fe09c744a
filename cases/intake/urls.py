from django.urls import path

from . import views

app_name = "intake"

urlpatterns = [
    path("<int:pk>/intake/", views.intake_tab, name="intake_tab"),
    path("<int:pk>/intake/bewerken/", views.intake_bewerken, name="intake_bewerken"),
    path("<int:pk>/intake/gezondheid/", views.gezondheid, name="gezondheid"),
    path("<int:pk>/intake/afronden/", views.intake_afronden, name="intake_afronden"),
    path("<int:pk>/intake/oproep/", views.uitnodiging_nieuw, name="uitnodiging_nieuw"),
    path("<int:pk>/intake/oproep/<int:uitnodiging_id>/uitkomst/", views.uitnodiging_uitkomst,
         name="uitnodiging_uitkomst"),
    path("<int:pk>/overdracht/", views.overdracht_bewerken, name="overdracht_bewerken"),
]
