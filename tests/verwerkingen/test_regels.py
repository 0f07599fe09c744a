"""Pure rules of the Logboek Dataverwerkingen: W3C trace context, the history type -> handeling mapping,
the dossier of a changed object, the sorted handelingen."""

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from inburgering.audit.models import Handeling
from inburgering.audit.tasks import jaren_terug
from inburgering.audit.verwerkingen import (
    dossier_van,
    handeling_van_historie,
    handelingen_tekst,
    nieuwe_span_id,
    nieuwe_trace_id,
    traceparent,
    traceparent_lezen,
)

TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
SPAN = "00f067aa0ba902b7"


@pytest.mark.parametrize("waarde, verwacht", [
    (f"00-{TRACE}-{SPAN}-01", (TRACE, SPAN)),
    (f"00-{TRACE}-{SPAN}-00", (TRACE, SPAN)),  # not sampled: still the same trace
    (f"  00-{TRACE}-{SPAN}-01 ", (TRACE, SPAN)),
    (f"01-{TRACE}-{SPAN}-01-toekomst", (TRACE, SPAN)),  # a later version may add fields
    (f"00-{TRACE}-{SPAN}-01-extra", None),  # version 00 has exactly four fields
    (f"ff-{TRACE}-{SPAN}-01", None),
    (f"00-{'0' * 32}-{SPAN}-01", None),
    (f"00-{TRACE}-{'0' * 16}-01", None),
    (f"00-{TRACE.upper()}-{SPAN}-01", None),
    (f"00-{TRACE[:-1]}-{SPAN}-01", None),
    ("", None),
    (None, None),
    ("onzin", None),
])
def test_traceparent_is_read_only_when_valid(waarde, verwacht):
    assert traceparent_lezen(waarde) == verwacht


def test_new_ids_have_the_sizes_of_the_standard_and_a_header_round_trips():
    trace_id, span_id = nieuwe_trace_id(), nieuwe_span_id()

    assert len(trace_id) == 32 and len(span_id) == 16
    assert traceparent_lezen(traceparent(trace_id, span_id)) == (trace_id, span_id)


@pytest.mark.parametrize("soort, handeling", [
    ("+", Handeling.AANMAKEN), ("~", Handeling.WIJZIGEN), ("-", Handeling.VERNIETIGEN), ("?", None),
])
def test_history_types_map_to_handelingen(soort, handeling):
    assert handeling_van_historie(soort) == handeling


def _object(label: str, **velden):
    return SimpleNamespace(_meta=SimpleNamespace(label_lower=label), **velden)


def test_the_dossier_of_a_changed_object():
    assert dossier_van(_object("cases.dossier", pk=7, dossier_id=None)) == 7
    assert dossier_van(_object("pip_plans.pip", pk=3, dossier_id=9)) == 9
    # No dossier on the object: the URL's dossier_pk anywhere, its pk only under /dossiers/.
    persoon = _object("cases.inburgeraar", pk=5)
    assert dossier_van(persoon, pad="/dossiers/12/bewerken/", url_kwargs={"pk": 12}) == 12
    assert dossier_van(persoon, pad="/pip/4/bewerken/", url_kwargs={"pk": 4}) is None
    assert dossier_van(persoon, pad="/werkvoorraad/dossiers/8/aandachtspunt/", url_kwargs={"dossier_pk": 8}) == 8
    assert dossier_van(_object("instellingen.gemeenteinstellingen", pk=1)) is None


def test_handelingen_are_stored_sorted_and_unique():
    assert handelingen_tekst(["wijzigen", "raadplegen", "wijzigen", "aanmaken"]) == "aanmaken,raadplegen,wijzigen"


def test_no_handeling_code_is_part_of_another():
    """The list filters with `handelingen__contains=code`: that needs codes that do not contain each other."""
    codes = [h.value for h in Handeling]
    assert not [(a, b) for a in codes for b in codes if a != b and a in b]


def test_years_back_handles_29_february():
    assert jaren_terug(datetime(2028, 2, 29, 12, tzinfo=UTC), 5) == datetime(2023, 2, 28, 12, tzinfo=UTC)
    assert jaren_terug(datetime(2026, 11, 30, tzinfo=UTC), 5) == datetime(2021, 11, 30, tzinfo=UTC)


def test_every_column_of_the_log_is_hashed():
    from inburgering.audit.keten import VELDEN
    from inburgering.audit.models import Dataverwerking

    kolommen = {f.attname for f in Dataverwerking._meta.concrete_fields} - {"id", "hash"}
    assert set(VELDEN["audit_dataverwerking"]) == kolommen


def test_the_hash_definition_of_the_log_is_pinned():
    """Changing what is hashed (or how) breaks every existing chain: this value must never change."""
    from inburgering.audit.keten import bereken_hash
    from inburgering.audit.models import Dataverwerking

    moment = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
    regel = Dataverwerking(
        tijdstip=moment, trace_id=TRACE, span_id=SPAN, parent_span_id="", naam="cases:dossier_detail",
        handelingen="raadplegen", activiteit_id="dossierbeheer", gebruiker_id=7, start=moment, eind=moment,
        status="ok", dossier_ids=[3, 42], pad="/dossiers/42/", vorige_hash="a" * 64,
    )

    assert bereken_hash(regel) == "540173b51a5dd3fff8c05a32c85170b577527e9c8f8729418bc8a0a4cf0d2a0b"
