from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "inburgering.audit"
    label = "audit"
    verbose_name = "Logboek dataverwerkingen"

    def ready(self) -> None:
        from simple_history.signals import post_create_historical_record

        from .verwerkingen import bij_historie

        # Every write with history is a candidate processing of personal data (verwerkingen.py).
        post_create_historical_record.connect(bij_historie, dispatch_uid="audit.dataverwerking")
