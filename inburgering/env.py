"""Strict environment parsing: nonsense in a variable stops the process at start-up.

Every variable read here is listed in the README ("Configuratie").
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_UNSET = object()


def _raw(name: str, default):
    value = os.environ.get(name)
    if value is None or value == "":
        if default is _UNSET:
            raise ImproperlyConfigured(f"Environment variable {name} is required.")
        return None
    return value


def string(name: str, default=_UNSET) -> str:
    value = _raw(name, default)
    return default if value is None else value


def boolean(name: str, default: bool | object = _UNSET) -> bool:
    value = _raw(name, default)
    if value is None:
        return default  # type: ignore[return-value]
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use true/false).")


def integer(name: str, default: int | object = _UNSET, *, minimum: int | None = None) -> int:
    value = _raw(name, default)
    if value is None:
        return default  # type: ignore[return-value]
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number} must be at least {minimum}.")
    return number


def strings(name: str, default: list[str] | object = _UNSET) -> list[str]:
    value = _raw(name, default)
    if value is None:
        return list(default)  # type: ignore[call-overload]
    items = [item.strip() for item in value.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfigured(f"{name}={value!r} contains an empty item.")
    return items


def choice(name: str, options: tuple[str, ...], default: str | object = _UNSET) -> str:
    value = string(name, default)
    if value not in options:
        raise ImproperlyConfigured(f"{name}={value!r} must be one of {', '.join(options)}.")
    return value
