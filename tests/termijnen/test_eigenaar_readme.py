"""The README's table of termijn kinds is the registry's (DOMAIN §8; issue 10 item 8): a kind added or
changed in an app's REGELS without updating the table fails here."""

from pathlib import Path

from cases.termijnen.soorten import Eigenaar, overzicht

README = Path(__file__).resolve().parents[2] / "README.md"
BEZIT = {Eigenaar.GEMEENTE: "gemeente", Eigenaar.WET: "wet (gemeente)", Eigenaar.BURGER: "burger"}


def _rij(label, regels) -> str:
    ja = {True: "ja", False: "nee"}
    return (f"| {label} | {BEZIT[regels.eigenaar]} | {ja[regels.vrij_opschorten]} | {ja[regels.atw]} | "
            f"{regels.grond} |")


def test_the_readme_table_lists_every_kind_with_its_owner_and_legal_ground():
    tekst = README.read_text(encoding="utf-8")
    tabel = tekst.split("<!-- termijnsoorten:begin")[1].split("<!-- termijnsoorten:end -->")[0]
    rijen = [r for r in tabel.splitlines() if r.startswith("| ") and not r.startswith("| termijn |")]
    assert rijen == [_rij(label, soort.regels) for _code, label, soort in overzicht()]
