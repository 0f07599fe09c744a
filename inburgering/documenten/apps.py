from django.apps import AppConfig


class DocumentenConfig(AppConfig):
    name = "inburgering.documenten"
    label = "documenten"
    verbose_name = "Documenten"
