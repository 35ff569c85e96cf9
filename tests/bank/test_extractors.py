"""One extractor at a time, on sentences written for these tests, traps included."""

from __future__ import annotations

from .conftest import of_type

INTRO = "Foreign Minister Anna Lindqvist of Sweden said on Monday that talks would continue. "


# ---- trips -------------------------------------------------------------------------


def test_trip_ordinal_word_with_possessor(facts) -> None:
    found = of_type(
        facts(
            "Swedish Foreign Minister Anna Lindqvist will travel to Asia next week. "
            "It will be Lindqvist's fifth trip to the region since January, her office said."
        ),
        "trip",
    )
    assert found == [
        {
            "type": "trip",
            "traveler": "Anna Lindqvist",
            "ordinal": 5,
            "destination": "the region",
            "since": "January",
        }
    ]


def test_trip_ordinal_digits_and_elided_noun(facts) -> None:
    found = of_type(
        facts(
            "Indian External Affairs Minister Rohan Mehta arrived in Tokyo on Tuesday. "
            "The minister's latest trip is his 11th to Japan since 2019, officials said."
        ),
        "trip",
    )
    assert [(f["traveler"], f["ordinal"]) for f in found] == [("Rohan Mehta", 11)]


def test_trip_pronoun_before_name_resolves_to_subject(facts) -> None:
    found = of_type(
        facts(
            "On his third crisis trip to the Gulf, Prime Minister Tomas Varga will visit "
            "Kuwait and Oman, his spokesman said on Friday."
        ),
        "trip",
    )
    assert [(f["traveler"], f["ordinal"]) for f in found] == [("Tomas Varga", 3)]


def test_organisation_visit_is_not_a_trip(facts) -> None:
    found = facts(
        "Envoy Laura Brandt met officials in Vienna on Monday. "
        "Reports said it would mark the IAEA's fourth visit to the plant since March."
    )
    assert of_type(found, "trip") == []


def test_ordinals_that_count_other_things_are_not_trips(facts) -> None:
    found = facts(
        "President Marta Silva outlined for the first time a plan that she called the third "
        "pillar of her foreign policy. The second phase would begin in May, Ms Silva said."
    )
    assert of_type(found, "trip") == []


# ---- meetings ------------------------------------------------------------------------


def test_meeting_with_title_before_name_and_pronoun_subject(facts) -> None:
    found = of_type(
        facts(
            "Chancellor Erik Dahl was in Rome on Tuesday, where he met with Italian Prime "
            "Minister Giulia Ferri to discuss migration."
        ),
        "meeting",
    )
    assert found == [
        {
            "type": "meeting",
            "participants": ["Erik Dahl", "Giulia Ferri"],
            "place": "Rome",
            "when": None,
        }
    ]


def test_meeting_expressed_as_held_talks_and_passive_host(facts) -> None:
    found = facts(
        "Foreign Minister Kenji Sato held talks with his Australian counterpart Claire Hobbs "
        "in Canberra. Mr Sato was later received by Governor-General Alan Price."
    )
    pairs = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert frozenset({"Kenji Sato", "Claire Hobbs"}) in pairs
    assert frozenset({"Kenji Sato", "Alan Price"}) in pairs


def test_meeting_with_group_or_country_is_not_a_meeting(facts) -> None:
    found = facts(
        "Envoy Laura Brandt met with leaders in Egypt and Jordan on Sunday. "
        "Ms Brandt also held talks with the Taliban and with Iraqi officials."
    )
    assert of_type(found, "meeting") == []


def test_passive_meetings_the_parser_attaches_oddly(facts) -> None:
    """The agent hung on the place, and a name after a whole "of" phrase."""
    found = facts(
        "Pope Clement XV landed in Luanda on Saturday. The pope was later welcomed at the "
        "cathedral by Archbishop Gabriel Sapalo Cassoma. "
        "German MP Karin Vollmer flew to Yerevan on Monday. This morning Ms Vollmer and her "
        "colleagues were received by the speaker of the Armenian parliament, Narine Avetisyan."
    )
    pairs = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert frozenset({"Clement XV", "Gabriel Sapalo Cassoma"}) in pairs
    assert frozenset({"Karin Vollmer", "Narine Avetisyan"}) in pairs


def test_a_name_after_a_title_is_a_person_whatever_the_model_says(facts) -> None:
    """The model tags "Josefa Vakaloloma" as a place and "Forum" as a name; the title
    and the article "the" say otherwise."""
    found = facts(
        "EU commissioner Marta Kowalczyk arrived in Suva on Monday, visiting the Forum's "
        "secretariat. Her meeting with Fiji's deputy prime minister, Josefa Vakaloloma, "
        "produced a package. The Forum, whose 18 members include Australia, has warned."
    )
    pairs = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert pairs == {frozenset({"Marta Kowalczyk", "Josefa Vakaloloma"})}
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Josefa Vakaloloma", "Fiji's deputy prime minister") in roles


def test_a_courtesy_call_on_someone_is_a_meeting(facts) -> None:
    found = facts(
        "Cardinal Matteo Sforzini, the Vatican's secretary of state, paid a courtesy call on "
        "Foreign Minister Teresa Lumbo in Luanda on Sunday evening. Later the cardinal called "
        "on President Joao Neto to free the prisoners."
    )
    pairs = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert pairs == {frozenset({"Matteo Sforzini", "Teresa Lumbo"})}


def test_joining_someone_for_talks_is_a_meeting(facts) -> None:
    found = facts(
        "Foreign Minister Ana Ruiz of Peru began a tour of Asia on Monday. Ms Ruiz later "
        "joined President Lina Cruz for talks in Manila. She then joined President Tom "
        "Reed's motorcade in Hanoi."
    )
    pairs = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert pairs == {frozenset({"Ana Ruiz", "Lina Cruz"})}


def test_a_dinner_hosted_by_someone_is_a_meeting_with_the_host(facts) -> None:
    found = facts(
        "Economy minister Iñaki Etxeberria arrived in Busan on Monday. Mr Etxeberria and the "
        "delegation ended their first day at a dinner hosted by Mayor Park Seo-yeon."
    )
    [meeting] = of_type(found, "meeting")
    assert set(meeting["participants"]) == {"Iñaki Etxeberria", "Park Seo-yeon"}
    assert meeting["when"] is None  # "their first day" says nothing on its own


def test_three_people_give_one_fact_per_pair(facts) -> None:
    found = of_type(
        facts(
            "Secretary of State Dana Holt will confer with Prime Minister Ivo Baric and Defence "
            "Minister Lea Novak in Zagreb on Friday."
        ),
        "meeting",
    )
    pairs = {frozenset(f["participants"]) for f in found}
    assert pairs == {frozenset({"Dana Holt", "Ivo Baric"}), frozenset({"Dana Holt", "Lea Novak"})}


def test_call_on_to_demand_is_not_a_meeting(facts) -> None:
    found = facts(
        "Senator Paul Reyes called on President Amir Haddad to resign, saying the vote was rigged."
    )
    assert of_type(found, "meeting") == []


# ---- visits ----------------------------------------------------------------------------


def test_visit_list_of_places(facts) -> None:
    found = of_type(
        facts(
            "Mr Lars Berg, the Norwegian foreign minister, is expected to visit Kenya, Uganda "
            "and Rwanda next week, the ministry said."
        ),
        "visit",
    )
    assert found and found[0]["traveler"] == "Lars Berg"
    assert set(found[0]["places"]) == {"Kenya", "Uganda", "Rwanda"}
    assert found[0]["when"] == "next week"


def test_visit_by_arrival_and_being_there(facts) -> None:
    found = of_type(
        facts(
            "Trade Commissioner Petra Lind arrived in Hanoi on Monday. Earlier, CIA Director "
            "Mark Hale was in Doha and adviser Sam Ortiz was in Cairo."
        ),
        "visit",
    )
    pairs = {(f["traveler"], p) for f in found for p in f["places"]}
    assert ("Petra Lind", "Hanoi") in pairs
    assert ("Mark Hale", "Doha") in pairs
    assert ("Sam Ortiz", "Cairo") in pairs


def test_place_inside_a_title_is_no_destination(facts) -> None:
    found = of_type(
        facts("Earlier this week, his top Middle East adviser Brett Cole was in Amman."),
        "visit",
    )
    assert [(f["traveler"], f["places"]) for f in found] == [("Brett Cole", ["Amman"])]


def test_going_home_is_not_a_visit(facts) -> None:
    found = of_type(
        facts(
            "Foreign Minister Ivan Petrov met Premier Kim Ho in Pyongyang "
            "before flying back to Moscow."
        ),
        "visit",
    )
    places = {p for f in found for p in f["places"]}
    assert "Moscow" not in places


def test_organisation_does_not_travel(facts) -> None:
    found = facts("Hamas's delegation travelled to Cairo, and the IMF will send a team to Kyiv.")
    assert of_type(found, "visit") == []


# ---- roles -----------------------------------------------------------------------------


def test_roles_before_names_and_in_apposition(facts) -> None:
    found = of_type(
        facts(
            "State Department spokeswoman Karen Ruiz said talks would resume. "
            "Omar Said, the leader of the opposition bloc, rejected the plan, while "
            "Ghana's finance minister, Kofi Mensah, welcomed it."
        ),
        "role",
    )
    got = {(f["person"], f["title"]) for f in found}
    assert ("Karen Ruiz", "State Department spokeswoman") in got
    assert ("Omar Said", "leader of the opposition bloc") in got
    assert ("Kofi Mensah", "Ghana's finance minister") in got


def test_hyphenated_and_lower_case_title_words_are_kept(facts) -> None:
    """ "vice-president" is not "president"; "opposition leader" is not just "leader"."""
    found = of_type(
        facts(
            "Maria Lund met Paul Okoro, the central bank's vice-president, on Monday. "
            "The deputy-mayor, Tom Reed, agreed. "
            "Police would not let the opposition leader Rosa Amado speak, and the health "
            "minister Ana Lopes declined to comment."
        ),
        "role",
    )
    got = {(f["person"], f["title"]) for f in found}
    assert ("Paul Okoro", "central bank's vice-president") in got
    assert ("Tom Reed", "deputy-mayor") in got
    assert ("Rosa Amado", "opposition leader") in got
    assert ("Ana Lopes", "health minister") in got
    assert not any(t in ("president", "mayor", "leader", "minister") for _, t in got)


def test_a_nationality_in_a_title_reference_must_match(facts) -> None:
    """ "the Portuguese leader" is not the host country's president, who was named last."""
    found = facts(
        "Portuguese President Rui Sequeira flew into Chisinau on Tuesday. "
        "At the palace, Moldovan President Ana Rusu received him with a military ceremony. "
        "On Wednesday the Portuguese leader flew on to Bucharest."
    )
    visits = {(f["traveler"], tuple(f["places"])) for f in of_type(found, "visit")}
    assert ("Ana Rusu", ("Bucharest",)) not in visits
    assert ("Rui Sequeira", ("Bucharest",)) in visits


def test_leading_a_delegation_is_not_a_title(facts) -> None:
    found = facts(
        "Brazil's farm minister, Tiago Costa Lima, arrived in Cairo on Tuesday. "
        "Mr Costa Lima, who is leading a delegation of 120 companies, met with Hisham Mansour. "
        "Sara Dubois, who leads the Liberal Party, was not there."
    )
    got = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert not any("delegation" in t for _, t in got)
    assert ("Sara Dubois", "leader of the Liberal Party") in got


def test_a_ranked_name_the_model_calls_an_organisation_is_kept_whole(facts) -> None:
    found = facts(
        "Canadian Defence Minister Elise Tremblay flew to Riga on Monday. In Vilnius on "
        "Thursday she will be hosted by General Vytautas Žukauskas, Lithuania's chief of defence."
    )
    people = {p for f in of_type(found, "meeting") for p in f["participants"]}
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert "Vytautas" not in people
    assert ("Vytautas Žukauskas", "Lithuania's chief of defence") in roles


def test_a_visit_that_had_been_expected_did_not_happen(facts) -> None:
    found = facts(
        "Japan's special envoy, Sato Akiko, had been expected in Suva, but she stayed in "
        "Tokyo for budget talks. Foreign Minister Ana Ruiz is expected to visit Quito next week."
    )
    places = {p for f in of_type(found, "visit") for p in f["places"]}
    assert "Suva" not in places
    assert "Quito" in places  # a plan still standing is a fact of the article


def test_touring_something_in_a_place_is_a_visit_there(facts) -> None:
    found = facts(
        "WHO chief Tedros Ghebreyesus arrived in Sudan on Monday. Accompanied by Dr Rahel "
        "Tesfaye, he toured a treatment centre in Kassala. In May he visited in person."
    )
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert ("Tedros Ghebreyesus", "Kassala") in visits
    assert not any(p == "May" for _, p in visits)


def test_flying_on_to_a_place_is_a_visit(facts) -> None:
    found = facts(
        "Sheikh Rashid bin Hamdan Al Nuaimi arrived in Aberdeen on Monday. "
        "Sheikh Rashid flies on to Stavanger, on Norway's west coast, on Friday, before "
        "returning home to Ajman at the weekend."
    )
    visits = {p for f in of_type(found, "visit") for p in f["places"]}
    assert "Stavanger" in visits and "Ajman" not in visits


def test_titles_through_long_phrases_and_relative_clauses(facts) -> None:
    found = facts(
        "Brazil's agriculture minister, Carlos Lima, flew to Cairo. Brazil's special envoy "
        "for the Middle East, Paulo Rezende Matos, stayed in Brasília. "
        "David Pryce, the former England captain who was named the ICC's general manager of "
        "cricket last year, travelled with her. She had lunch with Sir Callum Drysdale, the "
        "former oil minister who now chairs the Aberdeen Harbour Board."
    )
    got = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Paulo Rezende Matos", "Brazil's special envoy for the Middle East") in got
    assert ("David Pryce", "ICC's general manager of cricket") in got
    assert ("Callum Drysdale", "chair of the Aberdeen Harbour Board") in got
    assert not any("captain" in t or "oil minister" in t for _, t in got)  # former titles


def test_touching_down_is_arriving(facts) -> None:
    found = facts(
        "Chinese Vice-Premier Zhou Lanfang arrived on Sunday. Ms Zhou touched down in Kuala "
        "Lumpur late last night. Foreign Minister Ana Ruiz touched on the crisis in Lima "
        "during her speech on Monday evening."
    )
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert ("Zhou Lanfang", "Kuala Lumpur") in visits
    assert not any(p == "Lima" for _, p in visits)


def test_what_did_not_happen_or_is_not_a_stop(facts) -> None:
    """Cancelled trips, hypotheses, places that only say where another place is, an
    interview, a past leadership and a "three-way" session give no fact."""
    found = facts(
        "Foreign Minister Dawit Alemu had been due to join a three-way session but cancelled "
        "his trip to Nairobi. President Ernesto Quiroga has cancelled his trip to Asuncion. "
        "UCI official Moussa Ndiaye also spent a morning in Huye, in the Southern Province. "
        "Health minister Rosa Quispe is in Pucallpa, in neighbouring Ucayali, on Friday. "
        "If he went to Beira tomorrow, he would see a city at work, Mr Ndiaye said. "
        "She spoke to our correspondent Kari Dahl. Bill Cosgrove, who led the city's first "
        "trade mission to Hanoi in 2012, was there."
    )
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert ("Moussa Ndiaye", "Huye") in visits
    assert ("Rosa Quispe", "Pucallpa") in visits
    places = {p for _, p in visits}
    assert not places & {"Nairobi", "Asuncion", "the Southern Province", "Ucayali", "Beira"}
    assert of_type(found, "meeting") == []
    assert not any(f["person"] == "Bill Cosgrove" for f in of_type(found, "role"))
    assert not any(f.get("unit") == "way" for f in of_type(found, "quantity"))


