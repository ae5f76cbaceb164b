"""Demo content for the projects abroad and the return programmes, told from the source texts.

Names, partners, funders and figures come from the sources; dates marked "illustrative" and the
example return partners do not.
"""

import datetime

from website.demo_images import placeholder_image
from website.models import HomePage
from website.seeding import p

from .models import (
    Funder,
    PartnerOrganisation,
    ProjectFunder,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    RelatedProject,
    ReturnProgrammeIndexPage,
    ReturnProgrammePage,
    ReturnProgrammePartner,
)


def h(text, level="h3"):
    return ("heading", {"text": text, "level": level})


# --- funders and partners -------------------------------------------------------------------------

FUNDERS = {
    "foreign_affairs": ("Ministerie van Buitenlandse Zaken", "Dutch Ministry of Foreign Affairs"),
    "eu": ("Europese Unie", "European Union"),
    "nuffic": ("EP-Nuffic", "EP-Nuffic"),
    "matra": ("Matra-fonds (Nederlandse ambassade in Servië)", "Matra fund (Dutch Embassy in Serbia)"),
    "us_state": ("Amerikaanse ministerie van Buitenlandse Zaken", "US Department of State"),
    "postcode_lottery": ("Nationale Postcode Loterij", "Dutch Postcode Lottery"),
}

# key: (Dutch name, English name, country, Dutch description, English description)
PARTNERS = {
    "gcr": (
        "Greek Council for Refugees",
        "Greek Council for Refugees",
        "GR",
        "Griekse vluchtelingenorganisatie die asielzoekers juridisch en sociaal bijstaat, ook op de eilanden.",
        "Greek refugee organisation giving asylum seekers legal and social assistance, on the islands too.",
    ),
    "cir": (
        "Italian Council for Refugees (CIR)",
        "Italian Council for Refugees (CIR)",
        "IT",
        "Italiaanse organisatie die opkomt voor vluchtelingen en rechtshulp geeft bij de asielprocedure.",
        "Italian organisation that defends refugees' rights and offers legal help in the asylum procedure.",
    ),
    "bchr": (
        "Belgrade Centre for Human Rights",
        "Belgrade Centre for Human Rights",
        "RS",
        "Servische mensenrechtenorganisatie die asielzoekers gratis juridisch advies geeft.",
        "Serbian human-rights organisation providing free legal advice to asylum seekers.",
    ),
    "rrt": (
        "Refugee Rights Turkey",
        "Refugee Rights Turkey",
        "TR",
        "Onafhankelijke Turkse organisatie, voorheen bekend als Helsinki Citizens' Assembly, die zich inzet "
        "voor gratis rechtshulp aan asielzoekers.",
        "Independent Turkish organisation, formerly known as Helsinki Citizens' Assembly, working towards "
        "free legal aid for asylum seekers.",
    ),
    "cedem": (
        "Centre for Democracy and Human Rights – CEDEM",
        "Centre for Democracy and Human Rights – CEDEM",
        "ME",
        "Montenegrijnse organisatie die werkt aan democratie, mensenrechten en de bescherming van vluchtelingen.",
        "Montenegrin organisation working on democracy, human rights and the protection of refugees.",
    ),
    "vasa_prava": (
        "Vasa Prava",
        "Vasa Prava",
        "BA",
        "Bosnische organisatie voor gratis rechtshulp, onder meer aan asielzoekers.",
        "Bosnian organisation providing free legal aid, to asylum seekers among others.",
    ),
    "cilc": (
        "Centre for International Legal Cooperation – CILC",
        "Centre for International Legal Cooperation – CILC",
        "NL",
        "Nederlandse organisatie die rechtsstaatprojecten in het buitenland opzet en begeleidt.",
        "Dutch organisation that sets up and runs rule-of-law projects abroad.",
    ),
    "myla": (
        "MYLA – Macedonian Young Lawyers Association",
        "MYLA – Macedonian Young Lawyers Association",
        "MK",
        "Vereniging van jonge juristen die de rechten en belangen van vluchtelingen in Noord-Macedonië verdedigt.",
        "Association of young lawyers defending the rights and interests of refugees in North Macedonia.",
    ),
    "kakuma_legal": (
        "Keniaanse rechtshulppartner in Kakuma",
        "Kenyan legal aid partner in Kakuma",
        "KE",
        "Keniaanse organisatie die in kamp Kakuma juridische hulp geeft. De naam is een plaatshouder: "
        "de bronnen noemen de organisatie niet.",
        "Kenyan organisation giving legal help in Kakuma camp. The name is a placeholder: the sources "
        "do not name the organisation.",
    ),
    "kakuma_aid": (
        "Keniaanse partner voor sociale en materiële hulp in Kakuma",
        "Kenyan social and material aid partner in Kakuma",
        "KE",
        "Keniaanse organisatie die vluchtelingen in Kakuma sociaal en materieel ondersteunt. De naam is "
        "een plaatshouder: de bronnen noemen de organisatie niet.",
        "Kenyan organisation giving refugees in Kakuma social and material support. The name is a "
        "placeholder: the sources do not name the organisation.",
    ),
    "return_iq": (
        "Voorbeeldpartner terugkeer, Irak",
        "Example return partner, Iraq",
        "IQ",
        "Voorbeeld van een lokale organisatie die terugkeerders helpt met werk, opleiding en huisvesting. "
        "Fictief: geen echte organisatie.",
        "Example of a local organisation helping returnees with work, education and housing. "
        "Fictitious: not a real organisation.",
    ),
    "return_ge": (
        "Voorbeeldpartner terugkeer, Georgië",
        "Example return partner, Georgia",
        "GE",
        "Voorbeeld van een lokale organisatie die terugkeerders begeleidt bij het starten van een eigen "
        "bedrijf. Fictief: geen echte organisatie.",
        "Example of a local organisation coaching returnees who start a business of their own. "
        "Fictitious: not a real organisation.",
    ),
    "return_am": (
        "Voorbeeldpartner terugkeer, Armenië",
        "Example return partner, Armenia",
        "AM",
        "Voorbeeld van een lokale organisatie die terugkeerders wegwijs maakt in medische zorg en "
        "woonruimte. Fictief: geen echte organisatie.",
        "Example of a local organisation helping returnees find medical care and housing. "
        "Fictitious: not a real organisation.",
    ),
}


