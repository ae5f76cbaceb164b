"""Demo: a comparison and voting guide for an example House of Representatives (Tweede Kamer) election
with fictional parties, on refugees, migration and international solidarity (as the real Kies Partij did).

The parties, programmes, quotes and page numbers are invented, and every party's name says "Voorbeeld"
or is plainly made up: never put words in the mouth of a real party. Enough data to show every view in both languages: five
parties, six themes, thirty positions (one not addressed, one corrected after a party's reaction),
ten statements with every party's answer.
"""

import datetime

from campaigns.models import CampaignIndexPage, CampaignPage
from website import seeding
from website.seeding import rich

from .models import Correction, Election, ElectionComparisonPage, Party, Position, Statement, StatementAnswer, Theme

ELECTION = ("Tweede Kamerverkiezingen 2029 (voorbeeld)", "House of Representatives election 2029 (example)")

PARTIES = [  # abbreviation, name, colour, slug of the (fictional) website
    ("PVI", "Partij voor Iedereen", "#b45309", "partij-voor-iedereen"),
    ("GH", "Groene Horizon", "#15803d", "groene-horizon"),
    ("LBV", "Landelijk Belang Voorbeeld", "#1d4ed8", "landelijk-belang-voorbeeld"),
    ("VBV", "Vrije Burgers Voorbeeld", "#7c3aed", "vrije-burgers-voorbeeld"),
    ("SV", "Samen Voorbeeld", "#be185d", "samen-voorbeeld"),
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
            "Wil kleinschalige opvang in elke gemeente en een wet die gemeenten verplicht mee te doen.",
            "Wants small-scale reception in every municipality and a law that obliges municipalities to take part.",
        ),
        (
            "Elke gemeente biedt opvang, in kleine locaties. De spreidingswet maken wij sterker, niet zwakker.",
            "Every municipality offers reception, in small locations. We make the dispersal law stronger, not weaker.",
        ),
    ),
    ("PVI", "asielprocedure"): (
        "more",
        13,
        (
            "Wil gratis onafhankelijke rechtshulp vanaf de eerste dag en kortere wachttijden bij de IND.",
            "Wants free independent legal aid from the first day and shorter waiting times at the IND.",
        ),
        (
            "Iedere asielzoeker krijgt vanaf dag één een eigen advocaat. De IND krijgt geld om wachtrijen weg te werken.",
            "Every asylum seeker gets a lawyer of their own from day one. The IND gets money to clear its queues.",
        ),
    ),
    ("PVI", "gezinshereniging"): (
        "much_more",
        14,
        (
            "Wil gezinshereniging binnen drie maanden en geen extra eisen voor nareizigers.",
            "Wants family reunification within three months and no extra requirements for family members who follow.",
        ),
        (
            "Een gezin hoort bij elkaar. Een aanvraag voor gezinshereniging is binnen drie maanden afgehandeld.",
            "A family belongs together. An application for family reunification is decided within three months.",
        ),
    ),
    ("PVI", "terugkeer"): (
        "more",
        15,
        (
            "Houdt landelijke opvang voor mensen zonder verblijfsvergunning open; terugkeer alleen vrijwillig.",
            "Keeps national shelter open for people without a residence permit; return only when it is voluntary.",
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
            "Laat asielzoekers na een half jaar werken en pakt uitbuiting van arbeidsmigranten aan.",
            "Lets asylum seekers work after six months and tackles the exploitation of labour migrants.",
        ),
        (
            "Asielzoekers mogen na zes maanden aan het werk. Uitbuiting van arbeidsmigranten pakken wij hard aan.",
            "Asylum seekers may work after six months. We deal firmly with the exploitation of labour migrants.",
        ),
    ),
    ("PVI", "internationale-solidariteit"): (
        "much_more",
        17,
        (
            "Wil ontwikkelingshulp terug naar 0,7 procent van het nationaal inkomen en meer hervestiging.",
            "Wants development aid back at 0.7 per cent of national income and more resettlement.",
        ),
        (
            "Wij brengen ontwikkelingshulp terug naar 0,7 procent en nemen meer vluchtelingen op via de VN.",
            "We bring development aid back to 0.7 per cent and take in more refugees through the UN.",
        ),
    ),
    ("GH", "opvang"): (
        "much_more",
        8,
        (
            "Wil opvang in duurzame, kleinschalige woningen verspreid over het hele land.",
            "Wants reception in sustainable, small-scale homes spread across the whole country.",
        ),
        (
            "Opvang hoort midden in de samenleving: in kleine, duurzame woningen verspreid over heel Nederland.",
            "Reception belongs in the middle of society: in small, sustainable homes spread across the Netherlands.",
        ),
    ),
    ("GH", "asielprocedure"): (
        "much_more",
        9,
        (
            "Wil rechtshulp en tolken voor iedereen en een onafhankelijke toets van de procedure.",
            "Wants legal aid and interpreters for everyone and an independent review of the procedure.",
        ),
        (
            "Rechtshulp en tolken zijn er voor iedereen. Een onafhankelijke commissie bewaakt de kwaliteit van de "
            "procedure.",
            "Legal aid and interpreters are there for everyone. An independent committee watches over the quality of "
            "the procedure.",
        ),
    ),
    ("GH", "gezinshereniging"): (
        "more",
        9,
        (
            "Wil snellere gezinshereniging, maar noemt geen termijn.",
            "Wants faster family reunification, but names no time limit.",
        ),
        (
            "Gezinnen worden sneller herenigd; de IND krijgt daarvoor meer mensen.",
            "Families are reunited faster; the IND gets more staff for it.",
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
            "Werkgevers die arbeidsmigranten naar Nederland halen, betalen mee aan fatsoenlijke huisvesting.",
            "Employers who bring labour migrants to the Netherlands contribute to decent housing.",
        ),
    ),
    ("GH", "internationale-solidariteit"): (
        "much_more",
        12,
        (
            "Wil klimaat- en ontwikkelingshulp uitbreiden en eerlijke handel voorop zetten.",
            "Wants to expand climate and development aid and to put fair trade first.",
        ),
        (
            "Nederland betaalt zijn eerlijke deel aan klimaatfinanciering en ontwikkelingshulp, bovenop elkaar.",
            "The Netherlands pays its fair share of climate finance and development aid, one on top of the other.",
        ),
    ),
    ("LBV", "opvang"): (
        "mixed",
        21,
        (
            "Wil de wettelijke opvang bieden, maar alleen in enkele grote centra.",
            "Will provide the reception the law requires, but only in a few large centres.",
        ),
        (
            "Wij nemen onze wettelijke taak serieus, in een paar goed beheerde centra.",
            "We take our legal duty seriously, in a few well-managed centres.",
        ),
    ),
    ("LBV", "asielprocedure"): (
        "mixed",
        22,
        (
            "Wil snellere procedures, maar minder geld voor rechtshulp.",
            "Wants faster procedures, but less money for legal aid.",
        ),
        (
            "De procedure moet sneller. Het budget voor rechtshulp gaat daarvoor omlaag.",
            "The procedure must be faster. The budget for legal aid goes down to pay for it.",
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
        (
            "Wil opvang voor mensen zonder verblijfsvergunning beperken tot enkele weken.",
            "Wants to limit shelter for people without a residence permit to a few weeks.",
        ),
        (
            "Opvang voor uitgeprocedeerden is tijdelijk: na enkele weken stopt die.",
            "Shelter for people whose claims were rejected is temporary: it stops after a few weeks.",
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
            "Wil het budget voor ontwikkelingshulp halveren.",
            "Wants to halve the budget for development aid.",
        ),
        (
            "Belastinggeld is eerst voor Nederland. Het budget voor ontwikkelingshulp halveren wij.",
            "Taxpayers' money is for the Netherlands first. We halve the budget for development aid.",
        ),
    ),
    ("VBV", "opvang"): (
        "much_less",
        5,
        (
            "Wil geen nieuwe opvanglocaties en de spreidingswet intrekken.",
            "Wants no new reception locations and to repeal the dispersal law.",
        ),
        (
            "Geen nieuwe azc's. De spreidingswet trekken wij in.",
            "No new asylum centres. We repeal the dispersal law.",
        ),
    ),
    ("VBV", "asielprocedure"): (
        "less",
        6,
        (
            "Wil geen gratis rechtshulp en tolken meer voor asielzoekers.",
            "Wants no more free legal aid and interpreters for asylum seekers.",
        ),
        (
            "De overheid stopt met het betalen van tolken en rechtshulp voor asielzoekers.",
            "The government stops paying for interpreters and legal aid for asylum seekers.",
        ),
    ),
    ("VBV", "gezinshereniging"): (
        "much_less",
        6,
        (
            "Wil gezinshereniging voor vluchtelingen met een tijdelijke status stopzetten.",
            "Wants to stop family reunification for refugees with a temporary status.",
        ),
        (
            "Wie een tijdelijke status heeft, haalt geen familie over.",
            "Whoever has a temporary status does not bring family over.",
        ),
    ),
    ("VBV", "terugkeer"): (
        "less",
        7,
        (
            "Wil opvang voor uitgeprocedeerden afschaffen, maar maakt een uitzondering voor gezinnen met kinderen.",
            "Wants to abolish shelter for rejected asylum seekers, but makes an exception for families with children.",
        ),
        (
            "Opvang voor uitgeprocedeerden schaffen wij af. Gezinnen met kinderen zetten wij niet op straat.",
            "We abolish shelter for people whose claims were rejected. We do not put families with children on the "
            "street.",
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
            "Wil ontwikkelingshulp afschaffen en geen vluchtelingen meer opnemen via de VN.",
            "Wants to abolish development aid and take in no more refugees through the UN.",
        ),
        (
            "Geen euro ontwikkelingshulp meer, en Nederland stopt met hervestiging.",
            "Not one more euro of development aid, and the Netherlands stops resettlement.",
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
            "Steunt vrijwilligers die asielzoekers helpen, maar wil geen extra geld voor rechtshulp.",
            "Supports volunteers who help asylum seekers, but wants no extra money for legal aid.",
        ),
        (
            "Wij steunen vrijwilligers die asielzoekers wegwijs maken; extra geld voor rechtshulp is er niet.",
            "We support volunteers who help asylum seekers find their way; there is no extra money for legal aid.",
        ),
    ),
    ("SV", "gezinshereniging"): (
        "more",
        32,
        ("Wil kinderen snel bij hun ouders laten wonen.", "Wants children to live with their parents quickly."),
        (
            "Gezinnen met kinderen gaan voor bij gezinshereniging. Kinderen horen bij hun ouders.",
            "Families with children come first in family reunification. Children belong with their parents.",
        ),
    ),
    ("SV", "terugkeer"): (
        "mixed",
        33,
        (
            "Houdt opvang voor uitgeprocedeerden open en wil terugkeer actiever begeleiden.",
            "Keeps shelter for rejected asylum seekers open and wants to support return more actively.",
        ),
        (
            "De opvang blijft, en wij helpen mensen actiever bij een nieuwe start in het land van herkomst.",
            "Shelter stays, and we help people more actively with a new start in their country of origin.",
        ),
    ),
    ("SV", "arbeidsmigratie"): (
        "less",
        34,
        (
            "Wil het aantal arbeidsmigranten van buiten de EU beperken.",
            "Wants to limit the number of labour migrants from outside the EU.",
        ),
        (
            "Wij beperken arbeidsmigratie van buiten de EU tot beroepen waar echt mensen tekort zijn.",
            "We limit labour migration from outside the EU to occupations with a real shortage of people.",
        ),
    ),
    ("SV", "internationale-solidariteit"): (
        "more",
        35,
        (
            "Wil meer steun voor landen die veel vluchtelingen opvangen.",
            "Wants more support for countries that receive many refugees.",
        ),
        (
            "Nederland steunt landen in de regio die de meeste vluchtelingen opvangen, met geld en kennis.",
            "The Netherlands supports countries in the region that receive most refugees, with money and expertise.",
        ),
    ),
}

