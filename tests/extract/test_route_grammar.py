"""Route grammar: one sentence of our own per construction (issue 12), each checked for the
asset, its origin, stopovers and destination, and the leg's dates where the text gives them.

A row is (text, expected legs); a leg is (model, origin, via, destination, depart, arrive),
where None means "not stated" and must come out empty too. A verb of travel's date is the
departure ("sailed for X on Monday"); an aircraft's flight to a place on a day also arrives
that day.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from wirewatch.extract._movers import _same_variant
from wirewatch.model import Analysis, Movement, When

Analyze = Callable[..., Analysis]
Leg = tuple[str, str | None, list[str], str, str | None, str | None]

DATE = "2024-05-10"  # a Friday

CASES: list[tuple[str, list[Leg]]] = [
    # Phrasal verbs of leaving and of berthing: "lifted off", "went alongside".
    (
        "A Norwegian P-8A lifted off from Evenes on Tuesday and landed at Andøya.",
        [("P-8A", "Evenes", [], "Andøya", "2024-05-07", None)],
    ),
    (
        "The hydrographic ship HMS Scott went alongside in Plymouth on Thursday.",
        [("Scott", None, [], "Plymouth", None, "2024-05-09")],
    ),
    # A route written out as names joined by dashes or arrows, tagged as one name or many.
    (
        "A Russian Tu-154 flew Moscow–Tehran–Damascus on Sunday.",
        [("Tu-154", "Moscow", ["Tehran"], "Damascus", "2024-05-05", "2024-05-05")],
    ),
    (
        "The C-17 flew the Ramstein–Incirlik–Al Udeid route.",
        [("C-17", "Ramstein", ["Incirlik"], "Al Udeid", None, None)],
    ),
    # The craft aboard which a load was sent makes the trip.
    (
        "Canadian troops were airlifted to Riga aboard a CC-177 on Thursday.",
        [("CC-177", None, [], "Riga", "2024-05-09", "2024-05-09")],
    ),
    # Where the load a craft left with is for, when nothing else names the end.
    (
        "A Belgian A400M took off from Melsbroek on Friday with 30 tonnes of tents for Beirut.",
        [("A400M", "Melsbroek", [], "Beirut", "2024-05-10", None)],
    ),
    # A named craft's home airfield, tagged as a person's name, is a place.
    (
        "An Il-76 from Chkalovsky landed at Hmeimim on Sunday.",
        [("Il-76", "Chkalovsky", [], "Hmeimim", None, "2024-05-05")],
    ),
    # A hyphened name with a lower-case word inside it, tagged as an organisation.
    (
        "A French Rafale detachment moved from Mont-de-Marsan to Prince Hassan Air Base.",
        [("Rafale", "Mont-de-Marsan", [], "Prince Hassan Air Base", None, None)],
    ),
    # "for X" hung off the place left; a stop told "along the way"; a port visit's "to".
    (
        "The research vessel Akademik Tryoshnikov departed Kronstadt for Antarctica on 12 "
        "November, calling at Cape Town along the way.",
        [("Akademik Tryoshnikov", "Kronstadt", ["Cape Town"], "Antarctica", "2023-11-12", None)],
    ),
    (
        "The German frigate Baden-Württemberg is heading for Tokyo after a port visit to Manila.",
        [("Baden-Württemberg", None, ["Manila"], "Tokyo", None, None)],
    ),
    # An unfamiliar name after "to" parsed as an infinitive, with the stop hung off it.
    (
        "An Emirati Il-76TD flew from Al Dhafra to Amdjarass with a refuelling stop at Benina "
        "airport.",
        [("Il-76TD", "Al Dhafra", ["Benina airport"], "Amdjarass", None, None)],
    ),
    # A callsign in apposition makes the parser take the verb for a modifier of the place
    # left: the date it hangs elsewhere is still the departure's.
    (
        "A US Air Force B-52H, callsign JULIET51, departed RAF Fairford on Tuesday morning. "
        "The bomber flew over the Baltic Sea and returned to Fairford that evening.",
        [("B-52H", "RAF Fairford", ["Baltic Sea"], "Fairford", "2024-05-07", None)],
    ),
    # A ship called "she" in the next sentence; a person named nearby may be "she" instead.
    (
        "On 4 April the Danish frigate Niels Juel departed Korsør. Five days later she reached "
        "Tallinn, after passing Bornholm.",
        [("Niels Juel", "Korsør", ["Bornholm"], "Tallinn", "2024-04-04", "2024-04-09")],
    ),
    (
        "The frigate Niels Juel docked in Tallinn on Monday. Defence Minister Troels Poulsen "
        "met the crew; she flew to Copenhagen on Tuesday.",
        [("Niels Juel", None, [], "Tallinn", None, "2024-05-06")],
    ),
    # A place object before a "to" phrase is where the trip began (a sea, a stretch crossed).
    (
        "The An-124-100 UR-82009 flew Leipzig to Toronto on Wednesday.",
        [("An-124-100", "Leipzig", [], "Toronto", "2024-05-08", "2024-05-08")],
    ),
    (
        "HMS Prince of Wales sailed the Atlantic to Halifax.",
        [("Prince of Wales", None, ["Atlantic"], "Halifax", None, None)],
    ),
    # Towed; a unit's "move" told as a noun with the route in a participle.
    (
        "The Venezuelan patrol boat Guaiquerí was towed from La Guaira to Puerto Cabello.",
        [("Guaiquerí", "La Guaira", [], "Puerto Cabello", None, None)],
    ),
    (
        "The 4th Infantry Brigade completed its move to Narva, having travelled by train from "
        "Tallinn.",
        [("4th Infantry Brigade", "Tallinn", [], "Narva", None, None)],
    ),
    # A navy's ship prefix names a ship, though "Thunder" is also a fighter's name (a ship's
    # departure day is no arrival day).
    (
        "The Nigerian Navy ship NNS Thunder departed Lagos on 2 April for Tema, Ghana.",
        [("Thunder", "Lagos", [], "Tema", "2024-04-02", None)],
    ),
    # A trip under way told with a copula and a route word; any verb with a route string.
    (
        "A HIMARS battery loaded at Long Beach is on its way to Darwin.",
        [("HIMARS", "Long Beach", [], "Darwin", None, None)],
    ),
    (
        "The Russian tanker Kola was bound for Tartus on Monday.",
        [("Kola", None, [], "Tartus", "2024-05-06", None)],
    ),
    # (a registration is no dateline, and a dash inside a route sets nothing apart)
    (
        "The Il-62M RA-86496 did Chkalovsky–Hmeimim and straight back again.",
        [("Il-62M", "Chkalovsky", [], "Hmeimim", None, None)],
    ),
    # Two variants named apart are two assets; a second stop coordinated with the first.
    (
        "The formation, four single-seat F-16AMs and two two-seat F-16BMs, flew first to "
        "Lajes in the Azores and then to Gran Canaria.",
        [
            ("F-16AM", None, ["Lajes"], "Gran Canaria", None, None),
            ("F-16BM", None, ["Lajes"], "Gran Canaria", None, None),
        ],
    ),
    # A verb and an object that tell a motion together; phrasal verbs with a preposition.
    (
        "The survey ship Oruc Reis dropped anchor off Alanya on Tuesday.",
        [("Oruc Reis", None, [], "Alanya", None, "2024-05-07")],
    ),
    (
        "The corvette Stoikiy made port in Tartus on Sunday.",
        [("Stoikiy", None, [], "Tartus", None, "2024-05-05")],
    ),
    (
        "HMAS Toowoomba put into Port Louis on Friday.",
        [("Toowoomba", None, [], "Port Louis", None, "2024-05-10")],
    ),
    (
        "A Brazilian KC-390 pressed on to Lisbon on Monday.",
        [("KC-390", None, [], "Lisbon", "2024-05-06", "2024-05-06")],
    ),
    # A chain the parser hangs off the first phrase: "from X to Y".
    (
        "A battalion of the 810th Naval Infantry Brigade moved by rail from Sevastopol to Kherson.",
        [("810th Naval Infantry Brigade", "Sevastopol", [], "Kherson", None, None)],
    ),
    # The means of transport carries the route ("by road from X").
    (
        "The Patriot battery was moved by road from Rzeszow to Jasionka.",
        [("Patriot", "Rzeszow", [], "Jasionka", None, None)],
    ),
    # A name the model tags as a person is a place in a route slot of a motion verb.
    (
        "A pair of Su-34 jets were flown to Belbek from Morozovsk on Monday.",
        [("Su-34", "Morozovsk", [], "Belbek", "2024-05-06", "2024-05-06")],
    ),
    # Verbs of arrival at sea and of diversion.
    (
        "An Arleigh Burke-class destroyer called at Souda Bay on Sunday.",
        [("Arleigh Burke-class", None, [], "Souda Bay", None, "2024-05-05")],
    ),
    (
        "A Type 052D destroyer pulled into Sihanoukville on Thursday.",
        [("Type 052D", None, [], "Sihanoukville", None, "2024-05-09")],
    ),
    (
        "The Il-76 diverted to Minsk after Polish controllers refused the request.",
        [("Il-76", None, [], "Minsk", None, None)],
    ),
    # An intransitive deployment: the unit is the subject ("June" is the latest June).
    (
        "The 101st Airborne Division deployed to Romania in June.",
        [("101st Airborne Division", None, [], "Romania", "2023-06-01", None)],
    ),
    # Route words without a motion verb of their own.
    (
        "A Russian Il-76 transited Turkish airspace on its way to Benghazi.",
        [("Il-76", None, [], "Benghazi", None, None)],
    ),
    (
        "The Type 054A frigate left Qingdao on 3 May, bound for Djibouti.",
        [("Type 054A", "Qingdao", [], "Djibouti", "2024-05-03", None)],
    ),
    # What a convoy carries is what moves.
    (
        "The convoy carrying the S-400 system crossed into Belarus near Mozyr.",
        [("S-400", None, [], "Belarus", None, None)],
    ),
    # A stop located by its country; a loose second verb shares the subject.
    (
        "The An-124 first stopped at Benina in Libya, then flew on to Bamako, arriving "
        "on 12 March.",
        [("An-124", None, ["Benina"], "Bamako", None, "2024-03-12")],
    ),
    # Back-references by kind: "the jet" is the aircraft, not the ship named since.
    (
        "A Russian Il-76 landed at Hmeimim on Monday. A Type 054A frigate docked at Tartus "
        "the same day. The jet flew on to Benghazi.",
        [
            ("Il-76", None, [], "Hmeimim", None, "2024-05-06"),
            ("Il-76", "Hmeimim", [], "Benghazi", None, None),
            ("Type 054A", None, [], "Tartus", None, "2024-05-06"),
        ],
    ),
    # A light verb with a trip noun is a trip; told with both ends, a leg of its own
    # ("Friday" is the document's own day).
    (
        "The Il-76MD, which flew paratroopers to Tajikistan earlier this month, made a "
        "second hop on Friday, from Dushanbe to Kant air base in Kyrgyzstan.",
        [
            ("Il-76MD", None, [], "Tajikistan", "2024-05-01", None),
            ("Il-76MD", "Dushanbe", [], "Kant air base", "2024-05-10", "2024-05-10"),
        ],
    ),
    # Told out of time order: the past perfect paragraph sorts before the latest trip, and a
    # verb the parser leaves without a subject moves what the verb before it moved.
    (
        "The aircraft left Bamako on Monday and stopped at Khmeimim in Syria before landing "
        "at Migalovo on Tuesday. It had departed Migalovo on 1 May, reached Khmeimim the "
        "next day, and then flew on to Benina airport in Benghazi, where it landed on "
        "3 May. From there it continued to Bamako on 4 May.",
        [],  # no asset named: nothing (the next case names one)
    ),
    (
        "The An-124 left Bamako on Monday and stopped at Khmeimim in Syria before landing "
        "at Migalovo on Tuesday. It had departed Migalovo on 1 May, reached Khmeimim the "
        "next day, and then flew on to Benina airport in Benghazi, where it landed on "
        "3 May. From there it continued to Bamako on 4 May.",
        [
            ("An-124", "Migalovo", [], "Khmeimim", "2024-05-01", "2024-05-02"),
            ("An-124", "Khmeimim", [], "Benina airport", None, "2024-05-03"),
            ("An-124", "Benina airport", [], "Bamako", "2024-05-04", "2024-05-04"),
            ("An-124", "Bamako", ["Khmeimim"], "Migalovo", "2024-05-06", "2024-05-07"),
        ],
    ),
    # A departure from where the current leg began tells that leg again (it is not a new
    # trip), an apposed registration names the airframe, and "in the morning" is on the
    # paragraph's running date.
    (
        "The An-124 flew on to Mali on Friday, touching down at Bamako in the afternoon. "
        "The aircraft, RA-82038, departed Benina airport in Benghazi in the morning.",
        [("An-124", "Benina airport", [], "Bamako", "2024-05-10", "2024-05-10")],
    ),
    # A hedged past trip ("believed to have flown") is a trip; flying "in" with no place
    # named is coming to where the report is datelined.
    (
        "DIEGO GARCIA — Two B-2 bombers have arrived at the base. They are thought to have "
        "flown from Whiteman Air Force Base. A C-17A that flew in from Hickam via Guam "
        "carried their spares.",
        [
            ("B-2", "Whiteman Air Force Base", [], "DIEGO GARCIA", None, None),
            ("C-17A", "Hickam", ["Guam"], "DIEGO GARCIA", None, None),
        ],
    ),
    # "the Antonov", "the Hercules": a word of an asset's maker or type name, made
    # definite, is the asset so named last.
    (
        "An Antonov An-124 landed at Bamako on Monday. On Tuesday the Antonov flew on to Niamey.",
        [
            ("An-124", None, [], "Bamako", None, "2024-05-06"),
            ("An-124", "Bamako", [], "Niamey", "2024-05-07", "2024-05-07"),
        ],
    ),
    # "The battalion", before any clause has moved an asset, is the one unit named.
    (
        "Sergeant Ruiz serves with Spain's 4th Infantry Battalion in Latvia. The battalion "
        "flew out of Riga on a chartered A330 on Monday and landed in Madrid.",
        [
            ("4th Infantry Battalion", "Riga", [], "Madrid", "2024-05-06", None),
            ("A330", "Riga", [], "Madrid", "2024-05-06", None),
        ],
    ),
    # "They" is no longer a group once another asset has moved since.
    (
        "An A330 and a KC-135 flew out of Riga on Monday for Tapa. The lads of the 5th "
        "Infantry Battalion drove from Tapa to Adazi on Tuesday. They flew on to Tallinn on "
        "Wednesday.",
        [
            ("A330", "Riga", [], "Tapa", "2024-05-06", "2024-05-06"),
            ("KC-135", "Riga", [], "Tapa", "2024-05-06", "2024-05-06"),
            ("5th Infantry Battalion", "Tapa", [], "Adazi", "2024-05-07", None),
            ("5th Infantry Battalion", "Adazi", [], "Tallinn", "2024-05-08", None),
        ],
    ),
    # A unit named again in short ("the 5th Regiment") is the unit named in full before.
    (
        "The 5th Infantry Regiment left Bayonne by road on Monday. The 5th Regiment reached "
        "Toulouse on Wednesday.",
        [("5th Infantry Regiment", "Bayonne", [], "Toulouse", "2024-05-06", "2024-05-08")],
    ),
    # A log's entries: a ship's name as a heading, or an airframe listed at the line's
    # start, and under or after it verbs with no subject; an entry whose asset is not known
    # takes nothing from the entry above it.
    (
        "WEEKLY SHIP NOTES\n\nHMS ALBION\nLeft Plymouth on Monday for Gibraltar. Crew "
        "changes are planned there.\n\nPatrol craft 21\nReturned on Tuesday from the "
        "Scilly Isles.",
        [("ALBION", "Plymouth", [], "Gibraltar", "2024-05-06", None)],
    ),
    (
        "- G-ABCD, a Cessna 208B, hex 40621F. Took off from Glasgow for Belfast at 09:10.",
        [("Cessna 208B", "Glasgow", [], "Belfast", None, None)],
    ),
    # "having departed X", which the parser can hang off X as a modifier, is where from.
    (
        "An Il-76 of the Belarusian Air Force touched down in Harare late on Friday, having "
        "departed Minsk.",
        [("Il-76", "Minsk", [], "Harare", None, "2024-05-10")],
    ),
    # "have been shifting" tells a trend: no trip waits for the ships named next.
    (
        "Russian warships have been shifting from Sevastopol to Novorossiysk since 2023. "
        "Missiles hit the landing ship Minsk in dry dock on Monday.",
        [],
    ),
    # A timeline's entry: the bullet and date stand apart, and a present tense the tagger
    # reads as a plural noun ("sails") is still the verb.
    (
        "Black Sea moves\n\n• 3 May 2024: The Project 22160 patrol ship Vasily Bykov sails "
        "from Sevastopol to Novorossiysk.",
        [("Project 22160", "Sevastopol", [], "Novorossiysk", None, None)],
    ),
    # "arrived at X from Y": where from can hang off the place arrived at.
    (
        "Two Kilo-class submarines arrived at Novorossiysk from Sevastopol on Monday.",
        [("Kilo-class", "Sevastopol", [], "Novorossiysk", None, "2024-05-06")],
    ),
    # A second verb the parser hangs loose off the first, its route off an adjective.
    (
        "- RA-78830, an Il-76MD. Dropped four trucks at Bishkek on Monday, then repositioned "
        "empty to Osh.",
        [("Il-76MD", None, [], "Osh", None, None)],
    ),
    # Landing with no place named is coming to the area the report keeps naming (the base
    # and its village are one area); a refuelling stop is on the way.
    (
        "Spotters outside RAF Waddington have had a busy week. Villagers in Waddington are "
        "used to the noise. A Danish C-130J landed on Tuesday after a refuelling stop at "
        "Prestwick.",
        [("C-130J", None, ["Prestwick"], "RAF Waddington", None, "2024-05-07")],
    ),
    # Going about before the news ("had patrolled ... since 2023") dates no leg.
    (
        "SAS Isandlwana sailed from Maputo for Durban on Monday; the Valour-class frigate "
        "had patrolled the coast since 2023.",
        [("Valour-class", "Maputo", [], "Durban", "2024-05-06", None)],
    ),
    # The names a feature word's phrase lists are each a point of the route.
    (
        "Two Tu-95MS bombers made a ten-hour flight over the waters of the Sea of Okhotsk "
        "and the Sea of Japan on Monday.",
        [("Tu-95MS", None, ["Sea of Okhotsk"], "Sea of Japan", "2024-05-06", None)],
    ),
    # An earlier trip ended where the asset next left from; "flown out of X" is from X.
    (
        "A Portuguese Air Force C-390 had flown out of Montijo on Monday with medical "
        "supplies. It left Beirut on Wednesday and landed in Lisbon on Thursday.",
        [
            ("C-390", "Montijo", [], "Beirut", "2024-05-06", None),
            ("C-390", "Beirut", [], "Lisbon", "2024-05-08", "2024-05-09"),
        ],
    ),
    # A definite singular refers back: it waits for no ship named after it.
    (
        "The ship had left Qingdao on 2 May. The destroyer Jinan sailed from Zhanjiang for "
        "Djibouti on Tuesday.",
        [("Jinan", "Zhanjiang", [], "Djibouti", "2024-05-07", None)],
    ),
    # A name the model tags DATE ("Montevideo") is still a place after a locative.
    (
        "The frigate Defensora arrived in Montevideo on Sunday.",
        [("Defensora", None, [], "Montevideo", None, "2024-05-05")],
    ),
    # A class "of the X class"; a place a trip "is expected in" is where it is going.
    (
        "The frigate Liberal (F43), of the Niterói class, sailed from Salvador on Friday and "
        "is expected in Montevideo on Tuesday.",
        [("Niterói class", "Salvador", [], "Montevideo", "2024-05-10", None)],
    ),
    # A design family by its form (MEKO), in apposition beside the ship's hull number.
    (
        "The corvette ARA Espora (P-41), a MEKO 140 ship, left Bahía Blanca for Ushuaia on Monday.",
        [("MEKO 140", "Bahía Blanca", [], "Ushuaia", "2024-05-06", None)],
    ),
    # "sick and wounded soldiers": a participle the parser reads as a second verb still
    # holds what the flight carried and its route.
    (
        "On Thursday a Royal Air Force A400M flew 41 sick and wounded soldiers from Kabul to "
        "RAF Brize Norton, with a refuelling stop in Akrotiri, the ministry added.",
        [("A400M", "Kabul", ["Akrotiri"], "RAF Brize Norton", "2024-05-09", "2024-05-09")],
    ),
    # A unit's people are the unit; a ship's crew is not the ship.
    (
        "HMS Quorn and HMS Ledbury arrived in Portsmouth on Monday. The ships' crews had "
        "already been flown home from Bahrain.",
        [
            ("Quorn", None, [], "Portsmouth", None, "2024-05-06"),
            ("Ledbury", None, [], "Portsmouth", None, "2024-05-06"),
        ],
    ),
    # Flight-tracking idiom: a tanker "working over" a country is on station there.
    (
        "Refuelling them: SHELL77, a KC-46A, which is working over Lithuania.",
        [("KC-46A", None, [], "Lithuania", None, None)],
    ),
    # What a ship shadowed or followed passed where the shadowing ship went (stops on its
    # own trip); a second verb's object pronoun is not its subject.
    (
        "HMS Mersey shadowed the Russian frigate Neustrashimy and the tanker Yelnya through "
        "the North Sea this week. The River-class ship sailed from Portsmouth on Monday, met "
        "the Russian pair off Dover and followed them west to Ushant. The frigate and the "
        "tanker had left Baltiysk on 1 May and are heading for Tartus.",
        [
            ("River-class", "Portsmouth", ["North Sea"], "Ushant", "2024-05-06", None),
            ("Neustrashimy", "Baltiysk", ["North Sea", "Ushant"], "Tartus", "2024-05-01", None),
            ("Yelnya", "Baltiysk", ["North Sea", "Ushant"], "Tartus", "2024-05-01", None),
        ],
    ),
    # Where the subject comes from is where the trip began; escorts travel too.
    (
        "Two KC-135 tankers from RAF Mildenhall escorted the fighters to Jordan.",
        [("KC-135", "RAF Mildenhall", [], "Jordan", None, None)],
    ),
    # A delivery told as "to <country>", then its way there.
    (
        "Norway has delivered two NASAMS launchers to Ukraine. The launchers were flown "
        "from Oslo to Rzeszow aboard a chartered An-124.",
        [
            ("NASAMS", "Oslo", ["Rzeszow"], "Ukraine", None, None),
            ("An-124", "Oslo", [], "Rzeszow", None, None),
        ],
    ),
    # Loading and unloading by rail; the troops of a unit are the unit; vehicles "of" it.
    (
        "Russia moved a battalion of its 810th Naval Infantry Brigade from Sevastopol to "
        "Kursk. The marines were loaded onto trains at Dzhankoi and unloaded at Lgov.",
        [("810th Naval Infantry Brigade", "Sevastopol", ["Dzhankoi"], "Lgov", None, None)],
    ),
    (
        "The first vehicles of the 1st Armored Brigade Combat Team arrived at Gdansk aboard "
        "a cargo ship.",
        [("1st Armored Brigade Combat Team", None, [], "Gdansk", None, None)],
    ),
    # Named ships: the name is the asset until the text gives its class, in another
    # sentence ("The Project 22160 vessel"), in apposition, in the same phrase or by "is a".
    (
        "The patrol ship Vasily Bykov entered the Mediterranean on Monday. The Project "
        "22160 vessel had left Sevastopol a week earlier.",
        [("Project 22160", "Sevastopol", [], "Mediterranean", "2024-04-29", "2024-05-06")],
    ),
    (
        "USS Carney, an Arleigh Burke-class destroyer, sailed from Souda Bay to Haifa.",
        [("Arleigh Burke-class", "Souda Bay", [], "Haifa", None, None)],
    ),
    (
        "The destroyer Nanning left Zhanjiang for Djibouti. Nanning is a Type 052D destroyer.",
        [("Type 052D", "Zhanjiang", [], "Djibouti", None, None)],
    ),
    (
        "The tanker Eagle S anchored off Helsinki after leaving Saint Petersburg.",
        [("Eagle S", "Saint Petersburg", [], "Helsinki", None, None)],
    ),
    # Two named ships in one sentence are two movements.
    (
        "The destroyer HMS Diamond and the tanker RFA Tidespring sailed from Portsmouth for "
        "the Red Sea.",
        [
            ("Diamond", "Portsmouth", [], "Red Sea", None, None),
            ("Tidespring", "Portsmouth", [], "Red Sea", None, None),
        ],
    ),
    # A group named before its members: the trip waits for the ships named next; a task at
    # sea is done where the ships go; "X a Type N frigate" and "belongs to" give classes.
    (
        "A naval taskforce of the Chinese navy set sail from Zhanjiang on Thursday to "
        "relieve the escort group in the Gulf of Aden. It is made up of the destroyer "
        "Changsha and the frigate Yulin. Changsha is a Type 052D destroyer. Yulin belongs "
        "to the Type 054A class.",
        [
            ("Type 052D", "Zhanjiang", [], "Gulf of Aden", "2024-05-09", None),
            ("Type 054A", "Zhanjiang", [], "Gulf of Aden", "2024-05-09", None),
        ],
    ),
    # A flotilla "consisting of" its ships; the class noun picks the ship of its type; a
    # return's date is its arrival.
    (
        "The flotilla consisting of the destroyer Sahand and the supply ship Kharg "
        "returned to Bandar Abbas on Thursday. The Moudge-class destroyer had sailed from "
        "Colombo on 20 April.",
        [
            ("Moudge-class", "Colombo", [], "Bandar Abbas", "2024-04-20", "2024-05-09"),
            ("Kharg", None, [], "Bandar Abbas", None, "2024-05-09"),
        ],
    ),
    # Ships that came along ("accompanied by") make the same trip.
    (
        "The frigate Admiral Gorshkov entered Havana harbour on Wednesday, accompanied by "
        "the fleet oiler Akademik Pashin.",
        [
            ("Admiral Gorshkov", None, [], "Havana harbour", None, "2024-05-08"),
            ("Akademik Pashin", None, [], "Havana harbour", None, "2024-05-08"),
        ],
    ),
    # "The jets" are the aircraft that moved last, not others merely named with them; an
    # agent ("followed by an A400M from Wunstorf") is not a means of transport.
    (
        "Four German Eurofighters landed at Amari Air Base on Monday, relieving Portuguese "
        "F-16s. The jets flew in from Laage and were followed by an A400M from Wunstorf.",
        [("Eurofighter", "Laage", [], "Amari Air Base", None, "2024-05-06")],
    ),
    # Stops told every way: a stop noun, "after stopping in", a stopover, a verb of
    # refuelling in a list of verbs, "stopped over ... on its way from X to Y" (a route
    # phrase the model tags as one organisation is still two places).
    (
        "The An-124 reached Bamako after stopping in Benghazi.",
        [("An-124", None, ["Benghazi"], "Bamako", None, None)],
    ),
    (
        "The C-17 landed in Rzeszow after a stopover at Ramstein.",
        [("C-17", None, ["Ramstein"], "Rzeszow", None, None)],
    ),
    (
        "An A400M left Wunstorf, refuelled in Larnaca and landed in Amman on Tuesday.",
        [("A400M", "Wunstorf", ["Larnaca"], "Amman", None, "2024-05-07")],
    ),
    (
        "The KC-135 stopped over in Souda Bay on its way from Mildenhall to Al Udeid.",
        [("KC-135", "Mildenhall", ["Souda Bay"], "Al Udeid", None, None)],
    ),
    # A ship-tracking post: a transit with where it is bound (the passage's date is not the
    # arrival's).
    (
        "The bulk carrier Sparta IV (IMO 9743370) transited the Bosphorus northbound on "
        "Sunday, bound for Novorossiysk, AIS data show.",
        [("Sparta IV", None, ["Bosphorus"], "Novorossiysk", None, None)],
    ),
    # A craft that delivers makes the trip; so does the agent of a passive of sending or
    # carrying; what an aircraft brings arrives the day it flies.
    (
        "A US Air Force C-17 delivered two HIMARS launchers to Rzeszow on Tuesday.",
        [
            ("C-17", None, [], "Rzeszow", "2024-05-07", "2024-05-07"),
            ("HIMARS", None, [], "Rzeszow", "2024-05-07", "2024-05-07"),
        ],
    ),
    (
        "The howitzers were flown from Dover Air Force Base to Rzeszow by C-17 transports.",
        [("C-17", "Dover Air Force Base", [], "Rzeszow", None, None)],
    ),
    # A back-reference in a list is another asset than its partners: "the tanker" is the
    # ship named with that noun.
    (
        "The German frigate Sachsen and the fleet tanker Rhön left Wilhelmshaven on Monday. "
        "The F124-class frigate and the tanker reached Lisbon on Thursday.",
        [
            ("F124-class", "Wilhelmshaven", [], "Lisbon", "2024-05-06", "2024-05-09"),
            ("Rhön", "Wilhelmshaven", [], "Lisbon", "2024-05-06", "2024-05-09"),
        ],
    ),
    # A class told later belongs to the named ship whose type was not given.
    (
        "HMS Tyne shadowed the Russian corvette Boikiy and the tanker Kola. The River-class "
        "patrol ship sailed from Portsmouth to Brest on Monday.",
        [("River-class", "Portsmouth", [], "Brest", "2024-05-06", None)],
    ),
    # A unit's people, written with the possessive, are the unit.
    (
        "The 2nd Cavalry Regiment was ordered east. The regiment's soldiers flew from "
        "Vilseck to Vilnius on Wednesday.",
        [("2nd Cavalry Regiment", "Vilseck", [], "Vilnius", "2024-05-08", None)],
    ),
    # Loading on the way of a trip whose start is told is a stop.
    (
        "The M1126 vehicles moved from Vilseck to Orzysz. They were loaded onto trains at "
        "Nuremberg.",
        [("M1126", "Vilseck", ["Nuremberg"], "Orzysz", None, None)],
    ),
    # A port call "on the way" is a stopover.
    (
        "The frigate Hessen sailed from Den Helder on May 4 and called at Souda Bay for fuel "
        "on the way to Djibouti.",
        [("Hessen", "Den Helder", ["Souda Bay"], "Djibouti", "2024-05-04", None)],
    ),
    # Going on in the same sentence continues the trip.
    (
        "An Il-76MD flew from Hmeimim to Benina and continued on to Al Khadim.",
        [("Il-76MD", "Hmeimim", ["Benina"], "Al Khadim", None, None)],
    ),
    # "followed" with no route of its own makes the trip told before, the same day.
    (
        "A Russian An-124 landed at Mürted Air Base on Thursday, and a second An-124 followed "
        "in the afternoon.",
        [
            ("An-124", None, [], "Mürted Air Base", None, "2024-05-09"),
            ("An-124", None, [], "Mürted Air Base", "2024-05-09", "2024-05-09"),
        ],
    ),
    # "was back in X": a trip home.
    (
        "HMS Tyne sailed from Portsmouth to Brest on Monday. HMS Tyne was back in Portsmouth "
        "on Wednesday.",
        [
            ("Tyne", "Portsmouth", [], "Brest", "2024-05-06", None),
            ("Tyne", "Brest", [], "Portsmouth", None, "2024-05-08"),
        ],
    ),
    # A name the parser leaves as an adverb after a particle ("anchored off Tobruk").
    (
        "The frigate Admiral Kasatonov left Severomorsk on May 3 and is now anchored off Limassol.",
        [("Admiral Kasatonov", "Severomorsk", [], "Limassol", "2024-05-03", None)],
    ),
    # An aircraft type named by its name alone, shown as one by the noun after it.
    (
        "French Rafale jets were redeployed from N'Djamena to Niamey on 4 February.",
        [("Rafale", "N'Djamena", [], "Niamey", "2024-02-04", "2024-02-04")],
    ),
    # A military field by its bare name.
    (
        "A Voyager tanker returned to Brize Norton after refuelling the jets.",
        [("Voyager", None, [], "Brize Norton", None, None)],
    ),
    # A trip told as a noun, with its movers in the "of" phrase or the owner; the date of
    # the clause it is told in. A planned or denied one is no trip.
    (
        "The transfer of two S-400 batteries from Kaliningrad to Belarus was completed on Sunday.",
        [("S-400", "Kaliningrad", [], "Belarus", "2024-05-05", None)],
    ),
    (
        "The frigate Admiral Essen's arrival in Tartus on Monday was filmed by residents.",
        [("Admiral Essen", None, [], "Tartus", None, "2024-05-06")],
    ),
    ("The planned deployment of four F-35As to Ämari was postponed.", []),
    ("Russia denied the delivery of S-300 systems to Venezuela.", []),
    # "there": the place named last.
    (
        "An Il-76MD landed in Minsk on Monday. A second Il-76MD landed there on Tuesday.",
        [
            ("Il-76MD", None, [], "Minsk", None, "2024-05-06"),
            ("Il-76MD", None, [], "Minsk", None, "2024-05-07"),
        ],
    ),
    # Being somewhere a tracker watches: where it was seen is where it went.
    (
        "The tanker Kerch Strait, which left Novorossiysk on 2 May, is now loitering off "
        "Port Said.",
        [("Kerch Strait", "Novorossiysk", [], "Port Said", "2024-05-02", None)],
    ),
    # A list of assets after an article: "A C-130J" is not the AC-130J gunship.
    (
        "A C-130J, two A400Ms and an Il-76 landed at Hamad International Airport on Sunday.",
        [
            ("C-130J", None, [], "Hamad International Airport", None, "2024-05-05"),
            ("A400M", None, [], "Hamad International Airport", None, "2024-05-05"),
            ("Il-76", None, [], "Hamad International Airport", None, "2024-05-05"),
        ],
    ),
    # A system a craft carries makes the trip; munitions are payload, and "both" means the
    # craft.
    (
        "Two Y-20s arrived at Belgrade on Saturday carrying HQ-22 air defence systems.",
        [
            ("Y-20", None, [], "Belgrade", None, "2024-05-04"),
            ("HQ-22", None, [], "Belgrade", None, "2024-05-04"),
        ],
    ),
    (
        "Two C-17A transports landed at Rzeszow yesterday carrying Patriot interceptors. Both "
        "had left Dover on Tuesday.",
        [("C-17A", "Dover", [], "Rzeszow", "2024-05-07", "2024-05-09")],
    ),
    # Two "to" phrases far apart in one clause: stops in the order told.
    (
        "Four F-16s flew first to Lajes and then to Madrid on Monday.",
        [("F-16", None, ["Lajes"], "Madrid", "2024-05-06", "2024-05-06")],
    ),
    # "according to the ministry in X" names a source, not where the trip went.
    (
        "Turkey delivered two T129 ATAK helicopters to Mogadishu last month, according to the "
        "defence ministry in Ankara.",
        [("T129 ATAK", None, [], "Mogadishu", "2024-04-01", None)],
    ),
    # "X carrying Y landed": the parser's subject inside the participle's phrase is not the
    # one that moved.
    (
        "A Mexican Air Force Boeing 737-800 carrying 40 electricians from the state utility "
        "CFE landed in Havana on Sunday after a flight from Mexico City.",
        [("Boeing 737-800", "Mexico City", [], "Havana", None, "2024-05-05")],
    ),
    # A trip told of an asset not yet named goes to the next one named only if the operators
    # agree.
    (
        "A Royal Danish Air Force surveillance aircraft landed at Kangerlussuaq on Tuesday. "
        "Later a US Air Force C-17 landed at Pituffik Space Base on Wednesday.",
        [("C-17", None, [], "Pituffik Space Base", None, "2024-05-08")],
    ),
    # A navy's ship prefix gives the operator.
    (
        "The landing ship ARM Papaloapan sailed from Veracruz to Havana on Monday.",
        [("Papaloapan", "Veracruz", [], "Havana", "2024-05-06", None)],
    ),
    # "set out from": a departure with its particle.
    (
        "The research vessel Oruç Reis, which set out from Istanbul on 5 May, reached "
        "Mogadishu on Thursday.",
        [("Oruç Reis", "Istanbul", [], "Mogadishu", "2024-05-05", "2024-05-09")],
    ),
    # Escorts with no trip of their own make the escorted ship's; shadowing is not escorting.
    (
        "The tanker Kerch Strait sailed from Novorossiysk to Tartus on Monday. It was escorted "
        "throughout by the frigate Admiral Essen.",
        [
            ("Kerch Strait", "Novorossiysk", [], "Tartus", "2024-05-06", None),
            ("Admiral Essen", "Novorossiysk", [], "Tartus", "2024-05-06", None),
        ],
    ),
    (
        "The tanker Kerch Strait sailed from Novorossiysk to Tartus on Monday. The frigate "
        "HMS Kent shadowed it.",
        [("Kerch Strait", "Novorossiysk", [], "Tartus", "2024-05-06", None)],
    ),
    # "launched from", "across" a sea on the way, and a named type with its variant mark.
    (
        "An RQ-4B launched from Sigonella on Tuesday and flew across the Ionian Sea to Constanța.",
        [("RQ-4B", "Sigonella", ["Ionian Sea"], "Constanța", "2024-05-07", None)],
    ),
    (
        "Three Merlin Mk4 helicopters arrived at Bardufoss on Tuesday after a three-day "
        "transit from Yeovilton, with overnight stops at Dublin and Bergen.",
        [("Merlin Mk4", "Yeovilton", ["Dublin", "Bergen"], "Bardufoss", None, "2024-05-07")],
    ),
    # What a trip is made "with" comes along, for the whole trip.
    (
        "Two C-17 transports landed at Clark Air Base on Friday with the first HIMARS "
        "launchers for the Philippine Army. They had taken off from Delhi.",
        [
            ("C-17", "Delhi", [], "Clark Air Base", "2024-05-10", "2024-05-10"),
            ("HIMARS", "Delhi", [], "Clark Air Base", "2024-05-10", "2024-05-10"),
        ],
    ),
    (
        "Three French Rafale B fighters took off from Saint-Dizier on 30 April together with "
        "an A330 MRTT tanker. The jets touched down at Hyakuri on Tuesday.",
        [
            ("Rafale B", "Saint-Dizier", [], "Hyakuri", "2024-04-30", "2024-05-07"),
            ("A330 MRTT", "Saint-Dizier", [], "Hyakuri", "2024-04-30", "2024-05-07"),
        ],
    ),
    # Leaving a strait it entered goes on with the same trip.
    (
        "The destroyer HMS Kent entered the Taiwan Strait on Monday and left it for the South "
        "China Sea the same day.",
        [("Kent", None, ["Taiwan Strait"], "South China Sea", "2024-05-06", "2024-05-06")],
    ),
    # A craft and what it carries aboard make one trip, each told part of it.
    (
        "Twenty-four K9 howitzers were unloaded at Gdynia on Tuesday. The vehicles crossed "
        "half the globe aboard the car carrier Glovis Sirius, which sailed from Busan on "
        "28 March.",
        [
            ("K9", "Busan", [], "Gdynia", "2024-03-28", "2024-05-07"),
            ("Glovis Sirius", "Busan", [], "Gdynia", "2024-03-28", "2024-05-07"),
        ],
    ),
    (
        "The Mid-Range Capability system, or Typhon, was carried by C-17 transports from "
        "Ramstein to Laoag last Thursday.",
        [
            ("Mid-Range Capability", "Ramstein", [], "Laoag", "2024-05-09", "2024-05-09"),
            ("C-17", "Ramstein", [], "Laoag", "2024-05-09", "2024-05-09"),
        ],
    ),
    # A light verb with a noun of arrival arrives; a place name hyphenated into a class name
    # is the class's own ("Canberra-class").
    (
        "A RAAF C-17A made the first landing at Fua'amotu International Airport on Monday.",
        [("C-17A", None, [], "Fua'amotu International Airport", None, "2024-05-06")],
    ),
    (
        "HMAS Adelaide arrived off Nuku'alofa on Wednesday. The Canberra-class ship had sailed "
        "from Brisbane on 21 April.",
        [("Canberra-class", "Brisbane", [], "Nuku'alofa", "2024-04-21", "2024-05-08")],
    ),
    # A return is a leg of its own, from where the asset was.
    (
        "Two C-17 Globemaster transports flew from Dover Air Force Base to Rzeszow on "
        "9 April. The planes returned to Dover two days later.",
        [
            ("C-17", "Dover Air Force Base", [], "Rzeszow", "2024-04-09", "2024-04-09"),
            ("C-17", "Rzeszow", [], "Dover", None, "2024-04-11"),
        ],
    ),
    # A ship named after a capital is a ship after its type noun.
    (
        "The Canadian frigate Ottawa sailed from Halifax to Reykjavik on Tuesday.",
        [("Ottawa", "Halifax", [], "Reykjavik", "2024-05-07", None)],
    ),
    # A coast guard's hull number is its name; the parser hangs "for X" off the date.
    (
        "The Vietnam Coast Guard ship CSB 8004 left Vung Tau on 2 May for Da Nang.",
        [("CSB 8004", "Vung Tau", [], "Da Nang", "2024-05-02", None)],
    ),
    (
        "The China Coast Guard cutter Haijing 37111 sailed to Sanya.",
        [("Haijing 37111", None, [], "Sanya", None, None)],
    ),
    # "came into X" ends a trip at X.
    (
        "Six Y-20s came into Belgrade overnight on Sunday.",
        [("Y-20", None, [], "Belgrade", None, "2024-05-05")],
    ),
    # A past form the lemmatiser reads as another verb ("staged": "stag"), an Arabic
    # article opening a field's bare name ("Al Dhafra"), and a definite collective noun
    # ("the formation") for the group told before.
    (
        "Four Rafale jets took off from Saint-Dizier on 30 April. The formation staged through "
        "Al Dhafra and Paya Lebar before flying on to Japan.",
        [("Rafale", "Saint-Dizier", ["Al Dhafra", "Paya Lebar"], "Japan", "2024-04-30", None)],
    ),
    # British unit designations: the arm after the regiment, a bare number before the
    # noun; "the main body of" a unit is the unit.
    (
        "Gunners of 12th Regiment Royal Artillery were flown from RAF Brize Norton to Tallinn.",
        [("12th Regiment Royal Artillery", "RAF Brize Norton", [], "Tallinn", None, None)],
    ),
    (
        "The main body of 40 Commando was flown from Exeter to Bardufoss on chartered flights.",
        [("40 Commando", "Exeter", [], "Bardufoss", None, None)],
    ),
    # A part of the day told relative to the date before it ("the same evening"), and a
    # perfect told as just done (the report's day).
    (
        "Eight F-16s left Aviano on Monday and landed at Incirlik the same evening.",
        [("F-16", "Aviano", [], "Incirlik", "2024-05-06", "2024-05-06")],
    ),
    (
        "09:10 GMT — A C-17A has just touched down at Ramstein after a flight from Dover.",
        [("C-17A", "Dover", [], "Ramstein", None, DATE)],
    ),
    # A convoy carrying a unit's soldiers moves the unit; an Arabic article inside a
    # base's name, and a name reached only with its airfield word ("Ain al-Asad air base").
    (
        "A convoy carrying soldiers of the 2nd Battalion, 7th Cavalry Regiment left Ain al-Asad "
        "air base on Wednesday and reached Erbil air base the following day.",
        [
            (
                "2nd Battalion, 7th Cavalry Regiment",
                "Ain al-Asad air base",
                [],
                "Erbil air base",
                "2024-05-08",
                "2024-05-09",
            )
        ],
    ),
    # What a craft carries can hold the route ("flew two launchers and their crews from").
    (
        "On Thursday a C-17 flew two launchers and their crews from Ramstein to Erbil.",
        [("C-17", "Ramstein", [], "Erbil", "2024-05-09", "2024-05-09")],
    ),
    # A relative clause hung off the owner named after the asset still means the asset.
    (
        "The jets were refuelled over Austria by a KC-135R of the 100th Air Refueling Wing, "
        "which later returned to RAF Mildenhall.",
        [("KC-135R", None, ["Austria"], "RAF Mildenhall", None, None)],
    ),
    # "to the waters off X": the trip goes to the sea off X.
    (
        "The patrol ship HDMS Knud Rasmussen left Nuuk on Monday and is sailing south to the "
        "waters off Qaqortoq.",
        [("Knud Rasmussen", "Nuuk", [], "Qaqortoq", "2024-05-06", None)],
    ),
    # An "in" phrase set off after a name locates it: no trip to North Rhine-Westphalia.
    (
        "Twenty Leopard 2A6 tanks were carried by train from Augustdorf, in North "
        "Rhine-Westphalia, across Poland.",
        [],
    ),
    # Flight-tracking idiom: "out of X" on the asset is where it came from, "went up" takes
    # off, "holding over X" is where it went; a night spent on the way is a stop.
    (
        "Two B-1B Lancers out of Ellsworth AFB are heading for Ørland, Norway.",
        [("B-1B", "Ellsworth AFB", [], "Ørland", None, None)],
    ),
    (
        "QUID471, a KC-135R out of RAF Mildenhall, went up an hour ago and is holding over "
        "the North Sea.",
        [("KC-135R", "RAF Mildenhall", [], "North Sea", None, None)],
    ),
    (
        "A C-17A left Ellsworth yesterday, spent the night at Keflavík and landed at Ørland.",
        [("C-17A", "Ellsworth", ["Keflavík"], "Ørland", "2024-05-09", None)],
    ),
    # A ship that "tied up at" a port arrived there.
    (
        "HMS Medway has tied up at Kingston's container terminal.",
        [("Medway", None, [], "Kingston", None, None)],
    ),
    # More navies' prefixes ("BAE", "KV"); "to X from Y" with "from" hung off X.
    (
        "The coast guard vessel KV Andenes came up to Tromsø from its home port of Sortland "
        "on Sunday.",
        [("Andenes", "Sortland", [], "Tromsø", "2024-05-05", None)],
    ),
    (
        "The corvette BAE Loja left Guayaquil on Thursday for Manta.",
        [("Loja", "Guayaquil", [], "Manta", "2024-05-09", None)],
    ),
    # A port call told before an arrival elsewhere was a stop on the way.
    (
        "The frigate PNS Shamsheer left Karachi on 20 April and called at Salalah on "
        "24 April. It arrived at Jeddah on 1 May.",
        [("Shamsheer", "Karachi", ["Salalah"], "Jeddah", "2024-04-20", "2024-05-01")],
    ),
    # An uncounted plural told before its members are named moves all of them.
    (
        "Russian Navy vessels were seen sailing south. The vessels then passed through the "
        "Tsugaru Strait and entered the Pacific. Vessels confirmed: one Udaloy I-class "
        "destroyer and one Dubna-class replenishment oiler.",
        [
            ("Udaloy I-class", None, ["Tsugaru Strait"], "Pacific", None, None),
            ("Dubna-class", None, ["Tsugaru Strait"], "Pacific", None, None),
        ],
    ),
    # "joined X in Y": the asset came to Y.
    (
        "The frigate Independência joined the submarine in Montevideo on Sunday.",
        [("Independência", None, [], "Montevideo", None, "2024-05-05")],
    ),
    # A shore base named like a ship ("HMAS Stirling") is where the ship went, not a ship.
    (
        "The submarine HMS Audacious berthed at HMAS Stirling on Thursday after a voyage "
        "from Devonport.",
        [("Audacious", "Devonport", [], "HMAS Stirling", None, "2024-05-09")],
    ),
    # The model is the designator without the kind of thing it is ("Leclerc tanks").
    (
        "Fourteen Leclerc tanks left Mourmelon by train on 10 March and reached Făgăraș on Sunday.",
        [("Leclerc", "Mourmelon", [], "Făgăraș", "2024-03-10", "2024-05-05")],
    ),
    # A class said of a ship however the parse goes ("X is a Y-class frigate"), and a
    # counted plural class mention classes as many ships.
    (
        "PNS Babur left Karachi on 4 May for Salalah. PNS Babur is a Babur-class frigate "
        "commissioned in 2023.",
        [("Babur-class", "Karachi", [], "Salalah", "2024-05-04", None)],
    ),
    (
        "TCG Anadolu and TCG Trakya docked at Mersin on Thursday. The two Anadolu-class "
        "ships had left Aksaz on Tuesday.",
        [
            ("Anadolu-class", "Aksaz", [], "Mersin", "2024-05-07", "2024-05-09"),
            ("Anadolu-class", "Aksaz", [], "Mersin", "2024-05-07", "2024-05-09"),
        ],
    ),
    # Listed subjects the parse splits ("am" read as a verb) share the verb they precede.
    (
        "The frigate Bayern and the replenishment ship Frankfurt am Main sailed from Kiel to "
        "Oslo on Monday.",
        [
            ("Bayern", "Kiel", [], "Oslo", "2024-05-06", None),
            ("Frankfurt am Main", "Kiel", [], "Oslo", "2024-05-06", None),
        ],
    ),  # A trip noun inside a route phrase of the verb: its start and stops are the route's,
    # where it went on is not ("after a patrol in the North Sea").
    (
        "Two Rafale jets landed at Al Dhafra on Tuesday at the end of a ferry flight from "
        "Saint-Dizier with a refuelling stop in Souda Bay.",
        [("Rafale", "Saint-Dizier", ["Souda Bay"], "Al Dhafra", None, "2024-05-07")],
    ),
    # An escort's participle, wherever the parser hangs it in the clause, brings the
    # escort along; so does a passive agent the parser splits off its designator.
    (
        "The destroyer USS Carney left Mayport on 3 May, escorted by the frigate USS Kidd, "
        "and arrived in Rota ten days later.",
        [
            ("Carney", "Mayport", [], "Rota", "2024-05-03", "2024-05-13"),
            ("Kidd", "Mayport", [], "Rota", "2024-05-03", "2024-05-13"),
        ],
    ),
    (
        "Two AW101 helicopters were flown from Yeovilton to Kabul on Monday by an RAF C-17A.",
        [
            ("AW101", "Yeovilton", [], "Kabul", "2024-05-06", "2024-05-06"),
            ("C-17A", "Yeovilton", [], "Kabul", "2024-05-06", "2024-05-06"),
        ],
    ),
    # A feature word that ends a name is not "the area near" the place after it.
    (
        "Four F-16s landed at Ämari air base near Tallinn on Wednesday.",
        [("F-16", None, [], "Ämari air base", None, "2024-05-08")],
    ),
    # An arrival told with no place ends where the report is: here the one site it keeps
    # coming back to.
    (
        "Aircraft from four nations are gathering at Keflavík for an anti-submarine "
        "exercise. A German P-8A landed on Monday after a flight from Nordholz. The "
        "exercise at Keflavík ends on Friday.",
        [("P-8A", "Nordholz", [], "Keflavík", None, "2024-05-06")],
    ),
    # A departure told with an arrival still to come: that is where the trip is going.
    (
        "The landing ship ARM Usumacinta sailed from Tampico on Monday with medical supplies "
        "and is due to reach Port-au-Prince on Thursday.",
        [("Usumacinta", "Tampico", [], "Port-au-Prince", "2024-05-06", None)],
    ),
    # What a ship sails carrying makes its whole trip, the end told in the next sentence.
    (
        "The amphibious ship HMAS Choules sailed from Townsville on Monday carrying two "
        "MRH-90 helicopters. It arrived off Honiara on Wednesday.",
        [
            ("Choules", "Townsville", [], "Honiara", "2024-05-06", "2024-05-08"),
            ("MRH-90", "Townsville", [], "Honiara", "2024-05-06", "2024-05-08"),
        ],
    ),
    # "taken to X" sends (not "took off").
    (
        "Ten K2 tanks were unloaded at Gdynia on Tuesday. The next day the tanks were taken "
        "by rail to Morąg.",
        [
            ("K2", None, [], "Gdynia", None, "2024-05-07"),
            ("K2", "Gdynia", [], "Morąg", "2024-05-08", None),
        ],
    ),
    # A second verb of carrying with no subject of its own: the craft of the first.
    (
        "A RAAF C-130J flew an assessment team from Richmond to Port Moresby on Sunday and "
        "took the team on to Wapenamanda on Monday.",
        [
            ("C-130J", "Richmond", [], "Port Moresby", None, None),
            ("C-130J", "Port Moresby", [], "Wapenamanda", "2024-05-06", "2024-05-06"),
        ],
    ),
    # A trip called off was not made ("called off" is no port call either).
    (
        "A RAAF C-130J flew from Amberley to Port Moresby on Sunday. A second C-130J flight "
        "to Wapenamanda was called off on Tuesday.",
        [("C-130J", "Amberley", [], "Port Moresby", "2024-05-05", "2024-05-05")],
    ),
    # A stop "on" an island; a trip's end "as far as" a place.
    (
        "Two CH-47F helicopters left Townsville on Tuesday, refuelled on Horn Island and "
        "reached Port Moresby by nightfall.",
        [("CH-47F", "Townsville", ["Horn Island"], "Port Moresby", "2024-05-07", None)],
    ),
    (
        "A C-130J flew as far as Darwin on Monday.",
        [("C-130J", None, [], "Darwin", "2024-05-06", "2024-05-06")],
    ),
    # A port call told as a noun is a stop; so are the straits a trip home passed, and
    # those a trip noun's own clause says it went through.
    (
        "HMNZS Aotearoa sailed from Auckland on 2 May and, after a port call in Suva, arrived "
        "in Apia on 9 May.",
        [("Aotearoa", "Auckland", ["Suva"], "Apia", "2024-05-02", "2024-05-09")],
    ),
    (
        "The Royal Navy minehunter HMS Bangor sailed from Bahrain on 22 August and came home "
        "through the Suez Canal and the Strait of Gibraltar.",
        [
            (
                "Bangor",
                "Bahrain",
                ["Suez Canal", "Strait of Gibraltar"],
                "United Kingdom",
                "2023-08-22",
                None,
            )
        ],
    ),
    (
        "The submarine HMS Astute berthed at Gibraltar on Thursday after a voyage from "
        "Devonport that took it through the Bay of Biscay.",
        [("Astute", "Devonport", ["Bay of Biscay"], "Gibraltar", None, "2024-05-09")],
    ),
    # What a craft flies makes the trip with it; what a ship shadows does not ride on it.
    (
        "On Friday a C-17 flew a pair of NASAMS launchers from Rzeszów to Vilnius.",
        [
            ("C-17", "Rzeszów", [], "Vilnius", "2024-05-10", "2024-05-10"),
            ("NASAMS", "Rzeszów", [], "Vilnius", "2024-05-10", "2024-05-10"),
        ],
    ),
    (
        "HMS Mersey shadowed the Russian corvette Stoikiy from Dover to Plymouth.",
        [("Mersey", "Dover", [], "Plymouth", None, None)],
    ),
    # Units named with the number after the noun, and a ship named by its register number.
    (
        "Jagdgeschwader 71 flew from Wittmund to Ämari on Monday.",
        [("Jagdgeschwader 71", "Wittmund", [], "Ämari", "2024-05-06", None)],
    ),
    (
        "Carrier Strike Group 12 sailed from Norfolk on Tuesday for the Mediterranean.",
        [("Carrier Strike Group 12", "Norfolk", [], "Mediterranean", "2024-05-07", None)],
    ),
    # A ship approaching a port is heading there; clearing a strait is passing it.
    (
        "Shiyan 1 (MMSI 413000000) is approaching Colombo at 10 knots. The research ship had "
        "left Sanya on 20 April and cleared the Strait of Malacca on 3 May.",
        [("Shiyan 1", "Sanya", ["Strait of Malacca"], "Colombo", "2024-04-20", None)],
    ),
    # More verbs of the trade: supported by a tanker (it comes along), recovered to a base
    # (landed there), positioned at a port (arrived).
    (
        "Four F-35Bs flew from Iwakuni to Clark Air Base on 2 April, supported by a KC-130J.",
        [
            ("F-35B", "Iwakuni", [], "Clark Air Base", "2024-04-02", "2024-04-02"),
            ("KC-130J", "Iwakuni", [], "Clark Air Base", "2024-04-02", "2024-04-02"),
        ],
    ),
    (
        "An F-35A recovered to Lakenheath on Tuesday after the exercise.",
        [("F-35A", None, [], "Lakenheath", None, "2024-05-07")],
    ),
    (
        "The Chinese frigate Xuchang has positioned at Sihanoukville.",
        [("Xuchang", None, [], "Sihanoukville", None, None)],
    ),
    # A type noun after a ship's name belongs to it only in apposition (not "Mersey trailed
    # the frigate"); a second verb with no subject moves every subject of the first.
    (
        "HMS Mersey trailed the Russian frigate Neustrashimy and the tanker Yelnya on Monday. "
        "The Neustrashimy-class frigate and the tanker had left Baltiysk on 2 May and are "
        "heading for the Mediterranean.",
        [
            ("Neustrashimy-class", "Baltiysk", [], "Mediterranean", "2024-05-02", None),
            ("Yelnya", "Baltiysk", [], "Mediterranean", "2024-05-02", None),
        ],
    ),
    # "accompanied them": an object pronoun means the assets told before, not the subject.
    (
        "Four Rafale jets left Saint-Dizier on Monday and flew to Al Dhafra via Souda Bay. An "
        "A330 MRTT tanker accompanied them throughout.",
        [
            ("Rafale", "Saint-Dizier", ["Souda Bay"], "Al Dhafra", "2024-05-06", None),
            ("A330 MRTT", "Saint-Dizier", ["Souda Bay"], "Al Dhafra", "2024-05-06", None),
        ],
    ),
    # Models no list holds, known by the noun after them, and designators with a series
    # number or a transliterated suffix; a unit's whole designation, however long.
    (
        "Six ATMOS 2000 howitzers were flown from Tel Aviv to Baku on Tuesday.",
        [("ATMOS 2000", "Tel Aviv", [], "Baku", "2024-05-07", None)],
    ),
    (
        "Four Piranha armoured vehicles were unloaded at Klaipėda on Monday after crossing "
        "from Kiel.",
        [("Piranha", "Kiel", [], "Klaipėda", None, "2024-05-06")],
    ),
    (
        "Two Mi-8AMTSh helicopters of the Kazakh Air Force flew from Almaty to Taraz on Monday.",
        [("Mi-8AMTSh", "Almaty", [], "Taraz", "2024-05-06", "2024-05-06")],
    ),
    (
        "A chartered Boeing 767-300F carrying relief goods left Liège for Nairobi on Wednesday.",
        [("Boeing 767-300F", "Liège", [], "Nairobi", "2024-05-08", None)],
    ),
    (
        "A CC-150 Polaris and an L-100-30 Hercules landed at Lajes on Thursday after leaving "
        "Trenton.",
        [
            ("CC-150", "Trenton", [], "Lajes", None, "2024-05-09"),
            ("L-100-30", "Trenton", [], "Lajes", None, "2024-05-09"),
        ],
    ),
    (
        "Troops of the 7th Guards Mountain Air Assault Division moved from Novorossiysk to "
        "Dzhankoi on Monday.",
        [
            (
                "7th Guards Mountain Air Assault Division",
                "Novorossiysk",
                [],
                "Dzhankoi",
                "2024-05-06",
                None,
            )
        ],
    ),
    (
        "Soldiers of the 2nd Battalion, Royal Gurkha Rifles flew from Brize Norton to Tallinn "
        "on Sunday.",
        [
            (
                "2nd Battalion, Royal Gurkha Rifles",
                "Brize Norton",
                [],
                "Tallinn",
                "2024-05-05",
                None,
            )
        ],
    ),
    # What a craft carries makes its trip: a cargo word of the carried asset's own clause,
    # with the craft named near it, in the same sentence or another.
    (
        "The aircraft carrier Cavour left Taranto on 1 May and arrived in Mumbai on 9 May. "
        "Four NH90 helicopters are embarked.",
        [
            ("Cavour", "Taranto", [], "Mumbai", "2024-05-01", "2024-05-09"),
            ("NH90", "Taranto", [], "Mumbai", "2024-05-01", "2024-05-09"),
        ],
    ),
    (
        "An Il-76MD, RF-76778, departed Pskov and landed in Benghazi on 10 February. Its load "
        "included a Tor-M2 air-defence system.",
        [
            ("Il-76MD", "Pskov", [], "Benghazi", None, "2024-02-10"),
            ("Tor-M2", "Pskov", [], "Benghazi", None, "2024-02-10"),
        ],
    ),
    # ... but not a craft of the same type, nor what parts are for, nor the craft that loads.
    (
        "A Turkish A400M flew from Kayseri to Port Sudan on 7 April. A second A400M is being "
        "loaded at Kayseri.",
        [("A400M", "Kayseri", [], "Port Sudan", "2024-04-07", "2024-04-07")],
    ),
    (
        "A Boeing 747-400F landed at Taoyuan on Tuesday carrying parts for the M1A2T tanks.",
        [("Boeing 747-400F", None, [], "Taoyuan", None, "2024-05-07")],
    ),
    (
        "A C-130H from Bogotá arrived in Kingston with food on Friday. The amphibious ship "
        "Johan de Witt is still loading in Curaçao.",
        [("C-130H", "Bogotá", [], "Kingston", None, "2024-05-10")],
    ),
    # A family's designator, then the one variant the report writes: the variant.
    (
        "US F-16s arrive in Estonia\nSix F-16CM jets landed at Ämari Air Base on Tuesday.",
        [("F-16CM", None, [], "Ämari Air Base", None, "2024-05-07")],
    ),
    # A registration alone names an airframe: of the type named before it ...
    (
        "Two Il-78s were seen over Armenia. RF-78779 flew from Orenburg to Erebuni on 8 May.",
        [("Il-78", "Orenburg", [], "Erebuni", "2024-05-08", "2024-05-08")],
    ),
    # ... or the one airframe of that type the report has told of, now identified.
    (
        "An An-124 landed at Benina on Tuesday. The freighter, RA-82038, left for Bamako on "
        "Friday.",
        [
            ("An-124", None, [], "Benina", None, "2024-05-07"),
            ("An-124", "Benina", [], "Bamako", "2024-05-10", None),
        ],
    ),
    # Verbs of short flights and of arrival from the air; a trip under way.
    (
        "Two Swedish JAS 39E Gripens hopped from Stockholm to Riga on 8 May.",
        [("JAS 39E", "Stockholm", [], "Riga", "2024-05-08", "2024-05-08")],
    ),
    (
        "The An-124 is inbound to Riga.",
        [("An-124", None, [], "Riga", None, None)],
    ),
    # Units numbered without an ordinal suffix, and French designations.
    (
        "Soldiers of 45 Armoured Infantry Battalion flew from Vilnius to Eindhoven on 8 May.",
        [("45 Armoured Infantry Battalion", "Vilnius", [], "Eindhoven", "2024-05-08", None)],
    ),
    (
        "The 1er Régiment de Chasseurs Parachutistes flew from Niamey to Pamiers on 8 May.",
        [("1er Régiment de Chasseurs Parachutistes", "Niamey", [], "Pamiers", "2024-05-08", None)],
    ),
    # An ally's escort told in the active made the trip it escorted.
    (
        "Two Rafale fighters landed at Pekanbaru on Sunday after a ferry flight from Istres. "
        "A French A330 MRTT tanker escorted them all the way.",
        [
            ("A330 MRTT", "Istres", [], "Pekanbaru", None, "2024-05-05"),
            ("Rafale", "Istres", [], "Pekanbaru", None, "2024-05-05"),
        ],
    ),
    # A sighting is no trip by itself; it starts the trip told next and ends the one the
    # asset had come on.
    ("The Il-76 with registration RA-76502 was spotted at Bamako on Monday.", []),
    (
        "The Il-76 with registration RA-76502 was logged at Bamako on Monday. It then "
        "headed to Niamey.",
        [("Il-76", "Bamako", [], "Niamey", None, None)],
    ),
    (
        "An An-26 of the Sudanese air force was seen at El Fasher on Thursday. Tracking data "
        "show the aircraft had come from Port Sudan.",
        [("An-26", "Port Sudan", [], "El Fasher", None, "2024-05-09")],
    ),
    (
        "Just before midnight, AE6895 (CH-47F) was spotted hopping from Wiesbaden to Katterbach.",
        [("CH-47F", "Wiesbaden", [], "Katterbach", None, None)],
    ),
    # A foreign ship that shadowed another in a participle made no trip.
    (
        "The Canadian frigate HMCS Ottawa transited the Taiwan Strait on Saturday, shadowed "
        "by a Chinese Type 052D destroyer, and arrived at Manila on Monday.",
        [("Ottawa", None, ["Taiwan Strait"], "Manila", None, "2024-05-06")],
    ),
    # A route told in apposition of the asset, before a verb that moves nothing.
    (
        "Six A-29 Super Tucanos, en route from Jacksonville to Lagos, were held at Bermuda "
        "by weather on Tuesday.",
        [("A-29 Super Tucano", "Jacksonville", [], "Lagos", None, None)],
    ),
    # ... unless the verb says the asset stayed where it was: the trip has not begun.
    ("Two Mi-24P helicopters, reportedly destined for Niger, remain at the port of Lomé.", []),
    # Being on the ground somewhere is having landed there; having been there before is a
    # stop told again.
    (
        "A KC-390 from Kecskemet stopped at Ankara on Wednesday. By evening the aircraft was "
        "on the ground in Tbilisi.",
        [("KC-390", "Kecskemet", ["Ankara"], "Tbilisi", "2024-05-08", "2024-05-08")],
    ),
    (
        "An Il-76MD brought Pantsir-S1 components into Hmeimim on Sunday after a stop in "
        "Tehran. The jet had been on the ground in Tehran for about three hours.",
        [
            ("Il-76MD", None, ["Tehran"], "Hmeimim", "2024-05-05", "2024-05-05"),
            ("Pantsir-S1", None, ["Tehran"], "Hmeimim", "2024-05-05", "2024-05-05"),
        ],
    ),
    # A headline retells the report's trip: it tells none of its own.
    (
        "Spanish Hornets fly to Lithuania\nEight EF-18M Hornets of Ala 15 left Zaragoza on "
        "Monday for Siauliai.",
        [("EF-18M", "Zaragoza", [], "Siauliai", "2024-05-06", None)],
    ),
    # A copula naming an asset's stop ("Its next stop was Baku").
    (
        "An An-124 lifted off from Leipzig on Monday. Its next stop was Baku, where it spent "
        "two hours, before it continued to Urumqi.",
        [("An-124", "Leipzig", ["Baku"], "Urumqi", "2024-05-06", None)],
    ),
    # "set course for X" is a trip there; a visit completed is a stay at its port.
    (
        "The corvette Sovershenny completed a visit to Jakarta and set course for Vladivostok.",
        [
            ("Sovershenny", "Jakarta", [], "Vladivostok", None, None),
            ("Sovershenny", None, [], "Jakarta", None, None),
        ],
    ),
    # A counted group named by its registrations later is those airframes, each with the
    # group's trip so far.
    (
        "Two Russian Il-76s landed in Bamako on Tuesday. The aircraft, RA-78830 and "
        "RA-76502, had flown from Benghazi.",
        [
            ("Il-76", "Benghazi", [], "Bamako", None, "2024-05-07"),
            ("Il-76", "Benghazi", [], "Bamako", None, "2024-05-07"),
        ],
    ),
    # A march is a trip: where it came from is the origin of the arrival after it.
    (
        "The 7th Armoured Brigade arrived in Cincu after a three-day march from Szolnok.",
        [("7th Armoured Brigade", "Szolnok", [], "Cincu", None, None)],
    ),
    # A tracking post's verbless departure ("airborne from UMMS") and landing ("down at").
    (
        "Il-76TD EW-78843 airborne from UMMS at 0612Z, destination unknown. 0940Z: "
        "EW-78843 down at HLLB.",
        [("Il-76TD", "UMMS", [], "HLLB", None, None)],
    ),
    # A ship a tracking service shows under way, its register number in brackets.
    (
        "MarineTraffic shows the Sparta IV (IMO 9743033) underway from Tartus towards the "
        "Bosphorus at 12 knots.",
        [("Sparta IV", "Tartus", [], "Bosphorus", None, None)],
    ),
    # Where the craft a pair (or group) is of came from.
    (
        "A pair of B-1B Lancers from Ellsworth Air Force Base touched down at Misawa on Wednesday.",
        [("B-1B", "Ellsworth Air Force Base", [], "Misawa", None, "2024-05-08")],
    ),
    # A ship's name written before its type noun.
    (
        "The Admiral Gorshkov frigate entered the port of Havana on Wednesday.",
        [("Admiral Gorshkov", None, [], "Havana", None, "2024-05-08")],
    ),
    # A sea before a type noun says where the ship is, not its name.
    ("The Baltic frigate sailed to Tartus on Monday.", []),
    # A trip back is a trip of its own: its stops are not the outbound's, and with no end
    # told it is no movement (spec: only stated route points).
    (
        "A Belgian A400M took off from Melsbroek on Monday and landed at Niamey the same "
        "day. It returned on Wednesday via Algiers.",
        [("A400M", "Melsbroek", [], "Niamey", "2024-05-06", "2024-05-06")],
    ),
    (
        "A Belgian A400M took off from Melsbroek on Monday and landed at Niamey the same "
        "day. On Wednesday it flew back to Melsbroek via Algiers.",
        [
            ("A400M", "Melsbroek", [], "Niamey", "2024-05-06", "2024-05-06"),
            ("A400M", "Niamey", ["Algiers"], "Melsbroek", "2024-05-08", "2024-05-08"),
        ],
    ),
]


def _name(analysis: Analysis, place_id: str | None) -> str | None:
    place = analysis.place(place_id)
    return place.name if place else None


def _told(when: When | None) -> str | None:
    """The day a leg's end is told on (an end dated from the other end has no text: see
    `test_a_flight_dated_at_one_end_is_dated_at_the_other`)."""
    return when.start.isoformat() if when is not None and when.text is not None else None


def _leg(analysis: Analysis, movement: Movement) -> Leg:
    return (
        movement.asset.model or "",
        _name(analysis, movement.origin),
        [_name(analysis, v) or "" for v in movement.via],
        _name(analysis, movement.destination) or "",
        _told(movement.depart),
        _told(movement.arrive),
    )


def legs_of(analysis: Analysis) -> list[Leg]:
    """Every movement as a leg, in a fixed order (compare with `sorted(legs, key=repr)`)."""
    return sorted((_leg(analysis, m) for m in analysis.movements), key=repr)


def ends_of(analysis: Analysis) -> dict[str, list[str]]:
    """Model -> the destinations of its movements."""
    ends: dict[str, list[str]] = {}
    for leg in legs_of(analysis):
        ends.setdefault(leg[0], []).append(leg[3])
    return ends


@pytest.mark.parametrize(("text", "legs"), CASES, ids=[c[0][:40] for c in CASES])
def test_route_construction(geocoded_text: Analyze, text: str, legs: list[Leg]) -> None:
    assert legs_of(geocoded_text(text, DATE)) == sorted(legs, key=repr)


def test_post_nominal_operator(geocoded_text: Analyze) -> None:
    """ "An Il-76MD of the Russian Aerospace Forces", "a C-130H belonging to the Egyptian
    Air Force": the operator named after the asset."""
    for text, country in [
        ("An Il-76MD of the Russian Aerospace Forces touched down at Hmeimim.", "RUS"),
        ("A C-130H belonging to the Egyptian Air Force landed in Benghazi.", "EGY"),
    ]:
        (movement,) = geocoded_text(text, DATE).movements
        assert movement.asset.operator is not None
        assert movement.asset.operator.country == country


