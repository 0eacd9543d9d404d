"""Demo content of the cooperation app: collaborations, the solidarity board, the directory.

ILLUSTRATIVE: the collaborations, needs, offers, experts, amounts and dates are invented for
the demo. The experts and organisations are fictional. Partner networks are real city
networks described in general terms; how they cooperate with this demo network is invented.
Dates are days from today (negative: in the past), so the demo stays current.
"""

EXPERT_USER = {"email": "expert@glocal.demo", "full_name": "Nour Khalil (demo expert)"}

COLLABORATIONS = [
    {
        "slug": "youth-bridges-spilamberto-batroun",
        "title": "Youth Bridges: Spilamberto and Batroun",
        "summary": "Young people from a town in the Po valley and a town on the Lebanese "
        "coast run a two-year exchange: a youth council in each town, two summer camps, "
        "and a joint volunteering programme that gives school leavers their first work "
        "experience close to home.",
        "themes": ["children-youth", "civic-engagement"],
        "status": "running",
        "visibility": "public",
        "start": -120,
        "end": 610,
        "partners": [
            ("spilamberto", "lead", "accepted"),
            ("batroun", "partner", "accepted"),
            ("jbeil", "associate", "invited"),
        ],
        "steps": [
            ("Youth councils elected in both towns", "spilamberto", -60, True),
            ("Online kick-off with twenty young people from each side", "batroun", -30, True),
            ("First summer camp in Batroun", "batroun", 200, False),
            ("Volunteering placements open for school leavers", "spilamberto", 320, False),
            ("Second camp in Spilamberto and shared evaluation", "spilamberto", 560, False),
        ],
        "funding": [
            ("European Commission", "Erasmus+ Youth Exchanges", 58_000, -20, "submitted"),
            (
                "Regional foundation for Mediterranean dialogue",
                "Small grants",
                9_500,
                45,
                "drafting",
            ),
        ],
    },
    {
        "slug": "two-languages-at-the-counter",
        "title": "Two languages at the counter",
        "summary": "Kamenica and Pazardzhik compare how they serve residents who speak a "
        "minority language: bilingual forms, signs and front-desk staff, and a shared "
        "glossary of administrative terms.",
        "themes": ["participation", "social-cohesion"],
        "status": "preparing",
        "visibility": "network",
        "start": 30,
        "end": 400,
        "partners": [
            ("kamenica", "lead", "accepted"),
            ("pazardzhik", "partner", "accepted"),
        ],
        "steps": [
            ("Inventory of forms and signs in each town hall", "kamenica", 60, False),
            ("Study visit of front-desk staff to Pazardzhik", "pazardzhik", 150, False),
        ],
        "funding": [
            ("Council of Europe", "Local democracy grants", 24_000, 75, "drafting"),
        ],
    },
    {
        "slug": "heritage-trails-baalbek-jbeil",
        "title": "Heritage trails between Baalbek and Jbeil",
        "summary": "Two towns with ancient sites train young guides together and mark a "
        "walking trail in each town, so that visitors stay longer and local families earn "
        "from it.",
        "themes": ["culture", "local-economy"],
        "status": "running",
        "visibility": "public",
        "start": -300,
        "end": 120,
        "partners": [
            ("baalbek", "lead", "accepted"),
            ("jbeil", "partner", "accepted"),
        ],
        "steps": [
            ("Guide training for 24 young people", "baalbek", -200, True),
            ("Trail signs installed in Jbeil", "jbeil", -40, True),
            ("Trail signs installed in Baalbek", "baalbek", 30, False),
        ],
        "funding": [
            ("National tourism fund", "Community tourism", 35_000, -260, "granted"),
        ],
    },
]

