"""leerroutes' demo data: its example policy settings and the demo aanbieders (DOMAIN §1 partners:
names of real Eemsdelta partners, invented numbers), both fixtures in fixtures/. Loading again resets
the rows to the fixture (aanbieders are matched by name)."""

from cases.demo import DemoOpdracht, fixtures_stap, laad_fixtures, registreer_demostap

from .models import Aanbieder, LeerroutesInstellingen


def demo_aanbieders(opdracht: DemoOpdracht | None = None) -> None:
    laad_fixtures("demo_aanbieders", historie=(Aanbieder,))


def registreer_demostappen() -> None:
    registreer_demostap(
        "leerroutes-instellingen", fixtures_stap("instellingen_leerroutes", historie=(LeerroutesInstellingen,)), 12)
    registreer_demostap("aanbieders", demo_aanbieders, 30)