def test_apposed_registration_names_the_airframe(geocoded_text: Analyze) -> None:
    analysis = geocoded_text(
        "An An-124 landed at Benina airport on Tuesday. The aircraft, RA-82038, left for "
        "Bamako on Friday.",
        DATE,
    )
    assert {m.asset.identifier for m in analysis.movements} == {"RA-82038"}


def test_registration_mark_gives_the_operator_when_none_is_named(geocoded_text: Analyze) -> None:
    """ "An An-124, RA-82038, ...": the state of registry stands for the operator."""
    (movement,) = geocoded_text(
        "An An-124, RA-82038, flew from Hmeimim to Benina airport on Monday.", DATE
    ).movements
    assert movement.asset.operator is not None
    assert movement.asset.operator.country == "RUS"


def test_services_named_by_acronym_operate_what_they_fly(geocoded_text: Analyze) -> None:
    """ "Six PLAAF Y-20s", "a RAAF P-8A": a service's acronym gives the operator, and the
    same acronym opening a base's name ("RAAF Base Amberley") stays the place's."""
    for text, country, origin in [
        ("Six PLAAF Y-20s landed in Belgrade on Sunday.", "CHN", None),
        ("A RAAF P-8A flew from RAAF Base Amberley to Guam.", "AUS", "RAAF Base Amberley"),
        ("Two JASDF F-15s landed at Andersen Air Force Base.", "JPN", None),
    ]:
        analysis = geocoded_text(text, DATE)
        (movement,) = analysis.movements
        assert movement.asset.operator is not None
        assert movement.asset.operator.country == country
        assert _name(analysis, movement.origin) == origin


