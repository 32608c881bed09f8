"""The article, statement by statement, with the records each statement should leave.

The article is English Wikipedia's "December 2022 Ménaka region clashes"
(https://en.wikipedia.org/wiki/December_2022_M%C3%A9naka_region_clashes). Below, its title,
every infobox row and every sentence appear in the article's order, `text` exactly as the
article prints it, `locator` saying where it stands, each followed by the records that
encode it. Coordinates and alternate spellings come from the project's gazetteer, which
the article does not give.

tests/test_fixture_coverage.py holds the shipped fixture to this list both ways: every
record listed exists as listed, and the fixture holds nothing that is not listed here.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Actor:
    slug: str
    name: str
    kind: str
    short_name: str = ""


@dataclass(frozen=True)
class Relation:
    subject: str
    kind: str
    object: str


@dataclass(frozen=True)
class Place:
    slug: str
    name: str
    kind: str
    parent: str | None
    alternate_names: tuple = ()
    confidence: str = "none"
    latitude: str | None = None
    longitude: str | None = None
    coordinate_source_url: str = ""


@dataclass(frozen=True)
class Event:
    slug: str
    title: str
    event_type: str
    sub_event_type: str
    start: date | None
    end: date | None
    precision: str  # of each known end; empty when neither is known
    parent: str | None
    places: frozenset = frozenset()
    participants: frozenset = frozenset()  # (actor slug, role) pairs
    outcome: str = ""
    # "lasted" from start to end, or happened sometime "within" them ("sometime in September").
    dates_are: str = "lasted"
    # The places in the order the article lists them, and the ones it mentions without naming.
    listed_places: tuple = ()
    places_note: str = ""


@dataclass(frozen=True)
class Source:
    slug: str
    title: str
    kind: str
    publisher: str
    url: str = ""
    language: str = ""
    publication_date: date | None = None
    access_date: date | None = None


@dataclass(frozen=True)
class Claim:
    """A claim citing the Wikipedia source with its statement's text as quote and locator as locator."""

    slug: str
    kind: str
    wording: str
    event: str | None = None
    actor: str | None = None
    party: str | None = None
    place: str | None = None
    claimant: str | None = None
    qualifier: str = ""
    low: int | None = None
    high: int | None = None
    unit: str = ""
    assessment: str = "reported"
    restates: str | None = None
    also_cited_in: tuple = ()  # other sources, cited without quote or locator


@dataclass(frozen=True)
class Statement:
    locator: str  # as a reader would find it: "Battle, paragraph 2", "Infobox, strength, JNIM's column"
    text: str
    records: tuple

    @property
    def quote(self):
        """What a reader of the source sees: a sentence, or an infobox row's value without its parameter name."""
        return self.text.split(": ", 1)[1] if self.locator.startswith("Infobox") else self.text


WIKIPEDIA = "wikipedia-december-2022-menaka-region-clashes"
LE_MONDE_REPORT = "le-monde-report-of-a-tuareg-source"
CLASHES = "december-2022-menaka-region-clashes"


def both_sides(*extra):
    return frozenset({("jnim", "side_a"), ("isgs", "side_b"), *extra})


JNIM = Actor("jnim", "Jama'at Nasr al-Islam wal Muslimin", "armed_group", "JNIM")
ISGS = Actor("isgs", "Islamic State in the Greater Sahara", "armed_group", "ISGS")
MALIAN_GOVERNMENT = Actor("malian-government", "Malian government", "state_force")
AL_MAHMOUD = Actor("fahad-ag-al-mahmoud", "Fahad Ag al-Mahmoud", "person", "al-Mahmoud")
CIVILIANS = Actor("civilians", "Civilians", "civilians")

