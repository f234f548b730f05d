"""Realistic generated catalogues, written as native JSON (one record object per line).

The records look like the Wilson Center sample listing and the declassified cables of the
corpus: titles of 20-110 characters ("Journal of Soviet Ambassador to the DPRK V. I. Ivanov
for 6 December 1955", "Cable from ..."), summaries of 150-400 characters that name the
record's people, places and subjects, about twenty document types with a long tail, a few
hundred archives, and dates mostly to the day with some months, years, ranges, circa
dates and undated records. Names and archives are drawn with Zipf-like weights, so a few
are everywhere and most are rare.

Some words are planted at known rates so searches have known sizes: ``citizenship`` is in
about 10% of the records, the phrase ``Soviet Koreans`` in about 2%, words starting
``cooperat`` in about 4%, and each of the :data:`RARE_WORDS` in about 0.01%
(:data:`RARE_WORD` is the one the benchmark searches for).

The output depends only on the seed and the count, and is streamed: a million records
never sit in memory at once. ``python -m benchmarks.generate --count 10000 --output x.json``
"""

from __future__ import annotations

import argparse
import json
import random
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any

COMMON_WORD = "citizenship"
COMMON_RATE = 0.10
PHRASE = "Soviet Koreans"
PHRASE_RATE = 0.02
PREFIX = "cooperat"
PREFIX_RATE = 0.04
RARE_RATE = 0.005  # a record mentions one of the rare words (each in about 0.01%)
RARE_WORDS = (
    "weisfeiler", "bauxite", "dirigible", "cormorant", "zeppelin", "obsidian", "quinine",
    "sextant", "tungsten", "marzipan", "ocelot", "pemmican", "vellum", "xylophone",
    "yodel", "zircon", "armadillo", "bergamot", "cinnabar", "dulcimer", "ermine", "filbert",
    "gazebo", "hawthorn", "isinglass", "jackdaw", "kumquat", "lanolin", "mandolin",
    "nutmeg", "oriole", "porcupine", "quartzite", "rhubarb", "saffron", "tamarind",
    "umber", "verdigris", "walrus", "yarrow", "abalone", "barnacle", "camphor", "damask",
    "emerald", "flamingo", "gannet", "heliotrope", "iguana", "juniper",
)  # fmt: skip
RARE_WORD = RARE_WORDS[0]

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