ASSESSMENTS = {  # by stance: our assessment, in general words (the demo's analysts are fictional too)
    "much_more": (
        "Dit plan zou de bescherming van vluchtelingen in Nederland duidelijk verbeteren.",
        "This plan would clearly improve the protection of refugees in the Netherlands.",
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
    ("Vrije Burgers Voorbeeld", "Vrije Burgers Voorbeeld"),
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
            "Elke gemeente moet verplicht asielzoekers opvangen.",
            "Every municipality should be obliged to receive asylum seekers.",
        ),
        [
            ("agree", "Wie kan helpen, helpt mee.", "Whoever can help, helps."),
            ("agree", "Wij hebben de ruimte en de plicht.", "We have the space and the duty."),
            ("neutral", "Alleen als het Rijk alles betaalt.", "Only if the national government pays for all of it."),
            ("disagree", "De spreidingswet moet weg.", "The dispersal law must go."),
            ("neutral", "Eerst de huidige plekken goed regelen.", "First organise the current places well."),
        ],
    ),
    (
        "S02",
        "opvang",
        (
            "Asielzoekers moeten in kleine locaties in de wijken wonen, niet in grote centra.",
            "Asylum seekers should live in small locations in the districts, not in large centres.",
        ),
        [
            ("agree", "Kleinschalig werkt beter voor iedereen.", "Small-scale works better for everyone."),
            ("agree", "Opvang hoort midden in de samenleving.", "Reception belongs in the middle of society."),
            ("disagree", "Grote centra zijn beter te beheren.", "Large centres are easier to manage."),
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
            "Iedere asielzoeker krijgt gratis onafhankelijke rechtshulp.",
            "Every asylum seeker gets free independent legal aid.",
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
                "Alleen als de procedure er sneller door wordt.",
                "Only if it makes the procedure faster.",
            ),
            ("disagree", "Daar is geen belastinggeld voor.", "There is no taxpayers' money for that."),
            ("disagree", "Wij steunen liever vrijwilligers.", "We would rather support volunteers."),
        ],
    ),
    (
        "S04",
        "gezinshereniging",
        (
            "Vluchtelingen met een tijdelijke status mogen hun gezin laten overkomen.",
            "Refugees with a temporary status may bring their family over.",
        ),
        [
            ("agree", "Gezinnen horen samen te wonen.", "Families belong together under one roof."),
            (
                "neutral",
                "Ja, als de IND het aankan.",
                "Yes, if the IND can cope.",
            ),
            ("disagree", "Eerst een vaste status.", "A permanent status first."),
            ("disagree", "Een tijdelijke status is tijdelijk.", "A temporary status is temporary."),
            ("agree", "Kinderen horen bij hun ouders.", "Children belong with their parents."),
        ],
    ),
    (
        "S05",
        "terugkeer",
        (
            "Mensen zonder verblijfsvergunning houden recht op opvang.",
            "People without a residence permit keep the right to shelter.",
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
            "De overheid moet afgewezen asielzoekers actief helpen terugkeren.",
            "The government should actively help rejected asylum seekers to return.",
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
            "Asielzoekers mogen na zes maanden aan het werk.",
            "Asylum seekers may work after six months.",
        ),
        [
            ("agree", "Werk is de snelste weg naar meedoen.", "Work is the fastest way to take part."),
            ("agree", "Met taalles op het werk.", "With language lessons at work."),
            ("agree", "Wie werkt, kost de staat niets.", "Whoever works costs the state nothing."),
            ("neutral", "Eerst de taal leren.", "First learn the language."),
            ("agree", "Samen met de werkgevers.", "Together with employers."),
        ],
    ),
    (
        "S08",
        "arbeidsmigratie",
        (
            "Er komen meer woningen voor arbeidsmigranten, ook als andere bouwplannen daarvoor moeten wachten.",
            "There will be more homes for labour migrants, even if other building plans must wait.",
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
            ("neutral", "Eerst bouwen voor wie hier al woont.", "First build for those who already live here."),
        ],
    ),
    (
        "S09",
        "internationale-solidariteit",
        (
            "Nederland geeft 0,7 procent van het nationaal inkomen aan ontwikkelingshulp.",
            "The Netherlands gives 0.7 per cent of national income to development aid.",
        ),
        [
            ("agree", "Dat is de internationale afspraak.", "That is the international agreement."),
            ("agree", "En klimaatgeld komt daar bovenop.", "And climate finance comes on top."),
            ("disagree", "De helft is genoeg.", "Half of it is enough."),
            ("disagree", "Geen euro naar het buitenland.", "Not one euro abroad."),
            ("neutral", "Minder geld, beter besteed.", "Less money, better spent."),
        ],
    ),
    (
        "S10",
        "internationale-solidariteit",
        (
            "Nederland neemt elk jaar vluchtelingen op via het hervestigingsprogramma van de VN.",
            "Every year the Netherlands takes in refugees through the UN resettlement programme.",
        ),
        [
            ("agree", "Een veilige route in plaats van een gevaarlijke.", "A safe route instead of a dangerous one."),
            ("agree", "Samen met andere Europese landen.", "Together with other European countries."),
            ("neutral", "Als de opvang hier op orde is.", "When reception here is in order."),
            ("disagree", "Wij stoppen met hervestiging.", "We stop resettlement."),
            ("agree", "Dat staat in ons programma.", "That is in our programme."),
        ],
    ),
]


