"""pip_plans' provider for the search everywhere (issue 20 item 3): a PIP by its kenmerk PIP-<dossier>-<versie>
(the unique index on dossier and versie), within `cases.access`."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases import access
from inburgering.overal_zoeken import Aanbieder, Groep, Treffer, Zoekvraag, kenmerk_delen

from .models import Pip

PIPS = gettext_lazy("PIP's")


def zoek_pips(vraag: Zoekvraag) -> Groep:
    delen = kenmerk_delen(vraag.kenmerk, "PIP", achtervoegsel=True)
    if delen is None:
        return Groep(sleutel="pips", titel=str(PIPS))
    dossier_id, versie = delen
    rijen = list(access.beperk_tot_zichtbaar(Pip.objects.filter(dossier_id=dossier_id, versie=versie).order_by(),
                                             vraag.user)
                 .select_related("dossier__inburgeraar")[: vraag.limiet + 1])
    return Groep(sleutel="pips", titel=str(PIPS), meer=len(rijen) > vraag.limiet, treffers=[
        Treffer(titel=pip.kenmerk, url=reverse("pip_plans:pip_detail", args=[pip.pk]), dossier_id=pip.dossier_id,
                toelichting=_("versie %(versie)s, %(status)s, %(naam)s") % {
                    "versie": pip.versie, "status": pip.get_status_display(),
                    "naam": pip.dossier.inburgeraar.volledige_naam})
        for pip in rijen[: vraag.limiet]
    ])


AANBIEDER = Aanbieder(sleutel="pips", volgorde=20, mag=access.mag_dossiers_zien, zoeken=zoek_pips)
