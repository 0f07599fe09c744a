from django.urls import path

from . import exporten, trends_views, views

app_name = "dashboards"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("routes/<str:leerroute>/", views.route_dossiers, name="route_dossiers"),
    # issue 20: downloads of a dashboard table and of the dossiers behind a route number
    path("export/<slug:tabel>/<str:formaat>/", exporten.tabel, name="export"),
    path("routes/<str:leerroute>/export/<str:formaat>/", exporten.route_dossiers, name="route_dossiers_export"),
    path("trends/", trends_views.trends, name="trends"),  # issue 20 item 7
    path("trends/<str:maat>/<str:maand>/", trends_views.trend_rijen, name="trend_rijen"),
]
