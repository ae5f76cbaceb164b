"""Demo: a comparison and voting guide for a fictional election with fictional parties.

Voorbeeldstad does not exist, nor do its parties, programmes, quotes or page numbers: never put
words in the mouth of a real party. Enough data to show every view in both languages: five
parties, six themes, thirty positions (one not addressed, one corrected after a party's reaction),
ten statements with every party's answer.
"""

import datetime

from campaigns.models import CampaignIndexPage, CampaignPage
from website import seeding
from website.seeding import rich

from .models import Correction, Election, ElectionComparisonPage, Party, Position, Statement, StatementAnswer, Theme

ELECTION = ("Gemeenteraadsverkiezingen Voorbeeldstad 2026", "Example Town council election 2026")

PARTIES = [  # abbreviation, name, colour, slug of the (fictional) website
    ("PVI", "Partij voor Iedereen", "#b45309", "partij-voor-iedereen"),
    ("GH", "Groene Horizon", "#15803d", "groene-horizon"),
    ("LBV", "Lokaal Belang Voorbeeldstad", "#1d4ed8", "lokaal-belang-voorbeeldstad"),
    ("VBV", "Vrije Burgers Voorbeeldstad", "#7c3aed", "vrije-burgers-voorbeeldstad"),
    ("SV", "Samen Voorbeeldstad", "#be185d", "samen-voorbeeldstad"),
]

THEMES = [  # slug, Dutch, English
    ("opvang", "Opvang van asielzoekers", "Reception of asylum seekers"),
    ("asielprocedure", "Asielprocedure", "Asylum procedure"),
    ("gezinshereniging", "Gezinshereniging", "Family reunification"),
    ("terugkeer", "Terugkeer", "Return"),
    ("arbeidsmigratie", "Arbeidsmigratie", "Labour migration"),
    (
        "internationale-solidariteit",
        "Ontwikkelingshulp en internationale solidariteit",
        "Development aid and international solidarity",
    ),
]