DOC_TYPES = (
    "Cable", "Memorandum", "Letter", "Telegram", "Record of a Conversation", "Journal",
    "Report", "Memorandum of Conversation", "Minutes", "Note", "Intelligence Brief",
    "Airgram", "Speech", "Directive", "Resolution", "Diary", "Transcript", "Statement",
    "Instruction", "Information", "Protocol", "Dispatch",
)  # fmt: skip
LANGUAGES = (
    "Russian", "English", "Korean", "Chinese", "Spanish", "German", "French", "Hungarian",
    "Polish", "Czech", "Romanian", "Bulgarian", "Vietnamese", "Japanese", "Mongolian",
    "Albanian", "Serbo-Croatian", "Italian", "Portuguese", "Arabic", "Hindi", "Indonesian",
    "Finnish", "Swedish", "Hebrew",
)  # fmt: skip
CLASSIFICATIONS = ("", "", "", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET")
COUNTRIES = (
    ("DPRK", "North Korea"), ("USSR", "Soviet Union"), ("PRC", "China"), ("GDR", "East Germany"),
    ("ROK", "South Korea"), ("USA", "United States"), ("Hungary", "Hungary"),
    ("Poland", "Poland"), ("Czechoslovakia", "Czechoslovakia"), ("Romania", "Romania"),
    ("Bulgaria", "Bulgaria"), ("Mongolia", "Mongolia"), ("Vietnam", "Vietnam"),
    ("Japan", "Japan"), ("Chile", "Chile"), ("Cuba", "Cuba"), ("Albania", "Albania"),
    ("Yugoslavia", "Yugoslavia"), ("India", "India"), ("Indonesia", "Indonesia"),
    ("Egypt", "Egypt"), ("FRG", "West Germany"), ("UK", "United Kingdom"), ("France", "France"),
    ("Italy", "Italy"), ("Argentina", "Argentina"), ("Brazil", "Brazil"), ("Peru", "Peru"),
    ("Finland", "Finland"), ("Sweden", "Sweden"), ("Austria", "Austria"), ("Iran", "Iran"),
    ("Iraq", "Iraq"), ("Syria", "Syria"), ("Israel", "Israel"), ("Turkey", "Turkey"),
    ("Pakistan", "Pakistan"), ("Burma", "Burma"), ("Cambodia", "Cambodia"), ("Laos", "Laos"),
)  # fmt: skip
CITIES = (
    "Pyongyang", "Moscow", "Beijing", "Berlin", "Seoul", "Washington", "Budapest", "Warsaw",
    "Prague", "Bucharest", "Sofia", "Ulaanbaatar", "Hanoi", "Tokyo", "Santiago", "Havana",
    "Tirana", "Belgrade", "New Delhi", "Jakarta", "Cairo", "Bonn", "London", "Paris", "Rome",
    "Buenos Aires", "Rio de Janeiro", "Lima", "Helsinki", "Stockholm", "Vienna", "Tehran",
    "Baghdad", "Damascus", "Jerusalem", "Ankara", "Karachi", "Rangoon", "Phnom Penh",
    "Vientiane", "Kaesong", "Panmunjom", "Hamhung", "Hungnam", "Wonsan", "Sinuiju",
    "Chongjin", "Kaechon", "Nampo", "Shenyang", "Harbin", "Dandong", "Vladivostok",
    "Khabarovsk", "Leningrad", "Kiev", "Tashkent", "Geneva", "New York", "Valparaiso",
    "Concepcion", "Antofagasta", "Punta Arenas", "Shanghai", "Guangzhou", "Wuhan",
)  # fmt: skip
GIVEN = (
    "Vasily", "Ivan", "Alexander", "Nikolai", "Sergei", "Pyotr", "Andrei", "Dmitri",
    "Mikhail", "Yuri", "Boris", "Leonid", "Il", "Chang-ok", "Dong-yong", "Chang-ik",
    "Sung-chol", "Hyon-jun", "Yong-gon", "Tok-sin", "Zhou", "Mao", "Deng", "Liu", "Peng",
    "Walter", "Erich", "Otto", "Janos", "Imre", "Wladyslaw", "Antonin", "Todor", "Nicolae",
    "Augusto", "Salvador", "Orlando", "Charles", "Henry", "Dean", "John", "Robert",
    "Harold", "Edward", "Jorge", "Sergio", "Michael", "Armando", "Harry", "Josip",
    "Enver", "Ho", "Jawaharlal", "Sukarno", "Gamal", "Konrad", "Willy", "Georges",
    "Fidel", "Raul", "Che", "Juan", "Maria", "Anna", "Olga", "Elena", "Irina", "Ludmila",
    "Kyung-hee", "Song-ae", "Hye-rim", "Margaret", "Eleanor", "Hedwig", "Ilse", "Zofia",
)  # fmt: skip
SURNAMES = (
    "Ivanov", "Puzanov", "Lazarev", "Petrov", "Smirnov", "Kuznetsov", "Popov", "Sokolov",
    "Lebedev", "Kozlov", "Novikov", "Morozov", "Volkov", "Solovyov", "Vasiliev", "Zaitsev",
    "Pavlov", "Semyonov", "Golubev", "Vinogradov", "Bogdanov", "Vorobyov", "Fyodorov",
    "Kim", "Pak", "Ri", "Choe", "Nam", "Chong", "Kang", "Cho", "Yun", "Jang", "Han", "O",
    "So", "Ho", "Hong", "Song", "Mun", "Zhang", "Wang", "Li", "Chen", "Yang", "Huang",
    "Zhao", "Wu", "Sun", "Ma", "Ulbricht", "Honecker", "Grotewohl", "Kadar", "Nagy",
    "Gomulka", "Novotny", "Zhivkov", "Gheorghiu-Dej", "Ceausescu", "Tsedenbal", "Pinochet",
    "Allende", "Letelier", "Townley", "Correa", "Gillespie", "Barnes", "Kissinger",
    "Dulles", "Acheson", "Rusk", "Harriman", "Kennan", "Bohlen", "Thompson", "Smith",
    "Jones", "Brown", "Miller", "Davis", "Wilson", "Moore", "Taylor", "Anderson", "Thomas",
    "Jackson", "White", "Harris", "Martin", "Garcia", "Martinez", "Rodriguez", "Lopez",
    "Gonzalez", "Perez", "Sanchez", "Ramirez", "Torres", "Flores", "Rivera", "Gomez",
    "Diaz", "Reyes", "Morales", "Ortiz", "Gutierrez", "Chavez", "Ramos", "Ruiz", "Alvarez",
    "Mendoza", "Castillo", "Jimenez", "Moreno", "Romero", "Herrera", "Medina", "Aguilar",
    "Vargas", "Castro", "Fernandez", "Munoz", "Rojas", "Contreras", "Silva", "Sepulveda",
    "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann",
    "Kowalski", "Nowak", "Wisniewski", "Horvath", "Toth", "Szabo", "Novak", "Svoboda",
    "Dvorak", "Popescu", "Ionescu", "Dimitrov", "Georgiev", "Nguyen", "Tran", "Le", "Pham",
    "Tanaka", "Suzuki", "Watanabe", "Yamamoto", "Nakamura", "Hoxha", "Shehu", "Tito",
    "Kardelj", "Nehru", "Menon", "Subandrio", "Nasser", "Adenauer", "Brandt", "Eden",
    "Macmillan", "Bidault", "Gromyko", "Molotov", "Mikoyan", "Suslov", "Ponomarev",
    "Andropov", "Brezhnev", "Kosygin", "Podgorny", "Shelepin", "Kapitonov", "Rusakov",
)  # fmt: skip
RANKS = (
    "Ambassador", "Counsellor", "First Secretary", "Deputy Minister", "Minister",
    "Chairman", "General", "Admiral", "Comrade", "Premier", "Vice Premier", "Consul",
    "Attache", "Senator", "Secretary", "Director", "Colonel", "Marshal",
)  # fmt: skip
SUBJECT_TERMS = (
    "Agriculture", "Nuclear weapons", "Human rights", "Economic aid", "Trade", "Education",
    "Military assistance", "Border disputes", "Refugees", "Prisoners of war", "Propaganda",
    "Industrialisation", "Collectivisation", "Party purges", "Elections", "Elites",
    "Intelligence", "Espionage", "Disarmament", "Armistice", "Reunification", "Fisheries",
    "Mining", "Railways", "Shipping", "Civil aviation", "Public health", "Famine",
    "Flood relief", "Students", "Labour", "Trade unions", "Religion", "Minorities",
    "Repatriation", "Treaties", "Cultural exchange", "Sport", "Cinema", "Press", "Radio",
    "Science", "Space", "Energy", "Oil", "Coal", "Electricity", "Hydroelectric power",
    "Chemical industry", "Fertilizer", "Steel", "Textiles", "Construction", "Housing",
    "Transport", "Currency reform", "Loans", "Debts", "Tariffs", "Embargo", "Sanctions",
    "Summits", "Delegations", "State visits", "Protocol", "Espionage trials", "Defection",
    "Terrorism", "Assassination", "Coups", "Insurgency", "Counterinsurgency", "Amnesty",
    "Exile", "Extradition", "Censorship", "Dissidents", "Plebiscite", "Constitution",
    "Judiciary", "Police", "Navy", "Air force", "Army", "Militia", "Veterans",
    "Youth organisations", "Women's organisations", "Peace movement", "Sino-Soviet split",
    "Korean War", "Vietnam War", "Hungarian revolution", "Prague Spring", "Berlin crisis",
    "Cuban missile crisis", "Non-Aligned Movement", "United Nations", "Decolonisation",
)  # fmt: skip
ARCHIVE_BASES = (
    "Archive of Foreign Policy of the Russian Federation (AVPRF)",
    "Russian State Archive of Contemporary History (RGANI)",
    "Russian State Archive of Socio-Political History (RGASPI)",
    "National Archives and Records Administration (NARA)",
    "Political Archive of the Foreign Office (PA AA)",
    "Hungarian National Archives (MNL OL)",
    "Archive of New Records, Warsaw (AAN)",
    "National Archives of the Czech Republic",
    "Central State Archive, Sofia",
    "Romanian National Archives",
    "Chinese Foreign Ministry Archive",
    "Mongolian Foreign Ministry Archive",
    "Albanian Central State Archive",
    "Diplomatic Archive of the Ministry of Foreign Affairs of Chile",
    "Library of Congress Manuscript Division",
    "Foundation Archives of Parties and Mass Organizations of the GDR (SAPMO)",
    "The National Archives of the UK (TNA)",
    "Archives diplomatiques, La Courneuve",
    "Yugoslav State Archive, Belgrade",
    "Cuban Council of State Archive",
)  # fmt: skip
ARCHIVE_FORMS = (
    "State Archive of the {region} Region", "{city} Municipal Archive",
    "Ministry of Foreign Affairs Archive, {city}", "{country} National Archives, {city} Branch",
    "Party Archive of the {region} Committee", "{city} University Library, Special Collections",
    "Military Archive of {country}", "Presidential Library, {city}",
)  # fmt: skip
TAG_WORDS = (
    "translated", "needs-review", "key-document", "draft", "duplicate", "illegible",
    "handwritten", "excerpt", "summary-only", "cited", "to-scan", "scanned", "ocr-checked",
    "redacted", "declassified", "teaching", "exhibit", "follow-up", "verified", "disputed",
)  # fmt: skip
NOTE_AUTHORS = ("archivist", "jmoss", "ahan", "lkrause", "pchen", "mdiaz")

# Words of general vocabulary for the summaries' filler sentences.
VERBS = (
    "informs", "tells", "briefs", "reassures", "warns", "writes to", "speaks with",
    "complains to", "consults", "reports to", "talks with", "confers with",
)  # fmt: skip
TOPICS = (
    "the situation in {place}", "preparations for a delegation to {place}",
    "the progress of negotiations on {subject}", "recent developments concerning {subject}",
    "the state of relations between {country} and {country2}",
    "the results of the plenum of the Central Committee", "a request for economic assistance",
    "the visit of a trade delegation to {place}", "the composition of the new government",
    "the harvest and the supply of grain in {place}", "questions of {subject}",
    "the position of the party leadership on {subject}", "an exhibition in {place}",
)  # fmt: skip


@dataclass(frozen=True)
class Authority:
    """A name with its variants, as native JSON links it."""

    name: str
    variants: tuple[str, ...] = ()

    def link(self, kind: str, role: str) -> dict[str, Any]:
        """The record's ``names`` entry for this authority."""
        entry: dict[str, Any] = {"kind": kind, "name": self.name, "role": role}
        if self.variants:
            entry["variants"] = list(self.variants)
        return entry


class Pool:
    """Values drawn with Zipf-like weights: value ``i`` is drawn in proportion to 1/(i+1)^s."""

    def __init__(self, values: Sequence[Any], exponent: float = 1.0) -> None:
        self.values = list(values)
        self.cum = list(accumulate(1.0 / (i + 1) ** exponent for i in range(len(self.values))))

    def draw(self, rng: random.Random, k: int = 1) -> list[Any]:
        """``k`` values (repeats possible)."""
        return rng.choices(self.values, cum_weights=self.cum, k=k)

    def one(self, rng: random.Random) -> Any:
        """One value."""
        return rng.choices(self.values, cum_weights=self.cum)[0]


@dataclass
class Vocabularies:
    """Every pool a generated record draws from."""

    people: Pool
    places: Pool
    organisations: Pool
    subjects: Pool
    archives: Pool
    doc_types: Pool
    languages: Pool
    collections: Pool
    tags: Pool


def _syllable_name(rng: random.Random, parts: int) -> str:
    syllables = (
        "ka", "ro", "min", "sel", "tan", "vo", "gor", "lin", "dar", "esh", "ul", "pra",
        "no", "vik", "sha", "ten", "bu", "rak", "ha", "zan", "mo", "ri", "chon", "gyo",
    )  # fmt: skip
    return "".join(rng.choice(syllables) for _ in range(parts)).capitalize()


def _unique(rng: random.Random, count: int, make: Any) -> list[str]:
    seen: dict[str, None] = {}
    attempts = 0
    while len(seen) < count and attempts < count * 20:
        seen.setdefault(make(rng), None)
        attempts += 1
    return list(seen)


def _person_name(rng: random.Random) -> str:
    surname = rng.choice(SURNAMES)
    form = rng.random()
    if form < 0.35:
        initials = f"{rng.choice(GIVEN)[0]}. {rng.choice(GIVEN)[0]}."
        return f"{initials} {surname}"
    if form < 0.6:
        return f"{surname}, {rng.choice(GIVEN)}"
    if form < 0.75:
        return f"{rng.choice(GIVEN)} {rng.choice(GIVEN)[0]}. {surname}"
    if form < 0.85:  # uncommon names, so the pool can grow past the list's combinations
        return f"{rng.choice(GIVEN)} {surname}-{_syllable_name(rng, 2)}"
    return f"{rng.choice(GIVEN)} {surname}"


def _person_variant(name: str) -> str:
    if ", " in name:
        surname, given = name.split(", ", 1)
        return f"{surname.upper()}, {given.upper()}"
    if "-" in name:
        return name.replace("-", " ")
    return name.upper()


def vocabularies(count: int, rng: random.Random) -> Vocabularies:
    """Pools sized for a catalogue of ``count`` records (more names in larger ones)."""
    people_n = min(100_000, max(2_000, count // 10))
    places_n = min(5_000, max(500, count // 200))
    orgs_n = min(3_000, max(300, count // 300))
    people = [
        Authority(name, (_person_variant(name),) if rng.random() < 0.1 else ())
        for name in _unique(rng, people_n, _person_name)
    ]
    synthetic_places = _unique(
        rng,
        places_n,
        lambda r: r.choice(
            (
                "{} Province",
                "{} County",
                "{}sk",
                "Novo{}",
                "{} District",
                "{}-ri",
                "{} Valley",
                "San {}",
            )
        ).format(_syllable_name(r, r.randint(2, 3))),
    )
    places = [Authority(c) for c in CITIES] + [
        Authority(f"{_country_name(rng.choice(COUNTRIES))}: {name}" if rng.random() < 0.2 else name)
        for name in synthetic_places
    ]
    places[0] = Authority("Pyongyang", ("P'yŏngyang", "PYONGYANG"))
    org_forms = (
        "Central Committee of the {party}",
        "Ministry of Foreign Affairs of {country}",
        "Ministry of {portfolio} of {country}",
        "Embassy of {country} in {city}",
        "{country} Trade Mission in {city}",
        "Politburo of the {party}",
        "{city} Committee of the {party}",
        "{country} Red Cross Society",
        "{portfolio} Commission of {country}",
    )
    portfolios = (
        "Trade", "Defence", "Culture", "Education", "Agriculture", "Finance", "Health",
        "Internal Affairs", "State Security", "Heavy Industry", "Light Industry", "Railways",
    )  # fmt: skip
    parties = (
        "Korean Workers' Party", "CPSU", "Chinese Communist Party", "SED",
        "Hungarian Socialist Workers' Party", "Polish United Workers' Party",
        "Communist Party of Chile", "Socialist Party of Chile", "Romanian Workers' Party",
    )  # fmt: skip

    def org(r: random.Random) -> str:
        country, _ = r.choice(COUNTRIES)
        return r.choice(org_forms).format(
            party=r.choice(parties),
            country=country if r.random() < 0.5 else _country_name(r.choice(COUNTRIES)),
            portfolio=r.choice(portfolios),
            city=r.choice(CITIES),
        )

    organisations = [Authority(name) for name in _unique(rng, orgs_n, org)]
    subjects = [Authority(term) for term in SUBJECT_TERMS] + [
        Authority(f"{rng.choice(SUBJECT_TERMS)} -- {_country_name(c)}")
        for c in COUNTRIES
        for _ in range(12)
    ]
    archives = list(ARCHIVE_BASES) + _unique(
        rng,
        280,
        lambda r: r.choice(ARCHIVE_FORMS).format(
            region=_syllable_name(r, r.randint(2, 3)),
            city=r.choice(CITIES),
            country=_country_name(r.choice(COUNTRIES)),
        ),
    )
    collections = _unique(
        rng,
        150,
        lambda r: r.choice(
            (
                "{a}-{b} Relations",
                "{s} in {b}",
                "The {s} Question",
                "Records of the {a} Embassy in {city}",
                "{city} Papers",
            )
        ).format(
            a=_country_name(r.choice(COUNTRIES)),
            b=_country_name(r.choice(COUNTRIES)),
            s=r.choice(SUBJECT_TERMS),
            city=r.choice(CITIES),
        ),
    )
    tags = list(TAG_WORDS) + _unique(
        rng, 280, lambda r: f"{r.choice(SUBJECT_TERMS).lower()}-{r.randint(1, 40)}"
    )
    return Vocabularies(
        people=Pool(people, 0.9),
        places=Pool(places, 1.0),
        organisations=Pool(organisations, 0.9),
        subjects=Pool(subjects, 0.8),
        archives=Pool(archives, 1.1),
        doc_types=Pool(DOC_TYPES, 1.2),
        languages=Pool(LANGUAGES, 1.5),
        collections=Pool(collections, 1.0),
        tags=Pool(tags, 1.0),
    )


def _country_name(country: tuple[str, str]) -> str:
    return country[1]


# ----------------------------------------------------------------------------- dates


def record_date(rng: random.Random) -> dict[str, Any] | None:
    """A date as native JSON stores it (text and EDTF), or None for no date at all."""
    roll = rng.random()
    year = int(rng.triangular(1945, 1992, 1960))
    month = rng.randint(1, 12)
    day = rng.randint(1, _MONTH_DAYS[month - 1])
    name = MONTHS[month - 1]
    if roll < 0.80:
        text = f"{name} {day:02d}, {year}" if rng.random() < 0.7 else f"{day} {name} {year}"
        return {"text": text, "edtf": f"{year:04d}-{month:02d}-{day:02d}"}
    if roll < 0.88:
        return {"text": f"{name}, {year}", "edtf": f"{year:04d}-{month:02d}"}
    if roll < 0.92:
        return {"text": str(year), "edtf": str(year)}
    if roll < 0.95:
        last = year + rng.randint(1, 4)
        return {"text": f"{year}-{last}", "edtf": f"{year}/{last}"}
    if roll < 0.96:
        return {"text": f"c. {year}", "edtf": f"{year}~", "approximate": True}
    if roll < 0.985:
        return {"text": "undated", "edtf": "XXXX"}
    return None


def _title_date(date: dict[str, Any] | None) -> str:
    if not date or not date["edtf"][:1].isdigit() or len(date["edtf"]) != 10:
        return "1956"
    year, month, day = date["edtf"].split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


# ----------------------------------------------------------------------------- records


class RecordMaker:
    """Makes record objects one by one from a seeded random generator."""

    def __init__(self, count: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.vocab = vocabularies(count, self.rng)
        self.recent: list[str] = []

    def uid(self) -> str:
        """A random (but seeded) UUID."""
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def record(self, number: int) -> dict[str, Any]:
        """The ``number``-th record object."""
        rng, v = self.rng, self.vocab
        doc_type = v.doc_types.one(rng)
        people = _distinct(v.people.draw(rng, rng.choice((1, 2, 2, 3, 3, 4, 5))))
        places = _distinct(v.places.draw(rng, rng.choice((1, 1, 2, 2, 3))))
        subjects = _distinct(v.subjects.draw(rng, rng.choice((1, 2, 2, 3))))
        orgs = _distinct(v.organisations.draw(rng, rng.choice((0, 0, 1, 1, 2))))
        date = record_date(rng)
        uid = self.uid()
        names = [
            p.link("person", "author" if i == 0 else "mentioned") for i, p in enumerate(people)
        ]
        if len(people) > 1 and rng.random() < 0.5:
            names[len(people) - 1]["role"] = "recipient"
        names += [p.link("place", "mentioned") for p in places]
        names += [s.link("subject", "subject") for s in subjects]
        names += [o.link("organisation", "mentioned") for o in orgs]
        obj: dict[str, Any] = {
            "uid": uid,
            "title": self.title(doc_type, people, places, subjects, orgs, date),
            "date": date,
            "summary": self.summary(people, places, subjects, orgs),
            "doc_type": doc_type,
            "languages": _distinct(v.languages.draw(rng, 1 if rng.random() < 0.8 else 2)),
            "archive": v.archives.one(rng),
            "source_ref": f"f. {rng.randint(1, 900):04d}, op. {rng.randint(1, 80)}, "
            f"d. {rng.randint(1, 400)}, ll. {rng.randint(1, 200)}-{rng.randint(201, 400)}",
            "classification": rng.choice(CLASSIFICATIONS),
            "collections": _distinct(v.collections.draw(rng, rng.choice((0, 1, 1, 2)))),
            "names": names,
            "tags": _distinct(v.tags.draw(rng, rng.choice((0, 0, 1, 1, 2, 3)))),
            "created": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:00:00Z",
        }
        if date is None:
            del obj["date"]
        if rng.random() < 0.03:
            obj["notes"] = [
                {
                    "text": f"Compared with the copy in {v.archives.one(rng)}; "
                    f"{rng.choice(('pages missing', 'translation checked', 'date unclear'))}.",
                    "author": rng.choice(NOTE_AUTHORS),
                    "created": "2024-05-01T12:00:00Z",
                }
            ]
        if rng.random() < 0.01:
            obj["attachments"] = [
                {
                    "path": f"scans/{uid}.pdf",
                    "role": "scan",
                    "sha256": f"{rng.getrandbits(256):064x}",
                }
            ]
        if self.recent and rng.random() < 0.01:
            target = rng.choice(self.recent)
            obj["relations"] = [{"type": rng.choice(("reply_to", "related_to")), "target": target}]
        if number % 97 == 0:
            self.recent = [*self.recent[-49:], uid]
        return obj

    def title(
        self,
        doc_type: str,
        people: list[Authority],
        places: list[Authority],
        subjects: list[Authority],
        orgs: list[Authority],
        date: dict[str, Any] | None,
    ) -> str:
        """A title in the style of its document type."""
        rng = self.rng
        a = _display(people[0].name)
        b = (
            _display(people[-1].name)
            if len(people) > 1
            else _display(self.vocab.people.one(rng).name)
        )
        place = places[0].name
        subject = subjects[0].name
        org = orgs[0].name if orgs else self.vocab.organisations.one(rng).name
        country = rng.choice(COUNTRIES)[0]
        rank = rng.choice(RANKS)
        forms = {
            "Journal": f"Journal of Soviet Ambassador to the {country} {a} for {_title_date(date)}",
            "Cable": f"Cable from {a} to {b}",
            "Telegram": f"Telegram from {place} to {org}",
            "Record of a Conversation": f"Record of a Conversation between {rank} {a} and {b}",
            "Memorandum": f"Memorandum to the {org} on {subject}",
            "Letter": f"Letter from {a} to {b}",
            "Report": f"Report on {subject} in {place}",
            "Memorandum of Conversation": f"Memorandum of Conversation with {rank} {a}",
            "Minutes": f"Minutes of the Meeting of the {org}",
            "Speech": f"Speech by {rank} {a} at {place}",
        }
        title = forms.get(doc_type, f"{doc_type} on {subject}, {place}")
        if rng.random() < 0.08:
            title = title.upper()
        return title

    def summary(
        self,
        people: list[Authority],
        places: list[Authority],
        subjects: list[Authority],
        orgs: list[Authority],
    ) -> str:
        """150-400 characters naming the record's people, places and subjects."""
        rng = self.rng
        target = rng.randint(150, 400)
        a = _display(people[0].name)
        b = _display(people[-1].name) if len(people) > 1 else rng.choice(RANKS).lower()
        sentences = [
            f"{a} {rng.choice(VERBS)} {b} about {self._topic(places, subjects)}."
            if rng.random() < 0.7
            else f"{rng.choice(('This cable', 'The report', 'The letter', 'The memorandum'))} "
            f"from {places[0].name} describes {self._topic(places, subjects)}."
        ]
        if rng.random() < COMMON_RATE:
            sentences.append(
                f"{b[:1].upper()}{b[1:]} raises the question of {COMMON_WORD} for residents of "
                f"{places[-1].name}."
            )
        if rng.random() < PHRASE_RATE:
            sentences.append(f"The position of the {PHRASE} in the party is discussed.")
        if rng.random() < PREFIX_RATE:
            sentences.append(
                rng.choice(
                    (
                        "Agricultural cooperatives are mentioned.",
                        "Both sides promise closer cooperation.",
                        "The cooperative movement is reviewed.",
                    )
                )
            )
        if rng.random() < RARE_RATE:
            sentences.append(f"A note in the margin mentions {rng.choice(RARE_WORDS)}.")
        fillers = (
            [f"{_display(p.name)} is also present." for p in people[1:-1]]
            + [f"Issues of {s.name.lower()} are raised." for s in subjects[1:]]
            + [f"The {o.name} is mentioned." for o in orgs]
            + [
                f"It refers to earlier talks in {p.name} and to {self._topic(places, subjects)}."
                for p in places[1:]
            ]
        )
        rng.shuffle(fillers)
        text = " ".join(sentences)
        for extra in fillers:
            if len(text) >= target:
                break
            text += " " + extra
        for extra in _generic(rng, places, subjects):
            if len(text) >= target:
                break
            text += " " + extra
        return text if len(text) <= 420 else text[:397].rsplit(" ", 1)[0] + "..."

    def _topic(self, places: list[Authority], subjects: list[Authority]) -> str:
        rng = self.rng
        return rng.choice(TOPICS).format(
            place=rng.choice(places).name,
            subject=rng.choice(subjects).name.lower(),
            country=_country_name(rng.choice(COUNTRIES)),
            country2=_country_name(rng.choice(COUNTRIES)),
        )


GENERIC = (
    "The embassy expects further instructions on {subject}.",
    "The situation in {place} remains tense.",
    "The conversation lasted about two hours.",
    "Both sides agree to continue the talks.",
    "A copy was sent to the Ministry of Foreign Affairs.",
    "Statistics on {subject} are attached.",
    "The ambassador promises to inform Moscow without delay.",
    "Figures for the first quarter are quoted from the ministry.",
    "The meeting took place at the residence in {place}.",
    "Rumours about changes in the leadership are dismissed.",
    "A translation of the original is enclosed.",
    "The harvest in {place} is said to be poor this year.",
    "Complaints about shortages of consumer goods are noted.",
    "Technical specialists will travel to {place} next month.",
    "The text of the agreement on {subject} is still being drafted.",
    "The author doubts that the plan can be carried out on time.",
    "Questions of protocol for the coming visit are settled.",
    "The press campaign on {subject} is to be moderated.",
)


def _generic(rng: random.Random, places: list[Authority], subjects: list[Authority]) -> list[str]:
    """The generic sentences in a random order, filled in with the record's names."""
    chosen = rng.sample(GENERIC, len(GENERIC))
    return [
        form.format(place=rng.choice(places).name, subject=rng.choice(subjects).name.lower())
        for form in chosen
    ]


def _display(name: str) -> str:
    """A person's name as prose writes it ("Ivanov, Vasily" becomes "Vasily Ivanov")."""
    if ", " in name:
        surname, given = name.split(", ", 1)
        return f"{given} {surname}"
    return name


def _distinct(values: list[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


# ----------------------------------------------------------------------------- output


def records(count: int, seed: int) -> Iterator[dict[str, Any]]:
    """The ``count`` record objects of the catalogue seeded by ``seed``, in file order."""
    maker = RecordMaker(count, seed)
    for number in range(count):
        yield maker.record(number)


def write(path: Path, count: int, seed: int = 1) -> Path:
    """Write a native JSON file of ``count`` generated records to ``path`` (streamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8", newline="\n") as out:
        out.write('{"format": "catalog", "version": 1, "exported": "2025-01-01T00:00:00Z", ')
        out.write('"records": [')
        for number, obj in enumerate(records(count, seed)):
            out.write(("\n" if number == 0 else ",\n") + json.dumps(obj, ensure_ascii=False))
        out.write("\n]}\n")
    partial.replace(path)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks.generate --count N --output PATH [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    write(args.output, args.count, args.seed)
    print(f"{args.output}: {args.count} records")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
