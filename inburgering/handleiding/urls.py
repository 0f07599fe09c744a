from django.urls import path

from . import views

app_name = "handleiding"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:rol>/", views.rolpagina, name="rol"),
]
