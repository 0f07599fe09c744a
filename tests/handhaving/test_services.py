"""Handhaving services against the real database: the whole procedure, four eyes, prevention first,
letters as immutable documents, history on every step, termijnen, and nothing half-saved."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from cases.models import Fase, Termijn
from cases.rules import Doelgroep
from handhaving import rules, selectors, services
from handhaving.models import HandhavingInstellingen, Handhavingszaak, ZaakStatus
from handhaving.termijnen import HandhavingTermijn
from inburgering.documenten.models import Document, DocumentOnveranderlijk
from inburgering.schrijven import VERSIE_VEROUDERD
from pip_plans.termijnen import PipTermijn
from tests import klok
from tests.factories import (
    ConsulentFactory,
    ContactmomentFactory,
    DossierFactory,
    HandhavingszaakFactory,
    PipFactory,
    UitnodigingFactory,
    UrenFactory,
)

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG, GISTEREN
    VANDAAG = date.today()
    GISTEREN = VANDAAG - timedelta(days=1)


@pytest.fixture
def tweede_consulent(team):
    return ConsulentFactory(username="consulent2", team=team)


@pytest.fixture
def intake_dossier(werkcoach):
    """Brede intake: first summons missed, written warning, second summons missed (Wet 14 lid 1)."""
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE, doelgroep=Doelgroep.GEZINSVORMER)
    UitnodigingFactory(dossier=dossier, volgnummer=1, verschenen=False)
    UitnodigingFactory(dossier=dossier, volgnummer=2, verschenen=False, waarschuwing_op=VANDAAG - timedelta(days=25),
                       verzonden_op=VANDAAG - timedelta(days=25), gesprek_op=VANDAAG - timedelta(days=20))
    return dossier


def versie(zaak) -> int:
    """The version a form on the zaak would show now."""
    return Handhavingszaak.objects.values_list("versie", flat=True).get(pk=zaak.pk)


def openen(dossier, by, verplichting=rules.Verplichting.INTAKE_NIET_VERSCHENEN, geconstateerd_op=None):
    """Open a zaak; a Wet 23 zaak gets the vastgesteld PIP it needs."""
    if rules.regime_voor(verplichting) == rules.Regime.PIP and not dossier.pips.filter(status="vastgesteld").exists():
        PipFactory(dossier=dossier, vastgesteld=True)
    return services.zaak_openen(dossier_id=dossier.pk, verplichting=verplichting, omschrijving="Niet verschenen.",
                                overtreding_datum=VANDAAG - timedelta(days=20),
                                geconstateerd_op=geconstateerd_op or VANDAAG - timedelta(days=18), by=by)


def tot_voornemen(zaak, werkcoach, consulent, uitgereikt_op=None, **voornemen):
    services.gesprek_vastleggen(zaak_id=zaak.pk, datum=GISTEREN, uitkomst="gevoerd", cautie="gegeven", verslag="Besproken.", by=werkcoach)
    services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), uitgereikt_op=GISTEREN, toelichting="", by=werkcoach)
    if zaak.regime == rules.Regime.PIP:  # Awb 5:53: a rapport before the voornemen
        rapport(zaak, werkcoach)
    return services.voornemen_versturen(zaak_id=zaak.pk, versie=versie(zaak), uitgereikt_op=uitgereikt_op or VANDAAG - timedelta(days=30),
                                        toelichting="", **{"verwijtbaarheid": "", "verwijtbaarheid_reden": "",
                                                           **voornemen}, by=consulent)


def rapport(zaak, by, dagtekening=None):
    dagtekening = dagtekening or max(GISTEREN, Handhavingszaak.objects.get(pk=zaak.pk).geconstateerd_op)
    return services.rapport_opmaken(zaak_id=zaak.pk, versie=versie(zaak), dagtekening=dagtekening,
                                    overtreding="Drie keer niet op de PVT-bijeenkomst.", voorschrift="Wet 23",
                                    plaats="Bij de aanbieder van het PVT", by=by)


def invoer(**kwargs):
    basis = {"uitkomst": "boete", "dagtekening": VANDAAG, "bekendmaking": VANDAAG, "motivering": "Niet verschenen.",
             "nieuwe_termijn_einde": VANDAAG + timedelta(days=50)}
    return services.BesluitInvoer(**{**basis, **kwargs})


def _terug_in_de_tijd(zaak, dagen=30):
    """Let the zienswijze period have run out (the voornemen was sent a month ago)."""
    Handhavingszaak.objects.filter(pk=zaak.pk).update(zienswijze_einde=VANDAAG - timedelta(days=dagen - 14))


def test_the_whole_procedure_for_a_missed_brede_intake(intake_dossier, werkcoach, consulent):
    zaak = openen(intake_dossier, werkcoach)
    assert zaak.status == ZaakStatus.SIGNAAL
    assert zaak.verjaring_op.year - zaak.overtreding_datum.year == 3  # maximum €250 ≤ €340: 3 years
    zaak = tot_voornemen(zaak, werkcoach, consulent, uitgereikt_op=GISTEREN)
    assert zaak.status == ZaakStatus.VOORNEMEN
    assert zaak.voornemen_bedrag == Decimal("250")
    assert zaak.zienswijze_einde >= VANDAAG + timedelta(days=13)
    assert "€ 250,00" in zaak.voornemen_document.html
    assert str(zaak.zienswijze_einde.year) in zaak.voornemen_document.html
    services.zienswijze_vastleggen(zaak_id=zaak.pk, versie=versie(zaak), ontvangen_op=VANDAAG, wijze="mondeling",
                                   inhoud="Ik was ziek.", by=werkcoach)
    zaak = services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(zienswijze_weging="Geen bewijs van ziekte."),
                                  by=consulent)

    zaak.refresh_from_db()
    assert zaak.status == ZaakStatus.BESLUIT
    assert zaak.besluit_uitkomst == "boete"
    assert zaak.boetebedrag == Decimal("250")
    assert zaak.betaalstatus == "open"
    assert zaak.bezwaar_einde >= VANDAAG + timedelta(weeks=6)
    html = zaak.besluit_document.html
    for tekst in ("€ 250,00", "bezwaar", "Ik was ziek.", "Geen bewijs van ziekte.", "nieuwe termijn", "6:16"):
        assert tekst in html
    assert "schorst" not in html  # a bezwaar does not suspend payment by law (Awb 6:16)
    soorten = dict(Termijn.objects.filter(dossier=intake_dossier, bron="handhaving").values_list("soort", "status"))
    assert soorten == {HandhavingTermijn.ZIENSWIJZE: "gehaald", HandhavingTermijn.VERJARING: "gehaald",
                       PipTermijn.BEZWAAR: "open", HandhavingTermijn.INTAKE_NIEUWE_TERMIJN: "open"}


def test_every_step_is_in_the_history_with_its_user(intake_dossier, werkcoach, consulent):
    zaak = openen(intake_dossier, werkcoach)
    zaak = tot_voornemen(zaak, werkcoach, consulent)
    _terug_in_de_tijd(zaak)
    services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(), by=consulent)
    services.betaalstatus_wijzigen(zaak_id=zaak.pk, versie=versie(zaak), betaalstatus="betaald", by=werkcoach)
    services.zaak_afsluiten(zaak_id=zaak.pk, versie=versie(zaak), reden="afgehandeld", toelichting="", by=consulent)
    historie = list(Handhavingszaak.history.filter(id=zaak.pk).order_by("history_id"))
    assert [h.history_change_reason for h in historie] == [
        "Zaak geopend", "Naar gesprek: Gesprek gevoerd", "Schriftelijke waarschuwing uitgereikt",
        "Voornemen uitgereikt (€ 250,00)", "Besluit: Boete € 250,00", "Betaling: Betaald", "Afgesloten: Besluit afgehandeld",
    ]
    assert [h.history_user for h in historie] == [werkcoach] * 3 + [consulent] * 2 + [werkcoach, consulent]


def test_the_consulent_who_opened_the_zaak_cannot_decide_it(intake_dossier, consulent, tweede_consulent, werkcoach):
    zaak = openen(intake_dossier, consulent)
    tot_voornemen(zaak, werkcoach, consulent)
    _terug_in_de_tijd(zaak)
    with pytest.raises(PermissionDenied):
        services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(), by=consulent)
    assert services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(), by=tweede_consulent).besluit_door == tweede_consulent


def test_a_werkcoach_can_neither_send_a_voornemen_nor_decide(intake_dossier, werkcoach, consulent):
    zaak = openen(intake_dossier, werkcoach)
    services.gesprek_vastleggen(zaak_id=zaak.pk, datum=GISTEREN, uitkomst="gevoerd", cautie="gegeven", verslag="x", by=werkcoach)
    services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), uitgereikt_op=GISTEREN, toelichting="", by=werkcoach)
    with pytest.raises(PermissionDenied):
        services.voornemen_versturen(zaak_id=zaak.pk, versie=versie(zaak), uitgereikt_op=VANDAAG, verwijtbaarheid="",
                                     verwijtbaarheid_reden="", toelichting="", by=werkcoach)
    tot = services.voornemen_versturen(zaak_id=zaak.pk, versie=versie(zaak), uitgereikt_op=VANDAAG - timedelta(days=30), verwijtbaarheid="",
                                       verwijtbaarheid_reden="", toelichting="", by=consulent)
    _terug_in_de_tijd(tot)
    with pytest.raises(PermissionDenied):
        services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(), by=werkcoach)


def test_no_warning_without_a_conversation_or_attempt(intake_dossier, werkcoach):
    zaak = openen(intake_dossier, werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), uitgereikt_op=VANDAAG, toelichting="", by=werkcoach)
    assert fout.value.messages == [str(rules.NIET_IN_SIGNAAL_OF_GESPREK)]
    services.gesprek_vastleggen(zaak_id=zaak.pk, datum=VANDAAG, uitkomst="poging_mislukt",
                                verslag="Niet thuis, twee keer gebeld.", by=werkcoach)
    zaak = services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), uitgereikt_op=VANDAAG, toelichting="", by=werkcoach)
    assert zaak.status == ZaakStatus.WAARSCHUWING


def test_by_policy_no_voornemen_without_a_written_warning(werkcoach, consulent):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, doelgroep=Doelgroep.GEZINSVORMER)
    zaak = openen(dossier, werkcoach, verplichting="pvt")
    services.gesprek_vastleggen(zaak_id=zaak.pk, datum=VANDAAG, uitkomst="gevoerd", cautie="gegeven", verslag="x", by=werkcoach)
    kwargs = {"zaak_id": zaak.pk, "uitgereikt_op": VANDAAG, "verwijtbaarheid": "geen", "verwijtbaarheid_reden": "x",
              "toelichting": "", "by": consulent}
    with pytest.raises(ValidationError) as fout:
        services.voornemen_versturen(**kwargs, versie=versie(zaak))
    assert fout.value.messages == [str(rules.WAARSCHUWING_EERST)]
    # A gemeente that turns the policy off may go from gesprek to voornemen for PIP duties (Wet 23).
    instellingen = HandhavingInstellingen.huidig()
    instellingen.altijd_eerst_waarschuwen = False
    instellingen.save()
    with pytest.raises(ValidationError) as fout:  # Awb 5:53: the rapport first, for every Wet 23 fine
        services.voornemen_versturen(**kwargs, versie=versie(zaak))
    assert fout.value.messages == [str(rules.RAPPORT_EERST)]
    rapport(zaak, werkcoach)
    zaak = services.voornemen_versturen(**kwargs, versie=versie(zaak))
    assert zaak.status == ZaakStatus.VOORNEMEN
    assert zaak.voornemen_bedrag == Decimal("25.00")  # €50 × 50 %


def test_no_brede_intake_fine_without_the_second_summons_after_a_warning(werkcoach, consulent):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE)
    UitnodigingFactory(dossier=dossier, volgnummer=1, verschenen=False)
    zaak = openen(dossier, werkcoach)
    with pytest.raises(ValidationError) as fout:
        tot_voornemen(zaak, werkcoach, consulent)
    assert fout.value.messages == [str(rules.INTAKE_GEEN_TWEEDE_OPROEP)]
    assert Handhavingszaak.objects.get(pk=zaak.pk).status == ZaakStatus.WAARSCHUWING


def test_no_fine_when_the_bijstand_was_already_lowered(intake_dossier, werkcoach, consulent):
    zaak = openen(intake_dossier, werkcoach)
    zaak = tot_voornemen(zaak, werkcoach, consulent)
    _terug_in_de_tijd(zaak)
    services.bijstand_verlaging_vastleggen(zaak_id=zaak.pk, versie=versie(zaak), verlaagd=True, toelichting="Verlaagd per 1 maart.",
                                           by=werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(), by=consulent)
    assert str(rules.DUBBELE_SANCTIE) in fout.value.messages
    zaak = services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(uitkomst="geen_boete"), by=consulent)
    assert zaak.besluit_uitkomst == "geen_boete"
    assert zaak.besluit_document is None


def test_an_asielstatushouder_fine_needs_a_justification_of_persistent_unwillingness(werkcoach, consulent):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE, doelgroep=Doelgroep.ASIELSTATUSHOUDER)
    UitnodigingFactory(dossier=dossier, volgnummer=1, verschenen=False)
    UitnodigingFactory(dossier=dossier, volgnummer=2, verschenen=False, waarschuwing_op=VANDAAG - timedelta(days=25))
    zaak = tot_voornemen(openen(dossier, werkcoach), werkcoach, consulent)
    _terug_in_de_tijd(zaak)
    with pytest.raises(ValidationError) as fout:
        services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(), by=consulent)
    assert fout.value.message_dict["asiel_motivering"] == [str(rules.ASIEL_MOTIVERING)]
    zaak = services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(asiel_motivering="Drie keer niet verschenen."),
                                  by=consulent)
    assert "Drie keer niet verschenen." in zaak.besluit_document.html


def test_a_received_zienswijze_must_be_weighed(intake_dossier, werkcoach, consulent):
    zaak = tot_voornemen(openen(intake_dossier, werkcoach), werkcoach, consulent)
    services.zienswijze_vastleggen(zaak_id=zaak.pk, versie=versie(zaak), ontvangen_op=VANDAAG, wijze="schriftelijk", inhoud="Bezwaren.",
                                   by=werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(), by=consulent)
    assert fout.value.message_dict["zienswijze_weging"] == [str(rules.ZIENSWIJZE_WEGEN)]


def test_no_decision_before_the_zienswijze_period_ended(intake_dossier, werkcoach, consulent):
    zaak = tot_voornemen(openen(intake_dossier, werkcoach), werkcoach, consulent, uitgereikt_op=VANDAAG)
    with pytest.raises(ValidationError) as fout:
        services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(), by=consulent)
    assert "loopt nog" in fout.value.message_dict["__all__"][0]


def test_the_pip_fine_doubles_after_an_earlier_final_fine_besluit_7_1_lid_3(werkcoach, consulent):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, doelgroep=Doelgroep.GEZINSVORMER)
    # An earlier €50 fine, geconstateerd 40 days ago, bezwaartermijn over without bezwaar: final a week ago.
    HandhavingszaakFactory(dossier=dossier, boete=True, dagtekening=VANDAAG - timedelta(days=60),
                           bezwaar_einde=VANDAAG - timedelta(days=8), status="afgesloten", afsluit_reden="afgehandeld")
    zaak = openen(dossier, werkcoach, verplichting="map", geconstateerd_op=VANDAAG)
    Handhavingszaak.objects.filter(pk=zaak.pk).update(overtreding_datum=VANDAAG)
    zaak = tot_voornemen(zaak, werkcoach, consulent, uitgereikt_op=VANDAAG, verwijtbaarheid="opzet",
                         verwijtbaarheid_reden="Bewust weggebleven.")
    assert zaak.voornemen_bedrag == Decimal("100.00")
    tekst = " ".join(zaak.voornemen_afleiding)
    assert "Besluit 7.1 lid 3" in tekst and "2^1" in tekst
    assert f"geconstateerd op {VANDAAG - timedelta(days=40):%d-%m-%Y}" in tekst


def test_a_fine_not_yet_final_on_the_voornemen_date_does_not_double_besluit_7_1_lid_3(werkcoach, consulent):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, doelgroep=Doelgroep.GEZINSVORMER)
    HandhavingszaakFactory(dossier=dossier, boete=True)  # bezwaartermijn still running
    zaak = openen(dossier, werkcoach, verplichting="map", geconstateerd_op=VANDAAG)
    zaak = tot_voornemen(zaak, werkcoach, consulent, uitgereikt_op=VANDAAG, verwijtbaarheid="opzet",
                         verwijtbaarheid_reden="Bewust weggebleven.")
    assert zaak.voornemen_bedrag == Decimal("50.00")


def test_every_fine_of_the_person_and_of_an_earlier_gemeente_counts_towards_the_cap_besluit_7_1_lid_5(
        werkcoach, consulent):
    # One dossier per person in this gemeente (a database constraint); the selector counts by person.
    dossier = oud = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, doelgroep=Doelgroep.GEZINSVORMER)
    # A Wet 22 intake fine decided long before the termijn (it counts), and a fine herroepen on bezwaar (not).
    HandhavingszaakFactory(dossier=oud, verplichting="intake_niet_verschenen", boete=True, boetebedrag=250,
                           dagtekening=VANDAAG - timedelta(days=400))
    HandhavingszaakFactory(dossier=oud, boete=True, boetebedrag=800, bezwaar_ontvangen_op=VANDAAG - timedelta(days=1),
                           bezwaar_uitkomst="gegrond", bezwaar_beslist_op=VANDAAG)
    services.eerdere_boete_vastleggen(dossier_id=dossier.pk, gemeente="Groningen", regime="pip",
                                      bedrag=Decimal("2130"), opgelegd_op=VANDAAG - timedelta(days=100),
                                      bron="Brief van Groningen op ons verzoek (art. 35 lid 4).", by=consulent)
    zaak = openen(dossier, werkcoach, verplichting="map", geconstateerd_op=VANDAAG)
    zaak = tot_voornemen(zaak, werkcoach, consulent, uitgereikt_op=VANDAAG, verwijtbaarheid="opzet",
                         verwijtbaarheid_reden="Bewust weggebleven.")
    assert zaak.voornemen_bedrag == Decimal("20.00")  # €2,400 − €250 − €2,130
    tekst = " ".join(zaak.voornemen_afleiding)
    assert "gemeente Groningen" in tekst and "Besluit 7.1 lid 5" in tekst and "€ 800,00" not in tekst


def test_only_a_consulent_records_a_fine_of_an_earlier_gemeente_with_its_source(werkcoach, consulent):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING)
    kwargs = {"dossier_id": dossier.pk, "gemeente": "Delfzijl", "regime": "pip", "bedrag": Decimal("50"),
              "opgelegd_op": VANDAAG}
    with pytest.raises(PermissionDenied):
        services.eerdere_boete_vastleggen(**kwargs, bron="x", by=werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.eerdere_boete_vastleggen(**kwargs, bron=" ", geconstateerd_op=VANDAAG + timedelta(days=1),
                                          by=consulent)
    assert set(fout.value.message_dict) == {"bron", "geconstateerd_op"}
    boete = services.eerdere_boete_vastleggen(**kwargs, bron="Brief.", by=consulent)
    assert boete.inburgeraar == dossier.inburgeraar and boete.vastgelegd_door == consulent
    assert boete.history.first().history_change_reason.startswith("Boete van een eerdere gemeente")


def test_a_wet_23_zaak_needs_a_vastgesteld_pip_and_a_constatering_date(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, doelgroep=Doelgroep.GEZINSVORMER)
    kwargs = {"dossier_id": dossier.pk, "verplichting": "pvt", "omschrijving": "x",
              "overtreding_datum": VANDAAG - timedelta(days=5), "by": werkcoach}
    with pytest.raises(ValidationError) as fout:
        services.zaak_openen(**kwargs)
    assert fout.value.message_dict == {"verplichting": [str(rules.GEEN_VASTGESTELD_PIP)],
                                       "geconstateerd_op": [str(rules.GECONSTATEERD_ONBEKEND)]}
    PipFactory(dossier=dossier, vastgesteld=True)
    with pytest.raises(ValidationError) as fout:
        services.zaak_openen(**kwargs, geconstateerd_op=VANDAAG - timedelta(days=6))
    assert fout.value.message_dict == {"geconstateerd_op": [str(rules.GECONSTATEERD_VOOR_OVERTREDING)]}
    zaak = services.zaak_openen(**kwargs, geconstateerd_op=VANDAAG - timedelta(days=2))
    assert zaak.geconstateerd_op == VANDAAG - timedelta(days=2)


def test_letters_are_immutable_documents(intake_dossier, werkcoach, consulent):
    zaak = openen(intake_dossier, werkcoach)
    services.gesprek_vastleggen(zaak_id=zaak.pk, datum=VANDAAG, uitkomst="gevoerd", cautie="gegeven", verslag="x", by=werkcoach)
    zaak = services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), uitgereikt_op=VANDAAG, toelichting="Kom op tijd.",
                                           by=werkcoach)
    brief = zaak.waarschuwing_document
    assert brief.soort == "handhaving_waarschuwing"
    assert "Kom op tijd." in brief.html and "Gemeente Eemsdelta" in brief.html
    brief.titel = "Gewijzigd"
    with pytest.raises(DocumentOnveranderlijk):
        brief.save()
    with pytest.raises(DocumentOnveranderlijk):
        Document.objects.filter(pk=brief.pk).update(titel="x")
    # A second click does not make a second letter.
    with pytest.raises(ValidationError):
        services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), uitgereikt_op=VANDAAG, toelichting="", by=werkcoach)
    assert Document.objects.filter(soort="handhaving_waarschuwing").count() == 1


def test_the_letters_are_pdf_a(intake_dossier, werkcoach):
    from pypdf import PdfReader

    zaak = openen(intake_dossier, werkcoach)
    services.gesprek_vastleggen(zaak_id=zaak.pk, datum=VANDAAG, uitkomst="gevoerd", cautie="gegeven", verslag="x", by=werkcoach)
    zaak = services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), uitgereikt_op=VANDAAG, toelichting="", by=werkcoach)
    assert zaak.waarschuwing_document.dossier_id == intake_dossier.pk  # the Documenten tab lists it (issue 15)
    with zaak.waarschuwing_document.bestand.open("rb") as bestand:
        pdf = PdfReader(bestand)
        xmp = pdf.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="2"' in xmp or "<pdfaid:part>2</pdfaid:part>" in xmp


def test_nothing_is_half_saved_when_a_letter_fails_to_render(intake_dossier, werkcoach, consulent, monkeypatch):
    zaak = tot_voornemen(openen(intake_dossier, werkcoach), werkcoach, consulent)
    _terug_in_de_tijd(zaak)
    monkeypatch.setattr(services, "BESCHIKKING_TEMPLATE", "handhaving/bestaat_niet.html")
    documenten = Document.objects.count()
    termijnen = set(Termijn.objects.filter(dossier=intake_dossier).values_list("soort", "status"))
    with pytest.raises(Exception):  # noqa: B017 — TemplateDoesNotExist, whatever the renderer raises
        services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(), by=consulent)
    zaak.refresh_from_db()
    assert zaak.status == ZaakStatus.VOORNEMEN
    assert zaak.besluit_uitkomst == "" and zaak.boetebedrag is None
    assert Document.objects.count() == documenten
    assert set(Termijn.objects.filter(dossier=intake_dossier).values_list("soort", "status")) == termijnen


def test_a_zaak_can_be_closed_from_every_open_state_with_a_reason(intake_dossier, werkcoach, consulent):
    zaak = openen(intake_dossier, werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.zaak_afsluiten(zaak_id=zaak.pk, versie=versie(zaak), reden="overig", toelichting="", by=werkcoach)
    assert fout.value.message_dict == {"toelichting": [str(rules.TOELICHTING_OVERIG)]}
    zaak = services.zaak_afsluiten(zaak_id=zaak.pk, versie=versie(zaak), reden="naleving_hersteld", toelichting="", by=werkcoach)
    assert zaak.status == ZaakStatus.AFGESLOTEN
    with pytest.raises(ValidationError):
        services.zaak_afsluiten(zaak_id=zaak.pk, versie=versie(zaak), reden="onterecht", toelichting="", by=werkcoach)


def test_only_a_consulent_closes_a_zaak_with_a_voornemen_out(intake_dossier, werkcoach, consulent):
    zaak = tot_voornemen(openen(intake_dossier, werkcoach), werkcoach, consulent)
    with pytest.raises(PermissionDenied):
        services.zaak_afsluiten(zaak_id=zaak.pk, versie=versie(zaak), reden="naleving_hersteld", toelichting="", by=werkcoach)
    services.zaak_afsluiten(zaak_id=zaak.pk, versie=versie(zaak), reden="naleving_hersteld", toelichting="", by=consulent)
    # The zienswijze termijn of a zaak closed without a decision no longer signals.
    assert Termijn.objects.get(dossier=intake_dossier, soort=HandhavingTermijn.ZIENSWIJZE).status == "vervallen"


def test_a_werkcoach_of_another_team_cannot_touch_the_zaak(intake_dossier, werkcoach, werkcoach_ander_team):
    zaak = openen(intake_dossier, werkcoach)
    with pytest.raises(Handhavingszaak.DoesNotExist):
        services.gesprek_vastleggen(zaak_id=zaak.pk, datum=VANDAAG, uitkomst="gevoerd", cautie="gegeven", verslag="x",
                                    by=werkcoach_ander_team)


def test_bezwaar_gegrond_takes_the_fine_out_of_the_cap(intake_dossier, werkcoach, consulent):
    zaak = HandhavingszaakFactory(dossier=intake_dossier, boete=True, boetebedrag=2400)
    services.bezwaar_vastleggen(zaak_id=zaak.pk, versie=versie(zaak), ontvangen_op=VANDAAG, uitkomst="gegrond", beslist_op=VANDAAG,
                                by=consulent)
    nieuw = openen(intake_dossier, werkcoach)
    assert selectors.berekening(nieuw, selectors.BoeteInvoer(), peildatum=VANDAAG).bedrag == Decimal("250")
    with pytest.raises(ValidationError) as fout:
        services.bezwaar_vastleggen(zaak_id=zaak.pk, versie=versie(zaak), ontvangen_op=VANDAAG, uitkomst="ongegrond", beslist_op=None,
                                    by=consulent)
    assert "beslist_op" in fout.value.message_dict


def test_a_note_keeps_its_attachment(intake_dossier, werkcoach):
    zaak = openen(intake_dossier, werkcoach)
    notitie = services.notitie_toevoegen(zaak_id=zaak.pk, datum=VANDAAG, tekst="Presentielijst",
                                         bijlage=SimpleUploadedFile("lijst.pdf", b"%PDF-1.4 test"), by=werkcoach)
    assert notitie.bijlage_naam == "lijst.pdf"
    with pytest.raises(ValidationError):
        services.notitie_toevoegen(zaak_id=zaak.pk, datum=VANDAAG, tekst="x",
                                   bijlage=SimpleUploadedFile("virus.exe", b"MZ"), by=werkcoach)


def test_the_timeline_assembles_the_evidence_from_the_dossier(intake_dossier, werkcoach):
    ContactmomentFactory(dossier=intake_dossier, no_show=True, datum=VANDAAG - timedelta(days=3))
    zaak = openen(intake_dossier, werkcoach)
    services.notitie_toevoegen(zaak_id=zaak.pk, datum=VANDAAG, tekst="Buurvrouw belde.", bijlage=None, by=werkcoach)
    titels = [g.titel for g in selectors.tijdlijn(zaak)]
    assert "Oproep 1 brede intake: niet verschenen" in titels
    assert "Schriftelijke waarschuwing brede intake (art. 14 lid 1)" in titels
    assert "Oproep 2 brede intake: niet verschenen" in titels
    assert "Niet verschenen op een afspraak (no-show)" in titels
    assert titels[-2:] == ["Zaak geopend", "Notitie"] or "Notitie" in titels


def test_kpis_for_the_manager_dashboard(werkcoach):
    HandhavingszaakFactory(dossier__werkcoach=werkcoach)
    HandhavingszaakFactory(dossier__werkcoach=werkcoach, voornemen=True)
    HandhavingszaakFactory(dossier__werkcoach=werkcoach, boete=True, boetebedrag=250, dagtekening=VANDAAG)
    HandhavingszaakFactory(dossier__werkcoach=werkcoach, status="afgesloten", afsluit_reden="naleving_hersteld")
    HandhavingszaakFactory(dossier__werkcoach=werkcoach, status="afgesloten", afsluit_reden="onterecht")
    kpis = selectors.handhaving_kpis(peildatum=VANDAAG)
    per_status = {s: n for s, _label, n in kpis.open_per_status}
    assert per_status == {"signaal": 1, "gesprek": 0, "waarschuwing": 0, "voornemen": 1, "besluit": 1}
    assert (kpis.boetes_dit_jaar, kpis.boetes_dit_jaar_totaal) == (1, Decimal("250"))
    assert kpis.aandeel_naleving_hersteld == 0.5


def test_the_decision_cannot_exceed_the_amount_announced_in_the_voornemen(werkcoach, consulent):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, doelgroep=Doelgroep.GEZINSVORMER)
    zaak = tot_voornemen(openen(dossier, werkcoach, verplichting="pvt"), werkcoach, consulent,
                         verwijtbaarheid="geen", verwijtbaarheid_reden="Geen opzet gebleken.")
    assert zaak.voornemen_bedrag == Decimal("25.00")
    _terug_in_de_tijd(zaak)
    hoger = selectors.BoeteInvoer(verwijtbaarheid="opzet", verwijtbaarheid_reden="Toch opzet.")
    with pytest.raises(ValidationError) as fout:
        services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(boete=hoger), by=consulent)
    assert "hoger dan het voorgenomen bedrag" in fout.value.message_dict["__all__"][0]
    assert Handhavingszaak.objects.get(pk=zaak.pk).status == ZaakStatus.VOORNEMEN
    lager = selectors.BoeteInvoer(verwijtbaarheid="verminderd", verwijtbaarheid_reden="Zorg voor een ziek kind.")
    zaak = services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(boete=lager), by=consulent)
    assert zaak.boetebedrag == Decimal("12.50")


def test_no_zaak_about_the_leerroute_of_someone_who_is_not_an_asielstatushouder(werkcoach):
    gezinsmigrant = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, doelgroep=Doelgroep.GEZINSVORMER)
    with pytest.raises(ValidationError) as fout:
        openen(gezinsmigrant, werkcoach, verplichting="leerroute")
    assert fout.value.message_dict == {"verplichting": [str(rules.LEERROUTE_ALLEEN_ASIEL)]}
    asiel = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, doelgroep=Doelgroep.ASIELSTATUSHOUDER)
    assert openen(asiel, werkcoach, verplichting="leerroute").regime == rules.Regime.PIP


def test_the_timeline_shows_no_shows_and_the_hours_missing_against_the_pip(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, doelgroep=Doelgroep.ASIELSTATUSHOUDER)
    PipFactory(dossier=dossier, vastgesteld=True, b1_intensiteit=600)
    UrenFactory(dossier=dossier, categorie="taal_knm", aantal=40)
    UrenFactory(dossier=dossier, categorie="pvt", aantal=4)
    ContactmomentFactory(dossier=dossier, no_show=True, datum=VANDAAG - timedelta(days=3),
                         onderwerpen="Niet op de les en niet afgemeld.")
    ContactmomentFactory(dossier=dossier, datum=VANDAAG - timedelta(days=2))  # a held gesprek is no evidence here
    zaak = openen(dossier, werkcoach, verplichting="leerroute")
    tijdlijn = {g.titel: g for g in selectors.tijdlijn(zaak)}
    no_shows = [t for t in tijdlijn if "no-show" in t]
    assert no_shows == ["Niet verschenen op een afspraak (no-show)"]
    assert tijdlijn[no_shows[0]].tekst == "Niet op de les en niet afgemeld."
    uren = tijdlijn["Uren ten opzichte van het PIP (stand vandaag)"]
    assert "Taal en KNM: 40 van 600 uur uit het PIP, nog 560 uur." in uren.tekst
    assert "nog 8 uur PVT" in uren.tekst
    assert uren.bron == "dossier"


def test_without_a_vastgesteld_pip_the_timeline_shows_no_hours(intake_dossier, werkcoach):
    zaak = openen(intake_dossier, werkcoach)
    assert not [g for g in selectors.tijdlijn(zaak) if g.titel.startswith("Uren")]


def test_a_step_on_a_stale_or_missing_version_is_refused_and_changes_nothing(intake_dossier, werkcoach, collega):
    zaak = openen(intake_dossier, werkcoach)
    geopend = versie(zaak)
    services.bijstand_verlaging_vastleggen(zaak_id=zaak.pk, verlaagd=False, toelichting="Nagevraagd.", versie=geopend,
                                           by=collega)
    assert versie(zaak) == geopend + 1  # every save raises the version
    for oud in (geopend, None):
        with pytest.raises(ValidationError) as fout:
            services.zaak_afsluiten(zaak_id=zaak.pk, reden="onterecht", toelichting="", versie=oud, by=werkcoach)
        assert fout.value.messages == [str(VERSIE_VEROUDERD)]
    assert Handhavingszaak.objects.get(pk=zaak.pk).status == ZaakStatus.SIGNAAL
    zaak = services.zaak_afsluiten(zaak_id=zaak.pk, reden="onterecht", toelichting="", versie=geopend + 1, by=werkcoach)
    assert zaak.status == ZaakStatus.AFGESLOTEN


def test_the_services_check_the_cross_field_rules_of_the_forms(intake_dossier, werkcoach, consulent):
    zaak = openen(intake_dossier, werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.bijstand_verlaging_vastleggen(zaak_id=zaak.pk, versie=versie(zaak), verlaagd=True, toelichting=" ",
                                               by=werkcoach)
    assert fout.value.message_dict == {"toelichting": [str(rules.BIJSTAND_TOELICHTING)]}
    zaak = tot_voornemen(zaak, werkcoach, consulent)
    _terug_in_de_tijd(zaak)
    zonder_start = selectors.BoeteInvoer(duo_nieuwe_termijn_maanden=12)
    with pytest.raises(ValidationError) as fout:
        services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(boete=zonder_start), by=consulent)
    assert fout.value.message_dict["duo_nieuwe_termijn_start"] == [str(rules.DUO_START_VERPLICHT)]


def test_a_step_the_status_does_not_allow_is_a_dutch_error(werkcoach, consulent):
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach)  # signaal, no fine
    with pytest.raises(ValidationError) as fout:
        services.betaalstatus_wijzigen(zaak_id=zaak.pk, versie=versie(zaak), betaalstatus="betaald", by=werkcoach)
    assert fout.value.messages == [str(rules.GEEN_BOETE_BESLUIT)]
    with pytest.raises(ValidationError) as fout:
        services.zienswijze_vastleggen(zaak_id=zaak.pk, versie=versie(zaak), ontvangen_op=VANDAAG, wijze="mondeling",
                                       inhoud="x", by=werkcoach)
    assert fout.value.messages == [str(rules.ZIENSWIJZE_ALLEEN_BIJ_VOORNEMEN)]
    with pytest.raises(PermissionDenied):
        services.bezwaar_vastleggen(zaak_id=zaak.pk, versie=versie(zaak), ontvangen_op=VANDAAG, uitkomst="",
                                    beslist_op=None, by=werkcoach)


def test_the_rapport_awb_5_48_its_pdf_its_copy_with_the_decision_its_term_and_four_eyes(werkcoach, consulent,
                                                                                       tweede_consulent):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, doelgroep=Doelgroep.GEZINSVORMER)
    zaak = openen(dossier, werkcoach, verplichting="pvt")
    services.gesprek_vastleggen(zaak_id=zaak.pk, datum=GISTEREN, uitkomst="gevoerd", cautie="gegeven", verslag="x",
                                by=werkcoach)
    assert zaak.gesprekken.get().cautie == "gegeven"
    with pytest.raises(ValidationError) as fout:
        services.gesprek_vastleggen(zaak_id=zaak.pk, datum=GISTEREN, uitkomst="gevoerd", verslag="x", by=werkcoach)
    assert fout.value.message_dict == {"cautie": [str(rules.CAUTIE_VASTLEGGEN)]}
    services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), uitgereikt_op=GISTEREN, toelichting="",
                                    by=werkcoach)
    zaak = rapport(zaak, consulent)  # a consulent writes the rapport: then she may not decide
    assert zaak.rapport_document.soort == "handhaving_rapport"
    html = zaak.rapport_document.html
    for tekst in ("5:48", zaak.dossier.inburgeraar.volledige_naam, "Drie keer niet op de PVT-bijeenkomst.", "Wet 23",
                  "Bij de aanbieder van het PVT", f"{zaak.geconstateerd_op:%Y}"):
        assert tekst in html
    termijn = Termijn.objects.get(dossier=dossier, soort=HandhavingTermijn.BESLISTERMIJN)
    assert termijn.fatale_datum == zaak.rapport_dagtekening + timedelta(weeks=13)
    with pytest.raises(ValidationError):  # once
        rapport(zaak, werkcoach)
    zaak = services.voornemen_versturen(zaak_id=zaak.pk, versie=versie(zaak), uitgereikt_op=VANDAAG - timedelta(days=1),
                                        verwijtbaarheid="geen", verwijtbaarheid_reden="x", toelichting="",
                                        by=tweede_consulent)
    _terug_in_de_tijd(zaak)
    boete = selectors.BoeteInvoer(verwijtbaarheid="geen", verwijtbaarheid_reden="x")
    with pytest.raises(PermissionDenied) as weigering:
        services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(boete=boete), by=consulent)
    assert str(weigering.value) == str(rules.RAPPORT_AUTEUR)
    zaak = services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(boete=boete),
                                  by=tweede_consulent)
    assert "afschrift van het rapport" in zaak.besluit_document.html
    assert "Drie keer niet op de PVT-bijeenkomst." in zaak.besluit_document.html
    termijn.refresh_from_db()
    assert termijn.status == "gehaald"


def test_a_late_decision_after_the_13_weeks_is_not_blocked_awb_5_51(werkcoach, consulent):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, doelgroep=Doelgroep.GEZINSVORMER)
    zaak = openen(dossier, werkcoach, verplichting="pvt")
    Handhavingszaak.objects.filter(pk=zaak.pk).update(overtreding_datum=VANDAAG - timedelta(days=200),
                                                      geconstateerd_op=VANDAAG - timedelta(days=200))
    services.gesprek_vastleggen(zaak_id=zaak.pk, datum=GISTEREN, uitkomst="gevoerd", cautie="nvt", verslag="x",
                                by=werkcoach)
    services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), uitgereikt_op=GISTEREN, toelichting="",
                                    by=werkcoach)
    rapport(zaak, werkcoach, dagtekening=VANDAAG - timedelta(days=100))  # 13 weeks = 91 days: over
    services.voornemen_versturen(zaak_id=zaak.pk, versie=versie(zaak), uitgereikt_op=VANDAAG - timedelta(days=30),
                                 verwijtbaarheid="geen", verwijtbaarheid_reden="x", toelichting="", by=consulent)
    _terug_in_de_tijd(zaak)
    boete = selectors.BoeteInvoer(verwijtbaarheid="geen", verwijtbaarheid_reden="x")
    zaak = services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(boete=boete),
                                  by=ConsulentFactory(username="derde", team=werkcoach.team))
    assert zaak.boetebedrag == Decimal("25.00")


def test_bezwaar_beroep_and_hoger_beroep_derive_onherroepelijk_and_move_the_lapse_term_awb_5_45_lid_3(
        werkcoach, consulent):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, doelgroep=Doelgroep.GEZINSVORMER)
    zaak = HandhavingszaakFactory(dossier=dossier, boete=True, bekendmaking=VANDAAG - timedelta(days=200),
                                  dagtekening=VANDAAG - timedelta(days=200), bezwaar_einde=VANDAAG - timedelta(days=158),
                                  verjaring_op=date(2031, 1, 1))
    zonder = Handhavingszaak.objects.get(pk=zaak.pk).verjaring_op
    services.bezwaar_vastleggen(zaak_id=zaak.pk, versie=versie(zaak), ontvangen_op=VANDAAG - timedelta(days=190),
                                uitkomst="ongegrond", beslist_op=VANDAAG - timedelta(days=150), by=consulent)
    zaak.refresh_from_db()
    assert zaak.onherroepelijk_op is None  # bekendmaking of the beslissing op bezwaar unknown: beroep possible
    assert zaak.beroep_einde is None
    assert zaak.verjaring_op > zonder  # suspended for the 40 days the bezwaar ran
    services.bezwaar_vastleggen(zaak_id=zaak.pk, versie=versie(zaak), ontvangen_op=VANDAAG - timedelta(days=190),
                                uitkomst="ongegrond", beslist_op=VANDAAG - timedelta(days=150),
                                bekendgemaakt_op=VANDAAG - timedelta(days=148), by=consulent)
    zaak.refresh_from_db()
    assert zaak.beroep_einde >= VANDAAG - timedelta(days=148 - 42)
    assert zaak.onherroepelijk_op == zaak.beroep_einde + timedelta(days=1)
    services.beroep_vastleggen(zaak_id=zaak.pk, versie=versie(zaak), beroep_ingesteld_op=VANDAAG - timedelta(days=120),
                               beroep_uitkomst="", beroep_uitspraak_op=None, hoger_beroep_ingesteld_op=None,
                               hoger_beroep_uitkomst="", hoger_beroep_uitspraak_op=None, by=consulent)
    zaak.refresh_from_db()
    assert zaak.onherroepelijk_op is None  # beroep pending
    assert rules.verjaring_geschorste_dagen(zaak.rechtsgang(), vandaag=VANDAAG) == 40 + 120
    services.beroep_vastleggen(zaak_id=zaak.pk, versie=versie(zaak), beroep_ingesteld_op=VANDAAG - timedelta(days=120),
                               beroep_uitkomst="vernietigd", beroep_uitspraak_op=VANDAAG - timedelta(days=10),
                               hoger_beroep_ingesteld_op=None, hoger_beroep_uitkomst="", hoger_beroep_uitspraak_op=None,
                               by=consulent)
    zaak.refresh_from_db()
    assert zaak.herroepen and zaak.onherroepelijk_op is None
    assert zaak.hoger_beroep_einde >= VANDAAG + timedelta(days=31)
    assert not selectors.boetes_beslist_in(zaak.dagtekening.year).filter(pk=zaak.pk).exists()
    # an annulled fine no longer counts for the cap of a new zaak
    nieuw = HandhavingszaakFactory(dossier=dossier)
    assert [b.herroepen for b in selectors.eerdere_boetes(nieuw)] == [True]
    assert zaak.history.first().history_change_reason == "Beroep: Boete vernietigd"


def test_beroep_only_after_a_beslissing_op_bezwaar_that_upheld_the_fine(werkcoach, consulent):
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, boete=True)
    with pytest.raises(ValidationError) as fout:
        services.beroep_vastleggen(zaak_id=zaak.pk, versie=versie(zaak), beroep_ingesteld_op=VANDAAG,
                                   beroep_uitkomst="", beroep_uitspraak_op=None, hoger_beroep_ingesteld_op=None,
                                   hoger_beroep_uitkomst="", hoger_beroep_uitspraak_op=None, by=consulent)
    assert fout.value.messages == [str(rules.GEEN_BEROEP_MOGELIJK)]