def seed_organisations(seeder):
    funders = {
        key: seeder.snippet(Funder, lambda t, names=names: {"name": t(*names)}, {"name": names[0]})
        for key, names in FUNDERS.items()
    }

    def partner(values):
        name_nl, name_en, country, description_nl, description_en = values
        return lambda t: {
            "name": t(name_nl, name_en),
            "country": country,
            "description": t(description_nl, description_en),
        }

    partners = {
        key: seeder.snippet(PartnerOrganisation, partner(values), {"name": values[0]})
        for key, values in PARTNERS.items()
    }
    return funders, partners


# --- projects -------------------------------------------------------------------------------------


def seed(seeder):
    home = HomePage.objects.get(locale=seeder.nl, depth=2)
    funders, partners = seed_organisations(seeder)

    def links(partner_keys, funder_keys):
        return {
            "partners": [ProjectPartner(partner=partners[key]) for key in partner_keys],
            "funders": [ProjectFunder(funder=funders[key]) for key in funder_keys],
        }

    def image(name):
        return placeholder_image(f"Project: {name}", seed=f"project-{name}")

    def project_index(t):
        return {
            "title": t("Projecten buiten Nederland", "Our projects abroad"),
            "slug": t("projecten", "projects"),
            "show_in_menus": True,
            "intro": t(
                "Wij delen onze kennis en ervaring met zusterorganisaties aan de buitengrenzen van de Europese "
                "Unie. Door deze NGO-twinning worden lokale organisaties sterker, zodat zij asielzoekers en "
                "vluchtelingen ter plekke zo goed mogelijk kunnen helpen.",
                "We share our knowledge and experience with sister organisations at the external borders of the "
                "European Union. This NGO twinning makes local organisations stronger, so that they can give "
                "asylum seekers and refugees the best possible help where they are.",
            ),
            "search_description": t(
                "Twinningprojecten met vluchtelingenorganisaties langs de grenzen van Europa.",
                "Twinning projects with refugee organisations along Europe's borders.",
            ),
            "body": [
                h(t("Waarom aan de buitengrenzen?", "Why the external borders?"), "h2"),
                p(
                    t(
                        "Veel asielzoekers komen op hun gevaarlijke reis naar een EU-land door deze landen, en velen "
                        "stranden er. Humane opvang ontbreekt er vaak: mensen zitten soms maanden in detentie of "
                        "slapen op straat, en haperende asielsystemen staan een eerlijke procedure in de weg.",
                        "Many asylum seekers pass through these countries on their dangerous journey to an EU country, "
                        "and many get stuck there. Humane reception is often missing: people are sometimes detained "
                        "for months or sleep in the street, and faltering asylum systems stand in the way of a fair "
                        "procedure.",
                    )
                ),
                h(t("Hoe wij werken", "How we work"), "h2"),
                p(
                    t(
                        "Wat wij doen, hangt af van wat de partnerorganisatie nodig heeft: trainingen, uitwisseling "
                        "van kennis en werkbezoeken aan Nederland. De projecten worden betaald door onder meer het "
                        "ministerie van Buitenlandse Zaken, de Europese Unie en EP-Nuffic.",
                        "What we do depends on what the partner organisation needs: training, exchange of knowledge "
                        "and study visits to the Netherlands. The projects are paid for by the Dutch Ministry of "
                        "Foreign Affairs, the European Union and EP-Nuffic, among others.",
                    )
                ),
            ],
        }

    index = seeder.page(home, ProjectIndexPage, project_index)

    def hotspots(t):
        return {
            "title": t("Hotspots in Griekenland en Italië", "Hotspots in Greece and Italy"),
            "slug": t("hotspots-griekenland-italie", "hotspots-greece-italy"),
            "hero_image": image("hotspots"),
            "summary": t(
                "In de hotspots aan de Griekse en Italiaanse kust worden nieuw aangekomen vluchtelingen "
                "geregistreerd. Wij maken ons zorgen over wat daar gebeurt en werken samen met de Griekse en "
                "Italiaanse vluchtelingenraden.",
                "New arrivals are registered at the hotspots on the Greek and Italian coasts. We are concerned "
                "about what happens there and work with the Greek and Italian refugee councils.",
            ),
            "countries": ["GR", "IT"],
            "region": "mediterranean",
            "situation": [
                p(
                    t(
                        "Griekenland en Italië liggen aan de buitengrens van de EU en zijn voor veel vluchtelingen het "
                        "eerste Europese land dat zij bereiken. In de hotspots moet iedereen worden geregistreerd, maar "
                        "goede opvang en toegang tot een eerlijke asielprocedure zijn er niet vanzelfsprekend.",
                        "Greece and Italy lie on the EU's external border and are the first European country many "
                        "refugees reach. Everyone must be registered at the hotspots, but decent reception and access to "
                        "a fair asylum procedure cannot be taken for granted there.",
                    )
                )
            ],
            "what_we_do": [
                p(
                    t(
                        "Wij lobbyen in Den Haag en Brussel voor betere omstandigheden in de hotspots. Onze partners, "
                        "de Greek Council for Refugees en de Italian Council for Refugees, geven vluchtelingen ter "
                        "plaatse rechtshulp; wij steunen hen met kennis en contacten.",
                        "We lobby in The Hague and Brussels for better conditions at the hotspots. Our partners, the "
                        "Greek Council for Refugees and the Italian Council for Refugees, give refugees legal help on the "
                        "spot; we support them with expertise and contacts.",
                    )
                )
            ],
            "media": [
                (
                    "video",
                    {
                        "url": "https://www.youtube.com/watch?v=vwnHotspot1",
                        "title": t(
                            "VluchtelingenWerk Internationaal: Zorgen over de hotspots (lange versie)",
                            "VluchtelingenWerk International: concerns about the hotspots (long version)",
                        ),
                    },
                ),
                (
                    "video",
                    {
                        "url": "https://www.youtube.com/watch?v=vwnGreece01",
                        "title": t(
                            "VluchtelingenWerk Internationaal: Greek Council for Refugees",
                            "VluchtelingenWerk International: Greek Council for Refugees",
                        ),
                    },
                ),
                (
                    "video",
                    {
                        "url": "https://www.youtube.com/watch?v=vwnItaly001",
                        "title": t(
                            "VluchtelingenWerk Internationaal: Italian Council for Refugees",
                            "VluchtelingenWerk International: Italian Council for Refugees",
                        ),
                    },
                ),
            ],
            **links(["gcr", "cir"], []),
        }

    def serbia(t):
        return {
            "title": t("Servië", "Serbia"),
            "slug": t("servie", "serbia"),
            "hero_image": image("serbia"),
            "summary": t(
                "Met het Belgrade Centre for Human Rights werken wij een jaar lang aan een sterker Servisch "
                "asielsysteem, met trainingen in rechtshulp en integratie.",
                "Together with the Belgrade Centre for Human Rights we spend a year strengthening the Serbian "
                "asylum system, with training in legal aid and integration.",
            ),
            "countries": ["RS"],
            "region": "western-balkans",
            "duration": t("een jaar", "one year"),
            "situation": [
                p(
                    t(
                        "Na de oorlogen in de voormalige Joegoslavische republieken wonen in Servië nog altijd veel "
                        "vluchtelingen en ontheemden: mensen die binnen hun eigen land moesten vluchten.",
                        "After the wars in the former Yugoslav republics, many refugees and internally displaced people "
                        "(people who had to flee within their own country) still live in Serbia.",
                    ),
                    t(
                        "Vluchtelingen uit Afrika, het Midden-Oosten en Azië nemen steeds vaker de route over de Balkan, "
                        "onder wie een groeiend aantal Syriërs. Meer van hen vragen nu in Servië zelf asiel aan. Als "
                        "kandidaat-lid van de EU brengt Servië zijn asielsysteem stap voor stap in lijn met dat van de "
                        "Unie.",
                        "Refugees from Africa, the Middle East and Asia increasingly take the Balkan route, among them a "
                        "growing number of Syrians. More of them now claim asylum in Serbia itself. As an EU candidate "
                        "country, Serbia is bringing its asylum system step by step into line with the Union's.",
                    ),
                )
            ],
            "what_we_do": [
                p(
                    t(
                        "Wij trainen de medewerkers van het Belgrade Centre for Human Rights in juridische bijstand aan "
                        "vluchtelingen en in integratie. Een werkbezoek aan Nederland hoort bij het project.",
                        "We train the staff of the Belgrade Centre for Human Rights in legal assistance to refugees and "
                        "in integration. A study visit to the Netherlands is part of the project.",
                    ),
                    t(
                        "Het project duurt een jaar en wordt betaald uit het Matra-fonds van de Nederlandse ambassade "
                        "in Servië.",
                        "The project runs for one year and is paid for by the Matra fund of the Dutch Embassy in Serbia.",
                    ),
                )
            ],
            **links(["bchr"], ["matra"]),
        }

    def turkey(t):
        return {
            "title": t("Turkije", "Turkey"),
            "slug": t("turkije", "turkey"),
            "hero_image": image("turkey"),
            "summary": t(
                "Turkije vangt veel vluchtelingen op, maar gratis rechtshulp is er nog niet geregeld. In twee "
                "projecten steunen wij Refugee Rights Turkey en Turkse advocaten die asielzoekers bijstaan.",
                "Turkey hosts many refugees, but free legal aid has yet to be arranged there. In two projects we "
                "support Refugee Rights Turkey and Turkish lawyers who assist asylum seekers.",
            ),
            "countries": ["TR"],
            "region": "turkey",
            "situation": [
                p(
                    t(
                        "Turkije grenst aan Syrië, Irak en Iran, landen waar veel mensen uit vluchten. Het land vangt "
                        "grote aantallen vluchtelingen op en is tegelijk een doorgangsland naar de EU. Er zijn belangrijke "
                        "stappen gezet naar een eerlijk asielbeleid, maar opvang en asielprocedure zijn nog volop in "
                        "ontwikkeling.",
                        "Turkey borders Syria, Iraq and Iran, countries that many people flee. It hosts large numbers of "
                        "refugees and is also a transit country towards the EU. Important steps towards a fair asylum "
                        "policy have been taken, but reception and the asylum procedure are still being built.",
                    )
                )
            ],
            "what_we_do": [
                p(
                    t(
                        "Onze partner Refugee Rights Turkey, voorheen Helsinki Citizens' Assembly, zet zich in voor "
                        "een stelsel van gratis rechtshulp. Wij werken met hen samen in twee projecten.",
                        "Our partner Refugee Rights Turkey, formerly Helsinki Citizens' Assembly, works towards a "
                        "system of free legal aid. We work with them in two projects.",
                    )
                ),
                h(t("Workshops met ECRE", "Workshops with ECRE")),
                p(
                    t(
                        "In een project dat de Europese Unie betaalt, geven wij samen met de European Council on "
                        "Refugees and Exiles (ECRE) drie workshops over de Nederlandse en Europese asielprocedure, "
                        "opvang en integratie.",
                        "In a project paid for by the European Union, we give three workshops with the European Council "
                        "on Refugees and Exiles (ECRE) on Dutch and European asylum procedures, reception and "
                        "integration.",
                    )
                ),
                h(t("Steun aan advocaten en NGO's", "Support for lawyers and NGOs")),
                p(
                    t(
                        "In het tweede project, grotendeels betaald door het Amerikaanse ministerie van Buitenlandse "
                        "Zaken, delen wij kennis over asielrecht met Turkse advocatenorden en NGO's en adviseren wij "
                        "hen over onderlinge afstemming.",
                        "In the second project, largely paid for by the US Department of State, we share knowledge of "
                        "asylum law with Turkish bar associations and NGOs and advise them on coordinating their "
                        "work.",
                    )
                ),
            ],
            **links(["rrt"], ["eu", "us_state"]),
        }

    def montenegro(t):
        return {
            "title": "Montenegro",
            "slug": "montenegro",
            "hero_image": image("montenegro"),
            "summary": t(
                "Samen met CEDEM versterken wij in een project van een jaar de bescherming van vluchtelingen in "
                "Montenegro, met trainingen in rechtshulp.",
                "Together with CEDEM we strengthen the protection of refugees in Montenegro in a one-year "
                "project, with training in legal aid.",
            ),
            "countries": ["ME"],
            "region": "western-balkans",
            "duration": t("een jaar", "one year"),
            "situation": [
                p(
                    t(
                        "Vluchtelingen uit conflictgebieden in het Midden-Oosten en Oost-Afrika reizen via de Balkan naar "
                        "West-Europa, en steeds meer van hen vragen onderweg asiel aan. Montenegro wil lid worden van de "
                        "EU en past zijn asielsysteem daarom aan Europese normen aan.",
                        "Refugees from conflict areas in the Middle East and East Africa travel through the Balkans "
                        "towards Western Europe, and more and more of them claim asylum on the way. Montenegro wants to "
                        "join the EU and is therefore adapting its asylum system to European standards.",
                    )
                )
            ],
            "what_we_do": [
                p(
                    t(
                        "Met het Centre for Democracy and Human Rights (CEDEM) werken wij aan een asielsysteem dat "
                        "voldoet aan internationale en Europese standaarden. Wij trainen CEDEM, andere Montenegrijnse "
                        "vluchtelingenorganisaties en de overheid in juridische bijstand. Een Montenegrijnse delegatie "
                        "kwam naar Nederland om te zien hoe het asielsysteem hier in de praktijk werkt.",
                        "With the Centre for Democracy and Human Rights (CEDEM) we work towards an asylum system that "
                        "meets international and EU standards. We train CEDEM, other Montenegrin refugee organisations "
                        "and the government in legal assistance. A Montenegrin delegation came to the Netherlands to see "
                        "how the asylum system works here in practice.",
                    ),
                    t(
                        "Het project duurt een jaar en wordt betaald uit het Matra-fonds van de Nederlandse ambassade "
                        "in Servië.",
                        "The project runs for one year and is paid for by the Matra fund of the Dutch Embassy in Serbia.",
                    ),
                )
            ],
            **links(["cedem"], ["matra"]),
        }

    def bosnia(t):
        return {
            "title": t("Bosnië en Herzegovina", "Bosnia and Herzegovina"),
            "slug": t("bosnie-en-herzegovina", "bosnia-and-herzegovina"),
            "hero_image": image("bosnia"),
            "summary": t(
                "Met CILC, de IND en het COA versterken wij in twee jaar de hele Bosnische asielketen: de overheid "
                "en maatschappelijke organisaties zoals Vasa Prava.",
                "With CILC, the IND and the COA we spend two years strengthening the whole Bosnian asylum chain: "
                "the government and civil-society organisations such as Vasa Prava.",
            ),
            "countries": ["BA"],
            "region": "western-balkans",
            "duration": t("twee jaar", "two years"),
            "situation": [
                p(
                    t(
                        "Ook door Bosnië en Herzegovina trekken veel vluchtelingen op weg naar West-Europa, en een "
                        "groeiend aantal vraagt er asiel aan. Het land wil bij de EU horen en stemt zijn asielsysteem "
                        "daarom af op dat van de Unie.",
                        "Many refugees also pass through Bosnia and Herzegovina on their way to Western Europe, and a "
                        "growing number claim asylum there. The country wants to join the EU and is therefore aligning "
                        "its asylum system with the Union's.",
                    )
                )
            ],
            "what_we_do": [
                p(
                    t(
                        "Wij werken samen met het Centre for International Legal Cooperation (CILC) en twee Nederlandse "
                        "overheidsdiensten: de Immigratie- en Naturalisatiedienst (IND) en het Centraal Orgaan opvang "
                        "asielzoekers (COA). De IND en het COA trainen de Bosnische overheid. Wij trainen lokale NGO's, "
                        "zoals Vasa Prava, in het voorbereiden en begeleiden van asielzoekers in hun asielprocedure en "
                        "bij integratie.",
                        "We work with the Centre for International Legal Cooperation (CILC) and two Dutch government "
                        "agencies: the Immigration and Naturalisation Service (IND) and the Central Agency for the "
                        "Reception of Asylum Seekers (COA). The IND and the COA train the Bosnian authorities. We train "
                        "local NGOs such as Vasa Prava to prepare and coach asylum seekers through their asylum "
                        "procedure and integration.",
                    ),
                    t(
                        "Zo groeit de capaciteit van overheid en NGO's tegelijk, en leren zij beter samenwerken. Het "
                        "project duurt twee jaar en wordt betaald door het ministerie van Buitenlandse Zaken.",
                        "This way government and NGOs grow their capacity together and learn to cooperate better. The "
                        "project runs for two years and is paid for by the Dutch Ministry of Foreign Affairs.",
                    ),
                )
            ],
            **links(["cilc", "vasa_prava"], ["foreign_affairs"]),
        }

    def kenya(t):
        return {
            "title": t("Kenia", "Kenya"),
            "slug": t("kenia", "kenya"),
            "hero_image": image("kenya"),
            "summary": t(
                "In vluchtelingenkamp Kakuma werken wij met twee Keniaanse organisaties die juridische, sociale en "
                "materiële hulp geven. In Nairobi komen wij op voor vluchtelingen zonder papieren.",
                "In Kakuma refugee camp we work with two Kenyan organisations that give legal, social and material "
                "help. In Nairobi we stand up for refugees without papers.",
            ),
            "countries": ["KE"],
            "region": "east-africa",
            "situation": [
                p(
                    t(
                        "De Keniaanse overheid verplicht vluchtelingen in kampen te wonen. Die liggen in afgelegen, arme "
                        "gebieden; het leven is er zwaar en bewoners zijn grotendeels afhankelijk van internationale "
                        "hulporganisaties. Veel vluchtelingen wonen daarom zonder verblijfsrecht in de hoofdstad Nairobi.",
                        "The Kenyan government requires refugees to live in camps. These lie in remote, poor areas; life "
                        "there is hard and residents depend largely on international aid organisations. Many refugees "
                        "therefore live in the capital, Nairobi, without the right to be there.",
                    )
                )
            ],
            "what_we_do": [
                p(
                    t(
                        "In Kakuma, dicht bij de grens met Zuid-Soedan, werken wij samen met twee Keniaanse organisaties. "
                        "Zij bieden vluchtelingen juridische hulp en helpen hen een beter bestaan op te bouwen.",
                        "In Kakuma, close to the border with South Sudan, we work with two Kenyan organisations. They "
                        "offer refugees legal help and support them in building a better life.",
                    ),
                    t(
                        "Met lokale organisaties in Nairobi beschermen wij stadsvluchtelingen zo goed mogelijk tegen de "
                        "gevolgen van een leven zonder papieren.",
                        "With local organisations in Nairobi we protect urban refugees as well as we can from the "
                        "consequences of living without papers.",
                    ),
                )
            ],
            **links(["kakuma_legal", "kakuma_aid"], []),
        }

    def north_macedonia(t):
        return {
            "title": t("Noord-Macedonië: training op maat voor MYLA", "North Macedonia: tailor-made training for MYLA"),
            "slug": t("noord-macedonie", "north-macedonia"),
            "hero_image": image("north-macedonia"),
            "summary": t(
                "Op verzoek van de Macedonian Young Lawyers Association ontwikkelden wij een trainingsprogramma op "
                "maat over communicatie, lobby en samenwerking met de wetenschap.",
                "At the request of the Macedonian Young Lawyers Association we developed a tailor-made training "
                "programme on communication, lobbying and cooperation with academics.",
            ),
            "countries": ["MK"],
            "region": "western-balkans",
            # Illustrative dates: the sources only say the project has been completed.
            "start_date": datetime.date(2018, 1, 1),
            "end_date": datetime.date(2019, 12, 31),
            "status": "completed",
            "situation": [
                p(
                    t(
                        "Onze zusterorganisatie MYLA verdedigt de rechten en belangen van vluchtelingen in het land en wil "
                        "als organisatie sterker worden, om het asielbeleid beter te kunnen volgen en beïnvloeden.",
                        "Our sister organisation MYLA defends the rights and interests of refugees in the country and "
                        "wants to grow stronger as an organisation, so that it can monitor and influence asylum policy "
                        "more effectively.",
                    )
                )
            ],
            "what_we_do": [
                p(
                    t(
                        "Wij stelden samen met MYLA intensieve trainingsmodules samen over communicatie, lobby en "
                        "samenwerking tussen maatschappelijke organisaties en de wetenschap. Het project is betaald uit "
                        "het Tailor Made Training Programme van EP-Nuffic.",
                        "Together with MYLA we put together intensive training modules on communication, lobbying and "
                        "cooperation between civil society and academics. The project was paid for by EP-Nuffic's Tailor "
                        "Made Training Programme.",
                    )
                )
            ],
            **links(["myla"], ["nuffic"]),
        }

    projects = {
        build.__name__: seeder.page(index, ProjectPage, build)
        for build in (hotspots, serbia, turkey, montenegro, bosnia, kenya, north_macedonia)
    }

    related = {
        "hotspots": ["turkey"],
        "serbia": ["montenegro", "bosnia"],
        "turkey": ["hotspots"],
        "montenegro": ["serbia", "bosnia"],
        "bosnia": ["serbia", "montenegro"],
        "north_macedonia": ["serbia"],
    }
    for key, others in related.items():
        page = projects[key]
        if not page.related_projects.exists():
            page.related_projects = [RelatedProject(project=projects[other]) for other in others]
            seeder.republish(page)

    seed_return_programmes(seeder, home, partners)
    return projects