# (party, theme): stance, page, summary (nl, en), quote (verbatim, Dutch) and its English translation.
POSITIONS = {
    ("PVI", "opvang"): (
        "much_more",
        12,
        (
            "Wil in elke wijk een kleine opvanglocatie en meer plekken dan de gemeente moet bieden.",
            "Wants a small reception location in every district and more places than the town is required to offer.",
        ),
        (
            "Voorbeeldstad biedt ruimhartig opvang: in elke wijk een kleinschalige locatie, en meer plekken dan de "
            "wet van ons vraagt.",
            "Example Town offers reception generously: a small-scale location in every district, and more places "
            "than the law asks of us.",
        ),
    ),
    ("PVI", "asielprocedure"): (
        "more",
        13,
        (
            "Betaalt onafhankelijke rechtshulp en een vast aanspreekpunt voor iedere asielzoeker.",
            "Funds independent legal aid and a fixed contact person for every asylum seeker.",
        ),
        (
            "Iedere asielzoeker in onze gemeente krijgt een vast aanspreekpunt en toegang tot onafhankelijke "
            "rechtshulp.",
            "Every asylum seeker in our municipality gets a fixed contact person and access to independent legal aid.",
        ),
    ),
    ("PVI", "gezinshereniging"): (
        "much_more",
        14,
        (
            "Geeft herenigde gezinnen voorrang bij een woning en helpt met de aanvraag.",
            "Gives reunited families priority for housing and helps with the application.",
        ),
        (
            "Gezinnen die na lange tijd herenigd worden, krijgen voorrang bij een huurwoning.",
            "Families reunited after a long time get priority for a rented home.",
        ),
    ),
    ("PVI", "terugkeer"): (
        "more",
        15,
        (
            "Houdt bed, bad en brood open en begeleidt terugkeer alleen vrijwillig.",
            "Keeps bed, bath and bread open and supports return only when it is voluntary.",
        ),
        (
            "Niemand slaapt op straat. Terugkeer begeleiden wij alleen als mensen daar zelf voor kiezen.",
            "Nobody sleeps on the street. We support return only when people choose it themselves.",
        ),
    ),
    ("PVI", "arbeidsmigratie"): (
        "more",
        16,
        (
            "Laat statushouders meteen werken en pakt uitbuiting van arbeidsmigranten aan.",
            "Lets refugees with a permit work straight away and tackles the exploitation of labour migrants.",
        ),
        (
            "Wie hier mag blijven, mag vanaf de eerste dag aan het werk. Uitbuiting van arbeidsmigranten pakken wij "
            "hard aan.",
            "Whoever may stay here may work from the first day. We deal firmly with the exploitation of labour "
            "migrants.",
        ),
    ),
    ("PVI", "internationale-solidariteit"): (
        "much_more",
        17,
        (
            "Verdubbelt het budget voor internationale samenwerking en zoekt een partnerstad aan de grens.",
            "Doubles the budget for international cooperation and seeks a partner town at the border.",
        ),
        (
            "Wij verdubbelen het budget voor internationale samenwerking en worden partnerstad van een stad aan de "
            "Europese buitengrens.",
            "We double the budget for international cooperation and become the partner town of a town at Europe's "
            "external border.",
        ),
    ),
    ("GH", "opvang"): (
        "much_more",
        8,
        (
            "Wil opvang in duurzame, kleinschalige woningen verspreid over de stad.",
            "Wants reception in sustainable, small-scale homes spread across the town.",
        ),
        (
            "Opvang hoort midden in de samenleving: in kleine, duurzame woningen verspreid over heel Voorbeeldstad.",
            "Reception belongs in the middle of society: in small, sustainable homes spread across all of Example "
            "Town.",
        ),
    ),
    ("GH", "asielprocedure"): (
        "much_more",
        9,
        (
            "Betaalt rechtshulp en tolken, en wil dat de gemeente zich landelijk inzet voor snellere procedures.",
            "Funds legal aid and interpreters, and wants the town to press nationally for faster procedures.",
        ),
        (
            "De gemeente betaalt rechtshulp en tolken, en spreekt het Rijk aan op trage procedures.",
            "The municipality pays for legal aid and interpreters, and holds the national government to account for "
            "slow procedures.",
        ),
    ),
    ("GH", "gezinshereniging"): (
        "more",
        9,
        (
            "Wil meer woningen voor nareizende gezinsleden, zonder voorrang boven andere woningzoekenden.",
            "Wants more homes for family members who follow, without priority over other home-seekers.",
        ),
        (
            "Wij bouwen extra woningen zodat nareizende gezinsleden niet jaren op een huis wachten.",
            "We build extra homes so that family members who follow do not wait years for a house.",
        ),
    ),
    ("GH", "terugkeer"): (
        "mixed",
        10,
        (
            "Steunt opvang voor mensen zonder papieren, maar zegt weinig over terugkeer.",
            "Supports shelter for people without papers, but says little about return.",
        ),
        (
            "Wij blijven opvang bieden aan mensen zonder verblijfsvergunning zolang er geen oplossing is.",
            "We keep offering shelter to people without a residence permit as long as there is no solution.",
        ),
    ),
    ("GH", "arbeidsmigratie"): (
        "more",
        11,
        (
            "Wil goede huisvesting voor arbeidsmigranten, betaald door de werkgevers.",
            "Wants decent housing for labour migrants, paid for by employers.",
        ),
        (
            "Werkgevers die arbeidsmigranten naar Voorbeeldstad halen, betalen mee aan fatsoenlijke huisvesting.",
            "Employers who bring labour migrants to Example Town contribute to decent housing.",
        ),
    ),
    ("GH", "internationale-solidariteit"): (
        "much_more",
        12,
        (
            "Wil klimaat- en ontwikkelingshulp uitbreiden en fair trade inkopen.",
            "Wants to expand climate and development aid and to buy fair trade.",
        ),
        (
            "Voorbeeldstad is een fair-tradegemeente en steunt projecten voor klimaat en ontwikkeling in het zuiden.",
            "Example Town is a fair-trade municipality and supports climate and development projects in the "
            "global south.",
        ),
    ),
    ("LBV", "opvang"): (
        "mixed",
        21,
        (
            "Wil de wettelijke opvang bieden, maar alleen in één centrale locatie.",
            "Will provide the reception the law requires, but only in one central location.",
        ),
        (
            "Wij nemen onze wettelijke taak serieus, in één goed beheerde locatie.",
            "We take our legal duty seriously, in one well-managed location.",
        ),
    ),
    ("LBV", "asielprocedure"): (
        "mixed",
        22,
        (
            "Vindt de procedure een taak van het Rijk; de gemeente betaalt niets extra.",
            "Sees the procedure as the national government's task; the town pays nothing extra.",
        ),
        (
            "De asielprocedure is een taak van Den Haag. Daar geven wij geen gemeentegeld aan uit.",
            "The asylum procedure is a task for The Hague. We do not spend municipal money on it.",
        ),
    ),
    ("LBV", "gezinshereniging"): (
        "not_addressed",
        None,
        ("Het programma zegt niets over gezinshereniging.", "The programme says nothing about family reunification."),
        None,
    ),
    ("LBV", "terugkeer"): (
        "less",
        23,
        ("Wil bed, bad en brood beperken tot enkele weken.", "Wants to limit bed, bath and bread to a few weeks."),
        (
            "Opvang voor uitgeprocedeerden is tijdelijk: na enkele weken stopt de gemeente ermee.",
            "Shelter for people whose claims were rejected is temporary: after a few weeks the municipality stops.",
        ),
    ),
    ("LBV", "arbeidsmigratie"): (
        "more",
        24,
        (
            "Wil meer woningen voor arbeidsmigranten om overbewoning tegen te gaan.",
            "Wants more homes for labour migrants to prevent overcrowding.",
        ),
        (
            "Wij bouwen woningen voor arbeidsmigranten, zodat overbewoning in de wijken stopt.",
            "We build homes for labour migrants, so that overcrowding in the districts stops.",
        ),
    ),
    ("LBV", "internationale-solidariteit"): (
        "less",
        25,
        (
            "Wil het budget voor internationale samenwerking schrappen.",
            "Wants to scrap the budget for international cooperation.",
        ),
        (
            "Gemeentegeld is voor Voorbeeldstad. Het budget voor internationale samenwerking schrappen wij.",
            "Municipal money is for Example Town. We scrap the budget for international cooperation.",
        ),
    ),
    ("VBV", "opvang"): (
        "much_less",
        5,
        (
            "Wil geen nieuwe opvanglocaties en de wettelijke taak zo lang mogelijk uitstellen.",
            "Wants no new reception locations and to delay the legal duty for as long as possible.",
        ),
        (
            "Geen nieuwe azc's in Voorbeeldstad. Wij rekken de wettelijke termijnen zo ver als het kan.",
            "No new asylum centres in Example Town. We stretch the legal deadlines as far as they go.",
        ),
    ),
    ("VBV", "asielprocedure"): (
        "less",
        6,
        (
            "Wil dat de gemeente geen rechtshulp of tolken meer betaalt.",
            "Wants the town to stop paying for legal aid or interpreters.",
        ),
        (
            "De gemeente stopt met het betalen van tolken en rechtshulp voor asielzoekers.",
            "The municipality stops paying for interpreters and legal aid for asylum seekers.",
        ),
    ),
    ("VBV", "gezinshereniging"): (
        "much_less",
        6,
        (
            "Wil herenigde gezinnen achteraan zetten in de rij voor een woning.",
            "Wants reunited families at the back of the queue for housing.",
        ),
        (
            "Nareizigers sluiten gewoon achter aan in de rij voor een woning.",
            "Family members who follow simply join the back of the queue for a home.",
        ),
    ),
    ("VBV", "terugkeer"): (
        "less",
        7,
        (
            "Wil bed, bad en brood afschaffen, maar maakt een uitzondering voor gezinnen met kinderen.",
            "Wants to abolish bed, bath and bread, but makes an exception for families with children.",
        ),
        (
            "Bed, bad en brood schaffen wij af. Gezinnen met kinderen zetten wij niet op straat.",
            "We abolish bed, bath and bread. We do not put families with children on the street.",
        ),
    ),
    ("VBV", "arbeidsmigratie"): (
        "mixed",
        8,
        (
            "Wil minder arbeidsmigratie, maar wel strengere controle op uitbuiting.",
            "Wants less labour migration, but stricter checks on exploitation.",
        ),
        (
            "Minder arbeidsmigranten, en de malafide uitzendbureaus pakken wij aan.",
            "Fewer labour migrants, and we will deal with rogue employment agencies.",
        ),
    ),
    ("VBV", "internationale-solidariteit"): (
        "much_less",
        9,
        (
            "Wil geen gemeentegeld naar het buitenland en stopt de stedenband.",
            "Wants no municipal money going abroad and ends the town twinning.",
        ),
        (
            "Geen euro gemeentegeld naar het buitenland. De stedenband beëindigen wij.",
            "Not one euro of municipal money abroad. We end the town twinning.",
        ),
    ),
    ("SV", "opvang"): (
        "more",
        30,
        (
            "Wil opvang in middelgrote locaties met goede begeleiding voor buurt en bewoners.",
            "Wants reception in medium-sized locations with good support for neighbours and residents.",
        ),
        (
            "Opvang in locaties van hooguit tweehonderd mensen, met een vaste buurtcoördinator.",
            "Reception in locations of at most two hundred people, with a permanent neighbourhood coordinator.",
        ),
    ),
    ("SV", "asielprocedure"): (
        "mixed",
        31,
        (
            "Steunt vrijwilligers die asielzoekers helpen, maar betaalt zelf geen rechtshulp.",
            "Supports volunteers who help asylum seekers, but does not fund legal aid itself.",
        ),
        (
            "Wij steunen vrijwilligers die asielzoekers wegwijs maken; rechtshulp is aan het Rijk.",
            "We support volunteers who help asylum seekers find their way; legal aid is for the national government.",
        ),
    ),
    ("SV", "gezinshereniging"): (
        "more",
        32,
        ("Geeft herenigde gezinnen voorrang bij een woning.", "Gives reunited families priority for a home."),
        (
            "Gezinnen die herenigd worden, krijgen voorrang bij een woning. Kinderen horen bij hun ouders.",
            "Families who are reunited get priority for a home. Children belong with their parents.",
        ),
    ),
    ("SV", "terugkeer"): (
        "mixed",
        33,
        (
            "Houdt bed, bad en brood open en wil terugkeer actiever begeleiden.",
            "Keeps bed, bath and bread open and wants to support return more actively.",
        ),
        (
            "Bed, bad en brood blijft, en wij helpen mensen actiever bij een nieuwe start in het land van herkomst.",
            "Bed, bath and bread stays, and we help people more actively with a new start in their country of origin.",
        ),
    ),
    ("SV", "arbeidsmigratie"): (
        "less",
        34,
        (
            "Wil het aantal woningen voor arbeidsmigranten beperken.",
            "Wants to limit the number of homes for labour migrants.",
        ),
        (
            "Wij bouwen eerst voor onze eigen inwoners; woningen voor arbeidsmigranten beperken wij.",
            "We build for our own residents first; we limit homes for labour migrants.",
        ),
    ),
    ("SV", "internationale-solidariteit"): (
        "more",
        35,
        (
            "Wil een stedenband met een stad aan de Europese buitengrens.",
            "Wants a twinning with a town at Europe's external border.",
        ),
        (
            "Voorbeeldstad gaat een stedenband aan met een stad aan de Europese buitengrens.",
            "Example Town will twin with a town at Europe's external border.",
        ),
    ),
}

