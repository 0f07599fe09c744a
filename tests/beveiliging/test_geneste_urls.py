"""Issue 12 item 6: every nested object is looked up through its parent. The list of nested URLs (two
or more ids in the path) is built from the URL resolver, so a new one cannot be forgotten: it fails
`test_every_nested_url_has_a_maker` until it gets a maker below.

For every nested URL, an object of a FOREIGN parent is asked for, both under its own parent (a dossier of
another team) and under a dossier the user does see (their own, and a team colleague's object under
their own). Always 404 — never 500, never a change, never an inzagelog row about the wrong dossier."""

from datetime import date, timedelta

from django.apps import apps
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import pytest

from cases.models import Fase
from inburgering.audit.models import InzageLog
from tests import klok
from tests.factories import (
    DossierFactory,
    HandhavingszaakFactory,
    InschrijvingFactory,
    PipFactory,
    TermijnFactory,
    UitnodigingFactory,
)


def _patronen(resolver: URLResolver, voorvoegsel: str = "", namespace: str = ""):
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _patronen(p, voorvoegsel + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            yield f"{namespace}{p.name}", voorvoegsel + str(p.pattern), p


# The privacy officer's pages (issue 13), the postkamer's (issue 15), the koppelbeheerder's DUO outbox (issue 16)
# and DUO's notifications and reconciliation (issue 17) hold no dossier ids: every other role gets 403 before any
# lookup (tests/avg/test_views.py, tests/brieven/test_postkamer.py, tests/duo/test_views.py,
# tests/duo_notificaties/test_paginas.py), and their own nesting is tested there.
EIGEN_ROLPAGINAS = ("avg:", "inzage:", "verwerkingen:", "post:", "duo:outbox", "duo:opnieuw", "duo:melding",
                    "duo_koppeling:")


def _dossierpaden():
    return [(naam, route, p) for naam, route, p in _patronen(get_resolver())
            if not route.startswith("beheer/") and not naam.startswith(EIGEN_ROLPAGINAS)]


def geneste_urls() -> dict[str, str]:
    """Every named URL (outside the admin) with two or more integer ids in its path."""
    return {naam: route for naam, route, _p in _dossierpaden() if route.count("<int:") >= 2}


# --- makers: an object nested under `dossier`; returns (the URL kwargs of its parent, of itself) ---
def _termijn(dossier):
    return {"pk": dossier.pk}, {"termijn_id": TermijnFactory(dossier=dossier).pk}


def _uitnodiging(dossier):
    return {"pk": dossier.pk}, {"uitnodiging_id": UitnodigingFactory(dossier=dossier).pk}


def _bijlage(dossier):
    zaak = HandhavingszaakFactory(dossier=dossier)
    notitie = zaak.notities.create(datum=date.today(), tekst="Bewijs", bijlage=ContentFile(b"%PDF-1.4", name="b.pdf"),
                                   bijlage_naam="bewijs.pdf", vastgelegd_door=dossier.werkcoach)
    return {"zaak_id": zaak.pk}, {"notitie_id": notitie.pk}


def _brief(dossier):
    from tests.cases.test_access_matrix import brief_van

    return {"pk": dossier.pk}, {"document_id": brief_van(dossier).pk}


def _dossierbijlage(dossier):
    from tests.cases.test_access_matrix import bijlage_van

    return {"pk": dossier.pk}, {"bijlage_id": bijlage_van(dossier).pk}


def _inschrijving(dossier, **extra):
    pip = PipFactory(vastgesteld=True, dossier=dossier)
    return {"pk": dossier.pk}, {"inschrijving_id": InschrijvingFactory(pip=pip).pk, **extra}


def _informatieverzoek(dossier):
    from pip_plans.models import InformatieVerzoek

    verzoek = InformatieVerzoek.objects.create(dossier=dossier, wat="Advies", van_wie="GGD",
                                               gevraagd_op=date.today() - timedelta(days=3),
                                               vastgelegd_door=dossier.werkcoach)
    return {"pk": dossier.pk}, {"verzoek_id": verzoek.pk}


def _afspraak(dossier):
    from tests.agenda.maak import afspraak

    return {"pk": dossier.pk}, {"afspraak_id": afspraak(dossier).pk}


MAKERS = {
    "agenda:afspraak_afzeggen": _afspraak,
    "cases:termijn_opschorten": _termijn,
    "cases:termijn_hervatten": _termijn,
    "intake:uitnodiging_uitkomst": _uitnodiging,
    "handhaving:bijlage": _bijlage,
    "cases:brief_download": _brief,
    "cases:bijlage_download": _dossierbijlage,
    "leerroutes:inschrijving_stoppen": _inschrijving,
    "leerroutes:inschrijving_actie": lambda d: _inschrijving(d, actie="afronden"),
    "pip_plans:informatie_ontvangen": _informatieverzoek,
}


@klok.per_test
def _datums() -> None:
    global POST
    # A POST with what each form needs, so a missing check would really change something.
    POST = {"verschenen": "nee", "van": date.today().isoformat(), "datum": date.today().isoformat(),
            "ontvangen_op": date.today().isoformat(), "reden": "Ziek", "versie": "1"}


def test_every_nested_url_has_a_maker():
    assert set(geneste_urls()) == set(MAKERS), "a new nested URL needs a maker in this test"




@pytest.mark.parametrize("naam", sorted(MAKERS))
@pytest.mark.parametrize("geval", ["eigen_ouder_vreemd_team", "zichtbare_ouder_vreemd_team", "zichtbare_ouder_collega"])
def test_a_nested_object_of_another_parent_is_404(client, werkcoach, collega, werkcoach_ander_team, naam, geval):
    eigen = DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE)
    if geval == "zichtbare_ouder_collega":
        vreemd = DossierFactory(werkcoach=collega, fase=Fase.INTAKE)
    else:
        vreemd = DossierFactory(werkcoach=werkcoach_ander_team, fase=Fase.INTAKE)
    vreemde_ouder, vreemd_kind = MAKERS[naam](vreemd)
    eigen_ouder, _eigen_kind = MAKERS[naam](eigen)
    ouder = vreemde_ouder if geval == "eigen_ouder_vreemd_team" else eigen_ouder
    url = reverse(naam, kwargs={**ouder, **vreemd_kind})
    client.force_login(werkcoach)
    logs_voor = InzageLog.objects.count()

    def momentopname():
        return {
            (m._meta.label, o["id"]): o for m in apps.get_models()
            if m._meta.app_label in ("cases", "pip_plans", "leerroutes", "handhaving") and _dossier_pad(m)
            for o in m.objects.filter(**{_dossier_pad(m): vreemd.pk}).values()
        }

    voor = momentopname()
    for methode in (client.get, client.post):
        antwoord = methode(url, POST) if methode == client.post else methode(url)
        toegestaan = {404, 405} if methode == client.get else {404}  # 405: a POST-only URL refuses a GET first
        assert antwoord.status_code in toegestaan, (naam, geval, methode.__name__, antwoord.status_code)
    assert momentopname() == voor, "nothing of the foreign dossier changed"
    assert not InzageLog.objects.filter(dossier_id=vreemd.pk).exists()
    assert InzageLog.objects.count() == logs_voor, "a refused nested URL logs no read at all"