# --- return programmes ----------------------------------------------------------------------------


def principles(t):
    items = [
        (
            t("Een eigen besluit", "An independent decision"),
            t(
                "Wie terugkeert, is goed geïnformeerd en heeft zelf voor terugkeer gekozen.",
                "Whoever returns is well informed and has chosen to return of their own accord.",
            ),
        ),
        (
            t("Veilig", "Safe"),
            t(
                "Terugkeer moet juridisch, fysiek en materieel veilig zijn: zonder vrees voor vervolging of "
                "onmenselijke behandeling, veilig onderweg en met toegang tot land en levensonderhoud. Wij volgen de "
                "veiligheid in de landen van herkomst op de voet en passen ons beleid daarop aan.",
                "Return must be legally, physically and materially safe: without fear of persecution or inhuman "
                "treatment, safe on the journey and with access to land and a livelihood. We follow the safety "
                "situation in countries of origin closely and adapt our policy to it.",
            ),
        ),
        (
            t("Waardig en met perspectief", "Dignified, with prospects"),
            t(
                "Terugkeer gebeurt op een waardige manier en met uitzicht op een nieuw bestaan in het land van "
                "herkomst.",
                "Return happens in a dignified way and with the prospect of a new life in the country of origin.",
            ),
        ),
        (
            t("Gevolgd", "Monitored"),
            t(
                "Wij blijven in contact na terugkeer, om de rechten van de terugkeerder te beschermen en om te leren "
                "wat een terugkeerbeleid doeltreffend maakt.",
                "We stay in touch after return, to protect the returnee's rights and to learn what makes a return "
                "policy effective.",
            ),
        ),
    ]
    return [("principle", {"title": title, "description": description}) for title, description in items]