def test_the_leader_of_a_delegation_travels_with_it(facts) -> None:
    found = facts(
        "A delegation of 31 Basque companies led by the regional economy minister, Iñaki "
        "Etxeberria, arrived in Busan on Monday. Mr Etxeberria spent two days in Seoul and "
        "leads the group to Ulsan on Friday. The talks led to a deal."
    )
    places = {
        p
        for f in of_type(found, "visit")
        for p in f["places"]
        if f["traveler"] == "Iñaki Etxeberria"
    }
    assert {"Busan", "Seoul", "Ulsan"} <= places


def test_who_is_said_of_people(facts) -> None:
    """The model calls "Jean-Paul Habimana" an organisation; "who" says otherwise."""
    found = facts(
        "UCI official Moussa Ndiaye arrived in Kigali on Monday. He then sat down with "
        "Jean-Paul Habimana, who serves as chair of the local organising committee. "
        "Later he met officials of Banco Santander, who said a loan was close."
    )
    pairs = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert pairs == {frozenset({"Moussa Ndiaye", "Jean-Paul Habimana"})}
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Jean-Paul Habimana", "chair of the local organising committee") in roles


def test_a_building_where_people_met_is_not_a_visited_place(facts) -> None:
    found = facts(
        "Vietnam's ambassador, Nguyen Thu Hang, arrived in Hull on Thursday. Ms Hang was "
        "welcomed at the Guildhall by the Lord Mayor of Hull, Councillor Denise Atherton."
    )
    places = {p for f in of_type(found, "visit") for p in f["places"]}
    assert "Hull" in places and "Guildhall" not in places
    [meeting] = of_type(found, "meeting")
    assert set(meeting["participants"]) == {"Nguyen Thu Hang", "Denise Atherton"}