MALI = Place(
    "mali", "Mali", "country", None, ("Republic of Mali", "République du Mali", "ML", "MLI"),
    "representative", "17.00000", "-4.00000", "https://sco.wikipedia.org/wiki/Mali",
)
GAO_REGION = Place(
    "gao-region", "Gao Region", "region", "mali", ("Région de Gao", "ML-7"),
    "representative", "17.09861", "0.35139", "https://en.wikipedia.org/wiki/Gao_Region",
)
TESSIT = Place(
    "tessit", "Tessit", "commune", "ansongo-cercle", ("Téssit", "Tessett", "Tesset", "Tisset", "Tissi"),
    "low", "15.22626", "0.29338",
    "https://huggingface.co/spaces/DavMelchi/db_query/commit/db6bec9c694a75f83241b01d8935059f28bae40f",
)
TADJALALT = Place("tadjalalt", "Tadjalalt", "village", "tessit", ("Tadjalate",))
HAROUM = Place("haroum", "Haroum", "village", "gao-region")
NTILLIT = Place("ntillit", "N'Tillit", "village", "gao-cercle", ("Ntillit", "N'tillit", "N'Tilit", "N’Tilit", "Intilit"))
FITILI = Place(
    "fitili", "Fitili", "military_base", "mali", ("Fatili", "Fétéli"),
    "low", "15.05510", "0.25980", "https://www.geonames.org/2457522",
)

MALI_WAR = Event(
    "mali-war", "Mali War", "conflict", "", None, None, "", None, frozenset({"mali"}),
    frozenset({("malian-government", "side_a"), ("jnim", "side_b"), ("isgs", "side_b")}),
)
JNIM_ISGS_WAR = Event(
    "jnim-isgs-war", "JNIM–ISGS war", "conflict", "", date(2020, 1, 1), None, "year", "mali-war",
    frozenset({"mali"}), both_sides(),
)
THE_CLASHES = Event(
    CLASHES, "December 2022 Ménaka region clashes", "battles", "armed_clash",
    date(2022, 12, 3), date(2022, 12, 10), "day", "jnim-isgs-war",
    frozenset({"tadjalalt", "haroum", "ntillit", "river-between-tadjalalt-and-haroum", "gao-region", "mali"}),
    both_sides(),
    "JNIM captures ISGS base in Fitili, Battles in Tadjalalt and Haroum end in status quo ante bellum",
    listed_places=("tadjalalt", "haroum", "ntillit"),
    places_note="and surrounding villages",
)
FITILI_CAPTURE = Event(
    "capture-of-fitili-base", "Clashes in Tin Djiridjitane and JNIM's capture of the ISGS base of Fitili",
    "battles", "non_state_actor_overtakes_territory", date(2022, 12, 4), date(2022, 12, 4), "day", CLASHES,
    frozenset({"tin-djiridjitane", "fitili"}), both_sides(), "JNIM captured the ISGS base of Fitili.",
)
MASSACRES = Event(
    "idarfan-alabadje-massacres", "Alleged massacres in Idarfan and Alabadje", "violence_against_civilians",
    "attack", date(2022, 12, 5), date(2022, 12, 5), "day", CLASHES, frozenset({"idarfan", "alabadje"}),
    frozenset({("jnim", "perpetrator"), ("civilians", "target")}),
)
TADJALALT_AND_HAROUM = Event(
    "battles-of-tadjalalt-and-haroum", "Battles of Tadjalalt and Haroum", "battles", "armed_clash",
    date(2022, 12, 7), date(2022, 12, 10), "day", CLASHES, frozenset({"tadjalalt", "haroum"}), both_sides(),
    "Status quo ante bellum (infobox).",
)
TRUCE = Event(
    "truce-may-2022", "JNIM and ISGS agree to a truce", "strategic_developments", "agreement",
    date(2022, 5, 1), date(2022, 5, 31), "month", "jnim-isgs-war", participants=both_sides(), dates_are="within",
)
SPLIT = Event(
    "jnim-isgs-split", "JNIM and ISGS turn against each other", "strategic_developments",
    "change_to_group_activity", date(2020, 1, 1), date(2020, 12, 31), "year", "jnim-isgs-war",
    frozenset({"mali"}), both_sides(), dates_are="within",
)
RESULT = "Result: JNIM captures ISGS base in Fitili, Battles in Tadjalalt and Haroum end in status quo ante bellum"
MASSACRES_SENTENCE = (
    "al-Mahmoud alleged that following the battle, the remnants of the ISGS fighters dispersed, and JNIM "
    "committed massacres on December 5 in the towns of Idarfan and Alabadje, killing around 70 people."
)