ASSESSMENTS = {  # by stance: our assessment, in general words (the demo's analysts are fictional too)
    "much_more": (
        "Dit plan zou de bescherming van vluchtelingen in Voorbeeldstad duidelijk verbeteren.",
        "This plan would clearly improve the protection of refugees in Example Town.",
    ),
    "more": (
        "Een stap vooruit voor vluchtelingen, al blijft het plan op onderdelen vaag.",
        "A step forward for refugees, though parts of the plan remain vague.",
    ),
    "mixed": (
        "Het plan bevat goede en zorgelijke punten; de uitwerking bepaalt het effect.",
        "The plan holds good and worrying points; its details will decide the effect.",
    ),
    "less": (
        "Dit plan zou de bescherming van vluchtelingen verminderen.",
        "This plan would reduce the protection of refugees.",
    ),
    "much_less": (
        "Dit plan zou de bescherming van vluchtelingen ernstig verzwakken en botst met het internationaal recht.",
        "This plan would seriously weaken the protection of refugees and conflicts with international law.",
    ),
    "not_addressed": (
        "Wij vroegen de partij om een reactie; die hebben wij nog niet ontvangen.",
        "We asked the party to respond; we have not received a reply yet.",
    ),
}

# The demo's correction: a changed stance after the party pointed at a passage we had missed.
CORRECTION = (
    ("VBV", "terugkeer"),
    datetime.date(2026, 2, 2),
    "much_less",
    ("Vrije Burgers Voorbeeldstad", "Vrije Burgers Voorbeeldstad"),
    (
        "De partij wees ons op pagina 7, waar zij gezinnen met kinderen uitzondert. Wij pasten de samenvatting en "
        "het standpunt aan.",
        "The party pointed us to page 7, where it makes an exception for families with children. We changed the "
        "summary and the stance.",
    ),
)

