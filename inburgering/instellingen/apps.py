from django.apps import AppConfig


class InstellingenConfig(AppConfig):
    name = "inburgering.instellingen"
    label = "instellingen"
    verbose_name = "Beleidsinstellingen"