# (key, town, kind, category, title, description, quantity, place, urgency, until in days)
POSTS = [
    (
        "zahle-generators",
        "zahle",
        "need",
        "equipment",
        "Generators for two collective shelters",
        "Power cuts last up to twenty hours a day. The two schools we use as shelters need "
        "diesel generators to keep lights, fridges for medicine and water pumps running.",
        "2 generators, 30–50 kVA",
        "Zahlé, Al-Midan school",
        3,
        40,
    ),
    (
        "jbeil-generators",
        "jbeil",
        "offer",
        "equipment",
        "Two mobile generators on loan",
        "Our civil defence unit can lend two diesel generators on trailers for shelters or "
        "clinics, with a technician for the first week.",
        "2 generators, 40 kVA",
        "Jbeil municipal depot",
        2,
        90,
    ),
    (
        "baalbek-blankets",
        "baalbek",
        "need",
        "goods",
        "Winter blankets and mattresses",
        "Families who fled the fighting in the south sleep in a community hall. Before the "
        "cold arrives we need blankets and mattresses for about sixty people.",
        "60 blankets, 40 mattresses",
        "Baalbek community hall",
        4,
        35,
    ),
    (
        "spilamberto-blankets",
        "spilamberto",
        "offer",
        "goods",
        "Blankets and camp beds from the civil protection stock",
        "Our civil protection group keeps a reserve of blankets and folding camp beds. Part of "
        "it can be shipped with the next humanitarian convoy from Emilia-Romagna.",
        "80 blankets, 30 camp beds",
        "Spilamberto civil protection store",
        2,
        120,
    ),
    (
        "kamenica-trauma",
        "kamenica",
        "need",
        "expertise",
        "Trauma training for school counsellors",
        "Teachers and counsellors see pupils who lived through violence and displacement. We "
        "are looking for psychologists who can train our school staff in trauma care.",
        "3 days of training, 25 staff",
        "Kamenica",
        2,
        150,
    ),
    (
        "chios-psychologists",
        "chios",
        "offer",
        "expertise",
        "Psychologists experienced with refugee children",
        "Two psychologists of our social services, who have worked with refugee children on "
        "the island since 2015, can run trauma training for school staff, online or on site.",
        "2 trainers, up to 5 days",
        "Chios or online",
        2,
        200,
    ),
    (
        "batroun-hosting",
        "batroun",
        "need",
        "hosting",
        "Summer placements for young volunteers",
        "Ten young volunteers from our youth council want to spend two summer weeks in a "
        "European town, helping at a festival or a summer camp and hosted by families.",
        "10 young people, 2 weeks",
        "Any member town in Europe",
        1,
        180,
    ),
    (
        "postojna-hosting",
        "postojna",
        "offer",
        "hosting",
        "Rooms for visiting youth groups",
        "Our youth hostel keeps rooms free for groups of young volunteers from member towns in "
        "July; the tourist board can give them work at the summer festival.",
        "up to 12 young people, July",
        "Postojna youth hostel",
        2,
        220,
    ),
    (
        "koura-pump",
        "al-koura",
        "need",
        "equipment",
        "Water pump for the village reservoir",
        "The pump that fills our hill reservoir broke down; three villages depend on tanker "
        "trucks until it is replaced.",
        "1 submersible pump",
        "Al-Koura hill reservoir",
        3,
        60,
    ),
    (
        "gdynia-laptops",
        "gdynia",
        "offer",
        "equipment",
        "Refurbished laptops for town halls",
        "Our IT department renews its computers this year. Twenty laptops, wiped and "
        "refurbished, can go to member town halls or schools.",
        "20 laptops",
        "Gdynia city hall",
        1,
        150,
    ),
]

# (need key, offer key, state)
MATCHES = [
    ("zahle-generators", "jbeil-generators", "delivered"),
    ("baalbek-blankets", "spilamberto-blankets", "offered"),
    ("kamenica-trauma", "chios-psychologists", "accepted"),
    ("batroun-hosting", "postojna-hosting", "offered"),
]

EXPERTS = [
    {
        "slug": "nour-khalil",
        "name": "Nour Khalil",
        "kind": "person",
        "organisation": "Independent consultant",
        "topics": "Youth participation, youth councils, volunteering",
        "themes": ["children-youth", "civic-engagement"],
        "languages": "Arabic, English, French",
        "country": "LB",
        "email": "expert@glocal.demo",
        "user": True,
        "bio": "Has set up youth councils in a dozen Lebanese municipalities and coaches "
        "officers on keeping young people involved after the first enthusiasm fades.",
    },
    {
        "slug": "marta-kovac",
        "name": "Marta Kovač",
        "kind": "person",
        "organisation": "University psychology department",
        "topics": "Trauma care, psychosocial support, school counselling",
        "themes": ["health", "children-youth"],
        "languages": "Slovenian, English, Croatian",
        "country": "SI",
        "email": "marta.kovac@example.org",
        "bio": "Clinical psychologist who trains teachers and social workers to recognise "
        "trauma in children and to respond without re-traumatising them.",
    },
    {
        "slug": "civic-budget-workshop",
        "name": "Civic Budget Workshop",
        "kind": "organisation",
        "organisation": "Non-profit association",
        "topics": "Participatory budgeting, citizen assemblies, open data",
        "themes": ["participation"],
        "languages": "Italian, English, Spanish",
        "country": "IT",
        "email": "info@civicbudget.example.org",
        "website": "https://civicbudget.example.org",
        "bio": "Helps towns design and run participatory budgets, from the rules of the game "
        "to the vote and the follow-up report.",
    },
    {
        "slug": "elena-petrova",
        "name": "Elena Petrova",
        "kind": "person",
        "organisation": "Freelance",
        "topics": "EU funding, Interreg, Erasmus+, project writing",
        "themes": ["local-economy"],
        "languages": "Bulgarian, English, Russian",
        "country": "BG",
        "email": "elena.petrova@example.org",
        "bio": "Has written and managed cross-border applications for small municipalities "
        "for fifteen years; runs writing clinics before the big deadlines.",
    },
    {
        "slug": "safe-cities-lab",
        "name": "Safe Cities Lab",
        "kind": "organisation",
        "organisation": "Research centre",
        "topics": "Gender equality, safety audits, public space",
        "themes": ["gender-equality", "culture"],
        "languages": "French, English, Arabic",
        "country": "FR",
        "email": "contact@safecities.example.org",
        "bio": "Runs night-time walking audits with women and girls and turns the findings "
        "into lighting, transport and design changes.",
    },
    {
        "slug": "tomas-nowak",
        "name": "Tomasz Nowak",
        "kind": "person",
        "organisation": "Former city waste manager",
        "topics": "Waste sorting, circular economy, municipal services",
        "themes": ["waste-circular", "environment-climate"],
        "languages": "Polish, English",
        "country": "PL",
        "email": "tomasz.nowak@example.org",
        "bio": "Led the switch to door-to-door waste sorting in a port city; now advises "
        "towns on tenders, communication and the first difficult year.",
    },
    {
        "slug": "bridges-of-integration",
        "name": "Bridges of Integration",
        "kind": "organisation",
        "organisation": "NGO network",
        "topics": "Refugee reception, intercultural mediation, language courses",
        "themes": ["migration-integration", "education"],
        "languages": "Greek, English, Arabic, Farsi",
        "country": "GR",
        "email": "team@bridges.example.org",
        "bio": "Trains intercultural mediators and helps town halls organise reception, "
        "language classes and first contacts with newcomers.",
    },
    {
        "slug": "arjeta-berisha",
        "name": "Arjeta Berisha",
        "kind": "person",
        "organisation": "Independent trainer",
        "topics": "Multilingual public services, minority rights, dialogue",
        "themes": ["social-cohesion", "participation"],
        "languages": "Albanian, Serbian, English",
        "country": "XK",
        "email": "arjeta.berisha@example.org",
        "bio": "Trains front-desk staff and councillors to serve residents in two languages "
        "and to run meetings where both communities speak.",
    },
]