def programme_url(slug, page=None):
    url = f"https://example.org/voorbeeld/{slug}/verkiezingsprogramma-2029.pdf"
    return f"{url}#page={page}" if page else url


def seed(seeder):
    index = CampaignIndexPage.objects.filter(locale=seeder.nl).first()
    if index is None:
        return None

    election = seeder.snippet(
        Election,
        lambda t: {"name": t(*ELECTION), "date": datetime.date(2029, 3, 21), "level": "national"},
        {"name": ELECTION[0]},
    )
    parties = {}
    for abbreviation, name, colour, slug in PARTIES:

        def party(t, abbreviation=abbreviation, name=name, colour=colour, slug=slug):
            return {
                "name": name,
                "abbreviation": abbreviation,
                "colour": colour,
                "website": f"https://example.org/voorbeeld/{slug}/",
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
                "Kies kant: de Tweede Kamerverkiezingen (voorbeeld)",
                "Choose a side: the House of Representatives election (example)",
            ),
            "slug": t("kies-kant-voorbeeld", "choose-a-side-example"),
            "election": election,
            "intro": t(
                "Een verzonnen voorbeeld: deze Tweede Kamerverkiezingen en hun partijen bestaan niet. Zo laten wij "
                "zien hoe wij verkiezingsprogramma's vergelijken op wat ze betekenen voor vluchtelingen, migratie "
                "en internationale solidariteit, met citaten en bronnen, en hoe de stemhulp werkt.",
                "A made-up example: this House of Representatives election and its parties do not exist. It shows "
                "how we compare election programmes on what they mean for refugees, migration and international "
                "solidarity, with quotes and sources, and how the voting guide works.",
            ),
            "guide_intro": t(
                "Geef bij tien stellingen aan of je het eens of oneens bent, en zie welke partij het dichtst bij "
                "jou staat.",
                "Say whether you agree or disagree with ten statements, and see which party is closest to you.",
            ),
            "search_description": t(
                "Vergelijk wat de (verzonnen) partijen bij de Tweede Kamerverkiezingen willen voor vluchtelingen.",
                "Compare what the (made-up) parties in a House of Representatives election want for refugees.",
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
                    "Zo vergelijken wij verkiezingsprogramma's voor de Tweede Kamer, in een verzonnen voorbeeld: de "
                    "partijen bestaan niet. Bekijk de standpunten naast elkaar of doe de stemhulp.",
                    "This is how we compare election programmes for the House of Representatives, in a made-up "
                    "example: the parties do not exist. See the positions side by side or take the voting guide.",
                ),
            },
        )

    campaign.body.insert(1, block(seeding.dutch))
    seeder.republish(campaign, CampaignPage(body=[block(seeding.dutch)]), CampaignPage(body=[block(seeding.english)]))
    seeder.created += 1
