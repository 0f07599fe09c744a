"""handhaving's provider for the search everywhere (issue 20 item 3): a zaak by its kenmerk HH-<dossier>-<zaak>,
also as written on one of its letters (HH-12-3-W), by primary key, within `cases.access`."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases import access
from inburgering.overal_zoeken import Aanbieder, Groep, Treffer, Zoekvraag, kenmerk_delen

from .models import Handhavingszaak

ZAKEN = gettext_lazy("Handhavingszaken")


def zoek_zaken(vraag: Zoekvraag) -> Groep:
    delen = kenmerk_delen(vraag.kenmerk, "HH", achtervoegsel=True)
    if delen is None:
        return Groep(sleutel="handhaving", titel=str(ZAKEN))
    dossier_id, zaak_id = delen
    rijen = list(access.beperk_tot_zichtbaar(Handhavingszaak.objects.filter(pk=zaak_id, dossier_id=dossier_id),
                                             vraag.user).select_related("dossier__inburgeraar")[: vraag.limiet + 1])
    return Groep(sleutel="handhaving", titel=str(ZAKEN), meer=len(rijen) > vraag.limiet, treffers=[
        Treffer(titel=zaak.kenmerk, url=reverse("handhaving:zaak_detail", args=[zaak.pk]), dossier_id=zaak.dossier_id,
                toelichting=_("%(verplichting)s, %(status)s, %(naam)s") % {
                    "verplichting": zaak.get_verplichting_display(), "status": zaak.get_status_display(),
                    "naam": zaak.dossier.inburgeraar.volledige_naam})
        for zaak in rijen[: vraag.limiet]
    ])


AANBIEDER = Aanbieder(sleutel="handhaving", volgorde=30, mag=access.mag_dossiers_zien, zoeken=zoek_zaken)
