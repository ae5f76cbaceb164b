"""Demo content for the core pages, told from the facts in the project's source texts."""

from .demo_images import placeholder_image
from .models import HomePage, SiteIdentity, StandardPage
from .seeding import rich


def seed(seeder):
    hero = placeholder_image("Home: horizon", seed="home-hero")

    def home(t):
        return {
            "title": t("Opkomen voor vluchtelingen", "Standing up for refugees"),
            "slug": "home",
            "mission": t(
                "Wij komen op voor de rechten van vluchtelingen: in Nederland met campagnes en advies, "
                "langs Europa's grenzen samen met lokale organisaties, en bij een terugkeer met begeleiding.",
                "We stand up for the rights of refugees: in the Netherlands through campaigns and advice, "
                "along Europe's borders together with local organisations, and with support when people return.",
            ),
            "hero_image": hero,
            "search_description": t(
                "Campagnes, projecten en terugkeerprogramma's van VluchtelingenWerk Nederland.",
                "Campaigns, projects and return programmes of VluchtelingenWerk Nederland.",
            ),
            "cta_label": t("Lees wat wij doen", "Read what we do"),
            "body": [
                (
                    "facts",
                    {
                        "title": t("Wat samen lukte", "What we achieved together"),
                        "facts": [
                            {
                                "figure": t("21.000+", "21,000+"),
                                "label": t("handtekeningen voor #500kinderen", "signatures for #500kinderen"),
                            },
                            {
                                "figure": t("1030 cm²", "1030 cm²"),
                                "label": t(
                                    "krantenadvertentie betaald door bijna 3.000 mensen",
                                    "of newspaper advertisement funded by nearly 3,000 people",
                                ),
                            },
                            {
                                "figure": "8",
                                "label": t(
                                    "grensgebieden bezocht voor Grens Bereikt!",
                                    "border areas visited for Border Reached!",
                                ),
                            },
                        ],
                    },
                ),
                (
                    "paragraph",
                    rich(
                        t(
                            "Vluchtelingen worden steeds vaker buitengesloten en het zwijgen opgelegd. Waar het "
                            "internationaal recht wordt genegeerd, zeggen wij dat hardop, en we zorgen dat "
                            "vluchtelingen zelf gehoord worden.",
                            "Refugees are increasingly shut out and silenced. Where international law is ignored, "
                            "we say so out loud, and we make sure refugees themselves are heard.",
                        )
                    ),
                ),
            ],
        }

    home_page = seeder.home_page(HomePage, home)

    def about(t):
        return {
            "title": t("Over ons", "About us"),
            "slug": t("over-ons", "about-us"),
            "show_in_menus": True,
            "intro": t(
                "VluchtelingenWerk Nederland werkt op drie manieren voor vluchtelingen: met campagnes in "
                "Nederland, met partnerorganisaties aan de randen van Europa en met begeleiding van "
                "mensen die terugkeren.",
                "VluchtelingenWerk Nederland works for refugees in three ways: through campaigns in the "
                "Netherlands, with partner organisations at the edges of Europe and by supporting "
                "people who return.",
            ),
            "search_description": t("Wie wij zijn en hoe wij werken.", "Who we are and how we work."),
            "body": [
                ("heading", {"text": t("Campagnes en belangenbehartiging", "Campaigns and advocacy"), "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        t(
                            "Met petities, advertenties en verkiezingsanalyses vragen wij politiek en publiek om "
                            "vluchtelingen te beschermen, waar ze ook vandaan komen.",
                            "With petitions, advertisements and election analyses we ask politicians and the public "
                            "to protect refugees, wherever they come from.",
                        )
                    ),
                ),
                ("heading", {"text": t("Samenwerken langs de grenzen", "Working along the borders"), "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        t(
                            "In twinningprojecten werken wij met maatschappelijke organisaties in onder meer "
                            "Griekenland, Italië, Servië, Turkije, Montenegro, Bosnië en Herzegovina en Kenia. "
                            "Zij geven rechtshulp en opvang; wij delen kennis en zoeken financiering.",
                            "In twinning projects we work with civil-society organisations in countries including "
                            "Greece, Italy, Serbia, Turkey, Montenegro, Bosnia and Herzegovina and Kenya. They "
                            "provide legal aid and shelter; we share expertise and find funding.",
                        )
                    ),
                ),
                (
                    "quote",
                    {
                        "quote": t(
                            "Waar je ook vandaan komt: elke vluchteling verdient bescherming.",
                            "Wherever you come from, every refugee deserves protection.",
                        ),
                        "attribution": t("Uit de campagne Gelijke nood", "From the campaign The same needs"),
                    },
                ),
            ],
        }

    about_page = seeder.page(home_page, StandardPage, about)

    def privacy(t):
        return {
            "title": t("Privacyverklaring", "Privacy statement"),
            "slug": t("privacy", "privacy"),
            "intro": t(
                "Wie een petitie tekent, laat een politieke mening zien. Daarom vragen wij uitdrukkelijk "
                "toestemming, bewaren wij zo weinig mogelijk en nooit langer dan nodig.",
                "Signing a petition reveals a political opinion. That is why we ask for explicit consent, "
                "keep as little as possible and never for longer than needed.",
            ),
            "body": [
                ("heading", {"text": t("Wat wij bewaren", "What we keep"), "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        t(
                            "Bij een handtekening: je naam, e-mailadres, gemeente als je die opgeeft, de tekst van "
                            "de toestemming die je zag en het moment waarop je tekende. Bij een gift: je e-mailadres, "
                            "het bedrag en, als je dat wilt, de voornaam die bij je vierkante centimeter staat.",
                            "For a signature: your name, email address, municipality if you give it, the consent "
                            "text you were shown and when you signed. For a donation: your email address, the "
                            "amount and, if you wish, the first name shown with your square centimetre.",
                        )
                    ),
                ),
                ("heading", {"text": t("Hoe lang", "How long"), "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        t(
                            "Na afloop van een petitie maken wij de handtekeningen anoniem: alleen de aantallen per "
                            "gemeente blijven over. Niet-bevestigde handtekeningen verwijderen wij na enkele dagen.",
                            "When a petition has ended we anonymise its signatures: only the counts per municipality "
                            "remain. Unconfirmed signatures are deleted after a few days.",
                        )
                    ),
                ),
                (
                    "accordion",
                    {
                        "title": t("Je rechten", "Your rights"),
                        "items": [
                            {
                                "question": t(
                                    "Kan ik zien wat jullie van mij hebben?", "Can I see what you hold about me?"
                                ),
                                "answer": rich(
                                    t(
                                        "Ja. Stuur een e-mail naar privacy@example.org; je krijgt binnen een "
                                        "maand een overzicht.",
                                        "Yes. Email privacy@example.org; you will receive an overview within a month.",
                                    )
                                ),
                            },
                            {
                                "question": t(
                                    "Kan ik mijn handtekening laten verwijderen?", "Can I have my signature removed?"
                                ),
                                "answer": rich(
                                    t(
                                        "Ja. Wij verwijderen je gegevens en laten je weten wanneer dat is gebeurd.",
                                        "Yes. We erase your data and tell you when it is done.",
                                    )
                                ),
                            },
                        ],
                    },
                ),
            ],
        }

    privacy_page = seeder.page(home_page, StandardPage, privacy)

    def contact(t):
        return {
            "title": t("Contact", "Contact"),
            "slug": t("contact", "contact"),
            "show_in_menus": True,
            "intro": t(
                "Vragen over een campagne, een project of je gegevens? Wij helpen je graag.",
                "Questions about a campaign, a project or your data? We are glad to help.",
            ),
            "body": [
                (
                    "paragraph",
                    rich(
                        t(
                            "Mail naar info@example.org of bel op werkdagen tussen 9.00 en 17.00 uur.",
                            "Email info@example.org or call on weekdays between 9:00 and 17:00.",
                        )
                    ),
                ),
            ],
        }

    seeder.page(home_page, StandardPage, contact)

    # The call to action points at the about page; set it once both exist.
    if home_page.cta_page_id is None:
        home_page.cta_page = about_page
        home_page.save_revision().publish()
        english_home = home_page.get_translation(seeder.en)
        english_home.cta_page = about_page
        english_home.save_revision().publish()

    def identity(t):
        return {
            "organisation_name": "VluchtelingenWerk Nederland",
            "tagline": t(
                "Opkomen voor vluchtelingen, in Nederland en daarbuiten",
                "Standing up for refugees, in the Netherlands and beyond",
            ),
            "contact_text": t("Postbus 00000\n2500 AA Den Haag", "PO Box 00000\n2500 AA The Hague\nThe Netherlands"),
            "email": "info@example.org",
            "phone": "+31 70 000 00 00",
            "privacy_page": privacy_page,
            "donate_url": t("https://example.org/doneren", "https://example.org/donate"),
            "footer_text": t(
                "Wij zijn onafhankelijk en kunnen ons werk doen dankzij duizenden donateurs en vrijwilligers.",
                "We are independent and can do our work thanks to thousands of donors and volunteers.",
            ),
        }

    seeder.snippet(SiteIdentity, identity, {})
    return home_page