def test_a_registration_with_its_type_in_apposition_is_its_own_airframe(
    geocoded_text: Analyze,
) -> None:
    """ "RF-85002, another Il-76MD, ...": the registration before its type keys the track;
    a diversion replaces the end the aircraft was bound for."""
    analysis = geocoded_text(
        "RF-85001, a Russian Il-76MD, left Chkalovsky for Hmeimim on Monday. RF-85002, "
        "another Il-76MD, took off from Chkalovsky bound for Hmeimim but was diverted to "
        "Aleppo.",
        DATE,
    )
    ends = {m.asset.identifier: _name(analysis, m.destination) for m in analysis.movements}
    assert ends == {"RF-85001": "Hmeimim", "RF-85002": "Aleppo"}


def test_an_object_pronoun_after_people_is_no_asset(geocoded_text: Analyze) -> None:
    """ "The ships' companies had been flown home: an RAF Voyager brought them": "them"
    stands for the companies named just before, not for the ships of the sentence before."""
    analysis = geocoded_text(
        "HMS Quorn and HMS Ledbury arrived in Portsmouth on Monday on a heavy-lift ship. The "
        "ships' companies had already been flown home: an RAF Voyager brought them from "
        "Bahrain to RAF Brize Norton.",
        DATE,
    )
    legs = sorted((m.asset.model, _name(analysis, m.destination)) for m in analysis.movements)
    assert legs == [
        ("Ledbury", "Portsmouth"),
        ("Quorn", "Portsmouth"),
        ("Voyager", "RAF Brize Norton"),
    ]


