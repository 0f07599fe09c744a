"""The termijn kinds: registered by the app that computes them (in its AppConfig.ready()), so a new
kind from a higher app needs no change or migration of cases. A kind registered twice is a
programming error and says so, instead of one app silently taking over another's kind."""

from django.core.exceptions import ImproperlyConfigured
from django.db.models import TextChoices
from django.utils.functional import Promise

_SOORTEN: dict[str, tuple[str | Promise, str]] = {}  # code → (label, bron)


def registreer_soorten(soorten: type[TextChoices], *, bron: str) -> None:
    for soort in soorten:
        if soort.value in _SOORTEN:
            raise ImproperlyConfigured(
                f"Termijnsoort {soort.value!r} is al geregistreerd door {_SOORTEN[soort.value][1]!r}."
            )
        _SOORTEN[soort.value] = (soort.label, bron)


def soort_label(code: str) -> str:
    label = _SOORTEN.get(code)
    return str(label[0]) if label else code


def soorten() -> list[tuple[str, str]]:
    """(code, label) of every registered kind, in registration order (for filters and dashboards)."""
    return [(code, str(label)) for code, (label, _bron) in _SOORTEN.items()]
