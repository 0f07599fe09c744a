"""Termijnen and signalen as test data, written straight to the database (the engine's own
computation is tested in tests/termijnen/); the worklist and dashboards only read them."""

from datetime import date, timedelta

from cases.models import Dossier, Signaal, SignaalSoort, Termijn, TermijnStatus
from pip_plans.termijnen import PipTermijn


def vandaag() -> date:
    from django.utils.timezone import localdate

    return localdate()


def termijn(dossier: Dossier, *, dagen: int, soort: str = PipTermijn.PIP_VASTSTELLEN,
            status: str = TermijnStatus.OPEN, sleutel: str = "", gehaald_na: int | None = None) -> Termijn:
    """A termijn whose fatale datum lies `dagen` from today; `gehaald_na`: gehaald that many days
    after the fatale datum (negative: before it)."""
    fataal = vandaag() + timedelta(days=dagen)
    return Termijn.objects.create(
        dossier=dossier, soort=soort, sleutel=sleutel, bron="test", basisdatum=fataal - timedelta(days=70),
        streefdatum=fataal - timedelta(days=14), berekende_fatale_datum=fataal, fatale_datum=fataal,
        status=TermijnStatus.GEHAALD if gehaald_na is not None else status,
        gehaald_op=fataal + timedelta(days=gehaald_na) if gehaald_na is not None else None,
    )


def signaal(dossier: Dossier, *, soort: str = SignaalSoort.VERLOPEN, termijn: Termijn | None = None,
            **velden) -> Signaal:
    return Signaal.objects.create(dossier=dossier, termijn=termijn, soort=soort, **velden)


def verlopen(dossier: Dossier, *, dagen: int = -3, **velden) -> Signaal:
    t = termijn(dossier, dagen=dagen, status=TermijnStatus.VERLOPEN, **velden)
    return signaal(dossier, soort=SignaalSoort.VERLOPEN, termijn=t)


def nadert(dossier: Dossier, *, dagen: int = 5, **velden) -> Signaal:
    t = termijn(dossier, dagen=dagen, **velden)
    return signaal(dossier, soort=SignaalSoort.NADERT, termijn=t)


def aandachtspunt(dossier: Dossier, omschrijving: str = "Tolk regelen") -> Signaal:
    return signaal(dossier, soort=SignaalSoort.AANDACHTSPUNT, omschrijving=omschrijving)