def test_a_long_title_with_an_acronym_before_the_name(facts) -> None:
    found = facts(
        "The Deputy Executive Director of the World Food Programme (WFP), Hessa bint Khalid "
        "Al-Mansoori, wrapped up a four-day mission to Yemen on Monday."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert any(
        p == "Hessa bint Khalid Al-Mansoori" and t.startswith("Deputy Executive Director")
        for p, t in roles
    )


def test_wishes_cancellations_and_past_titles(facts) -> None:
    found = facts(
        "Turkish Foreign Minister Aylin Karaca flew to Baku on Monday. Some of her allies "
        "want her to visit Washington before the summit, but no trip has been scheduled. "
        "Interior minister Ramesh Khadka had been due to leave for talks in Tehran the same "
        "day but cancelled the trip. In March she named Selin Basaran, until then her "
        "spokeswoman, as special envoy for the Caucasus."
    )
    places = {p for f in of_type(found, "visit") for p in f["places"]}
    assert "Baku" in places and not places & {"Washington", "Tehran"}
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Selin Basaran", "special envoy for the Caucasus") in roles
    assert not any(p == "Selin Basaran" and "spokeswoman" in t for p, t in roles)


def test_role_through_relative_clause(facts) -> None:
    found = of_type(
        facts("Hans Meier, who is the UN special envoy for Libya, flew to Tripoli on Monday."),
        "role",
    )
    assert {(f["person"], f["title"]) for f in found} == {
        ("Hans Meier", "UN special envoy for Libya")
    }


def test_former_title_is_not_a_role(facts) -> None:
    found = of_type(
        facts("Mr Aziz Karimi, 58, a former provincial governor, spoke to reporters on Monday."),
        "role",
    )
    assert found == []


def test_byline_and_photo_credit_are_not_people(facts) -> None:
    found = facts(
        "Prime Minister Sara Holm met President Jon Eide in Oslo on Monday to sign the accord.\n"
        "Photo: AFP/Peter Grant\n"
        "Reporting by Nina Bauer; Editing by Tom Fisk\n"
        "Lena Kurz, with Reuters"
    )
    names = {str(v) for f in found for v in f.to_dict().values()}
    for credit in ("Peter Grant", "Nina Bauer", "Tom Fisk", "Lena Kurz"):
        assert not any(credit in n for n in names)


# ---- references ---------------------------------------------------------------------------


def test_title_reference_resolves_to_the_holder(facts) -> None:
    found = of_type(
        facts(
            "US Secretary of State Dana Holt will travel to Asia on Sunday. "
            "The top U.S. diplomat's trip is her third to the region this year."
        ),
        "trip",
    )
    assert [(f["traveler"], f["ordinal"]) for f in found] == [("Dana Holt", 3)]


def test_surname_and_honorific_resolve_to_full_name(facts) -> None:
    found = of_type(
        facts(
            "Finance Minister Chloe Martin will attend the summit. "
            "Ms Martin is also expected to visit Lisbon on Thursday."
        ),
        "visit",
    )
    assert [(f["traveler"], f["places"]) for f in found] == [("Chloe Martin", ["Lisbon"])]


# ---- figures -----------------------------------------------------------------------------


def test_terms_of_a_ceasefire(facts) -> None:
    found = facts(
        "The mediators proposed a six-week truce under which 33 hostages would be freed in "
        "exchange for about 1,900 prisoners, in a three-phase plan."
    )
    numbers = {(f.to_dict()["value"], f.type) for f in found if f.type in ("term", "quantity")}
    assert (6, "term") in numbers
    assert (33, "term") in numbers
    assert (1900, "term") in numbers
    assert (3, "term") in numbers


def test_quantities_in_news_forms(facts) -> None:
    found = facts(
        "More than 36,600 people have been killed, officials said. At least 1.200 soldiers "
        "were wounded and two Russian women were abducted. The donors pledged $1.5 billion."
    )
    values = {f.to_dict()["value"] for f in found if f.type in ("term", "quantity")}
    assert {36600, 1200, 2, 1500000000} <= values


def test_dates_times_years_and_identifiers_are_not_figures(facts) -> None:
    found = facts(
        "On October 7, 2023, at 4 a.m., the G20 met in Rome to discuss Resolution 2334, "
        "which was adopted in 2016, and the two leaders spoke for the first time."
    )
    assert [f for f in found if f.type in ("term", "quantity")] == []


def test_duplicate_statements_give_one_fact(facts) -> None:
    found = facts(
        "Mr Joe Park, the defence minister, met General Ali Reza. "
        "Defence Minister Joe Park met General Ali Reza again on Friday."
    )
    meetings = of_type(found, "meeting")
    assert len(meetings) == 1


def test_casualties_beside_a_ceasefire_are_not_its_terms(facts) -> None:
    found = facts(
        "The envoy flew to Aden seeking to turn a fragile 72-hour truce into a lasting ceasefire, "
        "after a week of fighting that killed at least 130 people."
    )
    kinds = {f.to_dict()["value"]: f.type for f in found if f.type in ("term", "quantity")}
    assert kinds == {72: "term", 130: "quantity"}


def test_pledged_release_after_a_deal_is_a_term(facts) -> None:
    found = facts(
        "The two sides agreed a prisoner exchange on Monday. "
        "The militia also pledged to release two Italian engineers within a week."
    )
    kinds = {f.to_dict()["value"]: f.type for f in found if f.type in ("term", "quantity")}
    assert kinds.get(2) == "term"


def test_more_ways_news_says_someone_was_somewhere(facts) -> None:
    found = facts(
        "Foreign Minister Ana Costa is expected in Cairo on Monday. "
        "Speaking at a news conference in Amman, Ms Costa said the talks were useful. "
        "Trade Minister Ravi Nair attended the summit in Jakarta."
    )
    pairs = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert {("Ana Costa", "Cairo"), ("Ana Costa", "Amman"), ("Ravi Nair", "Jakarta")} <= pairs


def test_more_ways_news_says_two_people_met(facts) -> None:
    found = facts(
        "Prime Minister Ivo Baric called Chancellor Eva Lind on Sunday. "
        "Mr Baric's meeting with President Omar Said lasted two hours. "
        "Later, Ms Lind and Mr Said shook hands in Vienna."
    )
    pairs = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert frozenset({"Ivo Baric", "Eva Lind"}) in pairs
    assert frozenset({"Ivo Baric", "Omar Said"}) in pairs
    assert frozenset({"Eva Lind", "Omar Said"}) in pairs


def test_calling_something_a_name_is_no_phone_call(facts) -> None:
    found = facts("President Omar Said called Chancellor Eva Lind a reliable partner on Sunday.")
    assert of_type(found, "meeting") == []


def test_trip_counted_as_the_nth_time(facts) -> None:
    found = of_type(
        facts(
            "Secretary of State Dana Holt arrived in Seoul on Monday. "
            "It was the fourth time Ms Holt has visited South Korea since taking office."
        ),
        "trip",
    )
    assert [(f["traveler"], f["ordinal"]) for f in found] == [("Dana Holt", 4)]


def test_roles_by_appointment_and_serving(facts) -> None:
    found = of_type(
        facts(
            "Mr Paul Okoro was appointed finance minister in March. "
            "Sara Berg, who serves as deputy foreign minister, declined to comment."
        ),
        "role",
    )
    got = {(f["person"], f["title"]) for f in found}
    assert ("Paul Okoro", "finance minister") in got
    assert ("Sara Berg", "deputy foreign minister") in got


def test_presence_by_spending_time_inspecting_or_being_carried(facts) -> None:
    found = facts(
        "Commissioner Marta Nowak spent two days in Suva. "
        "Defence Minister Elise Tremblay arrived in Estonia on Monday. "
        "Ms Tremblay inspected Canadian troops in Tartu on Tuesday. "
        "The plane carrying President Ana Rusu landed in Lisbon shortly before noon."
    )
    pairs = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert {("Marta Nowak", "Suva"), ("Elise Tremblay", "Tartu"), ("Ana Rusu", "Lisbon")} <= pairs


def test_more_role_wordings(facts) -> None:
    found = of_type(
        facts(
            "The speaker of the Latvian parliament, Ilze Ozola, welcomed the delegation. "
            "Mark Weber, who commands the multinational brigade, briefed them. "
            "Anna Berg, who was appointed governor of the central bank in April, flew in. "
            "One member, the Green MP Jonas Albrecht, made a side trip to Gyumri."
        ),
        "role",
    )
    got = {(f["person"], f["title"].lower()) for f in found}
    assert ("Ilze Ozola", "speaker of the latvian parliament") in got
    assert ("Mark Weber", "commander of the multinational brigade") in got
    assert any(p == "Anna Berg" and "governor" in t for p, t in got)
    assert any(p == "Jonas Albrecht" and "mp" in t for p, t in got)


# ---- numbers that count nothing ------------------------------------------------------


def test_numbers_inside_names_dates_and_fractions_are_not_quantities(facts) -> None:
    found = facts(
        "Prime Minister Jonas Berg signed the accord at the Group of Seven meeting in Halden. "
        "The Pacific region covers more than two-thirds of the ocean's surface, and three "
        "quarters of its people live on the coast. He toured the islands from 12 to 15 March "
        "2024 and will return on 3 June. About 4,500 fishermen work in the region."
    )
    values = sorted(f["value"] for f in of_type(found, "quantity"))  # type: ignore[type-var]
    assert values == [4500]


# ---- meetings: the members of a group, and "with" on the object ---------------------------


def test_a_meeting_with_officials_including_named_people(facts) -> None:
    found = of_type(
        facts(
            "Foreign Minister Anna Lindqvist met senior Peruvian officials, including "
            "President Elena Ruiz and Prime Minister Carlos Vega, in Lima on Monday."
        ),
        "meeting",
    )
    assert {frozenset(f["participants"]) for f in found} == {  # type: ignore[arg-type]
        frozenset({"Anna Lindqvist", "Elena Ruiz"}),
        frozenset({"Anna Lindqvist", "Carlos Vega"}),
    }


def test_with_hung_on_the_object_of_a_meeting_verb(facts) -> None:
    found = of_type(
        facts(
            "Chancellor Greta Holm discussed trade, energy and migration with President Ivo "
            "Baric during a two-hour session in Zagreb, her office said."
        ),
        "meeting",
    )
    assert [set(f["participants"]) for f in found] == [{"Greta Holm", "Ivo Baric"}]  # type: ignore[arg-type]


# ---- a source that names everyone the fact is about ------------------------------------


def test_the_source_reaches_back_to_the_sentence_that_names_the_guest(facts) -> None:
    text = (
        "Foreign Minister Anna Lindqvist of Sweden arrived in Lima on Sunday. "
        "Deputy Minister Rosa Ferreira welcomed the visiting minister at the airport."
    )
    [meeting] = [f for f in facts(text) if f.type == "meeting"]
    assert set(meeting.participants) == {"Rosa Ferreira", "Anna Lindqvist"}  # type: ignore[attr-defined]
    assert meeting.source.sentence == text
    assert meeting.cue is None or meeting.source.start <= meeting.cue.start


def test_the_source_reaches_one_sentence_back_across_a_paragraph_and_no_further(facts) -> None:
    text = (
        "Foreign Minister Anna Lindqvist of Sweden arrived in Lima on Sunday.\n\n"
        "Deputy Minister Rosa Ferreira welcomed the visiting minister at the airport."
    )
    [meeting] = [f for f in facts(text) if f.type == "meeting"]
    assert meeting.source.sentence == text  # the sentence right before, a paragraph up
    farther = (
        "Foreign Minister Anna Lindqvist of Sweden arrived in Lima on Sunday. The weather "
        "was fine.\n\nDeputy Minister Rosa Ferreira welcomed the visiting minister at "
        "the airport."
    )
    for fact in facts(farther):
        assert "Anna Lindqvist" not in fact.source.sentence or "\n" not in fact.source.sentence


def test_the_person_thanked_for_visiting_is_the_visitor(facts) -> None:
    found = of_type(
        facts(
            "President Ivo Baric received Prime Minister Tomas Varga in Zagreb on Monday. "
            "President Baric thanked the Hungarian prime minister for visiting Croatia."
        ),
        "visit",
    )
    assert ("Ivo Baric", ["Croatia"]) not in [(f["traveler"], f["places"]) for f in found]


def test_a_day_in_brackets_after_a_weekday_is_a_date(facts) -> None:
    found = facts(
        "President Elena Ruiz meets today (23) with Chancellor Greta Holm in Lima. "
        "On Wednesday (25), she will travel to Quito, where 1,300 police are on duty."
    )
    assert sorted(f.to_dict()["value"] for f in found if f.type == "quantity") == [1300]


def test_lower_case_words_inside_a_title_and_a_list_of_titled_names(facts) -> None:
    found = of_type(
        facts(
            "Deputy regional secretary Davy Thorne welcomed the vote at the plant on Monday. "
            "The delegation included Peru's Minister of Foreign Affairs, Carla Montoya Quispe; "
            "Minister of Defence, Luis Pardo Rivas; and officials of the ministry."
        ),
        "role",
    )
    assert {(f["person"], f["title"]) for f in found} == {
        ("Davy Thorne", "Deputy regional secretary"),
        ("Carla Montoya Quispe", "Peru's Minister of Foreign Affairs"),
        ("Luis Pardo Rivas", "Minister of Defence"),
    }


# ---- first person: quotes and transcripts ---------------------------------------------


def test_i_in_a_quote_is_the_person_the_words_are_given_to(facts) -> None:
    found = facts(
        "Foreign Minister Ana Rios spoke to reporters in Zagreb on Monday. "
        '"I met President Ivo Baric this morning and we agreed on the plan," she said.'
    )
    [meeting] = of_type(found, "meeting")
    assert set(meeting["participants"]) == {"Ana Rios", "Ivo Baric"}  # type: ignore[arg-type]
    visits = of_type(
        facts('"I will travel to Oslo next week," Chancellor Greta Holm told reporters.'), "visit"
    )
    assert [(v["traveler"], v["places"]) for v in visits] == [("Greta Holm", ["Oslo"])]


def test_a_transcript_speaks_through_its_labels(facts) -> None:
    found = facts(
        "LEILA MARAN, PRIME MINISTER OF TONGA: It is an honour to welcome our friend today.\n"
        "OSKAR VANE, PRIME MINISTER OF NORWAY: Thank you. I travelled to Nuku'alofa to meet "
        "the people of Tonga, and I met King Tupou Lavaka this morning.\n"
        "PRIME MINISTER MARAN: We are grateful."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Oskar Vane", "Prime Minister of Norway") in roles
    assert {t for p, t in roles if p == "Leila Maran"} <= {
        "Prime Minister of Tonga",
        "Prime Minister",
    }
    assert any(p == "Leila Maran" for p, _ in roles)
    meetings = [set(f["participants"]) for f in of_type(found, "meeting")]  # type: ignore[arg-type]
    assert {"Oskar Vane", "Tupou Lavaka"} in meetings
    # the capitals are read as names, not as places or organisations
    assert not [f for f in of_type(found, "visit") if f["traveler"] == "LEILA MARAN"]


def test_a_single_capitalised_dateline_is_no_speaker_label(facts) -> None:
    found = facts(
        "NEW DELHI: Prime Minister Arun Mehta will visit Bhutan on Saturday. "
        "I am told the visit will last two days, a correspondent wrote."
    )
    assert [(v["traveler"], v["places"]) for v in of_type(found, "visit")] == [
        ("Arun Mehta", ["Bhutan"])
    ]


def test_a_counterpart_is_named_after_the_resolved_possessor(facts) -> None:
    found = of_type(
        facts(
            "President Alberto Ruiz of Peru arrived in Berlin on Monday. He will travel on "
            "Friday to Paris to meet his French counterpart, Emmanuel Moreau."
        ),
        "role",
    )
    assert ("Emmanuel Moreau", "Alberto Ruiz's French counterpart") in {
        (f["person"], f["title"]) for f in found
    }


# ---- precision traps from wire copy -----------------------------------------------------


def test_wire_copy_furniture_gives_no_facts(facts) -> None:
    found = facts(
        "OSLO, Aug. 23 (Xinhua) -- President of Peru Alberto Ruiz visited Norway on Saturday "
        "and held talks with Prime Minister Jonas Berg. He will leave on Sunday. -0-"
    )
    people = {f.to_dict().get("person") for f in found} | {
        f.to_dict().get("traveler") for f in found
    }
    assert "Aug." not in people
    assert not [f for f in found if f.type in ("term", "quantity")]


def test_numbered_points_are_not_counts(facts) -> None:
    found = facts(
        "The two sides agreed a ceasefire on Friday.\n"
        "2. Military units shall stop at the contact line.\n"
        "3. Heavy weapons shall be pulled back 15 kilometres within 24 hours."
    )
    values = sorted(f.to_dict()["value"] for f in found if f.type in ("term", "quantity"))
    assert 2 not in values and 3 not in values


def test_a_list_of_titled_names_gives_each_title_to_its_own_name(facts) -> None:
    found = of_type(
        facts(
            "The meeting was attended by the Vice-President, Tomas Nguema Ela, the Minister "
            "for Foreign Affairs, Simon Oyono Asumu, and the Minister of the Presidency, Juan "
            "Bibang Ndong, in addition to diplomats."
        ),
        "role",
    )
    pairs = {(f["person"], f["title"]) for f in found}
    assert ("Tomas Nguema Ela", "Minister for Foreign Affairs") not in pairs
    assert ("Simon Oyono Asumu", "Minister for Foreign Affairs") in pairs


def test_the_topic_of_a_speech_is_not_a_place_visited(facts) -> None:
    found = of_type(
        facts(
            "Vice-President Mark Dale arrived in Bogota on Sunday. "
            "He will address the crisis in Venezuela and the trade dispute in Asia."
        ),
        "visit",
    )
    places = {p for f in found for p in f["places"]}  # type: ignore[attr-defined]
    assert places == {"Bogota"}


def test_he_after_an_unnamed_subject_is_not_the_person_in_the_object(facts) -> None:
    found = of_type(
        facts(
            "The Minister of State will first visit Zanzibar, where he is expected to call on "
            "President Hamisi Juma. He will then travel to Dodoma for talks."
        ),
        "visit",
    )
    assert not [f for f in found if f["traveler"] == "Hamisi Juma"]


def test_going_home_is_no_visit_and_a_two_part_country_is_one_place(facts) -> None:
    found = of_type(
        facts(
            "Japan's Foreign Minister Aiko Tanaka arrived in Nepal on Sunday for talks. "
            "Ms Tanaka will leave for Tokyo on Monday night. President Li Wen of China "
            "toured Trinidad and Tobago and Costa Rica last week before he returned to Beijing."
        ),
        "visit",
    )
    pairs = {(f["traveler"], p) for f in found for p in f["places"]}  # type: ignore[attr-defined]
    assert ("Aiko Tanaka", "Nepal") in pairs
    assert ("Aiko Tanaka", "Tokyo") not in pairs and ("Li Wen", "Beijing") not in pairs
    assert ("Li Wen", "Trinidad and Tobago") in pairs and ("Li Wen", "Tobago") not in pairs


def test_a_family_name_the_model_calls_a_place_is_the_person(facts) -> None:
    found = facts(
        "Visiting Minister for Foreign Affairs of Japan, Kamikawa Yoko, held talks on Sunday. "
        "Kamikawa arrived in Nepal on Sunday noon, and Kamikawa left on Monday."
    )
    visits = of_type(found, "visit")
    assert ("Kamikawa Yoko", ["Nepal"]) in [(v["traveler"], v["places"]) for v in visits]


def test_a_title_in_an_object_is_no_place_and_an_alias_in_brackets_no_person(facts) -> None:
    found = facts(
        "Prime Minister Jonas Berg left Oslo on his way to visit the President of Chile. "
        "He will call on Chief of Army Staff (COAS) General Rafael Ortiz."
    )
    places = {p for f in of_type(found, "visit") for p in f["places"]}  # type: ignore[attr-defined]
    assert "President" not in places
    assert "Army Staff" not in {f["person"] for f in of_type(found, "role")}


def test_a_meeting_in_the_speaker_s_own_quote_and_a_trip_since_an_event(facts) -> None:
    found = facts(
        '"In a constructive meeting with Prime Minister Jonas Berg today, he confirmed to me '
        'that the talks will go on," Secretary Paul Hardy wrote on social media. '
        "Foreign Minister Ana Rios made her first visit to Chile since taking office last year."
    )
    assert [set(f["participants"]) for f in of_type(found, "meeting")] == [  # type: ignore[arg-type]
        {"Paul Hardy", "Jonas Berg"}
    ]
    [trip] = of_type(found, "trip")
    assert (trip["traveler"], trip["ordinal"], trip["since"]) == (
        "Ana Rios",
        1,
        "taking office",
    )


def test_meetings_still_ahead_are_planned(facts) -> None:
    [meeting] = [
        f
        for f in facts(
            "Chancellor Greta Holm arrived in Cairo on Monday ahead of meetings with President "
            "Omar Haddad."
        )
        if f.type == "meeting"
    ]
    assert meeting.planned and set(meeting.participants) == {"Greta Holm", "Omar Haddad"}  # type: ignore[attr-defined]


def test_titles_by_installation_becoming_and_in_lower_case(facts) -> None:
    found = of_type(
        facts(
            "The rebels later installed Michel Dotoma, a teacher, as interim president. "
            "The visit is the first since Ebrahim Rasouli became Iran's new president. "
            "The president's chief of staff Andriy Melnyk joined the talks in Kyiv, and "
            "legislator Lee Cheuk-wan told the strikers the deal was good."
        ),
        "role",
    )
    assert {(f["person"], f["title"]) for f in found} >= {
        ("Michel Dotoma", "interim president"),
        ("Ebrahim Rasouli", "Iran's new president"),
        ("Andriy Melnyk", "chief of staff"),
        ("Lee Cheuk-wan", "legislator"),
    }


def test_counterparts_continuing_titles_and_elided_ordinals(facts) -> None:
    found = facts(
        "Prime Minister Tom Albanez arrived in Madrid on Monday. Mr Albanez will meet "
        "Spanish counterpart Pedro Salas on Tuesday. The club confirmed that Ruud van Dalen "
        "will continue as interim manager. It is his first trip to Spain since his victory in "
        "the spring, and his second overall. It is also the second time he met the king."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Pedro Salas", "Tom Albanez's Spanish counterpart") in roles
    assert ("Ruud van Dalen", "interim manager") in roles
    trips = {(f["ordinal"], f["since"]) for f in of_type(found, "trip")}
    assert trips == {(1, "his victory"), (2, None)}


def test_figures_with_a_currency_glued_to_the_number(facts) -> None:
    found = facts(
        "Strikers voted to accept the latest offer of a daily wage of HK$900 for eight hours "
        "of work under the deal. The government said it would offer an aid package of R120 "
        "million to the farmers."
    )
    money = {
        (f.to_dict()["value"], f.to_dict()["unit"]) for f in found if f.type in ("term", "quantity")
    }
    assert (900, "Hong Kong dollars") in money
    assert any(v == 120_000_000 and "rand" in str(u) for v, u in money)


def test_durations_inside_a_longer_date_phrase(facts) -> None:
    found = facts(
        "The talks aimed to bring an end to two years of fighting in the region, officials "
        "said on Monday. The past 22 years of relations have been calm. Over the past year the "
        "two sides met often."
    )
    values = sorted(f.to_dict()["value"] for f in found if f.type in ("term", "quantity"))
    assert values == [2, 22]


def test_a_place_a_truce_or_war_is_about_is_no_destination(facts) -> None:
    found = facts(
        "Mirela Dragan told President Tomas Ivanek during the ceremony of signing an "
        "agreement on a truce in Valdoria that the fighting was over. Later, Ms Dragan "
        "travelled to Vienna."
    )
    visits = {(f["traveler"], tuple(f["places"])) for f in of_type(found, "visit")}
    assert visits == {("Mirela Dragan", ("Vienna",))}


def test_joint_subjects_with_long_titles_meet(facts) -> None:
    found = facts(
        "Deputy Prime Minister and Minister for Foreign Affairs Arjun Thapa Magar and "
        "visiting Minister for Foreign Affairs of Japan, Sato Haruka, held bilateral talks "
        "on Sunday. Thapa Magar said the talks went well."
    )
    meetings = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert frozenset({"Arjun Thapa Magar", "Sato Haruka"}) in meetings
    people = {f["person"] for f in of_type(found, "role")}
    assert not any(p.startswith("Affairs") for p in people)


def test_two_subjects_the_parser_split_both_take_part(facts) -> None:
    found = facts(
        "Foreign Minister Arjun Thapa Magar and visiting Japanese Foreign Minister Sato "
        "Haruka held bilateral talks on Sunday."
    )
    meetings = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert meetings == {frozenset({"Arjun Thapa Magar", "Sato Haruka"})}


def test_a_shared_surname_is_the_person_the_story_names_most(facts) -> None:
    found = facts(
        "Foreign Minister Chen Bao will travel to the Pacific this week. Chen will begin "
        "his trip in Fiji on Thursday before visiting Samoa and Tonga. Foreign Ministry "
        "spokesman Chen Lin said on Tuesday that the tour would last ten days."
    )
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert {("Chen Bao", "Samoa"), ("Chen Bao", "Tonga")} <= visits
    assert not any(t == "Chen Lin" for t, _ in visits)


def test_countries_the_model_merges_into_one_name_are_each_a_stop(facts) -> None:
    found = facts(
        "Foreign Minister Lea Novak will begin her tour in Fiji on Thursday before visiting "
        "Kiribati, Samoa, Tonga, Vanuatu, Papua New Guinea and East Timor during a ten-day tour."
    )
    places = {p for f in of_type(found, "visit") for p in f["places"]}
    assert {"Vanuatu", "Papua New Guinea", "Samoa"} <= places


def test_a_figure_that_values_a_noun_names_the_noun(facts) -> None:
    found = facts(
        "Tariffs will go from day one on most goods, including exports such as timber valued "
        "at $52.5 million, and sheep meat valued at $36.2 million will follow later."
    )
    texts = {f.to_dict()["value"]: f.to_dict()["text"] for f in found if f.type == "quantity"}
    assert "timber" in texts[52_500_000] and "sheep meat" in texts[36_200_000]


def test_an_office_of_a_country_before_a_name_without_a_comma(facts) -> None:
    found = facts(
        "On 19 May, President of Chile Tarek Valdsson had talks in Santiago with the "
        "President of the Kestrian Republic Omar Belkadi about trade."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Omar Belkadi", "President of the Kestrian Republic") in roles
    people = {p for f in of_type(found, "meeting") for p in f["participants"]}
    assert "Omar Belkadi" in people


def test_a_country_before_a_name_is_not_part_of_it(facts) -> None:
    found = facts(
        "President of Iceland Gudni Sveinsson and his wife will visit Finland on 31 May, the "
        "office said. The chief executive of Korea Hydro Metals, Kwon Min-su, stayed in Seoul."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Gudni Sveinsson", "President of Iceland") in roles
    assert not any(p.startswith(("Iceland", "Hydro")) for p, _ in roles)


def test_initials_in_brackets_stand_for_the_person(facts) -> None:
    found = facts(
        "Gambia's President Kofi Mensah and Senegal's Amadou Moussa Traore (AMT) pledged to "
        "keep the joint council. This was AMT's first working visit to Banjul and his second "
        "overseas visit since taking office."
    )
    trips = {(f["traveler"], f["ordinal"], f["destination"]) for f in of_type(found, "trip")}
    assert ("Amadou Moussa Traore", 1, "Banjul") in trips
    visits = {(f["traveler"], tuple(f["places"])) for f in of_type(found, "visit")}
    assert ("Amadou Moussa Traore", ("Banjul",)) in visits
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    # the first president's title is not the second person's
    assert not any(p == "Amadou Moussa Traore" for p, _ in roles)


def test_a_guest_received_by_a_host_of_another_country_visits_it(facts) -> None:
    found = facts(
        "The President of Chile, Mateo Rojas, was received on Wednesday by his Mexican "
        "counterpart, Andrés Ortega Vidal, for an official working visit at the palace."
    )
    visits = {(f["traveler"], tuple(f["places"])) for f in of_type(found, "visit")}
    assert ("Mateo Rojas", ("Mexico",)) in visits


def test_arriving_and_meeting_a_host_of_another_country_is_a_visit_there(facts) -> None:
    found = facts(
        "The deals were announced a day after Oman's Sultan Haitham bin Saeed arrived for a "
        "two-day state visit and met with UAE President Sheikh Khalid bin Zayed Al Nahyan."
    )
    visits = {(f["traveler"], tuple(f["places"])) for f in of_type(found, "visit")}
    assert ("Haitham bin Saeed", ("United Arab Emirates",)) in visits


def test_a_host_of_the_same_or_an_unknown_country_gives_no_visit(facts) -> None:
    found = facts(
        "Mexican Finance Minister Rosa Icela Vidal was received on Monday by her Mexican "
        "colleague, President Andrés Ortega Vidal. Later, Lea Novak was received by President "
        "Andrés Ortega Vidal, officials said."
    )
    assert of_type(found, "visit") == []


def test_nationalities_name_their_country() -> None:
    from question_bank.gazetteer import country_of_word

    assert country_of_word("Mexican") == "Mexico"
    assert country_of_word("Icelandic") == "Iceland"
    assert country_of_word("UAE") == "United Arab Emirates"
    assert country_of_word("Korean") is None  # two Koreas
    assert country_of_word("Finance") is None
    # stems the rule misses ("Slovak") or finds in several countries ("Malawian")
    assert country_of_word("Slovak") == "Slovakia"
    assert country_of_word("Malawian") == "Malawi"
    assert country_of_word("Uzbek") == "Uzbekistan"


def test_the_capital_of_a_named_nationality_is_its_city(facts) -> None:
    found = facts(
        "Tomas Varga, the Slovak Foreign Minister, and his Malian counterpart, Issa Dembele, "
        "held talks at a hotel on the edge of the Malian capital on Monday. Envoy Jana Kral "
        "made her second visit to the Austrian capital this year. The Kenyan capital, "
        "Nairobi, hosted Ana Ruiz, the Chilean Foreign Minister, on Friday."
    )
    meetings = {(frozenset(f["participants"]), f["place"]) for f in of_type(found, "meeting")}
    assert (frozenset({"Tomas Varga", "Issa Dembele"}), "Bamako") in meetings
    visits = {(f["traveler"], tuple(f["places"])) for f in of_type(found, "visit")}
    assert ("Tomas Varga", ("Bamako",)) in visits  # the Slovak, not the Malian host
    assert ("Jana Kral", ("Vienna",)) in visits
    assert not any(t == "Issa Dembele" for t, _ in visits)


def test_a_counterpart_named_after_the_word_is_met(facts) -> None:
    found = facts(
        "Foreign Minister Lea Novak will travel to Norway on Monday. The minister is due to "
        "land in Oslo at noon for the visit, during which she will hold a series of talks "
        "with the Norwegian leadership, including her counterpart Erik Lunde."
    )
    meetings = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert frozenset({"Lea Novak", "Erik Lunde"}) in meetings


def test_a_title_after_counterpart_is_no_name(facts) -> None:
    found = facts(
        "Deputy President Tomas Ivanek will host his Cuban counterpart, Vice President of "
        "the Council of State Rafael Ortiz Mena, for talks in Pretoria on Wednesday."
    )
    people = {p for f in of_type(found, "meeting") for p in f["participants"]}
    assert "Vice President" not in people
    assert "Tomas Ivanek" in people


def test_a_hyphenated_country_is_one_place_and_a_hyphenated_pair_none(facts) -> None:
    found = facts(
        "On this first official visit to Guinea-Bissau, Minister Lea Novak held talks with "
        "Foreign Minister Omar Said. The US-China talks in Geneva went well, Ms Novak said "
        "after she flew to Geneva."
    )
    places = {p for f in of_type(found, "visit") for p in f["places"]}
    assert "Guinea-Bissau" in places
    assert not places & {"Guinea", "Bissau", "US", "China"}


def test_the_prime_minister_is_not_the_foreign_minister(facts) -> None:
    found = facts(
        "Japanese Foreign Minister Kenji Sato arrived in Tehran on Sunday for talks. The "
        "two-day visit is the first since the Japanese prime minister visited Iran in 2019."
    )
    visits = {(f["traveler"], f["when"]) for f in of_type(found, "visit")}
    assert ("Kenji Sato", "in 2019") not in visits and ("Kenji Sato", "on 2019") not in visits
    assert any(t == "Kenji Sato" for t, _ in visits)


def test_a_sum_converted_in_brackets_is_one_figure(facts) -> None:
    found = facts(
        "Trade deals worth £4 billion (5.6 billion euros, $6.1 billion) will be announced "
        "during the visit, the minister said. The fund will get $5 million next year."
    )
    values = sorted(f.to_dict()["value"] for f in found if f.type in ("term", "quantity"))
    assert values == [5_000_000, 4_000_000_000]


def test_a_list_of_places_goes_on_past_a_bracketed_aside(facts) -> None:
    found = facts(
        "She took office in May; since then Lea Novak has visited Kenya, Uganda, Rwanda (for "
        "2019 EAC Summit) and Ghana (for 2019 AU Summit)."
    )
    places = {p for f in of_type(found, "visit") for p in f["places"]}
    assert {"Kenya", "Rwanda", "Ghana"} <= places


def test_who_serves_is_the_name_right_before_the_verb(facts) -> None:
    found = facts(
        "Riverside Rovers announced the deal on Friday. Rovers, who confirmed Piet van Dam "
        "will continue as interim manager until the new coach arrives, said the move was agreed."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Piet van Dam", "interim manager") in roles
    assert not any(p.endswith("Rovers") for p, _ in roles)


def test_a_figure_in_a_condition_is_not_asked_as_a_count(facts) -> None:
    found = facts(
        "The pact will take effect 60 days after at least six member nations have completed "
        "their domestic procedures, officials said. Four countries have already ratified it."
    )
    asks = {
        f.to_dict()["value"]: getattr(f, "ask", None)
        for f in found
        if f.type in ("term", "quantity")
    }
    assert asks[6] is None  # six must ratify; that six have is not said
    assert asks[4] is not None


def test_offices_with_a_field_after_on_or_a_posting_abroad(facts) -> None:
    found = facts(
        "Lea Novak is leading a delegation, including Planning Minister Omar Said, Adviser on "
        "Commerce Kenji Sato and others. High Commissioner of Pakistan in Malaysia Anna "
        "Lindqvist was also present."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Kenji Sato", "Adviser on Commerce") in roles
    assert ("Anna Lindqvist", "High Commissioner of Pakistan in Malaysia") in roles
    assert not any("Kenji Sato" in t for _, t in roles)


def test_received_someone_in_a_city_places_the_meeting_there(facts) -> None:
    found = facts(
        "Crown Prince Omar Haddad (OmH) has received President Lea Novak in Riyadh as part of a "
        "state visit. Novak was greeted by OmH on Thursday at the palace."
    )
    meetings = {(frozenset(f["participants"]), f["place"]) for f in of_type(found, "meeting")}
    assert (frozenset({"Omar Haddad", "Lea Novak"}), "Riyadh") in meetings
    people = {p for m, _ in meetings for p in m}
    assert "OmH" not in people  # the initials are his


def test_landing_after_coming_home_is_no_visit(facts) -> None:
    found = facts(
        "President Lea Novak returned to the country on Wednesday night following a "
        "three-day official visit to Washington. The plane carrying Novak and her delegation "
        "landed in Zagreb around 10 p.m. Minister Omar Said flies on to Oslo on Friday, "
        "before returning home at the weekend."
    )
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert ("Lea Novak", "Washington") in visits
    assert ("Lea Novak", "Zagreb") not in visits
    assert ("Omar Said", "Oslo") in visits  # the homecoming is told after the stop


def test_a_bodys_initials_and_a_capital_are_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    from question_bank.model import Article
    from question_bank.pipeline import analyse

    text = "Mensah thanked Togo for its support in organizing the OIC Accra summit, Lea Novak said."
    a = analyse(Article(id="x", text=text), nlp=nlp)
    start = text.split().index("OIC")
    assert a._is_place_name("OIC Accra", start)  # what the model may call a person
    assert not a._is_place_name("Lea Novak", len(text.split()) - 3)


def test_an_elect_or_designate_title_before_a_name(facts) -> None:
    found = facts(
        "Chilean President-elect Tomas Ivanek named a former banker his finance minister on "
        "Wednesday, officials said in Santiago."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Tomas Ivanek", "Chilean President-elect") in roles


def test_a_counterpart_named_after_a_comma_whatever_the_parse(facts) -> None:
    # the parser hangs the name on "visited", not on "counterpart"
    found = facts(
        "President Samuel Okoro of Nigeria has visited the Republic of Benin to hold bilateral "
        "talks with his counterpart, President Patrice Talon Houngbedji."
    )
    pairs = [set(f["participants"]) for f in of_type(found, "meeting")]
    assert {"Samuel Okoro", "Patrice Talon Houngbedji"} in pairs
    # a counterpart with a clause of its own is still the same meeting, once
    found = facts("Prime Minister Ivo Baric met his counterpart, Lea Novak, in Zagreb on Monday.")
    assert [f["participants"] for f in of_type(found, "meeting")] == [["Ivo Baric", "Lea Novak"]]


def test_gulf_styles_titles_and_patronymics(facts) -> None:
    found = facts(
        "Qatar's Amir Sheikh Hamad Al-Thani received Foreign Minister Prince Nawaf bin Fahd in "
        "Doha on Monday. Prince Nawaf conveyed the greetings of King Fahd and Crown Prince and "
        "Prime Minister Khalid bin Fahd. The dinner was attended by Omani Ambassador to Qatar "
        "Prince Sultan bin Saad bin Khalid. Later, the Amir and Prince Nawaf held talks."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Hamad Al-Thani", "Amir") in roles  # a ruler's style after the country
    assert ("Khalid bin Fahd", "Crown Prince") in roles  # the first of two joined titles
    assert ("Khalid bin Fahd", "Prime Minister") in roles
    # "bin Fahd" names the father: King Fahd is not the crown prince
    assert not any(p == "Khalid bin Fahd" and t == "King" for p, t in roles)
    # "Sultan" before "bin" is a given name; "to Qatar" is part of the ambassador's title
    assert ("Sultan bin Saad bin Khalid", "Omani Ambassador to Qatar") in roles
    # a prince who holds an office: the office is his title, not "Prince"; and "the Amir
    # and Prince Nawaf" are two people
    nawaf = {t for p, t in roles if p == "Nawaf bin Fahd"}
    assert nawaf == {"Foreign Minister"}


def test_a_host_meeting_a_guest_in_a_city_of_his_own_country_visits_nothing(facts) -> None:
    found = facts(
        "Saudi Crown Prince Khalid bin Fahd met with Chilean President Ana Rojas in Jeddah on "
        "Monday. The Crown Prince welcomed Rojas on her visit to the Kingdom, officials said."
    )
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert any(t == "Ana Rojas" for t, _ in visits)
    assert not any(t == "Khalid bin Fahd" for t, _ in visits)
    assert not any(p.lower().endswith("kingdom") for _, p in visits)  # which kingdom?
    # a minister travelling to a town of her own country does visit it
    found = facts(
        "Peru's Minister of Health Rosa Quispe travelled to Iquitos on Wednesday to meet "
        "doctors at the regional hospital, the ministry said."
    )
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert ("Rosa Quispe", "Iquitos") in visits


def test_emperors_and_a_british_host_and_a_title_held_then(facts) -> None:
    found = facts(
        "Britain's King Edmund and Queen Rosalind welcomed Japan's Emperor Kenji and Empress "
        "Masako at a ceremony on Tuesday. It is the first state visit by a sitting emperor "
        "since then-Emperor Hiroto's in 1998."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert {("Kenji", "Emperor"), ("Masako", "Empress"), ("Edmund", "King")} <= roles
    pairs = [set(f["participants"]) for f in of_type(found, "meeting")]
    assert {"Edmund", "Masako"} in pairs
    # "Britain's King" hosts: the guest is in the United Kingdom
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert ("Kenji", "United Kingdom") in visits


def test_the_president_is_not_the_president_of_a_chamber(facts) -> None:
    found = facts(
        "Ana Lima arrived in Lisbon on Monday and will meet deputy Hugo Mota, president of the "
        "Chamber of Deputies. The Brazilian President visited Angola in August, her first "
        "visit to Africa this year."
    )
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert not any(t == "Hugo Mota" for t, _ in visits)


def test_the_second_day_of_a_date_range_is_no_figure(facts) -> None:
    found = facts(
        "Prime Minister Tomas Varga made his first official visit to Estonia on Jan 8 and 9, "
        "and signed 12 agreements in Tallinn."
    )
    values = {f["value"] for f in of_type(found, "quantity") + of_type(found, "term")}
    assert 9 not in values and 8 not in values
    assert 12 in values


def test_each_with_of_a_meeting_may_have_its_own_place(facts) -> None:
    found = facts(
        "On Friday, Chancellor Greta Holm met with President Ivo Baric in Zagreb and later "
        "with European Union officials in Brussels, her office said."
    )
    places = {
        p for f in of_type(found, "visit") if f["traveler"] == "Greta Holm" for p in f["places"]
    }
    assert {"Zagreb", "Brussels"} <= places


def test_appointments_listed_with_as_pair_each_name_with_its_own_title(facts) -> None:
    found = facts(
        "Foreign Minister Ana Rios also announced career diplomats Paul Rata as High "
        "Commissioner to India, Mark Tain as Ambassador to Russia and David Pino as High "
        "Commissioner to Sri Lanka."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert {
        ("Paul Rata", "High Commissioner to India"),
        ("Mark Tain", "Ambassador to Russia"),
        ("David Pino", "High Commissioner to Sri Lanka"),
    } <= roles
    assert ("Mark Tain", "High Commissioner to India") not in roles


def test_long_patronymic_chains_and_ranks_named_by_number(facts) -> None:
    found = facts(
        "Minister of Energy Prince Abdulaziz bin Salman bin Abdulaziz and Minister of Sports "
        "Prince Abdulaziz bin Turki bin Faisal bin Abdulaziz welcomed the guests. Northwind "
        "will overtake the No. 2 carrier, Bluefin Corp, with roughly 36 million subscribers."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Abdulaziz bin Turki bin Faisal bin Abdulaziz", "Minister of Sports") in roles
    assert ("Abdulaziz bin Salman bin Abdulaziz", "Minister of Sports") not in roles
    values = {f["value"] for f in of_type(found, "quantity")}
    assert 2 not in values and 36000000 in values


def test_a_plural_title_is_held_by_each_name_listed_after_it(facts) -> None:
    found = facts(
        "Among those taking part are Deputy Foreign Ministers Alexandra Papas and Kostas "
        "Frangos. The two Foreign Ministers, George Gerakis of Greece and Hakan Fidel of "
        "Turkey, are also in the meeting."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert {
        ("Alexandra Papas", "Deputy Foreign Minister"),
        ("Kostas Frangos", "Deputy Foreign Minister"),
        ("George Gerakis", "Foreign Minister"),
        ("Hakan Fidel", "Foreign Minister"),
    } <= roles
    assert not any(p.startswith("Foreign") for p, _ in roles)  # no title word in a name


def test_a_title_with_a_chain_of_of_phrases_before_the_name(facts) -> None:
    found = facts(
        "The reception was attended by Director General of the Office of the Minister of "
        "Foreign Affairs Ali Al-Harthy, the ministry said."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert roles == {
        ("Ali Al-Harthy", "Director General of the Office of the Minister of Foreign Affairs")
    }


def test_a_name_as_a_lower_case_title(facts) -> None:
    found = facts(
        "The president suspended Godwin Omefe as CBN governor in June, the spokesman said."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Godwin Omefe", "CBN governor") in roles


def test_a_nationality_and_its_capital_are_one_country_by_the_gazetteer(facts) -> None:
    found = facts(
        "Brazilian President Ana Lima and Chinese President Li Wen signed 15 agreements in "
        "Beijing on Friday, officials said."
    )
    travelers = {f["traveler"] for f in of_type(found, "visit")}
    assert "Ana Lima" in travelers and "Li Wen" not in travelers


def test_the_visiting_dignitary_is_the_traveller(facts) -> None:
    found = facts(
        "Prime Minister Lena Holm of Norway arrived in New Delhi on Monday. She will call on "
        "President Ravi Nair this evening. Foreign Minister Arun Mehta called on the visiting "
        "dignitary yesterday."
    )
    pairs = [set(f["participants"]) for f in of_type(found, "meeting")]
    assert {"Arun Mehta", "Lena Holm"} in pairs
    assert {"Arun Mehta", "Ravi Nair"} not in pairs


def test_the_first_time_the_office_holder_has_left_the_country(facts) -> None:
    found = facts(
        "General Omar Haddad arrived in Cairo on Monday to meet President Ivo Baric, the first "
        "time the head of the ruling council has left the country since the war began in April."
    )
    trips = [(f["traveler"], f["ordinal"], f["destination"]) for f in of_type(found, "trip")]
    assert trips == [("Omar Haddad", 1, None)]


def test_talks_by_phone_or_video_are_no_meeting(facts) -> None:
    for text in (
        "Presidents Ana Lima of Brazil and Rosa Vega of Mexico held a telephone conversation "
        "on Wednesday to discuss trade.",
        "President Ana Lima spoke with President Rosa Vega by telephone on Wednesday to "
        "discuss trade.",
        "President Ana Lima held talks with President Rosa Vega via video link on Wednesday.",
    ):
        assert of_type(facts(text), "meeting") == [], text
    found = facts(
        "President Ana Lima met President Rosa Vega in Lima on Wednesday to discuss trade."
    )
    assert [f["participants"] for f in of_type(found, "meeting")] == [["Ana Lima", "Rosa Vega"]]


def test_a_name_right_before_a_verb_the_parser_left_without_subject(facts) -> None:
    # the parser hangs "Ms Okonkwo-Bello and Mr Adeyemi" on "On Wednesday", not on "made"
    found = facts(
        "The delegation is led by Senator Adaeze Okonkwo-Bello. She was joined by Senator "
        "Oluwaseun Adeyemi, who heads the Senate's power committee.\n\n"
        "On Wednesday Ms Okonkwo-Bello and Mr Adeyemi made the trip to Hamburg, where they were "
        "shown the port's hydrogen terminal and had lunch with the city's First Mayor, Henrik "
        "Petersen."
    )
    travelers = {f["traveler"] for f in of_type(found, "visit") if "Hamburg" in f["places"]}
    assert "Oluwaseun Adeyemi" in travelers


def test_the_head_of_state_and_several_withs_of_one_meeting(facts) -> None:
    found = facts(
        "President Ana Moreira arrived in Lisbon on Monday. The head of state will hold "
        "separate meetings with the president of the Senate, Senator Davi Rocha, then with "
        "deputy Hugo Mota, president of the Chamber, and, finally, with the chief justice, "
        "Minister Luis Barros."
    )
    pairs = [set(f["participants"]) for f in of_type(found, "meeting")]
    for other in ("Davi Rocha", "Hugo Mota"):  # (the third "with" is not read in this parse)
        assert {"Ana Moreira", other} in pairs


def test_clock_times_and_spaced_thousands_in_figures(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "Around 4 pm local time (2100 GMT), the two presidents will hold a joint press "
        "conference on the trade and exchange agreement. Approximately 70 000 workers left "
        "their posts, and the minimum wage was raised to R4 400 under the agreement. The "
        "buyer now offers S$2.351 per share in cash."
    )
    values = {f["value"] for kind in ("term", "quantity") for f in of_type(found, kind)}
    assert {70000, 4400, 2.351} <= values
    assert not values & {4, 2100, 70, 0, 2351}


def test_a_meeting_attended_by_a_list(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "The accord follows a meeting here attended by Lucas Brenner, Kenyan president "
        "William Otieno and Ghana's acting president Ruth Mwangi, amid a long dispute."
    )
    pairs = [set(f["participants"]) for f in of_type(found, "meeting")]
    assert {"Lucas Brenner", "William Otieno"} in pairs
    assert {"Lucas Brenner", "Ruth Mwangi"} in pairs


def test_visiting_a_person_is_a_meeting_and_a_bare_name_may_be_a_town(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "President Kofi Mensah had visited President Lucas Brenner in Abuja last month. "
        "Minister Ruth Mwangi then flew on to Lagos and visited Ikorodu, where many traders "
        "have lost their stalls."
    )
    pairs = [set(f["participants"]) for f in of_type(found, "meeting")]
    assert pairs == [{"Kofi Mensah", "Lucas Brenner"}]
    travellers = {f["traveler"] for f in of_type(found, "visit")}
    assert "Lucas Brenner" not in travellers


def test_a_style_inside_a_ships_name_is_no_person(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "Japan helped evacuate 69 crew members from the Diamond Princess Ship in Yokohama, "
        "the minister said. Princess Anne Windsor visited the hospital in Leeds on Monday."
    )
    people = {f["person"] for f in of_type(found, "role")}
    assert "Ship" not in people and "Anne Windsor" in people


def test_per_share_and_hyphened_names_in_figures(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "The king reaffirmed his support for a two-state solution and a three-way dialogue, "
        "officials said. The buyer will pay $37 per share in cash, a 45 per cent premium."
    )
    figures = [f for kind in ("term", "quantity") for f in of_type(found, kind)]
    assert {f["value"] for f in figures} == {37, 45}
    share = next(f for f in found if f.type in ("term", "quantity") and f.value == 37)
    assert share.cue is not None and share.cue.text == "$37"


def test_a_trip_counted_since_a_clause_keeps_it(facts) -> None:  # type: ignore[no-untyped-def]
    found = facts(
        "The visit was King Hamad's third to the White House since Ruiz took office, making "
        "him her most frequent foreign guest."
    )
    trips = [(f.traveler, f.ordinal, f.since) for f in found if f.type == "trip"]
    assert trips == [("Hamad", 3, "Ruiz took office")]


def test_amounts_glued_to_a_currency_code(facts) -> None:  # type: ignore[no-untyped-def]
    found = facts(
        "The board will recommend a revised merger proposal worth GBP46 billion. The offer "
        "comprises GBP27.26 in new shares and USD2.5bn in cash for each ordinary share."
    )
    values = {(f.value, f.unit.split()[0]) for f in found if f.type in ("term", "quantity")}
    assert {(46e9, "pounds"), (27.26, "pounds"), (2.5e9, "US")} <= values, values


def test_whoever_a_host_meets_at_home_came_from_abroad(facts) -> None:
    """The guest of a meeting in a known place is a visitor there when a title ties the
    guest to another country; an ambassador lives there, and someone of no known country
    may be local."""
    found = facts(
        "Norwegian Prime Minister Erik Lunde met with the new Croatian Foreign Minister Lea "
        "Novak on Friday in Oslo, officials said."
    )
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert visits == {("Lea Novak", "Oslo")}
    found = facts(
        "Norwegian Prime Minister Erik Lunde met with the Croatian ambassador Lea Novak in "
        "Oslo on Friday. Later he met with Tomas Berg in Bergen."
    )
    assert of_type(found, "visit") == []


def test_titles_joined_before_a_name_a_possessor_and_lower_case_offices(facts) -> None:
    found = facts(
        "Chinese State Councilor and Minister of Foreign Affairs Lin Hao is to meet Norwegian "
        "Prime Minister Erik Lunde on Monday. Tomas Berg, the president's special adviser on "
        "trade, said the prime minister also met with external affairs minister S Rao."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Lin Hao", "Chinese State Councilor") in roles
    assert ("Lin Hao", "Minister of Foreign Affairs") in roles
    assert ("S Rao", "external affairs minister") in roles
    assert not any(t.endswith("'s") or t.endswith("’s") for _, t in roles)


def test_a_shrine_visited_and_set_phrases_of_numbers_are_no_facts(facts) -> None:
    found = facts(
        "Prime Minister Lea Novak visited the Karim Shah Dargah, a shrine in the capital, on "
        "Monday. She will hold a four-eyes meeting with the king, and said our two countries "
        "would work together."
    )
    assert of_type(found, "meeting") == []
    assert of_type(found, "quantity") == []


def test_a_pronoun_in_a_participle_clause_is_the_clause_subject_s(facts) -> None:
    found = facts(
        "President Erik Lunde hosted Crown Prince Khalid bin Fahd at the palace on Tuesday. "
        "Making his first visit to Norway in nine years, the crown prince was greeted by Lunde "
        "with a guard of honour."
    )
    trips = {(f["traveler"], f["ordinal"]) for f in of_type(found, "trip")}
    assert trips == {("Khalid bin Fahd", 1)}
    found = facts(
        "The President of Chile, Ana Rojas, arrived on Sunday in Peru, where she will meet "
        "with her Peruvian counterpart Lucia Vargas, being her first official trip abroad."
    )
    trips = {(f["traveler"], f["ordinal"]) for f in of_type(found, "trip")}
    assert trips == {("Ana Rojas", 1)}


def test_he_after_a_sentence_about_someone_s_visit_is_the_visitor(facts) -> None:
    found = facts(
        "Croatian Foreign Minister Lea Novak met President Erik Lunde in Oslo on Monday. "
        "Novak's visit to Norway is part of her three-nation tour of the north. Before "
        "arriving in Norway, she visited Denmark. She is also due to visit Iceland."
    )
    places = {
        p for f in of_type(found, "visit") if f["traveler"] == "Lea Novak" for p in f["places"]
    }
    assert {"Denmark", "Iceland"} <= places


def test_he_beside_a_subject_written_as_title_then_name_is_that_name(facts) -> None:
    found = facts(
        "The President of Chile, Ana Rojas, arrived on Sunday in Peru, where she will meet "
        "with her Peruvian counterpart Lucia Vargas to discuss trade and migration."
    )
    meetings = [set(f["participants"]) for f in of_type(found, "meeting")]
    assert {"Ana Rojas", "Lucia Vargas"} in meetings


def test_an_office_held_before_is_a_role_but_never_the_person_s_title(facts) -> None:
    found = facts(
        "President Ana Rojas met former President Tomas Berg and Erik Lunde, the former "
        "archbishop of Lima, in Santiago on Monday. The president said the talks went well."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Tomas Berg", "former President") in roles
    assert ("Ana Rojas", "President") in roles
    assert not any(t.endswith(" of") or p == "Lima" for p, t in roles)
    # "the president" is still the one who holds the office now
    from question_bank.articles import parse_article
    from question_bank.pipeline import analyse

    text = (
        "President Ana Rojas met former President Tomas Berg in Santiago on Monday. The "
        "president said the talks went well for both of them."
    )
    a = analyse(parse_article(text + "\n", "x", "x"))
    word = next(t for t in a.doc if t.lower_ == "president" and t.i > 10)
    assert a.person_at(word) == "Ana Rojas"


def test_an_age_is_a_figure_asked_in_its_sentence_and_never_part_of_a_title(facts) -> None:
    found = facts(
        "Norwegian Prime Minister Erik Lunde, the 42-year-old leader of the country, met "
        "President Ana Rojas in Oslo on Monday to discuss trade and fishing."
    )
    ages = {(f["value"], f["unit"]) for f in of_type(found, "quantity")}
    assert ages == {(42, "years old")}
    titles = {f["title"] for f in of_type(found, "role") if f["person"] == "Erik Lunde"}
    assert not any("year" in t for t in titles), titles


def test_talks_concluded_with_a_counterpart_named_in_apposition_give_a_place(facts) -> None:
    """The place hangs off the name in apposition; "Hon." does not end the sentence."""
    found = facts(
        "Fiji Prime Minister Hon. Jonas Berg has concluded official talks with his "
        "Moldovan counterpart, Sir Ivo Baric in Port Moresby yesterday. In Australia, Hon. "
        "Berg will meet his Australian counterpart Kevin Marsh on Wednesday."
    )
    meetings = {(tuple(f["participants"]), f["place"]) for f in of_type(found, "meeting")}
    assert (("Jonas Berg", "Ivo Baric"), "Port Moresby") in meetings
    assert (("Jonas Berg", "Kevin Marsh"), "Australia") in meetings
    visits = {
        p for f in of_type(found, "visit") if f["traveler"] == "Jonas Berg" for p in f["places"]
    }
    assert {"Port Moresby", "Australia"} <= visits


def test_the_next_one_in_a_list_does_not_lend_their_title(facts) -> None:
    found = facts(
        "Envoy Laura Brandt arrived from Oslo, accompanied by Deputy Minister Ana Rios, "
        "Treasury official Tim Berg, and the Ruritanian Ambassador to Moldova Akec Doru. "
        "Officials including Minister for Trade Luka Bian, Undersecretary of the Ministry of "
        "Energy Ciro Hale, and Director General for Special Programs Dag Yarn met her."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert not any(p == "Tim Berg" and "Ambassador" in t for p, t in roles), roles
    assert not any(p == "Ciro Hale" and "Director" in t for p, t in roles), roles


def test_a_name_after_a_title_and_its_relative_clause_is_the_one_met(facts) -> None:
    found = facts(
        "Envoy Laura Brandt, who is on a two-day visit, will be meeting with the First Vice "
        "President of the Republic who is President of the Government of Ruritania, Salvo "
        "Kerr Madit."
    )
    meetings = {tuple(f["participants"]) for f in of_type(found, "meeting")}
    assert ("Laura Brandt", "Salvo Kerr Madit") in meetings


def test_a_country_of_two_words_tells_which_prime_minister(facts) -> None:
    """ "the Sri Lankan PM" is the Sri Lankan one, not the host named "PM" before."""
    found = facts(
        "Sri Lanka Prime Minister Ravi Perera arrived in New Delhi on Friday at the "
        "invitation of Prime Minister Arjun Mehta. On Saturday, External Affairs Minister Dev "
        "Shankar will call on the Sri Lankan PM. After his talks in Delhi, Perera will travel to "
        "Varanasi, Sarnath, Bodh Gaya and Tirupati before he leaves for Colombo."
    )
    meetings = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert frozenset({"Dev Shankar", "Ravi Perera"}) in meetings
    assert frozenset({"Dev Shankar", "Arjun Mehta"}) not in meetings
    visits = {
        p for f in of_type(found, "visit") if f["traveler"] == "Ravi Perera" for p in f["places"]
    }
    assert {"Varanasi", "Sarnath", "Bodh Gaya"} <= visits
    assert "Colombo" not in visits  # going home


def test_a_title_of_a_body_is_no_place_visited(facts) -> None:
    found = facts(
        "Minister for Foreign Affairs Ana Rios and visiting Minister for Foreign Affairs of "
        "Japan, Kenji Sato, held bilateral talks in Kathmandu on Sunday."
    )
    places = {p for f in of_type(found, "visit") for p in f["places"]}
    assert "Foreign Affairs" not in places


def test_an_envoy_of_the_president_is_not_the_president(facts) -> None:
    """ "His Excellency" is a style, not a pronoun; the fullest title of an office wins."""
    found = facts(
        "Minister of Foreign Affairs, His Excellency Ana Rios, Special Envoy of President "
        "Ivo Baric, called on His Excellency Tomas Varga, President of the Republic of "
        "Ruritania, this evening. Minister Rios also met the Foreign Minister of Ruritania."
    )
    meetings = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert frozenset({"Ana Rios", "Tomas Varga"}) in meetings
    assert not any("Ivo Baric" in m for m in meetings), meetings
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Ivo Baric", "President") in roles
    assert not any(p == "Ivo Baric" and "Envoy" in t for p, t in roles)
    assert [t for p, t in roles if p == "Ana Rios"] == ["Minister of Foreign Affairs"]


def test_a_given_name_that_is_a_royal_style_after_an_office(facts) -> None:
    found = facts(
        "The loan was signed by the Ruritania Fund for Development chief executive officer, "
        "Sultan Omar Haddad, and Finance Minister Ana Rios on Monday."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert not any(t == "Sultan" for _, t in roles), roles
    assert ("Omar Haddad", "Ruritania Fund for Development chief executive officer") in roles


def test_figures_in_wire_abbreviations_and_a_fronted_whole(facts) -> None:
    found = facts(
        "The bank approved a $944 mln loan to Ruritania on Monday. Of the 12 pacts signed "
        "during the visit, seven are related to energy."
    )
    figures = {
        (f.to_dict()["value"], f.to_dict()["unit"]) for f in found if f.type in ("quantity", "term")
    }
    assert any(v == 944_000_000 and u.startswith("US dollars") for v, u in figures), figures
    assert any(v == 7 and "pacts" in u for v, u in figures), figures
    assert not any(u in ("are", "be") for _, u in figures)


def test_two_leaders_joined_in_a_headline_are_not_one_person(facts) -> None:
    found = facts(
        "Ruritania, Moldova sign 12 deals after Baric-Rusu talks\n\n"
        "Ruritania and Moldova on Friday signed 12 agreements as Ruritanian President Ivo "
        "Baric held talks with Prime Minister Ana Rusu. Mr. Baric, the first Ruritanian head "
        "of state to visit the country in 30 years, arrived on Thursday.\n"
    )
    people = {p for f in of_type(found, "meeting") for p in f["participants"]}
    people |= {f["person"] for f in of_type(found, "role")}
    assert "Baric-Rusu" not in people
    assert {"Ivo Baric", "Ana Rusu"} <= people
    titles = {f["title"] for f in of_type(found, "role") if f["person"] == "Ivo Baric"}
    assert not any(t.lower().startswith("first") for t in titles), titles


def test_an_organisations_initials_are_no_traveller(facts) -> None:
    found = facts(
        "Minister Ana Rios will visit Japan next year, while the Ruritania Maritime Defence "
        "Force (RMDF) chief of staff will come to India this November."
    )
    assert not any(f["traveler"] == "RMDF" for f in of_type(found, "visit"))


def test_a_rank_and_a_manner_of_speaking_are_no_figures(facts) -> None:
    found = facts(
        "The leaders of the world's two largest economies met in Lima on Saturday. \"The "
        'talks took more than one hour and more than one day," President Ana Rios said.'
    )
    values = [f.to_dict()["value"] for f in found if f.type in ("quantity", "term")]
    assert values == [], values


def test_long_titles_before_names_in_a_list_of_officials(facts) -> None:
    """Titles with "for", "at", "to" and a second "of" before the name, in an "including"
    list."""
    found = facts(
        "Envoy Laura Brandt was received at the airport by officials including Consul General "
        "to Juba Tomas Varga, Minister for Presidential Affairs Luka Bian Dorr, Undersecretary "
        "of the Ministry of Regional Cooperation John Peter Smith, and Director General for "
        "Special Programs at the Ministry of Energy David Miller."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Tomas Varga", "Consul General to Juba") in roles
    assert ("Luka Bian Dorr", "Minister for Presidential Affairs") in roles
    assert ("John Peter Smith", "Undersecretary of the Ministry of Regional Cooperation") in roles
    assert (
        "David Miller",
        "Director General for Special Programs at the Ministry of Energy",
    ) in roles


def test_a_nationality_title_is_not_the_visitor_sent_to_that_country(facts) -> None:
    """ "The Chilean President" is not the guest who flew to Santiago, and "his" in his
    sentence is not the guest either."""
    found = facts(
        "President Ana Rios left for Santiago on Thursday for a busy visit. Rios will meet "
        "business leaders on Friday. The Chilean President visited Peru in August of that "
        "year, his first visit to a Pacific country in his new term."
    )
    trips = [f for f in of_type(found, "trip")]
    assert not any(f["traveler"] == "Ana Rios" for f in trips), trips
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert ("Ana Rios", "Peru") not in visits


def test_he_in_a_relative_clause_is_the_owner_of_the_visit_before_it(facts) -> None:
    found = facts(
        "Ruritania and Moldova signed a defence pact on Monday.\n\n"
        "The pact was signed during Prime Minister Ivo Baric's state visit to Chisinau, "
        "where he was welcomed by President Ana Rusu.\n\n"
        "Diplomatic visit PM Baric thanks hosts for hospitality During his visit, Baric "
        "also met the speaker.\n\n"
        "Vice-President Tomas Berg flew to Lima for a meeting with Trade Minister Lea Novak, "
        "before the tour ends in Quito, where he will meet President Rosa Ferreira.\n"
    )
    meetings = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert frozenset({"Ivo Baric", "Ana Rusu"}) in meetings
    assert frozenset({"Lea Novak", "Rosa Ferreira"}) not in meetings  # he is not the host
    titles = {f["title"] for f in of_type(found, "role") if f["person"] == "Ivo Baric"}
    assert not any("visit" in t.lower() for t in titles), titles


def test_a_guest_greeted_by_title_lends_it_to_nobody_and_a_country_is_no_name(facts) -> None:
    found = facts(
        "President of Kazakhstan Ivan Petrov held a meeting with Minister of Foreign Affairs "
        "of Russia Sergey Lavrov, who arrived in Astana for a working visit. Greeting the "
        "Russian Foreign Minister, Petrov highlighted the dynamic development of cooperation."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert not any(p == "Ivan Petrov" and "Foreign" in t for p, t in roles), roles
    assert ("Sergey Lavrov", "Minister of Foreign Affairs of Russia") in roles
    # one office, one role: "Russian Foreign Minister" is the same office
    assert [t for p, t in roles if p == "Sergey Lavrov"] == [
        "Minister of Foreign Affairs of Russia"
    ]


def test_styles_and_offices_written_like_names_are_no_people(facts) -> None:
    found = facts(
        "ANKARA: The Yang di-Pertuan Agong was accorded a state welcome here today. His "
        "Majesty received the royal salute. Finance Minister Datuk Seri Omar Haddad and "
        "Foreign Ministry Chief of Protocol Aini Mohd Atan were also present.\n"
    )
    people = {f["person"] for f in of_type(found, "role")}
    people |= {f["traveler"] for f in of_type(found, "visit")}
    assert not people & {"Majesty", "Pertuan Agong", "Yang di-Pertuan Agong"}, people
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Omar Haddad", "Finance Minister") in roles
    assert ("Aini Mohd Atan", "Foreign Ministry Chief of Protocol") in roles


def test_dollars_written_the_pacific_way(facts) -> None:
    found = facts(
        "The United States pledged $US810 million in new aid to Pacific island nations on "
        "Thursday, officials said."
    )
    values = {f.to_dict()["value"] for f in found if f.type in ("quantity", "term")}
    assert 810_000_000 in values


def test_a_second_with_and_arrived_to_as_translations_write(facts) -> None:
    found = facts(
        "President Ivo Baric arrived at noon from Spain to the city of Berlin, where he will "
        "meet Chancellor Greta Holm. He came after passing through Spain, where he met with "
        "the President of the Spanish Government, Pedro Alvarez, and with King Carlos VII."
    )
    visits = {
        p for f in of_type(found, "visit") if f["traveler"] == "Ivo Baric" for p in f["places"]
    }
    assert "Berlin" in visits, visits
    met = {p for f in of_type(found, "meeting") for p in f["participants"]} - {"Ivo Baric"}
    assert {"Pedro Alvarez", "Carlos VII"} <= met, met
    berlin = [f for f in found if f.type == "visit" and "Berlin" in f.to_dict()["places"]]
    assert berlin and not any(f.planned for f in berlin)  # he arrived: the visit is done


def test_deadlines_an_agreement_sets(facts) -> None:
    """A "by" with a day of a month or a year, on what is to be done, in a story about an
    agreement; never a count ("by 1,200 votes") or a vague time ("by the end of the year")."""
    found = facts(
        "Under the ceasefire agreement signed on Monday, Ruritania is to return the Marsh "
        "district to Moldova by 15 November and the Lake district by 1 December. Prisoners "
        "will be exchanged by the end of the year. Rich countries pledged to provide $300 "
        "billion a year by 2035 under the deal. The speaker was elected by 1,200 votes."
    )
    deadlines = {(f["date"], f["agreement"]) for f in of_type(found, "deadline")}
    assert ("15 November", "the ceasefire") in deadlines
    assert any(d == "2035" for d, _ in deadlines)
    assert not any("end" in d or "1,200" in d for d, _ in deadlines), deadlines
    marsh = [f for f in of_type(found, "deadline") if f["date"] == "15 November"]
    assert marsh[0]["action"] == "return the Marsh district to Moldova"
    # no agreement in the story: a "by" date is no deadline
    alone = "The minister said on Monday that the annual report of the ministry would be ready by 15 November."
    assert not of_type(facts(alone), "deadline")


def test_a_programme_of_engagements_and_a_conversion_in_brackets(facts) -> None:
    found = facts(
        "Prime Minister Omar Haddad arrived in Lima on Thursday for a three-day visit. The "
        "Ruritanian prime minister's engagements also include a call on President Ana Rios, "
        "and a one-on-one meeting with Prime Minister Tomas Varga. Ruritania will take a "
        "stake in the planned 18 billion-pound ($28 billion) port."
    )
    meetings = {frozenset(f.participants): f.planned for f in found if f.type == "meeting"}
    assert meetings.get(frozenset({"Omar Haddad", "Ana Rios"})) is True
    assert meetings.get(frozenset({"Omar Haddad", "Tomas Varga"})) is True
    values = {f.to_dict()["value"] for f in found if f.type in ("quantity", "term")}
    assert 28_000_000_000 not in values  # the conversion is not asked


def test_a_surname_the_model_tags_as_a_place_stays_with_its_name(facts) -> None:
    found = facts(
        "He was received at the airbase by the prime minister, Foreign Minister Shah Mahmood "
        "Qureshi and Minister for Planning Khusro Bakhtiar, and was given a 21-gun salute."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Shah Mahmood Qureshi", "Foreign Minister") in roles, roles


def test_a_breakthrough_brokered_is_the_deal_before_it_and_co_signers_did_not_meet(facts) -> None:
    found = facts(
        "H. E. Ana Rios, the President of Ruritania, received her counterpart on Tuesday. "
        "A joint communique was signed by the minister Tomas Varga and the ambassadors Lea "
        "Novak and Omar Haddad, respectively.\n\n"
        "The prisoner swap was agreed with overwhelming cabinet approval. The breakthrough "
        "was brokered by Egypt and although it is not directly related to peace talks, it is "
        "hoped that it will help.\n"
    )
    mediations = {(f["mediator"], f["agreement"]) for f in of_type(found, "mediation")}
    assert ("Egypt", "the prisoner swap") in mediations, mediations
    pairs = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert not any("Tomas Varga" in p for p in pairs), pairs
    people = {f["person"] for f in of_type(found, "role")}
    assert not any(p.startswith("H.") for p in people), people


def test_a_month_or_a_year_alone_is_in_not_on(facts) -> None:
    found = facts(
        "In January Foreign Minister Selin Aydin went to Damascus for talks. In 2023 Defence "
        "Minister Omar Haddad went to Baghdad. On March 4 Mr Haddad went to Amman for a day."
    )
    when = {f["places"][0]: f["when"] for f in of_type(found, "visit")}
    assert when == {"Damascus": "in January", "Baghdad": "in 2023", "Amman": "on March 4"}
    found = facts("Prime Minister Jonas Berg will visit Vanuatu and Tuvalu in the coming days.")
    assert [f["when"] for f in of_type(found, "visit")] == ["in the coming days"]


def test_a_name_after_a_counterpart_and_a_phrase_is_the_one_met(facts) -> None:
    found = facts(
        "The President of the Republic, Rosa Ibarra, received her counterpart from Chile, "
        "Pablo Sosa, at the palace in Quito on Wednesday. Foreign Minister Tomas Varga met "
        "his peers from Argentina and Brazil, Jorge Ruiz and Paulo Mendes. President Ivan "
        "Kovac held talks with the Amir of the State of Qatar, His Highness Sheikh Faisal bin "
        "Hamad Al Thani, on Tuesday."
    )
    meetings = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert {
        frozenset({"Rosa Ibarra", "Pablo Sosa"}),
        frozenset({"Tomas Varga", "Jorge Ruiz"}),
        frozenset({"Tomas Varga", "Paulo Mendes"}),
        frozenset({"Ivan Kovac", "Faisal bin Hamad Al Thani"}),
    } <= meetings


def test_a_hyphenated_title_tail_is_no_person_and_one_person_never_meets_themself(
    facts,
) -> None:
    found = facts(
        "Prime Minister Jonas Berg and his counterpart President-Elect of Indonesia, His "
        "Excellency Budi Santoso, held a joint press conference on Monday. Oman's foreign "
        "minister, Sayyid Talal bin Hamad al-Harthy, hosted his Iranian counterpart, Mohsen "
        "Karimi, for talks on Wednesday."
    )
    people = {p for f in of_type(found, "meeting") for p in f["participants"]}
    assert "-Elect" not in people and "Budi Santoso" in people
    for f in of_type(found, "meeting"):
        a, b = f["participants"]
        assert not ("Talal" in a and "Talal" in b), f


def test_a_capitalised_state_visit_an_announcement_and_the_delegation_travel(facts) -> None:
    found = facts(
        "President Ali Kone has returned to Abuja after a five-day State Visit to Lisbon, "
        "Portugal. Prime Minister Jonas Berg made the announcement in the Cook Islands on "
        "Thursday. Mr Berg was leading a delegation of MPs on a tour of the region. The "
        "delegation would also be visiting Vanuatu and Tuvalu in the coming days."
    )
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert {
        ("Ali Kone", "Lisbon"),
        ("Jonas Berg", "the Cook Islands"),
        ("Jonas Berg", "Vanuatu"),
        ("Jonas Berg", "Tuvalu"),
    } <= visits


def test_titles_with_a_royal_style_and_names_that_are_no_people(facts) -> None:
    found = facts(
        "Saudi Deputy Crown Prince Faisal bin Omar met Prime Minister Jonas Berg in Oslo on "
        "Monday. Officials welcomed Berg upon his arrival at King Khalid International "
        "Airport. Berg paid homage at the cemetery for Turkish and Azerbaijani Martyrs, and "
        "laid a wreath at Yadgar-e-Shuhada in Riyadh."
    )
    roles = {f["person"]: f["title"] for f in of_type(found, "role")}
    assert roles["Faisal bin Omar"] == "Saudi Deputy Crown Prince"
    people = set(roles) | {p for f in of_type(found, "meeting") for p in f["participants"]}
    assert not any("Airport" in p or "Martyrs" in p for p in people), people
    places = {p for f in of_type(found, "visit") for p in f["places"]}
    assert "Shuhada" not in places


def test_the_head_of_state_of_a_country_is_its_holder_and_the_host_stays_home(facts) -> None:
    found = facts(
        "President Ivan Kovac held talks with the Amir of the State of Qatar, His Highness "
        "Sheikh Faisal bin Hamad Al Thani, on Tuesday in Zagreb. The head of state of Qatar "
        "is on a one-day state visit to Croatia."
    )
    roles = {f["person"]: f["title"] for f in of_type(found, "role")}
    assert roles["Faisal bin Hamad Al Thani"] == "Amir of the State of Qatar"
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert ("Faisal bin Hamad Al Thani", "Croatia") in visits
    assert not any(t == "Ivan Kovac" for t, _ in visits), visits  # the host


def test_scheduled_meetings_are_planned(facts) -> None:
    found = facts(
        "Foreign Minister Jonas Berg has scheduled meetings with Ukrainian President Ivan "
        "Petrenko and his counterpart Dmytro Koval."
    )
    meetings = {frozenset(f.to_dict()["participants"]): f for f in found if f.type == "meeting"}
    assert set(meetings) == {
        frozenset({"Jonas Berg", "Ivan Petrenko"}),
        frozenset({"Jonas Berg", "Dmytro Koval"}),
    }
    assert all(f.planned for f in meetings.values())


def test_a_list_of_titles_and_names_styled_he_pairs_each_title_with_its_name(facts) -> None:
    found = facts(
        "The Amir was accompanied by his chief of the Amiri Diwan, HE Sheikh Omar bin Khalid "
        "Al-Sabah; the minister of state for energy affairs, HE Saad bin Rashid Al Kaabi; and "
        "the minister of state for foreign affairs, HE Dr Ali bin Hassan Al-Marri."
    )
    roles = {f["person"]: f["title"] for f in of_type(found, "role")}
    assert roles["Omar bin Khalid Al-Sabah"] == "chief of the Amiri Diwan"
    assert roles["Saad bin Rashid Al Kaabi"] == "minister of state for energy affairs"


def test_receivers_listed_after_by_never_meet_each_other(facts) -> None:
    found = facts(
        "President Musa Danjuma returned from Lisbon on Sunday. Danjuma was on arrival "
        "received by his Chief of Staff, Prof Ibrahim Gambari; Minister of Works, Mohammed "
        "Bello; Inspector General of Police, Usman Alkali Baba; among other top officials."
    )
    for f in of_type(found, "meeting"):
        assert "Musa Danjuma" in f["participants"], f


def test_a_title_stops_before_the_next_name_and_an_office_is_no_place(facts) -> None:
    found = facts(
        "Foreign Minister Omar Haddad visited Uzbekistan with Mehmet Kaya, Minister of Trade "
        "and Adil Demir, Minister of Transport, on Monday. Prime Minister Lea Novak held "
        "meetings with Nishimura Yasuto, Minister in charge of Economic Revitalization."
    )
    roles = {f["person"]: f["title"] for f in of_type(found, "role")}
    assert roles["Mehmet Kaya"] == "Minister of Trade"
    places = {p for f in of_type(found, "visit") for p in f["places"]}
    places |= {f["place"] for f in of_type(found, "meeting") if f["place"]}
    assert "Economic Revitalization" not in places


def test_a_speaker_the_model_calls_a_work_of_art_is_a_person(facts) -> None:
    found = facts(
        '"Trade will grow," Kassym-Jomart Tokayev said at the meeting with his Tajik '
        "counterpart Emomali Rahmon in Astana. Officials said talks went well."
    )
    meetings = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert frozenset({"Kassym-Jomart Tokayev", "Emomali Rahmon"}) in meetings


def test_an_agency_dateline_in_capitals_is_no_part_of_a_title(facts) -> None:
    found = facts(
        "NORDWIRE President Lea Novak has announced new trade deals with Chile, Nordwire "
        "reports. Novak spoke in Oslo on Monday."
    )
    roles = {f["person"]: f["title"] for f in of_type(found, "role")}
    assert roles["Lea Novak"] == "President"
    found = facts(
        "10:40 GMT - Kuwait's Emir, Sheikh Nawaf al-Sabah, greeted the guests at the palace "
        "today, his office said."
    )
    assert {f["title"] for f in of_type(found, "role")} == {"Kuwait's Emir"}


def test_a_name_listed_before_its_title_is_a_person_even_unknown_to_the_model(facts) -> None:
    found = facts(
        "Foreign Minister Omar Haddad visited Uzbekistan together with Mehmet Kaya, Minister "
        "of Trade and Adil Demir, Minister of Transport and Infrastructure, on Monday."
    )
    roles = {f["person"]: f["title"] for f in of_type(found, "role")}
    assert roles["Adil Demir"] == "Minister of Transport and Infrastructure"
    assert roles["Mehmet Kaya"] == "Minister of Trade"


def test_titles_lose_new_and_a_hyphenated_head_and_an_envoy_has_a_country(facts) -> None:
    from question_bank.gazetteer import countries_in_title

    found = facts(
        "New US peace envoy Tom Reyes met Iran's hard-line President Ali Karimi in Tehran. "
        "Philippine Ambassador to China Jose Santiago Sta. Romana was also there."
    )
    roles = {f["person"]: f["title"] for f in of_type(found, "role")}
    assert roles["Tom Reyes"] == "US peace envoy"
    assert roles["Ali Karimi"] in ("President", "Iran's President")
    assert roles["Jose Santiago Sta. Romana"] == "Philippine Ambassador to China"
    assert countries_in_title("US peace envoy") == {"United States"}
    assert countries_in_title("ambassador to Spain") == set()


def test_what_a_signed_agreement_covers_is_a_signing_fact(facts) -> None:
    found = facts(
        "During the visit, agreements were signed on information technologies and "
        "diplomatic archives, air services and customs. The two leaders signed a declaration "
        "on friendly relations in Athens on Thursday. Several memorandums will be signed in "
        "fields like education and health. Ministers signed three deals on the sidelines of "
        "the summit in Oslo."
    )
    topics = {f["topic"]: f for f in of_type(found, "signing")}
    assert {
        "information technologies",
        "diplomatic archives",
        "air services",
        "customs",
        "friendly relations",
        "education",
        "health",
    } == set(topics)
    assert topics["education"]["agreement"] == "Several memorandums"
    health = next(f for f in found if f.type == "signing" and f.to_dict()["topic"] == "health")
    assert health.planned
    # a list the parser reads as modifiers of its last noun
    found = facts(
        "President Ali Kone hosted his counterpart in Nairobi, where the two leaders signed "
        "five agreements on trade, energy and visa exemption."
    )
    assert {f["topic"] for f in of_type(found, "signing")} == {
        "trade",
        "energy",
        "visa exemption",
    }


def test_a_list_hung_on_the_verb_and_hours_of_talks_are_meetings(facts) -> None:
    found = facts(
        "Foreign Minister Selin Aydin met separately with the interior minister, Mariem "
        "Diallo, and the fisheries minister, Brahim Sow. A week earlier Ms Aydin had been in "
        "Moscow for five hours of talks with Arkady Voronin."
    )
    meetings = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert {
        frozenset({"Selin Aydin", "Mariem Diallo"}),
        frozenset({"Selin Aydin", "Brahim Sow"}),
        frozenset({"Selin Aydin", "Arkady Voronin"}),
    } <= meetings


def test_a_nationality_is_no_person_and_a_name_after_a_style_is_one(facts) -> None:
    found = facts(
        "Sri Lankan Prime Minister Mahinda Perera held talks in Dhaka on Tuesday with his "
        "Bangladeshi counterpart Sheikh Hasina, officials said. Perera and Hasina signed six "
        "memorandums on trade and health."
    )
    people = {p for f in of_type(found, "meeting") for p in f["participants"]}
    people |= {f["person"] for f in of_type(found, "role")}
    assert "Sri Lankan" not in people
    meetings = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert frozenset({"Mahinda Perera", "Hasina"}) in meetings


def test_a_style_is_no_part_of_a_title_and_a_city_read_as_a_people_is_a_place(facts) -> None:
    found = facts(
        "His Excellency President Daniel Mensah received the new envoys on Tuesday. Crown "
        "Princess Ingrid of Norway began a visit to Kenya on Monday. On Wednesday the princess "
        "is scheduled to travel to Mombasa to visit a mangrove project."
    )
    roles = {f["person"]: f["title"] for f in of_type(found, "role")}
    assert roles["Daniel Mensah"] == "President"
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert ("Ingrid", "Mombasa") in visits


def test_a_verb_left_loose_after_talks_shares_their_subject(facts) -> None:
    for text in (
        "Egyptian President Karim Fahmy held talks with French President Paul Lefevre on "
        "energy cooperation, then received German Chancellor Anna Weber, his office said.",
        "Egyptian President Karim Fahmy met leaders on Monday. Fahmy held talks with French "
        "President Paul Lefevre on energy cooperation, then received German Chancellor Anna "
        "Weber, his office said.",
    ):
        meetings = {frozenset(f["participants"]) for f in of_type(facts(text), "meeting")}
        assert frozenset({"Karim Fahmy", "Anna Weber"}) in meetings, text
        assert frozenset({"Karim Fahmy", "Paul Lefevre"}) in meetings, text


def test_plans_told_as_a_purpose_or_looked_forward_to_are_planned(facts) -> None:
    found = facts(
        "Australian Prime Minister Scott Morrison will travel to Tokyo next week to meet his "
        "Japanese counterpart Yoshihide Suga. Prime Minister Anthony Albanese said he and Mr "
        "Sogavare looked forward to meeting at the forum, to be held in Fiji mid-July. "
        "President Ali Kone travelled to Rome last year to meet Pope Leo."
    )
    planned = {
        (
            f.type,
            tuple(sorted(f.to_dict().get("participants") or [f.to_dict().get("traveler")])),
        ): f.planned
        for f in found
        if f.type in ("meeting", "visit")
    }
    assert planned[("meeting", ("Scott Morrison", "Yoshihide Suga"))]
    assert planned[("meeting", ("Anthony Albanese", "Sogavare"))]
    assert planned[("visit", ("Sogavare",))]  # due to go to Fiji, not gone
    assert not planned[("meeting", ("Ali Kone", "Leo"))]  # a past journey's purpose: done


def test_an_agreements_subject_comes_after_its_verb_and_a_place_near_another_is_no_stop(
    facts,
) -> None:
    found = facts(
        "On the Qatari side, the MoU was signed by Minister of State Sultan bin Saad. The "
        "Afghan delegation visited the army headquarters in Rawalpindi near Islamabad on "
        "Monday, led by Defence Minister Omar Rahimi."
    )
    assert of_type(found, "signing") == []
    places = {p for f in of_type(found, "visit") for p in f["places"]}
    assert "Islamabad" not in places


def test_landmarks_summits_abroad_and_agreed_plans(facts) -> None:
    found = facts(
        "Turkish Foreign Minister Deniz Kaya held talks in Baku on Tuesday and visited the "
        "Alley of Martyrs. On Wednesday she is expected to visit the southern city of Ganja."
    )
    places = {p for f in of_type(found, "visit") for p in f["places"]}
    assert "Martyrs" not in places and "Ganja" in places
    found = facts(
        "Title: Gulf summit in Doha\n\nSaudi Crown Prince Faisal bin Omar arrived at the "
        "summit venue on Friday. Kuwait's Emir, Sheikh Nawaf al-Sabah, greeted the crown "
        "prince warmly on the steps."
    )
    places = {p for f in of_type(found, "visit") for p in f["places"]}
    assert "Kuwait" not in places  # the Emir greets him in Doha, not at home
    found = facts(
        "Brazilian President Luiz Souza met Argentine President Carla Medina in Buenos Aires "
        "on Monday. The two leaders agreed to hold annual summits, the next in Brasilia."
    )
    brasilia = [f for f in found if f.type == "visit" and "Brasilia" in f.to_dict()["places"]]
    assert all(f.planned for f in brasilia)


def test_delegation_lists_with_styles_inside_names_and_joined_fields(facts) -> None:
    found = facts(
        "The Malaysian delegation comprises Minister of Transport Ali Bakar, Minister of "
        "Trade and Industry Tengku Datuk Seri Razak Tengku Ismail, Minister of Health and "
        "Welfare Ahmad Rosli Mohamed Salleh, and officials from the ministries. Johor "
        "Menteri Besar Datuk Onn Hafiz Ghazi is also part of the delegation."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert roles == {
        ("Ali Bakar", "Minister of Transport"),
        ("Razak Tengku Ismail", "Minister of Trade and Industry"),
        ("Ahmad Rosli Mohamed Salleh", "Minister of Health and Welfare"),
        ("Onn Hafiz Ghazi", "Johor Menteri Besar"),
    }


def test_greeted_on_arrival_and_an_aircraft_is_no_one_he_refers_to(facts) -> None:
    found = facts(
        "Prime Minister Daniel Osei arrived in Lusaka today. The aircraft carrying the prime "
        "minister landed at the VIP Complex, Kenneth Kaunda International Airport. He was "
        "greeted on arrival by Foreign Minister Ruth Banda. He will call on President Peter "
        "Mwale and have a meeting with his counterpart John Phiri."
    )
    met = {tuple(f["participants"]) for f in of_type(found, "meeting")}
    assert met == {
        ("Daniel Osei", "Ruth Banda"),
        ("Daniel Osei", "Peter Mwale"),
        ("Daniel Osei", "John Phiri"),
    }
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("John Phiri", "Daniel Osei's counterpart") in roles
    places = {p for f in of_type(found, "visit") for p in f["places"]}
    assert "Complex" not in places


def test_a_lineage_names_the_father_not_the_son_and_two_offices_of_one_name(facts) -> None:
    found = facts(
        "Crown Prince Faisal bin Salman bin Omar Al Nahyan received the visitor. She came at "
        "the invitation of King Salman bin Omar Al Nahyan. She was received at the terminal "
        "by Prince Nasser Al-Thani, Advisor to the Emir, Governor of Doha Region, and "
        "Princess Alya bint Ahmed bin Saif, Qatari Ambassador to Turkey. She will also meet "
        "Faisal bin Salman."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Salman bin Omar Al Nahyan", "King") in roles
    assert not any(p.startswith("Faisal") and t == "King" for p, t in roles)
    assert ("Alya bint Ahmed bin Saif", "Qatari Ambassador to Turkey") in roles
    assert not any(t == "Governor of Doha Region" and p.startswith("Alya") for p, t in roles)
    people = {p for f in of_type(found, "role") for p in [f["person"]]}
    assert "Faisal bin Salman" not in people  # the short form is the crown prince


def test_each_with_phrase_keeps_its_own_place_and_day(facts) -> None:
    found = facts(
        "Mexican President Ana Torres met on Thursday night in Guatemala with President "
        "Pablo Reyes and this Friday at noon with her Salvadoran counterpart, Nayib Luna."
    )
    meetings = {f["participants"][1]: f for f in of_type(found, "meeting")}
    assert meetings["Pablo Reyes"]["place"] == "Guatemala"
    assert meetings["Nayib Luna"]["place"] is None  # met on Friday, not in Guatemala
    assert meetings["Pablo Reyes"]["when"] != "this Friday"
    visits = of_type(found, "visit")
    assert {f["traveler"] for f in visits} == {"Ana Torres"}  # Luna did not go there
    assert all(f["when"] != "this Friday" for f in visits)


def test_a_visit_that_includes_a_meeting_and_a_country_after_a_titled_name(facts) -> None:
    found = facts(
        "Honduran President Rosa Mejia is in Mexico for a visit that includes a meeting at "
        "the National Palace with her Mexican counterpart, Laura Ortiz."
    )
    met = {tuple(f["participants"]) for f in of_type(found, "meeting")}
    assert met == {("Rosa Mejia", "Laura Ortiz")}
    found = facts(
        "President Tom Dlamini of South Africa has visited Angola. The visit followed a "
        "working visit to the Republic of Zambia, where both President Dlamini and his "
        "counterpart, President Peter Mwale, held bilateral discussions."
    )
    travelers = {f["traveler"] for f in of_type(found, "visit")}
    assert travelers == {"Tom Dlamini"}  # his counterpart is at home in Zambia


def test_a_hyphenated_name_before_its_title_and_an_agency_dateline_without_a_dash(
    facts,
) -> None:
    found = facts(
        "Nana Kwame Osei-Bonsu, Minister of Foreign Affairs and officials of the ministry "
        "met the envoy on arrival."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Nana Kwame Osei-Bonsu", "Minister of Foreign Affairs") in roles
    found = facts(
        "Mexico City, Nov 24 (Prensa Latina) Honduran President Rosa Mejia is in Mexico for "
        "a two-day visit."
    )
    assert {f["traveler"] for f in of_type(found, "visit")} == {"Rosa Mejia"}


def test_offices_beside_styles_and_ranks_and_a_joined_second_office(facts) -> None:
    found = facts(
        "The Emir received on Monday Turkish defence minister Kemal Arslan. The meeting was "
        "attended by Sheikh Nasser bin Ali Al Thani, Deputy Prime Minister and Minister of "
        "State Affairs, Sheikh Fahad bin Nasser Al Thani, Minister of Justice, and Chief of "
        "Staff of the Armed Forces, Lieutenant General Saeed Al Kuwari. She was received by "
        "Prince Majed Al-Saud, Advisor to the King, and Princess Lina bint Fahd, Ambassador "
        "to Turkey."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Kemal Arslan", "Turkish defence minister") in roles  # no "Monday" in it
    assert ("Saeed Al Kuwari", "Chief of Staff of the Armed Forces") in roles
    assert ("Majed Al-Saud", "Advisor to the King") in roles
    assert ("Lina bint Fahd", "Ambassador to Turkey") in roles
    assert ("Fahad bin Nasser Al Thani", "Minister of State Affairs") not in roles


def test_joint_press_conference_between_two_and_a_name_known_by_its_initials(facts) -> None:
    found = facts(
        "The pledge was made at a joint press conference in Vientiane on March 25 between "
        "Lao Prime Minister Somsak Vongsa and his Cambodian counterpart Hun Sokha."
    )
    met = {tuple(f["participants"]) for f in of_type(found, "meeting")}
    assert met == {("Somsak Vongsa", "Hun Sokha")}
    found = facts(
        "Mexican President Andres Manuel Lopez Obrador arrived in Honduras on Friday. AMLO, "
        "as the Mexican head of state is also known, was received in Tegucigalpa by the "
        "Honduran Foreign Minister, Enrique Reina."
    )
    met = {tuple(f["participants"]) for f in of_type(found, "meeting")}
    assert met == {("Andres Manuel Lopez Obrador", "Enrique Reina")}


def test_greeted_by_an_office_with_two_fields_whose_name_the_parser_hangs_apart(
    facts,
) -> None:
    found = facts(
        "Ugandan President Yosef Mukasa arrived on Wednesday. Mukasa, who was greeted by "
        "Kenyan Prime Cabinet Secretary and Cabinet Secretary for Foreign and Diaspora "
        "Affairs Musa Otieno, is scheduled to hold talks with President Paul Kamau."
    )
    met = {tuple(f["participants"]) for f in of_type(found, "meeting")}
    assert ("Yosef Mukasa", "Musa Otieno") in met
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Musa Otieno", "Cabinet Secretary for Foreign and Diaspora Affairs") in roles


def test_two_offices_joined_before_one_name_stay_that_names(facts) -> None:
    found = facts(
        "In Suva, the minister will co-chair the forum with Fiji's Deputy Prime Minister and "
        "Minister for Finance, Ravi Naidu."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Ravi Naidu", "Minister for Finance") in roles


def test_a_welcomed_guests_first_visit_and_an_office_in_initials(facts) -> None:
    found = facts(
        "Turkish President Kemal Arslan landed in Cairo on Monday. President Omar Nabil "
        "welcomed the Turkish president on his first visit to Egypt in more than 10 years."
    )
    trips = of_type(found, "trip")
    assert trips and all(f["traveler"] == "Kemal Arslan" for f in trips)
    assert not any(f["traveler"] == "Omar Nabil" for f in of_type(found, "visit"))
    found = facts(
        "External Affairs Minister (EAM) Ravi Menon arrived in Dhaka on Thursday. During his "
        "visit to Bhutan, the EAM will receive an audience with Bhutan King Jigme Wangchuck "
        "and also call on Bhutan Prime Minister Dr Lotay Tshering."
    )
    met = {tuple(f["participants"]) for f in of_type(found, "meeting")}
    assert met == {("Ravi Menon", "Jigme Wangchuck"), ("Ravi Menon", "Lotay Tshering")}
    assert all(f.planned for f in found if f.type == "meeting")


def test_a_trip_called_off_and_an_airport_before_a_title(facts) -> None:
    found = facts("She was due to meet President Ali Kone in Bamako but called the trip off.")
    assert of_type(found, "meeting") == []
    found = facts(
        "Today, President Omar Nabil and his wife received at Cairo International Airport "
        "Turkish President Kemal Arslan, who is on a two-day visit to the country."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Kemal Arslan", "Turkish President") in roles


def test_a_name_joined_to_a_persons_is_a_person_and_owns_the_counterpart(facts) -> None:
    found = facts(
        "Ararat Mirzoyan and his Azerbaijani counterpart Jeyhun Bayramov discussed a wide "
        "range of issues."
    )
    met = {tuple(f["participants"]) for f in of_type(found, "meeting")}
    assert met == {("Ararat Mirzoyan", "Jeyhun Bayramov")}
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Jeyhun Bayramov", "Ararat Mirzoyan's Azerbaijani counterpart") in roles


def test_who_invited_a_visitor_is_an_invitation_fact(facts) -> None:
    found = facts(
        "Russian President Ivan Petrov is visiting Mongolia at the invitation of President "
        "Bat Erdene. At the invitation of President Carlo Verdi, Prime Minister Jonas Berg "
        "will pay a state visit to Italy next week. Foreign Minister Selin Aydin arrived in "
        "Lima on an official visit at the invitation of her counterpart Ana Rios."
    )
    invited = {(f["guest"], f["host"]) for f in of_type(found, "invitation")}
    assert invited == {
        ("Ivan Petrov", "Bat Erdene"),
        ("Jonas Berg", "Carlo Verdi"),
        ("Selin Aydin", "Ana Rios"),
    }
    berg = next(f for f in found if f.type == "invitation" and f.to_dict()["guest"] == "Jonas Berg")
    assert berg.planned
    # an invitation to a group, or no one named: no host to ask for
    found = facts(
        "The talks between the two delegations were held in Geneva at the invitation of the "
        "two governments."
    )
    assert of_type(found, "invitation") == []


def test_a_courtesy_call_received_and_the_visiting_leaders_own_first_visit(facts) -> None:
    found = facts(
        "Prime Minister Omar Hassan received a courtesy call from Vietnamese Prime Minister "
        "Tran Van Minh at his office today. The visiting leader, who is on his first official "
        "visit to Malaysia, was accompanied by Deputy Foreign Minister Le Quang Huy. Hassan "
        "later received a call from President Ali Kone."
    )
    met = {tuple(f["participants"]) for f in of_type(found, "meeting")}
    assert ("Omar Hassan", "Tran Van Minh") in met
    assert not any("Ali Kone" in m for m in met)  # a telephone call
    # the host is never the one on his first visit
    assert not any(f["traveler"] == "Omar Hassan" for f in of_type(found, "trip"))
    assert not any(f["traveler"] == "Omar Hassan" for f in of_type(found, "visit"))


def test_a_countrys_size_and_inhabitants_are_background_not_facts(facts) -> None:
    found = facts(
        "President Joao Lima arrived in Abidjan on Monday for a state visit. With a total "
        "area of 322,462 km2, the country is located in West Africa and has a population of "
        "29.9 million inhabitants. About 1.9 million people, or 90 percent of the population, "
        "have been displaced by the floods, Lima said."
    )
    values = {f["value"] for f in of_type(found, "quantity")}
    assert 322462 not in values and 29900000 not in values
    assert 90 in values or 1900000 in values  # a figure of the story stays


def test_greeted_with_a_gesture_by_a_host_and_descriptions_that_are_no_office(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "Brazilian President Ana Costa arrived in Jakarta on Monday. Costa was greeted "
        "with a warm embrace by President Budi Santoso, leader of the world's fourth most "
        "populous nation, at the Merdeka Palace. Santoso, head of the number-two economy "
        "in the region, said trade would double."
    )
    met = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert frozenset({"Ana Costa", "Budi Santoso"}) in met
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Budi Santoso", "President") in roles
    assert not any("world" in t for _, t in roles)
    assert not any(f["value"] == 2 for f in of_type(found, "quantity"))


def test_visiting_a_person_at_buildings_in_a_city_is_a_visit_to_the_city(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "The President of Ghana, Kofi Boateng, and the Acting President of Nigeria, Musa "
        "Bello, agreed to deepen trade. The pledge was made when Boateng visited Bello at "
        "his official residence, Ebony House, inside the State Villa, Abuja on Sunday."
    )
    met = [f for f in of_type(found, "meeting")]
    assert any(f["place"] == "Abuja" for f in met)
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert ("Kofi Boateng", "Abuja") in visits
    # a residence's name is no person
    people = {p for f in met for p in f["participants"]}
    assert "Ebony House" not in people


def test_a_two_track_approach_and_two_things_are_no_figures(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "Foreign Minister Ana Ruiz of Chile met her Peruvian counterpart in Lima. She is "
        "expected to carry out a two-track approach to trade. “I came to settle two "
        "things,” she said. The two sides signed three agreements."
    )
    values = {f["value"] for f in of_type(found, "quantity") + of_type(found, "term")}
    assert 3 in values
    assert 2 not in values


def test_a_name_listed_after_a_list_of_places_is_still_met(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "President Ana Costa of Brazil ended a three-day visit to Barbados on Friday. She "
        "held discussions with Prime Ministers Carla Reid and Omar Bishop, Ministers "
        "representing Guyana and Belize, Dominica, Grenada, and Suriname, and Caribbean "
        "Community Secretary General Irwin Lacroix."
    )
    met = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert frozenset({"Ana Costa", "Irwin Lacroix"}) in met
    assert frozenset({"Ana Costa", "Carla Reid"}) in met


def test_a_delegation_that_met_someone_is_its_leaders_meeting(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "Foreign Minister Ana Ruiz of Chile was in Washington on Monday. Earlier, Ruiz led a "
        "Chilean government delegation that met with US Secretary of Commerce Paul Grant to "
        "discuss copper."
    )
    met = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert frozenset({"Ana Ruiz", "Paul Grant"}) in met


def test_a_journey_is_no_subject_of_a_signing_and_a_subject_hung_on_the_document_counts(
    facts,
) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "President Dan Hale signed a $90 billion arms agreement with Norway on his first "
        "official foreign trip. The two foreign ministers also signed agreements on "
        "information technologies and the administration of schools of the Nour Foundation."
    )
    topics = {f["topic"] for f in of_type(found, "signing")}
    assert not any("trip" in t for t in topics)  # when it was signed, not what it covers
    assert "information technologies" in topics
    assert "administration of schools of the Nour Foundation" in topics


def test_a_mediator_named_two_ways_is_one_and_a_verb_tells_what_it_mediated(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "Armenia and Georgia exchanged 40 detainees each on Saturday after the United Arab "
        "Emirates acted as an intermediary. It was the third exchange mediated by the UAE."
    )
    mediations = {(f["mediator"], f["agreement"]) for f in of_type(found, "mediation")}
    assert mediations == {("United Arab Emirates", "the exchange")}


def test_meetings_told_as_a_visit_with_a_dinner_in_time_a_meeting_of_and_joined_names(
    facts,
) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "Prime Minister Erik Lunde arrived in Oslo on Wednesday for an overnight visit with "
        "Chancellor Greta Brandt. President Omar Said arrived in time for dinner with Prime "
        "Minister Jens Holm at the residence. A meeting of Minister Ana Costa with President "
        "Pablo Rojas is scheduled for Friday, after the June Rojas/Brandt summit in Lima and "
        "the Said-Costa talks in Rome."
    )
    met = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert frozenset({"Erik Lunde", "Greta Brandt"}) in met
    assert frozenset({"Omar Said", "Jens Holm"}) in met
    assert frozenset({"Ana Costa", "Pablo Rojas"}) in met
    assert frozenset({"Pablo Rojas", "Greta Brandt"}) in met  # "June" is a month, no name
    assert frozenset({"Omar Said", "Ana Costa"}) in met


def test_no_visit_to_a_person_and_no_figure_from_a_date_a_time_or_some_day(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "President Omar Said received President Ana Costa in Lima on Monday. In Quito from "
        "July 12 through 15, Costa would visit the head of its Congress. She was to return "
        "to Santiago at 12.40. Nobody thought we'd one day speak of such ties, Said said. "
        "In Bogota on July 16 and 17, Costa will meet President Elena Ruiz."
    )
    visits = {(f["traveler"], p) for f in of_type(found, "visit") for p in f["places"]}
    assert not any(p == "Congress" for _, p in visits)  # the head of it is a person
    values = {f["value"] for f in of_type(found, "quantity")}
    assert not values & {15, 12.4, 1}
    whens = {f["when"] for f in of_type(found, "meeting") if f["when"]}
    assert "on July 16 and 17" in whens


def test_his_counterpart_joined_to_a_person_is_that_persons(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "Foreign Minister Kemal Aydin said Ankara hopes to host Russian President Ivan "
        "Petrov and his Ukrainian counterpart Taras Melnyk for the next round of talks."
    )
    roles = {(f["person"], f["title"]) for f in of_type(found, "role")}
    assert ("Taras Melnyk", "Ivan Petrov's Ukrainian counterpart") in roles
    assert ("Taras Melnyk", "Kemal Aydin's Ukrainian counterpart") not in roles


def test_an_ordinal_event_of_a_series_is_an_occasion_and_a_journey_or_a_name_is_not(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "Armenia and Georgia exchanged 40 detainees each on Saturday. It was the third "
        "exchange mediated by Qatar this year. Workers ended their strike after the fifth "
        "round of talks. Minister Ana Costa, on her second visit to Lima, attended the 7th "
        "Summit of the Andes and began her third term."
    )
    occasions = {(f["event"], f["ordinal"]) for f in of_type(found, "occasion")}
    assert ("third exchange mediated by Qatar this year", 3) in occasions
    assert ("fifth round of talks", 5) in occasions
    events = " ".join(e for e, _ in occasions)
    assert "visit" not in events and "Summit" not in events and "term" not in events


def test_the_president_of_a_country_with_the_name_after_is_that_named_holder(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "President of Comoros Ali Said and President of Burundi Jean Ndayizeye have arrived in "
        "Addis Ababa. The president of Comoros was welcomed by Industry Minister Tesfaye "
        "Bekele.\nThe president of Burundi Jean Ndayizeye was welcomed by Revenues Minister "
        "Aster Alemu."
    )
    met = {frozenset(f["participants"]) for f in of_type(found, "meeting")}
    assert frozenset({"Jean Ndayizeye", "Aster Alemu"}) in met
    assert frozenset({"Ali Said", "Aster Alemu"}) not in met  # the last president named