STATEMENTS = (
    Statement("Title", "December 2022 Ménaka region clashes", (
        Source(WIKIPEDIA, "December 2022 Ménaka region clashes", "encyclopedia", "Wikipedia",
               "https://en.wikipedia.org/wiki/December_2022_M%C3%A9naka_region_clashes", "en"),
        THE_CLASHES,
        Place("menaka-region", "Ménaka Region", "region", "mali", ("Région de Ménaka",), "representative",
              "16.70000", "2.70000", "https://world.wikisort.org/mali/en/Mali/M%C3%A9naka_Region"),
    )),
    Statement("Infobox, title", "Conflict: December 2022 Ménaka region clashes", (THE_CLASHES,)),
    Statement(
        "Infobox, location", "Place: Tadjalalt, Haroum, N'Tillit, and surrounding villages, Gao Region, Mali", (
            THE_CLASHES, TADJALALT, HAROUM, NTILLIT, GAO_REGION, MALI, TESSIT,
            Place("ansongo-cercle", "Ansongo Cercle", "cercle", "gao-region"),
            Place("gao-cercle", "Gao Cercle", "cercle", "gao-region"),
        ),
    ),
    Statement("Infobox, date", "Date: December 3–10, 2022", (THE_CLASHES,)),
    Statement("Infobox, part of", "Partof: the JNIM-ISGS war in the Mali War", (THE_CLASHES, JNIM_ISGS_WAR, MALI_WAR)),
    Statement("Infobox, result", RESULT, (
        THE_CLASHES, FITILI,
        Claim("clashes-outcome-fitili-base-captured", "outcome", "JNIM captures ISGS base in Fitili", event=CLASHES,
              actor="jnim", party="isgs", place="fitili"),
        Claim("clashes-outcome-status-quo-ante-bellum", "outcome",
              "Battles in Tadjalalt and Haroum end in status quo ante bellum", event=CLASHES),
    )),
    Statement("Infobox, belligerents, first column", "Combatant1: Jama'at Nasr al-Islam wal Muslimin", (THE_CLASHES, JNIM)),
    Statement("Infobox, belligerents, second column", "Combatant2: Islamic State in the Greater Sahara", (THE_CLASHES, ISGS)),
    Statement("Infobox, commanders and leaders, JNIM's column", "Commander1: Iyad ag Ghali", (
        Actor("iyad-ag-ghali", "Iyad ag Ghali", "person"),
        Relation("iyad-ag-ghali", "commands", "jnim"),
        Claim("clashes-commander-jnim", "commander", "Iyad ag Ghali", event=CLASHES, actor="iyad-ag-ghali",
              party="jnim"),
    )),
    Statement("Infobox, commanders and leaders, ISGS's column", "Commander2: Unknown", (
        Claim("clashes-commander-isgs-unknown", "commander", "Unknown", event=CLASHES, party="isgs",
              qualifier="unknown"),
    )),
    Statement("Infobox, strength, JNIM's column", "Strength1: ~700", (
        # The infobox names no one: its own voice. The Tuareg source's wave size is its likely basis (see
        # jnim-wave-size), said in both claims' reasons, but not the same claim.
        Claim("clashes-strength-jnim", "strength", "~700", event=CLASHES, party="jnim", qualifier="about", low=700,
              high=700, unit="fighters"),
    )),
    Statement("Infobox, strength, ISGS's column", "Strength2: Unknown", (
        Claim("clashes-strength-isgs-unknown", "strength", "Unknown", event=CLASHES, party="isgs",
              qualifier="unknown"),
    )),
    Statement("Infobox, casualties and losses, JNIM's column", "Casualties1: 100 (per ISGS)", (
        Claim("clashes-killed-jnim-per-isgs", "killed", "100", event=CLASHES, party="jnim", claimant="isgs",
              qualifier="exact", low=100, high=100, unit="fighters", assessment="contested"),
    )),
    Statement("Infobox, casualties and losses, ISGS's column", "Casualties2: 73+ (per JNIM)", (
        Claim("clashes-killed-isgs-per-jnim", "killed", "73+", event=CLASHES, party="isgs", claimant="jnim",
              qualifier="more_than", low=73, unit="fighters", assessment="contested"),
    )),
    Statement("Infobox, casualties and losses, below both columns", "Casualties3: 70+ civilians killed", (
        CIVILIANS,
        # The infobox names no one: its own voice; "70+" reads "70 or more".
        Claim("clashes-killed-civilians", "killed", "70+ civilians killed", event=CLASHES, party="civilians",
              qualifier="at_least", low=70, unit="civilians", assessment="alleged"),
    )),
    Statement(
        "Lead",
        "Between December 3 and 10, 2022, militants from Islamic State in the Greater Sahara and al-Qaeda-linked "
        "Jama'at Nasr al-Islam wal Muslimin clashed in eastern Mali, at the river between the towns of Tadjalalt "
        "and Haroum.",
        (
            THE_CLASHES,
            Actor("al-qaeda", "al-Qaeda", "armed_group"),
            Relation("jnim", "affiliated_with", "al-qaeda"),
            Place("river-between-tadjalalt-and-haroum", "River between Tadjalalt and Haroum", "river_crossing",
                  "gao-region"),
        ),
    ),
    Statement(
        "Prelude, paragraph 1",
        "While originally allies against the Malian government throughout the Mali War, since 2020 JNIM and ISGS "
        "have clashed in Mali due to ideological differences.",
        (
            MALIAN_GOVERNMENT, MALI_WAR, JNIM_ISGS_WAR, SPLIT,
            Relation("jnim", "allied_with", "isgs"),
            Relation("jnim", "fights", "isgs"),
            Claim("jnim-isgs-split-cause", "other", "due to ideological differences", event="jnim-isgs-split"),
        ),
    ),
    Statement(
        "Prelude, paragraph 1",
        "In March 2022, ISGS went on an offensive against the Malian government, Tuareg rebels, and JNIM.",
        (
            Actor("tuareg-rebels", "Tuareg rebels", "armed_group"),
            Event("isgs-offensive-march-2022", "ISGS offensive against the Malian government, Tuareg rebels and JNIM",
                  "battles", "", date(2022, 3, 1), date(2022, 3, 31), "month", "jnim-isgs-war",
                  participants=frozenset({("isgs", "side_a"), ("malian-government", "side_b"),
                                          ("tuareg-rebels", "side_b"), ("jnim", "side_b")}),
                  dates_are="within"),
        ),
    ),
    Statement(
        "Prelude, paragraph 1",
        "In May 2022, the two groups agreed to a truce, although this truce expired sometime in September.",
        (
            TRUCE,
            Event("truce-expires-september-2022", "The JNIM–ISGS truce expires", "strategic_developments", "other",
                  date(2022, 9, 1), date(2022, 9, 30), "month", "jnim-isgs-war", participants=both_sides(),
                  dates_are="within"),
        ),
    ),
    Statement(
        "Prelude, paragraph 1",
        "Clashes between ISGS and JNIM in particular escalated in November, with fighting in Gao and Timbuktu "
        "regions killing an unknown amount of fighters.",
        (
            Event("escalation-november-2022", "Clashes escalate in Gao and Timbuktu regions", "battles",
                  "armed_clash", date(2022, 11, 1), date(2022, 11, 30), "month", "jnim-isgs-war",
                  frozenset({"gao-region", "timbuktu-region"}), both_sides(), dates_are="within"),
            Place("timbuktu-region", "Timbuktu Region", "region", "mali",
                  ("Tombouctou Region", "Région de Tombouctou", "ML-6"), "representative", "21.14583", "-4.02083",
                  "https://review.clateway.com/wiki/view_html.php?q=Tombouctou_Region"),
            Claim("escalation-november-2022-killed-unknown", "killed", "an unknown amount of fighters",
                  event="escalation-november-2022", qualifier="unknown", unit="fighters"),
        ),
    ),
    Statement(
        "Prelude, paragraph 1",
        "A Tuareg source speaking to Le Monde stated that JNIM usually sends soldiers out one wave at a time, with "
        "each wave containing around 700 soldiers.",
        (
            Actor("anonymous-tuareg-source", "Anonymous Tuareg source", "anonymous_source"),
            Actor("le-monde", "Le Monde", "media_outlet"),
            Source(LE_MONDE_REPORT,
                   "Le Monde report of a Tuareg source (known only through Wikipedia; title not given)",
                   "news_article", "Le Monde"),
            Claim("jnim-wave-size", "strength", "around 700 soldiers", actor="jnim", party="jnim",
                  claimant="anonymous-tuareg-source", qualifier="about", low=700, high=700, unit="fighters",
                  also_cited_in=(LE_MONDE_REPORT,)),
        ),
    ),
    Statement(
        "Battle, paragraph 1",
        "In the rural village of N'Tillit, fighting began on December 3 between the two groups, with 583 "
        "households being displaced.",
        (
            NTILLIT,
            Event("fighting-in-ntillit", "Fighting begins in N'Tillit", "battles", "armed_clash",
                  date(2022, 12, 3), None, "day", CLASHES, frozenset({"ntillit"}), both_sides()),
            Claim("ntillit-households-displaced", "displaced", "583 households", event="fighting-in-ntillit",
                  place="ntillit", qualifier="exact", low=583, high=583, unit="households"),
        ),
    ),
    Statement(
        "Battle, paragraph 1",
        "On December 4, clashes flared up in the village of Tin Djiridjitane, with JNIM capturing the ISGS base "
        "of Fitili.",
        (
            FITILI_CAPTURE, FITILI,
            Place("tin-djiridjitane", "Tin Djiridjitane", "village", "gao-region"),
            Claim("fitili-base-captured", "outcome", "JNIM capturing the ISGS base of Fitili",
                  event="capture-of-fitili-base", actor="jnim", party="isgs", place="fitili",
                  restates="clashes-outcome-fitili-base-captured"),
        ),
    ),
    Statement(
        "Battle, paragraph 1",
        "These clashes were just 15 kilometers away from a Malian army base in Tessit.",
        (
            TESSIT,
            Actor("malian-army", "Malian army", "state_force"),
            Place("tessit-army-base", "Malian army base in Tessit", "military_base", "tessit"),
            Claim("fitili-clashes-distance-to-tessit-base", "distance", "15 kilometers",
                  event="capture-of-fitili-base", place="tessit-army-base", qualifier="exact", low=15, high=15,
                  unit="kilometres"),
        ),
    ),
    Statement(
        "Battle, paragraph 1",
        "The commander of a local Tuareg militia, Fahad Ag al-Mahmoud, claimed the battle near Fitili inflicted "
        "heavy casualties on both sides, with JNIM ultimately winning.",
        (
            AL_MAHMOUD,
            Actor("local-tuareg-militia", "Local Tuareg militia", "militia"),
            Relation("fahad-ag-al-mahmoud", "commands", "local-tuareg-militia"),
            Claim("fitili-battle-heavy-casualties", "other", "heavy casualties on both sides",
                  event="capture-of-fitili-base", claimant="fahad-ag-al-mahmoud"),
            Claim("fitili-battle-won-by-jnim", "outcome", "JNIM ultimately winning", event="capture-of-fitili-base",
                  actor="jnim", claimant="fahad-ag-al-mahmoud"),
        ),
    ),
    Statement("Battle, paragraph 1", MASSACRES_SENTENCE, (
        MASSACRES, CIVILIANS,
        Place("idarfan", "Idarfan", "town", "mali"),
        Place("alabadje", "Alabadje", "town", "mali"),
        Claim("isgs-remnants-dispersed", "other", "the remnants of the ISGS fighters dispersed",
              event="capture-of-fitili-base", actor="isgs", claimant="fahad-ag-al-mahmoud", assessment="alleged"),
        Claim("idarfan-alabadje-massacres-occurred", "occurred",
              "massacres on December 5 in the towns of Idarfan and Alabadje", event="idarfan-alabadje-massacres",
              claimant="fahad-ag-al-mahmoud", assessment="alleged"),
        Claim("idarfan-alabadje-massacres-perpetrator", "perpetrator", "JNIM committed massacres",
              event="idarfan-alabadje-massacres", actor="jnim", claimant="fahad-ag-al-mahmoud", assessment="alleged"),
        Claim("idarfan-alabadje-killed", "killed", "around 70 people", event="idarfan-alabadje-massacres",
              party="civilians", claimant="fahad-ag-al-mahmoud", qualifier="about", low=70, high=70, unit="people",
              assessment="alleged", restates="clashes-killed-civilians"),
    )),
    Statement(
        "Battle, paragraph 2",
        "Clashes resumed between the two groups in the villages of Tadjalalt and Haroum on December 7, with the "
        "battles being the heaviest of the clashes.",
        (TADJALALT_AND_HAROUM, TADJALALT, HAROUM),
    ),
    Statement(
        "Battle, paragraph 2",
        "In the battle, A Malian air force jet was alleged to have flown over the battlefield during the battle.",
        (
            Actor("malian-air-force", "Malian air force", "state_force"),
            Event("malian-air-force-overflight", "Alleged overflight of the battlefield by a Malian air force jet",
                  "strategic_developments", "other", date(2022, 12, 7), date(2022, 12, 10), "day", CLASHES,
                  frozenset({"tadjalalt", "haroum"}), frozenset({("malian-air-force", "other")}), dates_are="within"),
            Claim("malian-air-force-overflight-occurred", "occurred",
                  "A Malian air force jet was alleged to have flown over the battlefield",
                  event="malian-air-force-overflight", actor="malian-air-force", assessment="alleged"),
        ),
    ),
    Statement(
        "Battle, paragraph 2",
        "Fighting in the towns lasted until December 10, with JNIM claiming to have killed over seventy-three ISGS "
        "fighters in Haroum alone.",
        (
            TADJALALT_AND_HAROUM,
            Claim("haroum-killed-isgs-per-jnim", "killed", "over seventy-three ISGS fighters in Haroum alone",
                  event="battles-of-tadjalalt-and-haroum", party="isgs", place="haroum", claimant="jnim",
                  qualifier="more_than", low=73, unit="fighters", assessment="contested",
                  restates="clashes-killed-isgs-per-jnim"),
        ),
    ),
    Statement("Battle, paragraph 2", "Conversely, ISGS claimed to have killed a hundred JNIM soldiers.", (
        Claim("tadjalalt-haroum-killed-jnim-per-isgs", "killed", "a hundred JNIM soldiers",
              event="battles-of-tadjalalt-and-haroum", party="jnim", claimant="isgs", qualifier="exact", low=100,
              high=100, unit="fighters", assessment="contested", restates="clashes-killed-jnim-per-isgs"),
    )),
    Statement(
        "Battle, paragraph 2",
        "Due to the heavy losses from the battles, both jihadist groups returned to their positions by the "
        "Malian-Burkinabe and Nigerien-Malian borders.",
        (
            Event("return-to-border-positions", "JNIM and ISGS return to their positions near the borders",
                  "strategic_developments", "change_to_group_activity", None, None, "", CLASHES,
                  frozenset({"malian-burkinabe-border", "nigerien-malian-border"}), both_sides()),
            Place("malian-burkinabe-border", "Malian-Burkinabe border", "area", "mali"),
            Place("nigerien-malian-border", "Nigerien-Malian border", "area", "mali"),
            Claim("return-to-border-positions-cause", "other", "Due to the heavy losses from the battles",
                  event="return-to-border-positions"),
        ),
    ),
    Statement("Battle, paragraph 2", "Low-intensity skirmishes continued until December 13.", (
        Event("skirmishes-until-december-13", "Low-intensity skirmishes continue until 13 December", "battles",
              "armed_clash", None, date(2022, 12, 13), "day", CLASHES, participants=both_sides()),
    )),
)
