"""The people table: who a leader's or official's name stands for, and when it is unsure."""

from __future__ import annotations

import pytest

from wirewatch.kb import load_kb
from wirewatch.kb.tables.people import SUPRANATIONAL, Table


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.fixture(scope="module")
def people(kb):
    return kb.people


def test_rows_name_real_countries_and_sectors(kb, people):
    countries = {c.iso3 for c in kb.countries.countries} | SUPRANATIONAL
    sectors = {c.code for c in kb.sectors.codes}
    assert len(people.people) >= 200
    assert len({p.country for p in people.people}) >= 60
    for person in people.people:
        assert person.country in countries, person.id
        for role in person.roles:
            assert role.sector in sectors, (person.id, role.title)
            assert role.country is None or role.country in countries, person.id


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("Putin", 2024, ("RUS", "GOV", "surname")),
        ("Vladimir Putin", 2024, ("RUS", "GOV", "name")),
        ("Erdogan", 2023, ("TUR", "GOV", "surname")),  # accents folded: Erdoğan
        ("Sheinbaum", 2025, ("MEX", "GOV", "surname")),
        ("Shoigu", 2023, ("RUS", "MIL", "surname")),  # defence minister then
        ("Shoigu", 2025, ("RUS", "GOV", "surname")),  # Security Council secretary since 2024
        ("Kaja Kallas", 2025, ("EUR", "IGO", "name")),  # a role acting for the EU
        ("Donald Trump", 2023, ("USA", None, "name")),  # out of office: country, no sector
    ],
)
def test_unambiguous_names_resolve(people, name, year, expected):
    hit = people.lookup(name, year)
    assert hit is not None
    assert (hit.country, hit.sector, hit.via) == expected


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("Trump", 2023),  # a bare surname must fit the year: not in office in 2023
        ("Aoun", 2025),  # two Aouns listed: ambiguous in any year
        ("Kim", 2024),  # two Kims listed
        ("Singh", 2024),  # listed as too common to stand alone
        ("Putin", None),  # no date to check the surname against
        ("Sergei Putin", 2024),  # a different first name is a different person
        ("Johnson", 2021),
    ],
)
def test_ambiguous_or_unfitting_names_do_not(people, name, year):
    assert people.lookup(name, year) is None


def test_a_name_claimed_by_two_people_is_a_data_error():
    row = {
        "id": "a",
        "name": "Jan Novak",
        "country": "CZE",
        "source": "test",
        "roles": [{"title": "President", "sector": "GOV", "start": 2020}],
    }
    with pytest.raises(ValueError, match="names both"):
        Table.model_validate({"people": [row, {**row, "id": "b"}]})


def test_a_role_cannot_end_before_it_starts():
    row = {
        "id": "a",
        "name": "Jan Novak",
        "country": "CZE",
        "source": "test",
        "roles": [{"title": "President", "sector": "GOV", "start": 2020, "end": 2019}],
    }
    with pytest.raises(ValueError, match="before it starts"):
        Table.model_validate({"people": [row]})
