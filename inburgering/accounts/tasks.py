from django.utils import timezone

from celery import shared_task


@shared_task(name="inburgering.accounts.tasks.heartbeat")
def heartbeat() -> str:
    """Proves that a worker (and beat) is alive; used by the Celery round-trip tests."""
    return timezone.now().isoformat()


@shared_task(name="inburgering.accounts.tasks.sessies_opruimen")
def sessies_opruimen() -> None:
    """Expired sessions go (issue 13): a session holds the terms of a search (inburgering.zoeken), and those
    may be a name or a BSN. Sessions expire after SESSION_IDLE_MINUTES; their rows stay until this runs."""
    from importlib import import_module

    from django.conf import settings

    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
