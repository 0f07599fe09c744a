from django.urls import path

from . import views

app_name = "dashboards"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("routes/<str:leerroute>/", views.route_dossiers, name="route_dossiers"),
]
