from django.urls import path

from . import views

app_name = "contact"

urlpatterns = [
    path("<int:pk>/contacten/", views.contacten, name="contacten"),
    path("<int:pk>/contact/nieuw/", views.contact_nieuw, name="contact_nieuw"),
    path("<int:pk>/contact/uitnodiging/", views.voortgangsgesprek_uitnodigen, name="voortgangsgesprek_uitnodigen"),
]
