from django.apps import AppConfig


class KalenderConfig(AppConfig):
    name = "inburgering.kalender"
    label = "kalender"
    verbose_name = "Kalender en termijnen"
