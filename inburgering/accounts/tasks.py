from django.utils import timezone

from celery import shared_task


@shared_task(name="inburgering.accounts.tasks.heartbeat")
def heartbeat() -> str:
    """Proves that a worker (and beat) is alive; used by the Celery round-trip tests."""
    return timezone.now().isoformat()
