"""Demo campaigns, told from the facts in the source texts; the home page features them.

Dates the sources do not give (timelines, the Border Reached! episodes) are illustrative. The real
campaigns are finished; one invented, clearly labelled example campaign is live, so that a newcomer
still sees an open petition and an ad taking gifts.
"""

import datetime

from django.utils import timezone

from projects.models import ProjectPage
from website.demo_images import placeholder_image
from website.models import HomePage
from website.seeding import dutch, english, p

from .models import CampaignIndexPage, CampaignPage

D = datetime.date
EXAMPLE_SLUG = ("voorbeeldcampagne", "example-campaign")  # (Dutch, English): the live, invented campaign


def key_figures(title, facts):
    return ("key_figures", {"title": title, "facts": [{"figure": figure, "label": label} for figure, label in facts]})


def timeline(title, events):
    return (
        "timeline",
        {
            "title": title,
            "events": [{"date": date, "title": what, "description": details} for date, what, details in events],
        },
    )


def share(text):
    return ("share", {"text": text})


def seed(seeder):
    home = HomePage.objects.get(locale=seeder.nl, depth=2)

    def campaign_index(t):
        return {
            "title": t("Campagnes", "Campaigns"),
            "slug": t("campagnes", "campaigns"),
            "show_in_menus": True,
            "intro": t(
                "Vluchtelingen worden steeds vaker buitengesloten en monddood gemaakt. Waar het internationaal recht "
                "wordt genegeerd, voeren wij campagne en lobby, en zorgen wij dat vluchtelingen zelf een stem "
                "hebben.",
                "Refugees are more and more often shut out and silenced. Where international law is ignored, we "
                "campaign and lobby, and we make sure refugees have a voice of their own.",
            ),
            "search_description": t(
                "Campagnes van VluchtelingenWerk Nederland, lopend en afgerond.",
                "Campaigns by VluchtelingenWerk Nederland, current and past.",
            ),
        }

    index = seeder.page(home, CampaignIndexPage, campaign_index)

    def same_needs(t):
        ask = t("Elke vluchteling verdient bescherming", "Every refugee deserves protection")
        return {
            "title": t("Gelijke nood", "The same needs"),
            "slug": t("gelijke-nood", "the-same-needs"),
            "hero_image": placeholder_image("Campaign: The same needs", seed="campaign-same-needs"),
            "ask": ask,
            "summary": t(
                "Oekraïne, Syrië, Jemen: niet elke vluchteling wordt even hartelijk ontvangen. Met een advertentie "
                "in vier landelijke kranten, betaald per vierkante centimeter, lieten bijna 3.000 mensen zien dat "
                "iedere vluchteling bescherming en hulp verdient.",
                "Ukraine, Syria, Yemen: not every refugee gets an equally warm welcome. With an advertisement in "
                "four national newspapers, paid for by the square centimetre, nearly 3,000 people showed that every "
                "refugee deserves protection and help.",
            ),
            "status": "won",
            "start_date": D(2022, 3, 1),
            "end_date": D(2022, 4, 8),
            "body": [
                p(
                    t(
                        "Wereldwijd zijn miljoenen mensen op de vlucht, maar het welkom verschilt sterk per "
                        "herkomstland. Wij vroegen Nederlanders een vierkante centimeter advertentieruimte te doneren. "
                        "Bij 1030 cm² was de advertentie rond.",
                        "Millions of people worldwide have been forced to flee, but how welcome they are depends heavily "
                        "on where they come from. We asked people in the Netherlands to donate a square centimetre of "
                        "advertising space. At 1030 cm² the advertisement was complete.",
                    )
                ),
                key_figures(
                    t("De advertentie in cijfers", "The advertisement in figures"),
                    [
                        (
                            "1030 cm²",
                            t(
                                "advertentieruimte, centimeter voor centimeter betaald",
                                "of advertising space, paid for centimetre by centimetre",
                            ),
                        ),
                        (t("bijna 3.000", "nearly 3,000"), t("mensen droegen bij", "people contributed")),
                        (
                            "4",
                            t(
                                "landelijke kranten: Algemeen Dagblad, de Volkskrant, Trouw en Het Parool",
                                "national newspapers: Algemeen Dagblad, de Volkskrant, Trouw and Het Parool",
                            ),
                        ),
                        (
                            t("8 april 2022", "8 April 2022"),
                            t("de dag dat de advertentie verscheen", "the day the advertisement appeared"),
                        ),
                    ],
                ),
                timeline(
                    t("Zo ging het", "How it went"),
                    [
                        (
                            D(2022, 3, 1),
                            t("Start van de actie", "The campaign starts"),
                            t(
                                "Iedereen kan een vierkante centimeter doneren.",
                                "Anyone can donate a square centimetre.",
                            ),
                        ),
                        (
                            D(2022, 4, 8),
                            t("De advertentie verschijnt", "The advertisement appears"),
                            t(
                                "In het Algemeen Dagblad, de Volkskrant, Trouw en Het Parool.",
                                "In Algemeen Dagblad, de Volkskrant, Trouw and Het Parool.",
                            ),
                        ),
                    ],
                ),
                share(ask),
            ],
        }

    def children(t):
        ask = t("Neem 500 kinderen uit de Griekse kampen op", "Take in 500 children from the Greek camps")
        return {
            "title": "#500kinderen",
            "slug": t("500kinderen", "500-children"),
            "hero_image": placeholder_image("Campaign: #500kinderen", seed="campaign-500-children"),
            "ask": ask,
            "summary": t(
                "Samen met Defence for Children vroegen wij de regering 500 alleenreizende minderjarige "
                "vluchtelingen uit Griekenland op te nemen, zoals de Griekse regering had gevraagd. Meer dan 21.000 "
                "mensen tekenden de petitie.",
                "Together with Defence for Children we asked the Dutch government to take in 500 unaccompanied "
                "refugee children from Greece, as the Greek government had requested. More than 21,000 people "
                "signed the petition.",
            ),
            "status": "closed",
            "start_date": D(2020, 1, 15),
            "body": [
                p(
                    t(
                        "Begin 2020 begon de campagne #500kinderen. Met een petitie riepen wij burgemeesters op om "
                        "alleenstaande vluchtelingenkinderen een veilige plek in hun gemeente te bieden. Ruim de helft "
                        "van alle Nederlandse gemeenten liet weten daartoe bereid te zijn.",
                        "The #500kinderen campaign began early in 2020. With a petition we called on mayors to offer "
                        "unaccompanied refugee children a safe place in their municipality. Over half of all Dutch "
                        "municipalities said they were willing to do so.",
                    )
                ),
                key_figures(
                    t("Wat de campagne opleverde", "What the campaign achieved"),
                    [
                        ("500", t("kinderen die wij wilden opnemen", "children we asked the Netherlands to take in")),
                        (t("21.000+", "21,000+"), t("handtekeningen onder de petitie", "signatures on the petition")),
                        (
                            t("meer dan de helft", "over half"),
                            t(
                                "van de gemeenten wilde kinderen opvangen",
                                "of municipalities wanted to receive children",
                            ),
                        ),
                    ],
                ),
                timeline(
                    t("Zo ging het", "How it went"),
                    [
                        (
                            D(2020, 1, 15),
                            t("Start van #500kinderen", "#500kinderen starts"),
                            t("Samen met Defence for Children.", "Together with Defence for Children."),
                        ),
                        (
                            D(2020, 3, 1),
                            t("Petitie aan de burgemeesters", "Petition to the mayors"),
                            t(
                                "Gemeenten wordt gevraagd een veilige plek te bieden (datum ter illustratie).",
                                "Municipalities are asked to offer a safe place (illustrative date).",
                            ),
                        ),
                        (
                            D(2020, 6, 1),
                            t("Meer dan 21.000 handtekeningen", "More than 21,000 signatures"),
                            t(
                                "Ruim de helft van de gemeenten zegt ja (datum ter illustratie).",
                                "Over half of the municipalities say yes (illustrative date).",
                            ),
                        ),
                    ],
                ),
                share(ask),
            ],
        }

    episodes = [  # (place, country, latitude, longitude, date, Dutch title, English title, Dutch, English summary)
        (
            "Grodno",
            "BY",
            53.68,
            23.83,
            D(2022, 2, 14),
            "Gelokt naar Belarus",
            "Lured to Belarus",
            "Over mensen die via Minsk naar de grens werden gebracht en daar in de kou vast kwamen te zitten.",
            "About people brought to the border via Minsk who ended up stranded there in the cold.",
        ),
        (
            "Kuźnica",
            "PL",
            53.51,
            23.65,
            D(2022, 2, 17),
            "Aan de andere kant van het hek",
            "On the other side of the fence",
            "Aan de Poolse kant van de grens: een afgesloten zone, hulpverleners die nauwelijks toegang hebben.",
            "On the Polish side of the border: a closed zone, and aid workers who can hardly get in.",
        ),
        (
            "Lesbos",
            "GR",
            39.11,
            26.55,
            D(2022, 4, 11),
            "Wachten op Lesbos",
            "Waiting on Lesbos",
            "Een bezoek aan het nieuwe kamp en gesprekken met mensen die al lang op hun procedure wachten.",
            "A visit to the new camp and conversations with people who have waited long for their procedure.",
        ),
        (
            "Lampedusa",
            "IT",
            35.50,
            12.60,
            D(2022, 5, 23),
            "Aankomst op Lampedusa",
            "Arriving on Lampedusa",
            "Waar bootjes uit Noord-Afrika aanleggen en de opvang het aantal aankomsten niet bijhoudt.",
            "Where boats from North Africa land and reception cannot keep up with the arrivals.",
        ),
        (
            "Bihać",
            "BA",
            44.82,
            15.87,
            D(2022, 6, 20),
            "Teruggeduwd bij Bihać",
            "Pushed back near Bihać",
            "Verhalen over pushbacks aan de Kroatische grens en het leven in de kampen eromheen.",
            "Accounts of pushbacks at the Croatian border and of life in the camps around it.",
        ),
        (
            "Sfax",
            "TN",
            34.74,
            10.76,
            D(2022, 9, 12),
            "Vertrekpunt Sfax",
            "Departure point Sfax",
            "Over de havenstad waar veel mensen de oversteek naar Europa wagen.",
            "About the port city where many people attempt the crossing to Europe.",
        ),
        (
            "Röszke",
            "HU",
            46.19,
            20.04,
            D(2022, 10, 17),
            "Het hek van Hongarije",
            "Hungary's fence",
            "Langs het grenshek, in een land waar asiel aanvragen bijna onmogelijk is gemaakt.",
            "Along the border fence, in a country where claiming asylum has been made almost impossible.",
        ),
        (
            "Subotica",
            "RS",
            46.10,
            19.67,
            D(2022, 10, 20),
            "Vast in Servië",
            "Stuck in Serbia",
            "Vlak bij de Hongaarse grens: mensen die het steeds opnieuw proberen, en de lokale hulp.",
            "Close to the Hungarian border: people who keep trying again, and the local help they get.",
        ),
    ]

    def border_reached(t):
        ask = t("Kijk niet weg van Europa's grenzen", "Don't look away from Europe's borders")
        return {
            "title": t("Grens bereikt!", "Border Reached!"),
            "slug": t("grens-bereikt", "border-reached"),
            "hero_image": placeholder_image("Campaign: Border Reached!", seed="campaign-border-reached"),
            "ask": ask,
            "summary": t(
                "Directeur Tineke Ceelen en mensenrechtenexpert Eduard Nazarski reisden langs de grenzen van Europa. "
                "In De Nieuws BV vertelden zij wat ze zagen en wie ze spraken.",
                "Director Tineke Ceelen and human-rights expert Eduard Nazarski travelled along Europe's borders. "
                "On De Nieuws BV they told what they saw and whom they met.",
            ),
            "status": "closed",
            "start_date": D(2022, 2, 1),
            "end_date": D(2022, 11, 30),
            "body": [
                p(
                    t(
                        "Tineke Ceelen en Eduard Nazarski vragen aandacht voor de situatie van vluchtelingen aan de "
                        "grenzen en gaan in gesprek met politici en beleidsmakers om die te verbeteren. Met hun "
                        "radioverslagen in De Nieuws BV bereikten zij in 2022 een miljoenenpubliek.",
                        "Tineke Ceelen and Eduard Nazarski draw attention to the situation of refugees at the borders "
                        "and talk with politicians and policymakers to improve it. Their radio reports on De Nieuws BV "
                        "reached an audience of millions in 2022.",
                    )
                ),
                (
                    "report_series",
                    {
                        "title": t("Acht grensgebieden", "Eight border areas"),
                        "intro": t(
                            "Belarus, Polen, Griekenland, Italië, Bosnië, Tunesië, Hongarije en Servië. De data "
                            "zijn ter illustratie.",
                            "Belarus, Poland, Greece, Italy, Bosnia, Tunisia, Hungary and Serbia. The dates are "
                            "illustrative.",
                        ),
                        "episodes": [
                            {
                                "place": place,
                                "country": country,
                                "latitude": lat,
                                "longitude": lon,
                                "date": date,
                                "title": t(title_nl, title_en),
                                "summary": t(summary_nl, summary_en),
                            }
                            for place, country, lat, lon, date, title_nl, title_en, summary_nl, summary_en in episodes
                        ],
                    },
                ),
                share(ask),
            ],
        }

    def example(t):
        ask = t("Een veilige plek in elke gemeente", "A safe place in every municipality")
        return {
            "title": t("Voorbeeld: Welkom in elke gemeente", "Example: A welcome in every municipality"),
            "slug": EXAMPLE_SLUG[t is english],
            "hero_image": placeholder_image("Campaign: example (invented)", seed="campaign-example"),
            "ask": ask,
            "summary": t(
                "Een verzonnen voorbeeldcampagne: zo ziet een lopende campagne eruit, met een petitie die je kunt "
                "tekenen en een advertentie waaraan je kunt bijdragen (in de demo betaal je niet echt).",
                "An invented example campaign: this is how a live campaign looks, with a petition you can sign and "
                "an ad you can give to (in the demo nothing is really paid).",
            ),
            "status": "active",
            "start_date": timezone.localdate() - datetime.timedelta(days=60),
            "body": [
                p(
                    t(
                        "Deze campagne bestaat niet: de petitie, de advertentie en alle namen en aantallen zijn "
                        "verzonnen voor de demo. Probeer gerust te tekenen of een vierkante centimeter te geven.",
                        "This campaign does not exist: the petition, the ad and every name and number are invented "
                        "for the demo. Feel free to sign or to give a square centimetre.",
                    )
                ),
                share(ask),
            ],
        }

    def choose_a_side(t):
        ask = t("Kies partij voor vluchtelingen", "Take the side of refugees")
        return {
            "title": t("Kies partij", "Choose a side"),
            "slug": t("kies-partij", "choose-a-side"),
            "hero_image": placeholder_image("Campaign: Choose a side", seed="campaign-choose-a-side"),
            "ask": ask,
            "summary": t(
                "Voor de Tweede Kamerverkiezingen van 2021 zetten wij op een rij wat de partijen willen met "
                "vluchtelingen, migratie en internationale solidariteit.",
                "Ahead of the 2021 elections to the House of Representatives we set out what the parties want on "
                "refugees, migration and international solidarity.",
            ),
            "status": "closed",
            "start_date": D(2021, 2, 1),
            "end_date": D(2021, 3, 17),
            "body": [
                p(
                    t(
                        "Wij lazen de verkiezingsprogramma's en vergeleken de standpunten over vluchtelingen, migratie "
                        "en internationale solidariteit. Daarmee vroegen wij kiezers om in het stemhokje ook aan "
                        "menselijkheid te denken.",
                        "We read the election manifestos and compared the positions on refugees, migration and "
                        "international solidarity. With that we asked voters to keep humanity in mind in the voting "
                        "booth.",
                    )
                ),
                timeline(
                    t("Zo ging het", "How it went"),
                    [
                        (
                            D(2021, 2, 1),
                            t("De analyse verschijnt", "The analysis is published"),
                            t("Datum ter illustratie.", "Illustrative date."),
                        ),
                        (
                            D(2021, 3, 17),
                            t("Verkiezingsdag", "Election day"),
                            t(
                                "Laatste dag van de Tweede Kamerverkiezingen.",
                                "Final day of the elections to the House of Representatives.",
                            ),
                        ),
                    ],
                ),
                share(ask),
            ],
        }

    campaigns = {
        build.__name__: seeder.page(index, CampaignPage, build)
        for build in (same_needs, children, border_reached, choose_a_side, example)
    }

    # Second pass: links between campaigns, once they all exist.
    related = {
        "same_needs": ["children", "border_reached"],
        "children": ["same_needs", "border_reached"],
        "border_reached": ["children"],
        "choose_a_side": ["same_needs", "children"],
        "example": ["children", "same_needs"],
    }
    for key, others in related.items():
        page = campaigns[key]
        if any(block.block_type == "related_campaigns" for block in page.body):
            continue

        def block(t, others=others):
            return (
                "related_campaigns",
                {"title": t("Meer campagnes", "More campaigns"), "campaigns": [campaigns[other] for other in others]},
            )

        page.body.append(block(dutch))
        seeder.republish(page, CampaignPage(body=[block(dutch)]), CampaignPage(body=[block(english)]))

    feature_on_home(seeder, home, campaigns)
    return campaigns