def offers(t):
    items = [
        (
            t("Begeleiding vóór vertrek", "Counselling before departure"),
            t(
                "Gesprekken over twijfels, praktische obstakels en mogelijkheden, zodat je een goed geïnformeerd "
                "besluit kunt nemen.",
                "Conversations about doubts, practical obstacles and options, so that you can make a well-informed "
                "decision.",
            ),
        ),
        (
            t("Herintegratiesteun in natura", "Reintegration support in kind"),
            t(
                "Persoonlijke ondersteuning die je na aankomst ontvangt, bijvoorbeeld voor werk, een opleiding of "
                "een eigen bedrijf.",
                "Personal support you receive after arrival, for example towards work, education or a business of "
                "your own.",
            ),
        ),
        (
            t("Een klein bedrag voor de eerste dagen", "A small cash amount for the first days"),
            t("Voor de kosten die je direct na aankomst maakt.", "For the costs you have right after arrival."),
        ),
        (
            t("Een jaar contact na terugkeer", "A year of contact after return"),
            t(
                "Wij of onze partner in het land van herkomst nemen regelmatig contact op om te horen hoe het gaat.",
                "We or our partner in the country of origin get in touch regularly to hear how things are going.",
            ),
        ),
    ]
    return [("offer", {"title": title, "description": description}) for title, description in items]