STATEMENTS = [  # code, theme, statement (nl, en), answers in the order of PARTIES with explanations (nl, en)
    (
        "S01",
        "opvang",
        (
            "Voorbeeldstad moet meer opvangplekken bieden dan de wet verplicht.",
            "Example Town should offer more reception places than the law requires.",
        ),
        [
            ("agree", "Wie kan helpen, helpt meer dan het minimum.", "If you can help, you do more than the minimum."),
            ("agree", "Wij hebben de ruimte en de plicht.", "We have the space and the duty."),
            ("neutral", "Alleen als het Rijk meebetaalt.", "Only if the national government pays."),
            ("disagree", "Het minimum is al te veel.", "The minimum is already too much."),
            ("neutral", "Eerst de huidige plekken goed regelen.", "First organise the current places well."),
        ],
    ),
    (
        "S02",
        "opvang",
        (
            "Asielzoekers moeten in kleine locaties in de wijken wonen, niet in één groot centrum.",
            "Asylum seekers should live in small locations in the districts, not in one large centre.",
        ),
        [
            ("agree", "Kleinschalig werkt beter voor iedereen.", "Small-scale works better for everyone."),
            ("agree", "Opvang hoort midden in de samenleving.", "Reception belongs in the middle of society."),
            ("disagree", "Eén locatie is beter te beheren.", "One location is easier to manage."),
            ("disagree", "Wij willen helemaal geen nieuwe locaties.", "We want no new locations at all."),
            (
                "agree",
                "Met een vaste buurtcoördinator per locatie.",
                "With a permanent neighbourhood coordinator each.",
            ),
        ],
    ),
    (
        "S03",
        "asielprocedure",
        (
            "De gemeente betaalt onafhankelijke rechtshulp voor asielzoekers.",
            "The municipality pays for independent legal aid for asylum seekers.",
        ),
        [
            ("agree", "Een eerlijke procedure begint met goed advies.", "A fair procedure starts with good advice."),
            (
                "agree",
                "Samen met tolken, zodat iedereen begrepen wordt.",
                "Together with interpreters, so all are understood.",
            ),
            (
                "neutral",
                "Een taak voor het Rijk, maar wij staan open voor overleg.",
                "A task for the national government, but we are open to talks.",
            ),
            ("disagree", "Daar is geen gemeentegeld voor.", "There is no municipal money for that."),
            ("disagree", "Wij steunen liever vrijwilligers.", "We would rather support volunteers."),
        ],
    ),
    (
        "S04",
        "gezinshereniging",
        (
            "Gezinnen die herenigd worden, krijgen voorrang bij een huurwoning.",
            "Families who are reunited get priority for a rented home.",
        ),
        [
            ("agree", "Gezinnen horen samen te wonen.", "Families belong together under one roof."),
            (
                "neutral",
                "Liever extra woningen bouwen dan voorrang geven.",
                "Better to build extra homes than give priority.",
            ),
            ("disagree", "Iedereen sluit aan in dezelfde rij.", "Everyone joins the same queue."),
            ("disagree", "Eigen inwoners gaan voor.", "Our own residents come first."),
            ("agree", "Kinderen horen bij hun ouders.", "Children belong with their parents."),
        ],
    ),
    (
        "S05",
        "terugkeer",
        (
            "Mensen zonder verblijfsvergunning houden recht op bed, bad en brood.",
            "People without a residence permit keep the right to bed, bath and bread.",
        ),
        [
            ("agree", "Niemand hoort op straat te slapen.", "Nobody should sleep on the street."),
            ("agree", "Zolang er geen oplossing is.", "As long as there is no solution."),
            ("neutral", "Alleen voor enkele weken.", "Only for a few weeks."),
            ("disagree", "Behalve voor gezinnen met kinderen.", "Except for families with children."),
            ("agree", "En met hulp bij een nieuwe start.", "And with help towards a new start."),
        ],
    ),
    (
        "S06",
        "terugkeer",
        (
            "De gemeente helpt actief bij de terugkeer van afgewezen asielzoekers.",
            "The municipality actively helps rejected asylum seekers to return.",
        ),
        [
            ("disagree", "Alleen als mensen daar zelf voor kiezen.", "Only when people choose it themselves."),
            ("neutral", "Daar zegt ons programma weinig over.", "Our programme says little about it."),
            ("agree", "Wie niet mag blijven, moet terug.", "Whoever may not stay must go back."),
            ("agree", "Zo snel mogelijk.", "As quickly as possible."),
            ("neutral", "Met begeleiding, nooit onder dwang.", "With support, never by force."),
        ],
    ),
    (
        "S07",
        "arbeidsmigratie",
        (
            "Statushouders mogen vanaf hun eerste dag in de gemeente aan het werk.",
            "Refugees with a permit may work from their first day in the municipality.",
        ),
        [
            ("agree", "Werk is de snelste weg naar meedoen.", "Work is the fastest way to take part."),
            ("agree", "Met taalles op het werk.", "With language lessons at work."),
            ("agree", "Wie werkt, kost de gemeente niets.", "Whoever works costs the town nothing."),
            ("neutral", "Eerst de taal leren.", "First learn the language."),
            ("agree", "Samen met de lokale ondernemers.", "Together with local businesses."),
        ],
    ),
    (
        "S08",
        "arbeidsmigratie",
        (
            "Er komen meer woningen voor arbeidsmigranten, ook als andere plannen daarvoor moeten wachten.",
            "There will be more homes for labour migrants, even if other plans must wait.",
        ),
        [
            (
                "neutral",
                "Goed wonen voor iedereen, zonder anderen te laten wachten.",
                "Good housing for everyone, without making others wait.",
            ),
            ("disagree", "Werkgevers moeten die woningen betalen.", "Employers should pay for those homes."),
            ("agree", "Dat stopt de overbewoning in de wijken.", "That stops overcrowding in the districts."),
            ("disagree", "Minder arbeidsmigranten is de oplossing.", "Fewer labour migrants is the solution."),
            ("neutral", "Eerst bouwen voor eigen inwoners.", "First build for our own residents."),
        ],
    ),
    (
        "S09",
        "internationale-solidariteit",
        (
            "Voorbeeldstad houdt een eigen budget voor internationale samenwerking.",
            "Example Town keeps its own budget for international cooperation.",
        ),
        [
            ("agree", "Wij verdubbelen het zelfs.", "We will even double it."),
            ("agree", "Voor klimaat en ontwikkeling.", "For climate and development."),
            ("disagree", "Gemeentegeld is voor Voorbeeldstad.", "Municipal money is for Example Town."),
            ("disagree", "Geen euro naar het buitenland.", "Not one euro abroad."),
            ("neutral", "Een klein budget, goed besteed.", "A small budget, well spent."),
        ],
    ),
    (
        "S10",
        "internationale-solidariteit",
        (
            "Voorbeeldstad wordt partnerstad van een stad aan de Europese buitengrens.",
            "Example Town becomes a partner of a town at Europe's external border.",
        ),
        [
            ("agree", "Solidariteit begint bij elkaar kennen.", "Solidarity starts with knowing each other."),
            ("agree", "Samen leren over goede opvang.", "Learning together about good reception."),
            ("neutral", "Als het de gemeente niets kost.", "If it costs the town nothing."),
            ("disagree", "Wij beëindigen stedenbanden.", "We end town twinnings."),
            ("agree", "Dat staat in ons programma.", "That is in our programme."),
        ],
    ),
]


