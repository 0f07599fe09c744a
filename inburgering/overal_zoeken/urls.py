from django.urls import path

from . import views

app_name = "overal_zoeken"

urlpatterns = [
    path("", views.start, name="start"),
    path("<str:token>/", views.resultaten, name="resultaten"),
]