def steps(items):
    return [("step", {"title": title, "description": description}) for title, description in items]


def seed_return_programmes(seeder, home, partners):
    def return_links():
        return [ReturnProgrammePartner(partner=partners[key]) for key in ("return_iq", "return_ge", "return_am")]

    def contact(t):
        return {
            "contact_name": t("Terugkeerteam", "Return team"),
            "contact_role": t("Terugkeerbegeleiding", "Return counselling"),
            "contact_email": "terugkeer@example.org",
            "last_reviewed": datetime.date(2026, 9, 1),
            "next_review": datetime.date(2027, 3, 1),
        }

    def return_index(t):
        return {
            "title": t("Terugkeer", "Return"),
            "slug": t("terugkeer", "return"),
            "show_in_menus": True,
            "intro": t(
                "Mag je na een afgewezen asielaanvraag niet in Nederland blijven en overweeg je terug te gaan? Wij "
                "begeleiden je vóór vertrek, bieden na aankomst steun in natura en een klein bedrag voor de eerste "
                "dagen, en houden een jaar lang contact.",
                "Has your asylum claim been rejected and are you thinking of going back? We counsel you before "
                "departure, offer support in kind and a small cash amount for the first days after arrival, and "
                "stay in touch for a year.",
            ),
            "search_description": t(
                "Begeleiding bij terugkeer na een afgewezen asielaanvraag.",
                "Counselling for return after a rejected asylum claim.",
            ),
            "body": [
                h(t("Een goed geïnformeerde keuze", "A well-informed choice"), "h2"),
                p(
                    t(
                        "Na een definitieve afwijzing moet je Nederland in principe binnen vier weken verlaten; daarna "
                        "stopt de opvang. Na jaren in Nederland is terugkeer allesbehalve eenvoudig. Hoe veilig is het "
                        "nu? Is er werk? Hoe reageert de familie?",
                        "After a final rejection you must in principle leave the Netherlands within four weeks; after "
                        "that, shelter stops. After years in the Netherlands, going back is anything but simple. How "
                        "safe is it now? Is there work? How will the family react?",
                    ),
                    t(
                        "Samen met jou zoeken wij naar oplossingen. Sommige mensen besluiten terug te gaan, anderen "
                        "niet. Wij sturen niet aan op een uitkomst: wij willen dat je een besluit neemt met alle "
                        "informatie op tafel.",
                        "Together with you we look for solutions. Some people decide to go back, others do not. We do "
                        "not push for an outcome: we want you to decide with all the information on the table.",
                    ),
                ),
                h(t("Contact met het land van herkomst", "Contact with the country of origin"), "h2"),
                p(
                    t(
                        "Wij kunnen je per telefoon of videogesprek in contact brengen met een partnerorganisatie in "
                        "het land van herkomst. Zo bespreek je praktische vragen over woonruimte, werk of het "
                        "terugvinden van familie. Ook verwijzen wij naar andere organisaties in Nederland die "
                        "terugkeerders helpen.",
                        "We can put you in touch with a partner organisation in the country of origin by phone or "
                        "video call. That way you can discuss practical questions about housing, work or finding "
                        "relatives. We also refer you to other organisations in the Netherlands that help returnees.",
                    )
                ),
            ],
            "principles": principles(t),
        }

    index = seeder.page(home, ReturnProgrammeIndexPage, return_index)

    def new_chapter(t):
        return {
            "title": t("Een nieuw hoofdstuk", "A New Chapter"),
            "slug": t("een-nieuw-hoofdstuk", "a-new-chapter"),
            "hero_image": placeholder_image("Return: A New Chapter", seed="return-new-chapter"),
            "summary": t(
                "Voor wie niet langer in de asielprocedure mag blijven: samen zetten we alle mogelijkheden op een "
                "rij, zodat je een goed geïnformeerde keuze kunt maken.",
                "For people who may no longer stay in the asylum procedure: together we set out every option, so "
                "that you can make a well-informed choice.",
            ),
            "target_group": t(
                "(Voormalige) asielzoekers van wie de aanvraag definitief is afgewezen en die geen recht meer "
                "hebben om in Nederland te blijven.",
                "(Former) asylum seekers whose claim has been finally rejected and who no longer have the right "
                "to stay in the Netherlands.",
            ),
            "offers": offers(t),
            "principles": principles(t),
            "method": steps(
                [
                    (
                        t("Kennismaking", "Getting acquainted"),
                        t(
                            "Een eerste gesprek over wie je bent en wat je nodig hebt.",
                            "A first conversation about who you are and what you need.",
                        ),
                    ),
                    (
                        t("Uitleg over de begeleiding", "How the counselling works"),
                        t(
                            "Wat wij doen, wat niet, en dat het gesprek vertrouwelijk is.",
                            "What we do, what we don't, and that the conversation is confidential.",
                        ),
                    ),
                    (
                        t("Het besluit doornemen", "Going through the decision"),
                        t(
                            "Wij lezen samen de beslissing op je asielaanvraag.",
                            "We read the decision on your asylum claim together.",
                        ),
                    ),
                    (
                        t("Juridische mogelijkheden", "Legal options"),
                        t(
                            "Met je advocaat bekijken we of er nog juridische wegen openstaan.",
                            "With your lawyer we check whether any legal routes remain open.",
                        ),
                    ),
                    (
                        t("Een nieuwe aanvraag?", "A new application?"),
                        t(
                            "Wat een nieuwe procedure inhoudt en hoe groot de kans is.",
                            "What a new procedure involves and how good the chances are.",
                        ),
                    ),
                    (
                        t("Gevolgen van onrechtmatig verblijf", "Consequences of irregular stay"),
                        t(
                            "Wat het betekent om zonder verblijfsrecht in Nederland te blijven.",
                            "What it means to stay in the Netherlands without the right to do so.",
                        ),
                    ),
                    (
                        t("De vertrektermijn", "The departure period"),
                        t(
                            "Welke rechten en plichten je hebt en wanneer de opvang stopt.",
                            "Which rights and duties you have and when shelter ends.",
                        ),
                    ),
                    (
                        t("Je persoonlijke situatie", "Your personal situation"),
                        t(
                            "Gezondheid, gezin en andere zaken die meewegen.",
                            "Health, family and other things that matter.",
                        ),
                    ),
                    (
                        t("Zorgen en angsten", "Worries and fears"),
                        t("Ruimte om uit te spreken wat je tegenhoudt.", "Room to say what holds you back."),
                    ),
                    (
                        t("Veiligheid in het land van herkomst", "Safety in the country of origin"),
                        t(
                            "Actuele informatie over de situatie waar je naartoe zou gaan.",
                            "Up-to-date information on the situation where you would go.",
                        ),
                    ),
                    (
                        t("Contact met familie", "Contact with family"),
                        t(
                            "Hoe je familie en netwerk tegen een terugkeer aankijken.",
                            "How your family and network view a return.",
                        ),
                    ),
                    (
                        t("Contact met een partnerorganisatie", "Contact with a partner organisation"),
                        t(
                            "Een gesprek per telefoon of video met een organisatie ter plaatse.",
                            "A phone or video call with an organisation on the spot.",
                        ),
                    ),
                    (
                        t("Werk, opleiding en wonen", "Work, education and housing"),
                        t(
                            "Welke kansen er zijn om een bestaan op te bouwen.",
                            "What chances there are to build a livelihood.",
                        ),
                    ),
                    (
                        t("Ondersteuning bij terugkeer", "Support for return"),
                        t(
                            "Welke hulp je kunt krijgen, vóór vertrek en na aankomst.",
                            "What help you can get, before departure and after arrival.",
                        ),
                    ),
                    (
                        t("Documenten en reis", "Documents and travel"),
                        t(
                            "Wat er praktisch nodig is als je besluit te gaan.",
                            "What is needed in practice if you decide to go.",
                        ),
                    ),
                    (
                        t("Je gezin betrekken", "Involving your family"),
                        t(
                            "Gezinsleden in Nederland denken mee over het besluit.",
                            "Family members in the Netherlands take part in the decision.",
                        ),
                    ),
                    (
                        t("Alle opties op een rij", "All options side by side"),
                        t(
                            "Blijven, opnieuw aanvragen of terugkeren: de voor- en nadelen naast elkaar.",
                            "Staying, applying again or returning: the pros and cons side by side.",
                        ),
                    ),
                    (
                        t("Bedenktijd", "Time to reflect"),
                        t(
                            "Je neemt de tijd die je nodig hebt, binnen wat de situatie toelaat.",
                            "You take the time you need, within what the situation allows.",
                        ),
                    ),
                    (
                        t("Het besluit", "The decision"),
                        t("Jij beslist; wij respecteren je keuze.", "You decide; we respect your choice."),
                    ),
                    (
                        t("Overdracht of afronding", "Hand-over or closing"),
                        t(
                            "Kies je voor terugkeer, dan begeleidt Met opgeheven hoofd of een partner je verder. Zo niet, dan "
                            "hoor je waar je terecht kunt.",
                            "If you choose to return, With Raised Head or a partner takes over. If not, you hear where you "
                            "can turn for help.",
                        ),
                    ),
                ]
            ),
            "body": [
                p(
                    t(
                        "Een nieuw hoofdstuk volgt een landelijke, uniforme methode met twintig steunpunten. De stappen "
                        "hierboven zijn een vereenvoudigde, algemene weergave daarvan.",
                        "A New Chapter follows a national, uniform method of twenty support points. The steps above are "
                        "a simplified, general illustration of it.",
                    ),
                    t(
                        "Wie besluit terug te gaan, krijgt daarna begeleiding in het project Met opgeheven hoofd of "
                        "herintegratiesteun via een van onze partners, zodat de terugkeer zo soepel mogelijk verloopt.",
                        "Whoever decides to go back then receives guidance in the With Raised Head project or "
                        "reintegration support through one of our partners, so that the return goes as smoothly as "
                        "possible.",
                    ),
                )
            ],
            "partners": return_links(),
            **contact(t),
        }

    def raised_head(t):
        return {
            "title": t("Met opgeheven hoofd", "With Raised Head"),
            "slug": t("met-opgeheven-hoofd", "with-raised-head"),
            "hero_image": placeholder_image("Return: With Raised Head", seed="return-raised-head"),
            "summary": t(
                "Wie besluit terug te gaan, maakt met een partnerorganisatie in het land van herkomst een plan "
                "van aanpak voor werk, wonen, opleiding en zorg.",
                "People who decide to go back draw up a plan of action with a partner organisation in the country "
                "of origin, covering work, housing, education and care.",
            ),
            "target_group": t(
                "Afgewezen asielzoekers die besloten hebben terug te keren naar hun land van herkomst.",
                "Rejected asylum seekers who have decided to return to their country of origin.",
            ),
            "offers": offers(t),
            "principles": principles(t),
            "method": steps(
                [
                    (
                        t("Kennismaken met de partner", "Meeting the partner"),
                        t(
                            "Wij brengen je in contact met een partnerorganisatie in je land van herkomst.",
                            "We put you in touch with a partner organisation in your country of origin.",
                        ),
                    ),
                    (
                        t("Wensen en mogelijkheden", "Wishes and possibilities"),
                        t(
                            "Werk, een eigen bedrijf, contact met familie, opleiding, medische zorg en woonruimte.",
                            "Work, a business of your own, contact with family, education, medical care and housing.",
                        ),
                    ),
                    (
                        t("Een plan van aanpak", "A plan of action"),
                        t(
                            "Samen met de partner leg je vast wat er na aankomst gebeurt en wie wat doet.",
                            "Together you agree what happens after arrival and who does what.",
                        ),
                    ),
                    (
                        t("Vertrek voorbereiden", "Preparing to leave"),
                        t(
                            "Praktische zaken rond de reis en de eerste dagen.",
                            "Practical matters around the journey and the first days.",
                        ),
                    ),
                    (
                        t("Aankomst en uitvoering", "Arrival and carrying out the plan"),
                        t(
                            "De partner ondersteunt je bij het uitvoeren van het plan, met steun in natura.",
                            "The partner supports you in carrying out the plan, with support in kind.",
                        ),
                    ),
                    (
                        t("Een jaar lang contact", "A year of follow-up"),
                        t(
                            "Regelmatig contact om te zien hoe het gaat en bij te sturen waar nodig.",
                            "Regular contact to see how things are going and adjust where needed.",
                        ),
                    ),
                ]
            ),
            "body": [
                p(
                    t(
                        "Medewerkers van lokale organisaties kennen hun land beter dan wij. Zij geven goede informatie over "
                        "de politieke en economische situatie en over kansen om een nieuw bestaan op te bouwen. Zo kun je "
                        "met opgeheven hoofd terugkeren.",
                        "Staff of local organisations know their country better than we do. They give sound information on "
                        "the political and economic situation and on chances to build a new life. That way you can go back "
                        "with your head held high.",
                    )
                )
            ],
            "partners": return_links(),
            **contact(t),
        }

    for build in (new_chapter, raised_head):
        seeder.page(index, ReturnProgrammePage, build)
