"""cases' providers for the search everywhere (inburgering.overal_zoeken, issue 20 item 3): dossiers by
name, BSN (exact, elfproef) or V-nummer (exact), and letters by kenmerk. Each within `access`, one query,
at most `limiet` hits plus one to know there are more."""

import re
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inburgering import zoeken as zoekopdrachten
from inburgering.documenten.models import Verzending
from inburgering.overal_zoeken import Aanbieder, Groep, Treffer, Zoekvraag

from . import access, rules
from .selectors import Bereik, _zoek

DOSSIERS = gettext_lazy("Dossiers")
BRIEVEN = gettext_lazy("Brieven en documenten")
V_NUMMER = re.compile(r"[0-9]{10}")


def soort_term(term: str) -> tuple[str, str]:
    """How a term finds a dossier: a 9-digit number passing the elfproef is a BSN ("bsn", exact), a
    10-digit number a V-nummer ("v_nummer", exact); any other run of digits (e.g. a BSN failing the
    elfproef) finds no dossier ("geen"). Anything else is a name ("naam": every word in voornamen or
    achternaam, or the voorvoegsel, as the dossier list searches)."""
    cijfers = rules.normaliseer_bsn(term.strip())
    if cijfers.isdigit():
        if len(cijfers) == 9 and rules.bsn_is_geldig(cijfers):
            return "bsn", cijfers
        if V_NUMMER.fullmatch(cijfers):
            return "v_nummer", cijfers
        return "geen", ""
    return "naam", term.strip()


def zoek_dossiers(vraag: Zoekvraag) -> Groep:
    soort, waarde = soort_term(vraag.term)
    if soort == "geen":
        return Groep(sleutel="dossiers", titel=str(DOSSIERS))
    qs = access.zichtbare_dossiers(vraag.user).select_related("inburgeraar", "werkcoach")
    qs = _zoek(qs, waarde) if soort == "naam" else qs.filter(**{f"inburgeraar__{soort}": waarde})
    rijen = list(qs.order_by("inburgeraar__geslachtsnaam", "inburgeraar__voornamen", "pk")[: vraag.limiet + 1])
    meer = len(rijen) > vraag.limiet
    meer_url = ""
    if meer and vraag.token:  # the dossier list reads the same token (inburgering.zoeken)
        bereik = Bereik.ALLE if access.mag_alle_dossiers_zien(vraag.user) else Bereik.TEAM
        meer_url = reverse("cases:dossier_lijst") + "?" + urlencode(
            {zoekopdrachten.PARAMETER: vraag.token, "bereik": bereik})
    return Groep(
        sleutel="dossiers", titel=str(DOSSIERS), meer=meer, meer_url=meer_url,
        treffers=[
            Treffer(
                titel=f"{d.inburgeraar.achternaam}, {d.inburgeraar.voornamen}",
                url=reverse("cases:dossier_detail", args=[d.pk]), dossier_id=d.pk,
                toelichting=_("BSN %(bsn)s, %(fase)s, werkcoach %(werkcoach)s") % {
                    "bsn": rules.maskeer_bsn(d.inburgeraar.bsn), "fase": d.get_fase_display(),
                    "werkcoach": d.werkcoach.get_full_name() if d.werkcoach else _("geen")},
            )
            for d in rijen[: vraag.limiet]
        ],
    )


def zoek_brieven(vraag: Zoekvraag) -> Groep:
    """Letters by kenmerk: exact, or a zaak's kenmerk finds each of its letters (HH-12-3 → HH-12-3-W)."""
    kenmerk = vraag.kenmerk
    if not re.fullmatch(r"[A-Z]+(-[0-9A-Z]+)+", kenmerk):
        return Groep(sleutel="brieven", titel=str(BRIEVEN))
    qs = access.beperk_tot_zichtbaar(
        Verzending.objects.filter(Q(kenmerk=kenmerk) | Q(kenmerk__startswith=f"{kenmerk}-")),
        vraag.user, veld="dossier_id",
    ).select_related("document").order_by("-aangemaakt_op", "-id")
    rijen = list(qs[: vraag.limiet + 1])
    return Groep(
        sleutel="brieven", titel=str(BRIEVEN), meer=len(rijen) > vraag.limiet,
        treffers=[
            Treffer(
                titel=f"{v.kenmerk}: {v.document.titel}", url=reverse("cases:documenten", args=[v.dossier_id]),
                dossier_id=v.dossier_id,
                toelichting=_("%(status)s, aangemaakt %(datum)s") % {
                    "status": v.get_status_display(), "datum": date_format(v.aangemaakt_op, "j F Y")},
            )
            for v in rijen[: vraag.limiet]
        ],
    )


AANBIEDERS = (
    Aanbieder(sleutel="dossiers", volgorde=10, mag=access.mag_dossiers_zien, zoeken=zoek_dossiers),
    Aanbieder(sleutel="brieven", volgorde=40, mag=access.mag_dossiers_zien, zoeken=zoek_brieven),
)
