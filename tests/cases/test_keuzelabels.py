"""The cheap get_FOO_display methods of the list pages' models (issue 18) give Django's own labels."""

from django.db.models import Model

import pytest

from cases.models import Dossier, Fase, Signaal, SignaalSoort
from handhaving.models import AfsluitReden, BesluitUitkomst, Handhavingszaak, Verplichting, ZaakStatus

GEVALLEN = [
    (Dossier, "fase", Fase), (Signaal, "soort", SignaalSoort), (Handhavingszaak, "status", ZaakStatus),
    (Handhavingszaak, "verplichting", Verplichting), (Handhavingszaak, "besluit_uitkomst", BesluitUitkomst),
    (Handhavingszaak, "afsluit_reden", AfsluitReden),
]


@pytest.mark.parametrize(("model", "veld", "keuzes"), GEVALLEN)
def test_each_value_and_an_empty_one_get_djangos_own_label(model, veld, keuzes):
    for waarde in [*keuzes.values, ""]:
        obj = model(**{veld: waarde})
        django = Model._get_FIELD_display(obj, model._meta.get_field(veld))
        assert getattr(obj, f"get_{veld}_display")() == django, waarde
