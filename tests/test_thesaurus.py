"""The thesaurus: event types, the persecutors' categories, and how text is categorised."""

from __future__ import annotations

import pytest

from vigil.thesaurus import AUTHORITIES, CATEGORIES, EVENT_TYPES, TERMS, Term, categorize


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("как троцкист", "trotskyist"),
        ("за троцкизм", "trotskyist"),
        ("КРТД", "trotskyist"),
        ("участие в зиновьевской оппозиции", "zinovievist"),
        ("бывший белогвардеец", "white-guard"),
        ("служил в армии Колчака, белый офицер", "white-guard"),
        ("к.-р. деятельность", "counter-revolutionary"),
        ("к/р организация", "counter-revolutionary"),
        ("контрреволюционная деятельность", "counter-revolutionary"),
        ("по ст. 58 УК РСФСР", "counter-revolutionary"),
        ("КРА", "anti-soviet-agitation"),
        ("к.р. агитация", "anti-soviet-agitation"),
        ("ст. 58-10", "anti-soviet-agitation"),
        ("по ст. 58-10 ч. 1 УК РСФСР", "anti-soviet-agitation"),
        ("ст.58 п.10 ч.1 УК РСФСР", "anti-soviet-agitation"),
        ("58-2-10-11", "anti-soviet-agitation"),
        ("за а/с агитацию", "anti-soviet-agitation"),
        ("антисоветская агитация", "anti-soviet-agitation"),
        ("как ЧСИР", "family-member"),
        ("как член семьи изменника Родины", "family-member"),
        ("измена Родине", "traitor"),
        ("кулак", "kulak"),
        ("как член семьи кулака", "kulak"),
        ("раскулачен", "kulak"),
        ("по нац. признаку (немцы)", "national-grounds"),
        ("как социально-опасный элемент", "socially-dangerous"),
        ("пассивный элемент", "passive-element"),
        ("лишен избирательных прав", "disenfranchised"),
        ("ОСАДНИК", "osadnik"),
        ("японский шпион", "spy"),
    ],
)
def test_categorize_names_the_category(text: str, code: str):
    assert categorize(text) == code


@pytest.mark.parametrize(
    "text",
    ["", "хищение колхозного имущества", "10 лет ИТЛ", "колхоз Искра", "в 1958-10-01", "ст. 109"],
)
def test_categorize_none_when_no_category_is_named(text: str):
    assert categorize(text) is None


def test_a_child_beats_its_parent_and_the_first_named_wins():
    assert categorize("к.-р. троцкистская деятельность") == "trotskyist"
    assert categorize("58-10, троцкист") == "anti-soviet-agitation"
    assert categorize("троцкист, 58-10") == "trotskyist"


def test_terms_are_well_formed():
    codes = [t.code for t in TERMS]
    assert len(codes) == len(set(codes)), "codes are the store's primary key"
    assert TERMS == EVENT_TYPES + CATEGORIES + AUTHORITIES
    known = set(codes)
    for t in TERMS:
        assert isinstance(t, Term)
        assert t.label_ru and t.label_en
        assert t.parent is None or t.parent in known
    assert {t.kind for t in EVENT_TYPES} == {"event-type"}
    assert {t.kind for t in CATEGORIES} == {"category"}
    assert {t.kind for t in AUTHORITIES} == {"authority"}
    assert all(t.patterns for t in CATEGORIES)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Art. 58 (counter-revolutionary activity)", "counter-revolutionary"),
        ("Trotskyist activity", "trotskyist"),
        ("a Trotskyite group", "trotskyist"),
        ("White Guard officer", "white-guard"),
        ("espionage for a foreign state", "spy"),
        ("Article 58-10: anti-Soviet agitation", "anti-soviet-agitation"),
        ("family member of a traitor to the Motherland", "family-member"),
    ],
)
def test_english_lists_name_categories_too(text: str, code: str) -> None:
    assert categorize(text) == code
