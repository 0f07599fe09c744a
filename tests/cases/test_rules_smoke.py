from cases import rules


def test_a_known_synthetic_bsn_passes_the_elfproef():
    assert rules.bsn_is_geldig("999993653")


def test_dossier_factory_creates_an_aangemeld_dossier(dossier):
    assert dossier.fase == "aangemeld"
    assert dossier.team == dossier.werkcoach.team
