from django import template

from leerroutes.rules import uren_tekst

register = template.Library()


@register.filter
def uren(waarde) -> str:
    """Hours the Dutch way (212, 12,5), never 212.00."""
    return "" if waarde is None else uren_tekst(waarde)
