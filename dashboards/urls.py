from django.urls import path

from . import trends_views, views

app_name = "dashboards"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("routes/<str:leerroute>/", views.route_dossiers, name="route_dossiers"),
    path("trends/", trends_views.trends, name="trends"),  # issue 20 item 7
    path("trends/<str:maat>/<str:maand>/", trends_views.trend_rijen, name="trend_rijen"),
]
