"""The lookups each table serves."""

from __future__ import annotations

import pycountry
import pytest

from wirewatch.kb import load_kb
from wirewatch.model import CAMEO_ROOTS, PLOVER_TYPES


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_every_iso_country_is_listed(kb):
    table = kb.countries
    assert {c.alpha_3 for c in pycountry.countries} <= {c.iso3 for c in table.countries}
    with_demonyms = [c for c in table.countries if c.demonyms]
    assert len(with_demonyms) >= 60


@pytest.mark.parametrize(
    ("term", "iso3", "via", "sector"),
    [
        ("Russia", "RUS", "name", None),
        ("Russian Federation", "RUS", "alias", None),
        ("Russian", "RUS", "demonym", None),
        ("Venezuelan", "VEN", "demonym", None),
        ("Moscow", "RUS", "metonym", "GOV"),
        ("the Kremlin", "RUS", "metonym", "GOV"),
        ("Kremlin’s", "RUS", "metonym", "GOV"),
        ("Washington", "USA", "metonym", "GOV"),
        ("the White House", "USA", "metonym", "GOV"),
        ("the Pentagon", "USA", "metonym", "MIL"),
        ("Beijing", "CHN", "metonym", "GOV"),
        ("Kyiv", "UKR", "metonym", "GOV"),
        ("Kiev", "UKR", "metonym", "GOV"),
        ("Ankara", "TUR", "metonym", "GOV"),
        ("U.S.", "USA", "alias", None),
        ("the United States", "USA", "name", None),
        ("Türkiye", "TUR", "alias", None),
    ],
)
def test_country_lookup(kb, term, iso3, via, sector):
    hit = kb.countries.lookup(term)
    assert (hit.iso3, hit.via, hit.sector) == (iso3, via, sector)


def test_country_lookup_misses(kb):
    assert kb.countries.lookup("Atlantis") is None


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("Turkish troops", "MIL"),
        ("the air force", "MIL"),
        ("navy", "MIL"),
        ("army", "MIL"),
        ("the defence ministry", "MIL"),
        ("ministry", "GOV"),
        ("the government", "GOV"),
        ("President", "GOV"),
        ("prime minister", "GOV"),
        ("police", "COP"),
        ("opposition leader", "OPP"),
        ("rebels", "REB"),
        ("militants", "REB"),
        ("mercenaries", "UAF"),
        ("a private military company", "UAF"),
        ("a diplomat", "GOV"),
        ("an unnamed diplomatic source", "GOV"),
        ("protesters", "CVL"),
        ("a journalist", "JRN"),
        ("a private firm", "BUS"),
        ("the company", "BUS"),
        ("a Venezuelan military official", "MIL"),
    ],
)
def test_sector_cues(kb, phrase, sector):
    assert kb.sectors.cue_in(phrase).sector == sector


def test_sector_titles_and_domestic(kb):
    sectors = kb.sectors
    assert {"president", "opposition leader"} <= set(sectors.titles())
    assert sectors.domestic("OPP") and not sectors.domestic("MIL")


@pytest.mark.parametrize(
    ("term", "key", "country"),
    [
        ("Sputnik", "sputnik", "RUS"),
        ("TASS", "tass", "RUS"),
        ("RIA Novosti", "ria", "RUS"),
        ("AP", "ap", "USA"),
        ("the Associated Press", "ap", "USA"),
        ("Reuters", "reuters", "GBR"),
        ("AFP", "afp", "FRA"),
        ("Agence France-Presse", "afp", "FRA"),
        ("BBC", "bbc", "GBR"),
        ("Al Jazeera", "aljazeera", "QAT"),
        ("Xinhua", "xinhua", "CHN"),
        ("Anadolu", "anadolu", "TUR"),
        ("Interfax", "interfax", "RUS"),
        ("Ukrinform", "ukrinform", "UKR"),
        ("DPA", "dpa", "DEU"),
        ("Kyodo", "kyodo", "JPN"),
        ("Yonhap", "yonhap", "KOR"),
        ("IRNA", "irna", "IRN"),
        ("CNN", "cnn", "USA"),
    ],
)
def test_outlets(kb, term, key, country):
    outlet = kb.outlets.lookup(term)
    assert (outlet.key, outlet.country, outlet.sector) == (key, country, "JRN")


@pytest.mark.parametrize(
    ("term", "country", "sector"),
    [
        ("NATO", "IGO", "IGO"),
        ("the UN", "UNO", "IGO"),
        ("EU", "EUR", "IGO"),
        ("OSCE", "IGO", "IGO"),
        ("IAEA", "UNO", "IGO"),
        ("Wagner Group", "RUS", "UAF"),
        ("Hezbollah", "LBN", "REB"),
        ("the Houthis", "YEM", "REB"),
        ("Russian Aerospace Forces", "RUS", "MIL"),
        ("Russian Air Force", "RUS", "MIL"),
        ("US Air Force", "USA", "MIL"),
        ("Royal Navy", "GBR", "MIL"),
        ("PLA Navy", "CHN", "MIL"),
        ("IDF", "ISR", "MIL"),
        ("ImageSat International", "ISR", "BUS"),
        ("Maxar", "USA", "BUS"),
        ("Turkish Defence Ministry", "TUR", "MIL"),
        ("Russia's Defence Ministry", "RUS", "MIL"),
        ("Ministry of Foreign Affairs of Ukraine", "UKR", "GOV"),
        ("Venezuelan Foreign Ministry", "VEN", "GOV"),
    ],
)
def test_organisations(kb, term, country, sector):
    hit = kb.organisations.lookup(term, kb.countries)
    assert (hit.country, hit.sector) == (country, sector)


def test_organisation_templates_need_a_real_country(kb):
    assert kb.organisations.lookup("Atlantean Defence Ministry", kb.countries) is None


def test_facilities(kb):
    organisations = kb.organisations
    assert organisations.is_facility("Simón Bolívar International Airport")
    assert organisations.is_facility("Khmeimim air base")
    assert not organisations.is_facility("National Assembly")


def test_plover_and_cameo(kb):
    plover, cameo = kb.plover, kb.cameo
    assert sorted(t.type for t in plover.types) == sorted(PLOVER_TYPES)
    assert {"visit", "third-party", "multilateral", "phone"} <= set(plover.get("CONSULT").modes)
    assert plover.get("MOBILIZE").quad == "material_conflict"
    assert plover.get("AID").quad == "material_cooperation"
    assert plover.cameo_root("ASSAULT") == "18"
    assert plover.for_cameo("19") == ["ASSAULT"]
    assert [r.code for r in cameo.roots] == list(CAMEO_ROOTS)
    assert cameo.get("04").name == "Consult"


def test_plover_needs_all_sixteen(tmp_path):
    from wirewatch.kb import KnowledgeBaseError, load_kb

    (tmp_path / "plover.yaml").write_text(
        "types:\n  - {type: AGREE, description: x, quad: verbal_cooperation, source: test}\n",
        "utf-8",
    )
    with pytest.raises(KnowledgeBaseError, match="16"):
        load_kb(tmp_path)


def test_dates_lexicon(kb):
    dates = kb.dates
    assert dates.phrase("The day before").anchor == "previous"
    assert dates.phrase("last week").rule == "week"
    assert dates.is_not_date("two weeks") and dates.is_not_date("recent years")
    assert not dates.is_not_date("May 2017")