def _dossier_pad(model) -> str:
    if model._meta.model_name.startswith("historical"):
        return ""
    """The lookup from a model to its dossier id ("pk" for the dossier itself)."""
    if model._meta.model_name == "dossier":
        return "pk"
    namen = {f.name for f in model._meta.get_fields()}
    if "dossier" in namen:
        return "dossier_id"
    if "zaak" in namen:
        return "zaak__dossier_id"
    if "pip" in namen:
        return "pip__dossier_id"
    return ""


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


# --- Every URL with one id: an object of another team is 404 too (the zaak, PIP, signaal are looked up
# through the dossiers the user sees). Built from the resolver; a new kind of id needs a maker here.
def _enkel_pip(dossier):
    return PipFactory(dossier=dossier).pk


def _instroom(dossier):
    """An inflow item of DUO waiting in the queue of the dossier's team (issue 17)."""
    from duo.notificaties.models import DuoInstroom

    return DuoInstroom.objects.create(bsn="999990093", team=dossier.team, gebeurtenis_id="SS139",
                                      datum_kennisgeving=date.today()).pk


ENKELE_ID = {
    "pk": lambda dossier: dossier.pk,
    "dossier_pk": lambda dossier: dossier.pk,
    "zaak_id": lambda dossier: HandhavingszaakFactory(dossier=dossier).pk,
    "pip_id": _enkel_pip,
    "instroom_id": _instroom,
}
SIGNAAL_URLS = ("werkvoorraad:signaal", "werkvoorraad:afhandelen", "werkvoorraad:wegzetten")
TEKST = {"actie": "stoppen", "soort": "waarschuwing"}
# Refused by role before any lookup (403 for every id, so it tells nothing about the object).
ROL_EERST = {"cases:dossier_toewijzen"}


def enkele_id_urls() -> dict[str, str]:
    return {naam: route for naam, route, _p in _dossierpaden() if route.count("<int:") == 1}


def test_every_single_id_url_has_a_maker():
    import re

    namen = {re.search(r"<int:(\w+)>", route).group(1) for route in enkele_id_urls().values()}
    assert namen <= set(ENKELE_ID), "a new kind of id in a URL needs a maker in this test"


@pytest.mark.parametrize("naam", sorted(enkele_id_urls()))
def test_an_object_of_another_team_is_404_on_every_url(client, werkcoach, werkcoach_ander_team, naam):
    import re

    route = enkele_id_urls()[naam]
    vreemd = DossierFactory(werkcoach=werkcoach_ander_team, fase=Fase.IN_UITVOERING)
    sleutel = re.search(r"<int:(\w+)>", route).group(1)
    if naam in SIGNAAL_URLS:
        waarde = TermijnFactory(dossier=vreemd).signalen.create(dossier=vreemd, soort="verlopen").pk
    else:
        waarde = ENKELE_ID[sleutel](vreemd)
    kwargs = {sleutel: waarde, **{k: v for k, v in TEKST.items() if f":{k}>" in route}}
    url = reverse(naam, kwargs=kwargs)
    client.force_login(werkcoach)
    for methode in ("get", "post"):
        antwoord = getattr(client, methode)(url, POST if methode == "post" else None)
        toegestaan = ({404, 405} if methode == "get" else {404}) | ({403} if naam in ROL_EERST else set())
        assert antwoord.status_code in toegestaan, (naam, methode, antwoord.status_code)
    assert not InzageLog.objects.filter(dossier_id=vreemd.pk).exists()
