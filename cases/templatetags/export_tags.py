"""`{% export_links "cases:dossier_export" querystring %}`: the two download links of a list (issue 20),
keeping the list's current filter (its query string: no search term, only the session token) and
stating the cap of `inburgering.export`."""

from django import template
from django.urls import reverse

from inburgering import export

register = template.Library()


@register.inclusion_tag("includes/export_links.html")
def export_links(url_naam: str, querystring: str = "", *args, wat: str = "") -> dict:
    """`wat` (e.g. a dashboard table's name) completes the links' names for screen readers when a page
    has several pairs."""
    achter = f"?{querystring}" if querystring else ""
    args = [a for a in args if a not in (None, "")]  # an unset context variable: no argument
    return {
        "csv_url": reverse(url_naam, args=[*args, "csv"]) + achter,
        "xlsx_url": reverse(url_naam, args=[*args, "xlsx"]) + achter,
        "grens": export.max_rijen(),
        "wat": wat,
    }
