from decimal import Decimal

from django import template

from handhaving.rules import euro as _euro

register = template.Library()


@register.filter
def euro(bedrag) -> str:
    """€ 1.234,50, as in the derivations and letters."""
    return "" if bedrag is None else _euro(Decimal(bedrag))
