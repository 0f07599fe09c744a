"""Horizontal bar charts as inline SVG, computed here so the template only places shapes. The chart
is an image with a title (role="img", aria-labelledby); the numbers themselves are in the table next
to it, so nothing depends on seeing the chart or on JavaScript."""

from dataclasses import dataclass

BREEDTE = 640
LABEL_BREEDTE = 190  # room for the labels left of the bars
WAARDE_BREEDTE = 60  # room for the value right of the longest bar
STAAF_HOOGTE = 18
RIJ_HOOGTE = 26
GROEP_MARGE = 10


@dataclass(frozen=True)
class Staaf:
    label: str  # empty for the second bar of a group
    tekst: str  # the value as shown
    reeks: str  # CSS modifier: the series (colour)
    y: int
    breedte: float

    @property
    def tekst_y(self) -> int:
        return self.y + STAAF_HOOGTE - 4

    @property
    def waarde_x(self) -> float:
        return LABEL_BREEDTE + self.breedte + 6


@dataclass(frozen=True)
class Diagram:
    id: str
    titel: str
    staven: list[Staaf]
    hoogte: int
    reeksen: list[tuple[str, str]]  # (modifier, legend label); a legend only with two or more
    breedte: int = BREEDTE
    label_breedte: int = LABEL_BREEDTE


def staafdiagram(
    *, id: str, titel: str, groepen: list[tuple[str, list[tuple[float, str]]]], reeksen: list[tuple[str, str]],
    maximum: float | None = None,
) -> Diagram:
    """`groepen`: per label the values of each series as (value, text). Bars scale to `maximum`
    (default: the largest value), so a 0 draws no bar."""
    grootste = maximum or max((w for _l, waarden in groepen for w, _t in waarden), default=0) or 1
    ruimte = BREEDTE - LABEL_BREEDTE - WAARDE_BREEDTE
    staven, y = [], GROEP_MARGE // 2
    for label, waarden in groepen:
        for i, (waarde, tekst) in enumerate(waarden):
            staven.append(Staaf(label=label if i == 0 else "", tekst=tekst, reeks=reeksen[i][0], y=y,
                                breedte=round(ruimte * waarde / grootste, 1)))
            y += RIJ_HOOGTE
        y += GROEP_MARGE if len(waarden) > 1 else 0
    return Diagram(id=id, titel=titel, staven=staven, hoogte=y + GROEP_MARGE // 2,
                   reeksen=reeksen if len(reeksen) > 1 else [])
