from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "inburgering.audit"
    label = "audit"
    verbose_name = "Logboek dataverwerkingen"
