"""English people, places and organisations by frame, with the counter-examples."""

from __future__ import annotations

from reader.model.document import FactKind
from reader.model.facts.extract import extract_facts
from reader.model.structure.parse import parse


def _texts(text: str, kind: FactKind) -> set[str]:
    return {f.text for f in extract_facts(parse(text)) if f.kind is kind}


LETTERS = (
    "A Treatise on Harbours\n\nby Henrietta Vale\n\n"
    "When Alfred the Great rebuilt the walls, Parliament had not yet sat. The dues were "
    "raised, said chairman Adair Turner, and Thanks to Priya Raman the drafts were read. "
    "George Papadopoulos met a lawyer. Copyright (c) 2013-2026 Junegunn Choi\n\n"
    "The theme was created by [Vitor Mello](https://example.org) last year.\n\n"
    "  author={Ming Xu},\n\n"
    "Contact\n\n"
    "   Kemi Okafor\n"
    "   Northwind Systems Institute\n"
    "   12 Harbour Road\n"
    "   Sandpoint, ID 83864\n\n"
    "The IRA was based in St. Petersburg, Russia, as the kingdom of Naples was, and the "
    "archbishop of Canterbury fled to Cardiff and New Zealand.\n"
)


def test_people_by_byline_field_role_given_name_epithet_and_address() -> None:
    people = _texts(LETTERS, FactKind.PERSON)
    assert {
        "Henrietta Vale",
        "Alfred the Great",
        "Adair Turner",
        "George Papadopoulos",
        "Junegunn Choi",
        "Vitor Mello",
        "Ming Xu",
        "Kemi Okafor",
    } <= people


def test_places_by_frame_and_the_general_list() -> None:
    places = _texts(LETTERS, FactKind.PLACE)
    assert {"Sandpoint", "St. Petersburg", "Naples", "Canterbury", "Cardiff", "New Zealand"} <= (
        places
    )


def test_organisations_with_acronyms_cited_the_and_address_blocks() -> None:
    text = (
        LETTERS
        + "\nThe Confederation of British Industry (CBI) objected. Copyright (C) The Internet "
        "Society (2002). 参考Stanford University的模型。Acme Ltd. paid the Northern Lighthouse\n"
        "Board.\n"
    )
    orgs = _texts(text, FactKind.ORGANIZATION)
    assert {
        "Confederation of British Industry (CBI)",
        "The Internet Society",
        "Stanford University",
        "Northwind Systems Institute",
        "Acme Ltd.",
        "Northern Lighthouse Board",
    } <= orgs


def test_titles_with_suffixes_and_regnal_names() -> None:
    text = "Special Counsel Robert S. Mueller, III was named. Pope Julius in the year '10.\n"
    assert {"Robert S. Mueller, III", "Pope Julius"} <= _texts(text, FactKind.PERSON)


def test_counter_examples_are_not_people() -> None:
    text = (
        "By March 1801 the harbour was full.\n\nBy Order of the Council\n\nAuthor: Unknown\n\n"
        "France, Spain, and the United States signed. Best Regards from New York.\n"
    )
    people = _texts(text, FactKind.PERSON)
    assert not people & {"March", "Order of the Council", "Unknown", "Best Regards", "New York"}


def test_bare_institutions_firms_and_determiners() -> None:
    text = (
        "When Alfred the Great rebuilt the walls, Parliament had not yet sat; Every Parliament "
        "since has voted on the dues. London: J. & R. Whitcombe, Fleet Street, 1801. Smith & "
        "Sons paid.\n\na congress of botanists, the parliament of birds, Congress Street, R&D, "
        "Q&A, black & white, Rock & Roll.\n"
    )
    facts = [f for f in extract_facts(parse(text)) if f.kind is FactKind.ORGANIZATION]
    orgs = {f.text: len(f.mentions) for f in facts}
    assert orgs == {"Parliament": 2, "J. & R. Whitcombe": 1, "Smith & Sons": 1}


def test_licences_are_works() -> None:
    text = (
        "The MIT License (MIT)\n\nIt ships under the **Apache License 2.0** and the GNU General "
        "Public License, version 3. Read this License and the License again.\n"
    )
    assert _texts(text, FactKind.WORK) == {
        "The MIT License (MIT)",
        "Apache License 2.0",
        "GNU General Public License, version 3",
    }


def test_years_alone_ranges_and_timestamps() -> None:
    text = (
        "In 1803 the harbour held grain (Vale, H. (1799)). Copyright (c) 2013-2026 A. Writer. "
        "Stamps: 1985-04-12T23:20:50.52Z and 1996-12-19T16:39:57-08:00.\n\n"
        "RFC 9999, port 8080, page 1999, in 2000 homes, Model 1900, pages 2001-1999.\n"
    )
    dates = {f.text: f.value for f in extract_facts(parse(text)) if f.kind is FactKind.DATE}
    assert dates == {
        "1803": "1803",
        "1799": "1799",
        "2013-2026": "2013/2026",
        "1985-04-12T23:20:50.52Z": "1985-04-12T23:20:50.52Z",
        "1996-12-19T16:39:57-08:00": "1996-12-19T16:39:57-08:00",
    }


def test_a_weekday_before_a_date_is_no_place() -> None:
    text = "On Tuesday, March 4, 2031 the ships came.\n"
    facts = extract_facts(parse(text))
    assert {f.text for f in facts if f.kind is FactKind.PLACE} == set()
    assert {f.text for f in facts if f.kind is FactKind.DATE} == {"Tuesday", "March 4, 2031"}


def test_times_of_day_in_words() -> None:
    text = "Keep it to\nhalf-past one, or a quarter to three, or five o'clock. One too many.\n"
    dates = {f.text: f.value for f in extract_facts(parse(text)) if f.kind is FactKind.DATE}
    assert dates == {
        "half-past one": "01:30",
        "a quarter to three": "02:45",
        "five o'clock": "05:00",
    }