def test_a_flight_dated_at_one_end_is_dated_at_the_other(geocoded_text: Analyze) -> None:
    """A non-stop flight ends within a day of its start (`flight_days`): an untold end is the
    told day or the next (or the one before), a range with no text of its own. A ship's
    voyage and a flight with a stop get no such date."""
    analysis = geocoded_text(
        "A Norwegian P-8A took off from Evenes on Tuesday and flew to RAF Lossiemouth. A C-17 "
        "from Ramstein landed at Rzeszow on Wednesday. The frigate Hessen sailed from "
        "Wilhelmshaven on Monday for Djibouti. An A400M left Orleans on Monday and flew to "
        "Niamey via Algiers.",
        DATE,
    )
    ends = {m.asset.model: (m.depart, m.arrive) for m in analysis.movements if m.asset.model}
    depart, arrive = ends["P-8A"]
    assert depart is not None and depart.text == "Tuesday"
    assert arrive is not None and arrive.text is None and arrive.precision == "range"
    assert (arrive.start.isoformat(), arrive.end.isoformat()) == ("2024-05-07", "2024-05-08")
    depart, arrive = ends["C-17"]
    assert arrive is not None and arrive.text == "Wednesday"
    assert depart is not None and depart.text is None
    assert (depart.start.isoformat(), depart.end.isoformat()) == ("2024-05-07", "2024-05-08")
    assert ends["Hessen"][1] is None  # a voyage: no arrival day follows from the departure
    assert ends["A400M"][1] is None  # a stop on the way: no bound on the flight's length


