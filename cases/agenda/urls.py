from django.urls import path

from . import views

app_name = "agenda"

urlpatterns = [
    # issue 20: the Afspraken tab of a dossier
    path("dossiers/<int:pk>/afspraken/", views.afspraken, name="afspraken"),
    path("dossiers/<int:pk>/afspraken/nieuw/", views.afspraak_nieuw, name="afspraak_nieuw"),
    path("dossiers/<int:pk>/afspraken/<int:afspraak_id>/afzeggen/", views.afspraak_afzeggen,
         name="afspraak_afzeggen"),
    # the user's own agenda and its secret iCalendar address (no login: the token is the credential)
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/ical/vernieuwen/", views.agendalink_vernieuwen, name="ical_vernieuwen"),
    path("agenda/ical/intrekken/", views.agendalink_intrekken, name="ical_intrekken"),
    path("agenda/ical/<str:token>.ics", views.ical_feed, name="ical"),
]
