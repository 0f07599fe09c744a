"""The rows of the dossier list and the werkvoorraad built in Python (issue 18): the same HTML as the
template loops they replace (tests/cases/test_dossier_rijen.py, tests/werkvoorraad/test_rijen.py), at a
fraction of the template engine's cost per variable — the rows were a third of the list page's rendering."""

from datetime import datetime

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext

register = template.Library()


def _tekst(waarde) -> str:
    return conditional_escape(str(waarde))  # as {{ waarde }}: None shows as "None", like the template did


@register.simple_tag
def dossier_rijen(dossiers, mag_herverdelen) -> str:
    dossier_url = _Url("cases:dossier_detail")
    labels = {}
    delen = []
    for dossier in dossiers:
        persoon = dossier.inburgeraar
        keuze = ""
        if mag_herverdelen:
            vinkje = ""
            if dossier.is_actief:
                label = gettext("Selecteer %(naam)s") % {"naam": _tekst(persoon)}
                vinkje = (f'<input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" '
                          f'name="dossiers" value="{dossier.pk}" id="kies-{dossier.pk}" aria-label="{label}">')
            keuze = f'<td class="utrecht-table__cell">{vinkje}</td>'
        voorvoegsel = f", {_tekst(persoon.voorvoegsel)}" if persoon.voorvoegsel else ""
        datum = dossier.datum_kennisgeving
        delen.append(
            f'\n    <tr class="utrecht-table__row">\n      {keuze}\n'
            f'      <td class="utrecht-table__cell"><a class="utrecht-link" '
            f'href="{dossier_url(dossier.pk)}">{_tekst(persoon.geslachtsnaam)}'
            f'{voorvoegsel}, {_tekst(persoon.voornamen)}</a></td>\n'
            f'      <td class="utrecht-table__cell">{_tekst(persoon.bsn_gemaskeerd)}</td>\n'
            f'      <td class="utrecht-table__cell">{_label(labels, "doelgroep", dossier.doelgroep, dossier.get_doelgroep_kort_display)}</td>\n'
            f'      <td class="utrecht-table__cell">{_label(labels, "fase", dossier.fase, dossier.get_fase_display)}</td>\n'
            f'      <td class="utrecht-table__cell">{f"{datum.day}-{datum.month}-{datum.year}" if datum else ""}</td>\n'
            f'      <td class="utrecht-table__cell">{_tekst(dossier.werkcoach)}</td>\n'
            f'      <td class="utrecht-table__cell">{_tekst(dossier.team)}</td>\n'
            f'    </tr>\n  '
        )
    return mark_safe("".join(delen))  # every value above is escaped


def _datum(waarde) -> str:
    """As |date:"j-n-Y": an aware datetime in the current time zone first (the filter's expects_localtime)."""
    if isinstance(waarde, datetime) and timezone.is_aware(waarde):
        waarde = timezone.localtime(waarde)
    return f"{waarde.day}-{waarde.month}-{waarde.year}"


class _Url:
    """reverse() once per page with a placeholder, then the pk put in per row: the same URL as
    reverse(naam, args=[pk]) (tests/werkvoorraad/test_rijen.py), at a string replace per row."""

    PLAATSHOUDER = 918273645

    def __init__(self, naam: str):
        self.voor, self.na = reverse(naam, args=[self.PLAATSHOUDER]).split(str(self.PLAATSHOUDER))

    def __call__(self, pk: int) -> str:
        return f"{self.voor}{int(pk)}{self.na}"


@register.simple_tag
def werkvoorraad_stand(regel) -> str:
    """templates/cases/werkvoorraad/_stand.html: how far the termijn is, and its status when not open."""
    return mark_safe(_stand(regel, {}))


def _label(labels: dict, soort: str, code: str, maak) -> str:
    """An escaped choice label, made once per page for each (soort, code): a page has a handful."""
    sleutel = (soort, code)
    if sleutel not in labels:
        labels[sleutel] = _tekst(maak())
    return labels[sleutel]


def _stand(regel, labels: dict) -> str:
    dagen = regel.dagen
    if dagen is None:
        tekst = "—"
    elif dagen < 0:
        d = regel.dagen_over_tijd
        tekst = f"<strong>{ngettext('%(d)s dag over tijd', '%(d)s dagen over tijd', d) % {'d': localize(d)}}</strong>"
    elif dagen == 0:
        tekst = f"<strong>{_tekst(gettext('vandaag'))}</strong>"
    else:
        tekst = ngettext("nog %(d)s dag", "nog %(d)s dagen", dagen) % {"d": localize(dagen)}
    termijn = regel.signaal.termijn
    if termijn and termijn.status not in ("open", "verlopen"):
        tekst += f" ({_label(labels, 'status', termijn.status, lambda: termijn.get_status_display().lower())})"
    return tekst


@register.simple_tag
def werkvoorraad_rijen(regels) -> str:
    """The rows of templates/cases/werkvoorraad/_resultaten.html (WerkvoorraadRegel per row)."""
    dossier_url, signaal_url = _Url("cases:dossier_detail"), _Url("werkvoorraad:signaal")
    behandelen = _tekst(gettext("Behandelen"))
    labels = {}
    delen = []
    for regel in regels:
        s = regel.signaal
        dossier = s.dossier
        naam = _tekst(dossier.inburgeraar.volledige_naam)
        soort = _label(labels, "signaal", s.soort, s.get_soort_display)
        verlopen = s.soort == "verlopen"
        signaal = f"<strong>{soort}</strong>" if verlopen else soort
        if s.omschrijving:
            signaal += f"<br>{_tekst(Truncator(s.omschrijving).chars(80))}"
        termijn = s.termijn
        if termijn:
            termijn_soort = _label(labels, "termijn", termijn.soort, termijn.get_soort_display)
            fatale_datum = _datum(termijn.fatale_datum)
        else:
            termijn_soort = fatale_datum = "—"
        delen.append(
            f'\n    <tr class="utrecht-table__row{" rij--verlopen" if verlopen else ""}">\n'
            f'      <td class="utrecht-table__cell"><a class="utrecht-link" href="{dossier_url(s.dossier_id)}">'
            f'{naam}</a></td>\n'
            f'      <td class="utrecht-table__cell">{signaal}</td>\n'
            f'      <td class="utrecht-table__cell">{termijn_soort}</td>\n'
            f'      <td class="utrecht-table__cell">{fatale_datum}</td>\n'
            f'      <td class="utrecht-table__cell">{_stand(regel, labels)}\n</td>\n'
            f'      <td class="utrecht-table__cell">{_datum(s.aangemaakt_op)}</td>\n'
            f'      <td class="utrecht-table__cell">{_tekst(dossier.werkcoach)}</td>\n'
            f'      <td class="utrecht-table__cell"><a class="utrecht-link" href="{signaal_url(s.pk)}">{behandelen}'
            f'<span class="visueel-verborgen">: {soort}, {naam}</span></a></td>\n'
            f'    </tr>\n  '
        )
    return mark_safe("".join(delen))  # every value above is escaped