def programme_url(slug, page=None):
    url = f"https://example.org/voorbeeldstad/{slug}/verkiezingsprogramma-2026.pdf"
    return f"{url}#page={page}" if page else url


def seed(seeder):
    index = CampaignIndexPage.objects.filter(locale=seeder.nl).first()
    if index is None:
        return None

    election = seeder.snippet(
        Election,
        lambda t: {"name": t(*ELECTION), "date": datetime.date(2026, 3, 18), "level": "municipal"},
        {"name": ELECTION[0]},
    )
    parties = {}
    for abbreviation, name, colour, slug in PARTIES:

        def party(t, abbreviation=abbreviation, name=name, colour=colour, slug=slug):
            return {
                "name": name,
                "abbreviation": abbreviation,
                "colour": colour,
                "website": f"https://example.org/voorbeeldstad/{slug}/",
                "programme_url": programme_url(slug),
            }

        parties[abbreviation] = seeder.snippet(Party, party, {"abbreviation": abbreviation})
    themes = {}
    for order, (slug, dutch, english) in enumerate(THEMES):

        def theme(t, slug=slug, dutch=dutch, english=english, order=order):
            return {"name": t(dutch, english), "slug": slug, "sort_order": order}

        themes[slug] = seeder.snippet(Theme, theme, {"slug": slug})
    websites = {abbreviation: slug for abbreviation, _name, _colour, slug in PARTIES}

    for (abbreviation, slug), (stance, page, summary, quote) in POSITIONS.items():

        def position(t, abbreviation=abbreviation, slug=slug, stance=stance, page=page, summary=summary, quote=quote):
            values = {
                "election": election,
                "party": parties[abbreviation],
                "theme": themes[slug],
                "stance": stance,
                "summary": t(*summary),
                "assessment": t(*ASSESSMENTS[stance]),
                "page_number": page,
                "quote": quote[0] if quote else "",
                "quote_language": "nl",
                "quote_translation": t(*quote) if quote else "",
                "source_url": programme_url(websites[abbreviation], page) if page else "",
            }
            if (abbreviation, slug) == CORRECTION[0]:
                _key, made_on, previous, reaction_from, note = CORRECTION
                values["corrections"] = [
                    Correction(
                        made_on=made_on, previous_stance=previous, reaction_from=t(*reaction_from), note=t(*note)
                    )
                ]
            return values

        seeder.snippet(
            Position, position, {"election": election, "party": parties[abbreviation], "theme": themes[slug]}
        )

    for order, (code, slug, text, answers) in enumerate(STATEMENTS, start=1):

        def statement(t, code=code, slug=slug, text=text, answers=answers, order=order):
            return {
                "election": election,
                "theme": themes[slug],
                "code": code,
                "text": t(*text),
                "sort_order": order * 10,
                "answers": [
                    StatementAnswer(party=parties[abbreviation], answer=answer, explanation=t(nl, en))
                    for (abbreviation, *_rest), (answer, nl, en) in zip(PARTIES, answers, strict=True)
                ],
            }

        seeder.snippet(Statement, statement, {"election": election, "code": code})

    def page(t):
        return {
            "title": t(
                "Kies kant: de gemeenteraadsverkiezingen in Voorbeeldstad",
                "Choose a side: the council election in Example Town",
            ),
            "slug": t("kies-kant-voorbeeldstad", "choose-a-side-example-town"),
            "election": election,
            "intro": t(
                "Een verzonnen voorbeeld: Voorbeeldstad en haar partijen bestaan niet. Zo laten wij zien hoe wij "
                "verkiezingsprogramma's vergelijken op wat ze betekenen voor vluchtelingen, met citaten en "
                "bronnen, en hoe de stemhulp werkt.",
                "A made-up example: Example Town and its parties do not exist. It shows how we compare election "
                "programmes on what they mean for refugees, with quotes and sources, and how the voting guide "
                "works.",
            ),
            "guide_intro": t(
                "Geef bij tien stellingen aan of je het eens of oneens bent, en zie welke partij het dichtst bij "
                "jou staat.",
                "Say whether you agree or disagree with ten statements, and see which party is closest to you.",
            ),
            "search_description": t(
                "Vergelijk wat de (verzonnen) partijen in Voorbeeldstad willen voor vluchtelingen.",
                "Compare what the (made-up) parties of Example Town want for refugees.",
            ),
            "method": [
                (
                    "paragraph",
                    rich(
                        t(
                            "Twee analisten lazen ieder programma helemaal en zochten alles over opvang, asiel, "
                            "gezinshereniging, terugkeer, arbeidsmigratie en internationale solidariteit. Per thema "
                            "vatten zij het standpunt samen, citeren zij letterlijk met paginanummer en geven zij aan wat "
                            "het plan betekent voor de bescherming van vluchtelingen.",
                            "Two analysts read every programme in full and looked for everything on reception, asylum, "
                            "family reunification, return, labour migration and international solidarity. For each "
                            "theme they summarise the position, quote it verbatim with its page number and say what the "
                            "plan means for the protection of refugees.",
                        )
                    ),
                ),
                (
                    "paragraph",
                    rich(
                        t(
                            "Iedere partij kreeg de analyse vooraf te zien. Passen wij iets aan na een reactie, dan staat "
                            "dat met datum bij het standpunt.",
                            "Every party saw the analysis in advance. When we change something after a reaction, the "
                            "change is shown with its date next to the position.",
                        )
                    ),
                ),
            ],
        }

    comparison_page = seeder.page(index, ElectionComparisonPage, page)
    add_to_campaign(seeder, comparison_page)
    return comparison_page


def add_to_campaign(seeder, comparison_page):
    """The "Kies partij" campaign leads to the comparison, which the demo says plainly is made up."""
    campaign = CampaignPage.objects.filter(locale=seeder.nl, slug="kies-partij").first()
    if campaign is None or any(block.block_type == "election_comparison" for block in campaign.body):
        return

    def block(t):
        return (
            "election_comparison",
            {
                "page": comparison_page,
                "intro": t(
                    "Zo vergelijken wij verkiezingsprogramma's, in een verzonnen voorbeeld: Voorbeeldstad en haar "
                    "partijen bestaan niet. Bekijk de standpunten naast elkaar of doe de stemhulp.",
                    "This is how we compare election programmes, in a made-up example: Example Town and its parties "
                    "do not exist. See the positions side by side or take the voting guide.",
                ),
            },
        )

    campaign.body.insert(1, block(seeding.dutch))
    seeder.republish(campaign, CampaignPage(body=[block(seeding.dutch)]), CampaignPage(body=[block(seeding.english)]))
    seeder.created += 1