NETWORKS = [
    {
        "slug": "uclg",
        "name": "United Cities and Local Governments",
        "acronym": "UCLG",
        "scope": "Worldwide",
        "website": "https://www.uclg.org",
        "since": 2022,
        "description": "The world organisation of local and regional governments, which "
        "speaks for them at the United Nations and promotes the local action on the SDGs.",
        "cooperation": "Our practices are shared through its Local4Action hubs, and members "
        "take part in its learning exchanges on localising the SDGs.",
    },
    {
        "slug": "eurocities",
        "name": "Eurocities",
        "acronym": "",
        "scope": "Europe",
        "website": "https://eurocities.eu",
        "since": 2023,
        "description": "A network of large European cities working together on social "
        "inclusion, climate, culture and the economy.",
        "cooperation": "Joint webinars on welcoming refugees; our smaller towns learn from "
        "its working groups on social affairs.",
    },
    {
        "slug": "medcities",
        "name": "MedCities",
        "acronym": "",
        "scope": "Mediterranean",
        "website": "https://medcities.org",
        "since": 2024,
        "description": "Cities around the Mediterranean that cooperate on sustainable urban "
        "development and strengthen local administrations.",
        "cooperation": "A shared call for cross-border youth projects between European and "
        "Lebanese towns.",
    },
    {
        "slug": "alda",
        "name": "European Association for Local Democracy",
        "acronym": "ALDA",
        "scope": "Europe and neighbourhood",
        "website": "https://www.alda-europe.eu",
        "since": 2021,
        "description": "An association of local authorities and civil society groups that "
        "promotes good governance and citizen participation.",
        "cooperation": "Training for municipal officers on participation, and partner search "
        "for EU-funded projects.",
    },
]

# (project title, expert slug or None, topic, question, preferred times,
#  scheduled in days (None: requested only), hour, place, notes)
CONSULTATIONS = [
    (
        "Zahlé Engaged Neighbourhoods",
        "nour-khalil",
        "Keeping young volunteers involved",
        "Many young people joined the neighbourhood committees at the start, but fewer come "
        "each month. How have other towns kept them on board?",
        "Weekday afternoons, Beirut time",
        9,
        15,
        "Video call: https://meet.example.org/zahle",
        "",
    ),
    (
        "Baalbek Heritage Keepers",
        None,
        "Reporting to the funder",
        "Our funder asks for a mid-term report with indicators. Could the secretariat help us "
        "choose indicators we can actually measure?",
        "Any morning next week",
        -20,
        10,
        "Video call",
        "<p>Agreed on three indicators: guides trained, visitors on the trail, income of host "
        "families.</p><ul><li>Count visitors with the ticket booth, not estimates.</li>"
        "<li>Send the draft report to the secretariat two weeks before the deadline.</li></ul>",
    ),
    (
        "Pacts for Common Goods, second round",
        "civic-budget-workshop",
        "Linking the pacts to the participatory budget",
        "We would like residents to propose new pacts through the participatory budget. What "
        "rules worked elsewhere?",
        "Thursdays",
        None,
        0,
        "",
        "",
    ),
]
