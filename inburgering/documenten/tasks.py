from celery import shared_task

from .services import wezen_opruimen


@shared_task(name="documenten.wezen_opruimen")
def wezen_opruimen_taak() -> int:
    """Daily: remove document files of rolled-back transactions (see services.wezen_opruimen)."""
    return wezen_opruimen()