def test_a_variant_and_the_family_or_type_name_are_one_asset() -> None:
    """ "Two F-16s ... The F-16AMs": the family's designator fits any variant, and so does a
    type's name ("a CC-130J ... the Hercules"); only two designators that differ are two."""
    assert _same_variant("F-16", "F-16AM", "F-16")
    assert _same_variant("CC-130J", "Hercules", "C-130")
    assert _same_variant("F-16AM", "F-16 AM", "F-16")
    assert not _same_variant("F-16AM", "F-16BM", "F-16")


@pytest.mark.parametrize(
    "text",
    [
        "A Russian Kilo-class submarine, Novorossiysk, was escorted through the English "
        "Channel on Monday by the British frigate HMS Somerset. It was bound for the Baltic.",
        "On Saturday a Russian Tu-142 flew over the Norwegian Sea. It was escorted by "
        "Norwegian F-35s.",
    ],
)
def test_a_foreign_escort_told_in_the_passive_shadowed_the_asset(
    geocoded_text: Analyze, text: str
) -> None:
    """It made no trip of its own told here, and lends the asset no operator."""
    analysis = geocoded_text(text, DATE)
    assert len(analysis.movements) == 1
    operator = analysis.movements[0].asset.operator
    assert operator is not None and operator.country == "RUS"
