from django.urls import path

from . import views

app_name = "verwerkingen"

urlpatterns = [
    path("verwerkingen/", views.logboek, name="logboek"),
    path("register/", views.register, name="register"),
]
