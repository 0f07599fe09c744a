from django.urls import path

from . import views

app_name = "avg"

urlpatterns = [
    path("", views.start, name="start"),
    path("uitgesloten/", views.uitgesloten, name="uitgesloten"),
    path("vernietigingslijsten/<int:pk>/", views.lijst, name="lijst"),
    path("vernietigingslijsten/<int:pk>/aanbieden/", views.aanbieden, name="aanbieden"),
    path("vernietigingslijsten/<int:pk>/beoordelen/", views.beoordelen, name="beoordelen"),
    path("vernietigingslijsten/<int:pk>/verklaring/", views.verklaring, name="verklaring"),
    path("vernietigingslijsten/<int:pk>/regels/<int:regel_pk>/uitzonderen/", views.uitzonderen,
         name="uitzonderen"),
]
