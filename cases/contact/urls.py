from django.urls import path

from . import views

app_name = "contact"

urlpatterns = [
    path("<int:pk>/contacten/", views.contacten, name="contacten"),
    path("<int:pk>/contact/nieuw/", views.contact_nieuw, name="contact_nieuw"),
]