def feature_on_home(seeder, home, campaigns):
    """Fill the home page's featured campaigns and projects, if an editor has not already."""
    projects = {page.slug: page for page in ProjectPage.objects.filter(locale=seeder.nl)}

    def featured(t):
        return {
            "featured_campaigns": [
                (
                    "featured",
                    {
                        "page": campaigns["example"],
                        "summary": t(
                            "Een verzonnen, lopende campagne: teken de petitie of geef een vierkante centimeter.",
                            "An invented, live campaign: sign the petition or give a square centimetre.",
                        ),
                    },
                ),
                (
                    "featured",
                    {
                        "page": campaigns["same_needs"],
                        "summary": t(
                            "Bijna 3.000 mensen betaalden samen een krantenadvertentie: elke vluchteling verdient bescherming.",
                            "Nearly 3,000 people jointly paid for a newspaper advertisement: every refugee deserves "
                            "protection.",
                        ),
                    },
                ),
                (
                    "featured",
                    {
                        "page": campaigns["children"],
                        "summary": t(
                            "Ruim 21.000 handtekeningen voor de opvang van 500 vluchtelingenkinderen.",
                            "Over 21,000 signatures for taking in 500 refugee children.",
                        ),
                    },
                ),
            ],
            "featured_projects": [
                (
                    "featured",
                    {
                        "page": projects["hotspots-griekenland-italie"],
                        "summary": t(
                            "Rechtshulp en lobby rond de hotspots in Griekenland en Italië.",
                            "Legal aid and lobbying around the hotspots in Greece and Italy.",
                        ),
                    },
                ),
                (
                    "featured",
                    {
                        "page": projects["servie"],
                        "summary": t(
                            "Trainingen in rechtshulp en integratie met het Belgrade Centre for Human Rights.",
                            "Training in legal aid and integration with the Belgrade Centre for Human Rights.",
                        ),
                    },
                ),
                (
                    "featured",
                    {
                        "page": projects["kenia"],
                        "summary": t(
                            "Hulp aan vluchtelingen in kamp Kakuma en in Nairobi.",
                            "Help for refugees in Kakuma camp and in Nairobi.",
                        ),
                    },
                ),
            ],
        }

    empty = [name for name in ("featured_campaigns", "featured_projects") if not getattr(home, name)]
    if not empty:
        return
    nl, en = featured(dutch), featured(english)
    for name in empty:
        setattr(home, name, nl[name])
    seeder.republish(
        home, HomePage(**{name: nl[name] for name in empty}), HomePage(**{name: en[name] for name in empty})
    )
