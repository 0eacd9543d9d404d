"""Demo member municipalities: profiles, ranked needs, capacities.

Read this first: the network, the towns and the projects come from the ACT NOW Mayors'
Network material in the seeds. Every other detail (budgets, needs, capacities, figures not
named in the seeds) is ILLUSTRATIVE demo content written for this application, not a
statement of fact about the real municipality. Populations and coordinates come from the
bundled GeoNames extract where the town is in it (``geonames_id``) and are approximate
otherwise. Mayors are named only where the seeds name them.

Each need is ``(text, [theme slugs])``, most pressing first. Baalbek's first need is written
in Arabic ("Young people have few ways to contribute to their town; we want a youth
volunteering programme around public spaces and the heritage site.").
"""

MUNICIPALITIES = [
    {
        "slug": "kamenica",
        "name": "Kamenica",
        "country": "XK",
        "admin1": "Gjilan",
        "population": 36_000,
        "settlement": "rural",
        "latitude": "42.57810",
        "longitude": "21.58030",
        "languages": "Albanian, Serbian",
        "budget_band": "b",
        "sdgs": [4, 10, 16],
        "needs": [
            (
                "Albanian- and Serbian-speaking neighbours share markets, clinics and offices "
                "but often cannot talk to each other; adults ask for evening language classes.",
                ["education", "social-cohesion"],
            ),
            (
                "Young people leave for Pristina or abroad after school; we need apprenticeships "
                "and first jobs close to home.",
                ["local-economy", "children-youth"],
            ),
            (
                "Notices, forms and signs are not always available in both official languages.",
                ["participation", "social-cohesion"],
            ),
        ],
        "capacities": "An education directorate with teachers who work in both languages; "
        "community halls in several villages; experience running donor-funded courses "
        "together with local NGOs.",
        "practices_in_place": "Albanian and Serbian language courses for adults; a mixed "
        "youth football tournament every summer.",
    },
    {
        "slug": "chios",
        "name": "Chios",
        "country": "GR",
        "admin1": "North Aegean",
        "geonames_id": 259973,
        "population": 23_953,
        "settlement": "island",
        "latitude": "38.36778",
        "longitude": "26.13583",
        "languages": "Greek",
        "budget_band": "c",
        "sdgs": [4, 5, 8, 10],
        "needs": [
            (
                "Schools close for about three months in summer, exactly when tourism and "
                "farm work peak; working parents need safe, affordable childcare all day.",
                ["children-youth", "gender-equality"],
            ),
            (
                "Refugee families and islanders have few places to meet outside the reception "
                "facilities.",
                ["migration-integration", "social-cohesion"],
            ),
            (
                "Buses between villages are rare, so teenagers in the south of the island miss "
                "sport and culture in town.",
                ["children-youth", "culture"],
            ),
        ],
        "capacities": "School buildings and sports grounds that stand empty in summer; many "
        "cultural associations; seasonal staff hired through national employment schemes.",
        "practices_in_place": "Summer Urban Camp for primary-school children during the holidays.",
    },
    {
        "slug": "spilamberto",
        "name": "Spilamberto",
        "country": "IT",
        "admin1": "Emilia-Romagna",
        "population": 12_700,
        "settlement": "urban",
        "latitude": "44.53330",
        "longitude": "11.01670",
        "languages": "Italian",
        "budget_band": "c",
        "mayor": "Umberto Costantini",
        "sdgs": [11, 16, 17],
        "needs": [
            (
                "Parks, school gardens and the library need more regular care than the "
                "municipal crew alone can give.",
                ["civic-engagement", "environment-climate"],
            ),
            (
                "Older residents living alone in the outlying hamlets risk isolation.",
                ["older-people", "social-cohesion"],
            ),
            (
                "Residents who moved here from abroad rarely join local associations or "
                "neighbourhood committees.",
                ["migration-integration", "participation"],
            ),
        ],
        "capacities": "A standard cooperation pact approved by the council; insurance cover "
        "for volunteers; a coordinator for active citizens in the mayor's office.",
        "practices_in_place": "Spilamberto and Us – pacts with residents who look after "
        "common goods, running since spring 2017.",
    },
    {
        "slug": "vienna",
        "name": "Vienna",
        "country": "AT",
        "admin1": "Vienna",
        "geonames_id": 2761369,
        "population": 1_691_468,
        "settlement": "urban",
        "latitude": "48.20849",
        "longitude": "16.37208",
        "languages": "German",
        "budget_band": "d",
        "sdgs": [4, 10, 11, 16],
        "needs": [
            (
                "Children and teenagers want a lasting say in how parks, streets and schools "
                "are planned, not a one-off survey.",
                ["children-youth", "participation"],
            ),
            (
                "Rents rise faster than incomes; young adults struggle to find a first flat.",
                ["housing", "children-youth"],
            ),
            (
                "Dense districts overheat in summer and need more shade, trees and water in "
                "public space.",
                ["environment-climate", "culture"],
            ),
        ],
        "capacities": "Large youth-work and park-supervision services; research and "
        "participation units; a long tradition of municipal housing.",
        "practices_in_place": "Werkstatt Junges Wien – the city's children and youth "
        "strategy, based on a city-wide consultation.",
    },
    {
        "slug": "postojna",
        "name": "Postojna",
        "country": "SI",
        "admin1": "Inner Carniola–Karst",
        "population": 16_500,
        "settlement": "urban",
        "latitude": "45.77440",
        "longitude": "14.21530",
        "languages": "Slovenian",
        "budget_band": "c",
        "sdgs": [4, 11, 16],
        "needs": [
            (
                "The main street empties out as shops move to the edge of town; people need "
                "reasons to come back to the centre.",
                ["culture", "local-economy"],
            ),
            (
                "Ideas from the children's and youth councils seldom reach the municipal budget.",
                ["children-youth", "participation"],
            ),
            (
                "Visitors see the cave and leave the same day; local businesses want them to "
                "stay in town.",
                ["local-economy"],
            ),
        ],
        "capacities": "A youth centre, an active NGO scene and local companies willing to "
        "sponsor events.",
        "practices_in_place": "Pop Up on Vivid Street – year-round workshops and festivals "
        "shaped by children and young people.",
    },
    {
        "slug": "koseca",
        "name": "Košeca",
        "country": "SK",
        "admin1": "Trenčiansky kraj",
        "population": 2_400,
        "settlement": "rural",
        "latitude": "48.99830",
        "longitude": "18.33810",
        "languages": "Slovak",
        "budget_band": "b",
        "sdgs": [11, 12, 13],
        "needs": [
            (
                "Mixed household waste is costly to landfill, yet every household pays the "
                "same fee whether it sorts or not.",
                ["waste-circular", "environment-climate"],
            ),
            (
                "Residents want to see municipal data on waste, spending and energy in a form "
                "they can understand.",
                ["digital-services", "participation"],
            ),
            (
                "The school and the cultural house are old and expensive to heat.",
                ["environment-climate"],
            ),
        ],
        "capacities": "A small office with one person in charge of the environment; the "
        "village's own collection yard; good mobile coverage.",
        "practices_in_place": "No Data Waste – sorted waste recorded per household, with "
        "lower fees for those who recycle.",
    },
    {
        "slug": "gdynia",
        "name": "Gdynia",
        "country": "PL",
        "admin1": "Pomerania",
        "geonames_id": 3099424,
        "population": 253_730,
        "settlement": "urban",
        "latitude": "54.51889",
        "longitude": "18.53188",
        "languages": "Polish",
        "budget_band": "d",
        "sdgs": [9, 11, 16],
        "needs": [
            (
                "Residents still queue at the town hall for routine matters that could be done "
                "online.",
                ["digital-services"],
            ),
            (
                "Older residents need patient help to use digital services with confidence.",
                ["older-people", "digital-services"],
            ),
            (
                "Port and summer traffic strain public transport; planners need better data.",
                ["environment-climate", "digital-services"],
            ),
        ],
        "capacities": "An in-house IT department, a city data platform and a network of "
        "district councils.",
        "practices_in_place": "Resident's Account – one online account for many municipal "
        "services.",
    },
    {
        "slug": "molieres",
        "name": "Molières",
        "country": "FR",
        "admin1": "Île-de-France",
        "population": 2_000,
        "settlement": "rural",
        "latitude": "48.67330",
        "longitude": "2.07000",
        "languages": "French",
        "budget_band": "b",
        "sdgs": [11, 16],
        "needs": [
            (
                "Keep residents involved in decisions between elections, not only during "
                "campaigns.",
                ["participation"],
            ),
            (
                "Young families who have just moved in do not yet know how village decisions "
                "are made or how to join in.",
                ["participation", "civic-engagement"],
            ),
            (
                "Associations need a shared room and the village centre a weekly market.",
                ["local-economy", "culture"],
            ),
        ],
        "capacities": "Experienced volunteer facilitators; a children's council and a council "
        "of elders; a council used to sharing decisions.",
        "practices_in_place": "The Citizens' Constitution, adopted in 2019, with six "
        "participatory bodies.",
    },
    {
        "slug": "ostrow-wielkopolski",
        "name": "Ostrów Wielkopolski",
        "country": "PL",
        "admin1": "Greater Poland",
        "geonames_id": 3089684,
        "population": 72_898,
        "settlement": "urban",
        "latitude": "51.65501",
        "longitude": "17.80686",
        "languages": "Polish",
        "budget_band": "c",
        "sdgs": [3, 10, 11],
        "needs": [
            (
                "Many older people live alone in family houses that are now too big to heat, "
                "clean or climb.",
                ["older-people", "housing"],
            ),
            (
                "Young families cannot find affordable flats near the centre.",
                ["housing"],
            ),
            (
                "The old town needs more residents and everyday life after shop hours.",
                ["culture", "local-economy"],
            ),
        ],
        "capacities": "A municipal housing company; social workers who know the older "
        "residents; vacant municipal buildings in the centre.",
        "practices_in_place": "Accessible municipal flats for senior citizens in the city centre.",
    },
    {
        "slug": "pazardzhik",
        "name": "Pazardzhik",
        "country": "BG",
        "admin1": "Pazardzhik",
        "geonames_id": 728378,
        "population": 75_977,
        "settlement": "urban",
        "latitude": "42.20000",
        "longitude": "24.33333",
        "languages": "Bulgarian",
        "budget_band": "c",
        "sdgs": [4, 8, 16],
        "needs": [
            (
                "Young people feel unheard by local government and many plan to emigrate.",
                ["children-youth", "participation"],
            ),
            (
                "Few internships and first jobs in local firms for school leavers.",
                ["local-economy", "children-youth"],
            ),
            (
                "Early school leaving is high in the poorest neighbourhoods; families need "
                "mediators and after-school help.",
                ["education", "social-cohesion"],
            ),
        ],
        "capacities": "A youth council that meets every week; a youth centre; schools open "
        "to partnerships.",
        "practices_in_place": "Weekly youth meetings that bring proposals to the municipality.",
    },
    {
        "slug": "zahle",
        "name": "Zahlé",
        "country": "LB",
        "admin1": "Béqaa",
        "geonames_id": 266045,
        "population": 78_145,
        "settlement": "urban",
        "latitude": "33.84675",
        "longitude": "35.90203",
        "languages": "Arabic, French, English",
        "budget_band": "b",
        "sdgs": [4, 10, 16, 17],
        "needs": [
            (
                "Language barriers between the host community and Syrian refugee families: "
                "refugee pupils fall behind because maths and science are taught in French or "
                "English, and parents cannot follow school life.",
                ["education", "migration-integration", "social-cohesion"],
            ),
            (
                "Tension between hosts and refugees over jobs and services; neighbours need "
                "shared activities that bring them together.",
                ["social-cohesion", "migration-integration"],
            ),
            (
                "Many young people want to volunteer for the town but have no simple way to "
                "offer their time or see where help is needed.",
                ["civic-engagement", "children-youth"],
            ),
            (
                "The economic crisis has cut the municipal budget; services rely more and more "
                "on partners and volunteers.",
                ["civic-engagement", "participation"],
            ),
        ],
        "capacities": "Strong scout groups and parish associations; university students; a "
        "municipal social development office used to working with international donors.",
        "practices_in_place": "Adapting the network's 'Activating Local Engagement' prototype, "
        "inspired by Spilamberto, as a neighbourhood volunteering scheme.",
    },
    {
        "slug": "baalbek",
        "name": "Baalbek",
        "country": "LB",
        "admin1": "Baalbek-Hermel",
        "geonames_id": 277130,
        "population": 30_916,
        "settlement": "urban",
        "latitude": "34.00583",
        "longitude": "36.21806",
        "languages": "Arabic",
        "budget_band": "b",
        "sdgs": [8, 11, 16],
        "needs": [
            (  # written in Arabic, as Baalbek's officers write: matching works across languages
                "لا يجد الشباب سوى القليل من الفرص للمساهمة في بلدتهم؛ نريد برنامجاً لتطوّع "
                "الشباب في الأماكن العامة وحول الموقع الأثري.",
                ["civic-engagement", "children-youth", "culture"],
            ),
            (
                "Streets and small parks are neglected since the crisis reduced municipal staff.",
                ["civic-engagement", "environment-climate"],
            ),
            (
                "Youth unemployment is very high; volunteering should lead to skills and first "
                "jobs.",
                ["local-economy", "children-youth"],
            ),
        ],
        "capacities": "Youth clubs, a vocational school and a festival with a large "
        "volunteer base.",
        "practices_in_place": "Preparing a youth volunteering scheme based on the "
        "'Activating Local Engagement' prototype.",
    },
    {
        "slug": "jbeil",
        "name": "Jbeil (Byblos)",
        "country": "LB",
        "admin1": "Mont-Liban",
        "geonames_id": 273203,
        "population": 20_784,
        "settlement": "urban",
        "latitude": "34.12111",
        "longitude": "35.64806",
        "languages": "Arabic, French, English",
        "budget_band": "b",
        "sdgs": [11, 12, 14, 16],
        "needs": [
            (
                "Residents want a regular say in decisions about the old town and the seafront.",
                ["participation", "civic-engagement"],
            ),
            (
                "Beaches and the seafront are littered after every summer weekend.",
                ["waste-circular", "civic-engagement"],
            ),
            (
                "Retired residents have time and skills to share but no organised way to "
                "volunteer.",
                ["older-people", "civic-engagement"],
            ),
        ],
        "capacities": "Active environmental NGOs, a university campus nearby and hotels "
        "ready to sponsor clean-ups.",
        "practices_in_place": "Seafront clean-up days with volunteers; a civic engagement "
        "pilot based on the network prototype.",
    },
    {
        "slug": "batroun",
        "name": "Batroun",
        "country": "LB",
        "admin1": "Liban-Nord",
        "population": 12_000,
        "settlement": "urban",
        "latitude": "34.25530",
        "longitude": "35.65810",
        "languages": "Arabic, French, English",
        "budget_band": "a",
        "sdgs": [11, 12, 16],
        "needs": [
            (
                "Volunteer groups are active but scattered; the municipality wants one list of "
                "volunteers and small tasks.",
                ["civic-engagement"],
            ),
            (
                "Sorting waste at home is new; households need simple guidance.",
                ["waste-circular"],
            ),
            (
                "Children need summer activities while their parents work in tourism.",
                ["children-youth"],
            ),
        ],
        "capacities": "A strong tourism sector, youth associations and a small but motivated "
        "municipal team.",
        "practices_in_place": "A volunteer register under preparation, following the "
        "'Activating Local Engagement' prototype.",
    },
    {
        "slug": "al-koura",
        "name": "Al-Koura",
        "country": "JO",
        "admin1": "Irbid",
        "population": 130_000,
        "settlement": "rural",
        "latitude": "32.50110",
        "longitude": "35.68420",
        "languages": "Arabic",
        "budget_band": "b",
        "sdgs": [1, 8, 10, 17],
        "needs": [
            (
                "Jobs for young people and for refugee families in the district; local firms "
                "would hire if training matched their needs.",
                ["local-economy", "migration-integration"],
            ),
            (
                "Water and waste services are under strain since the population grew with the "
                "arrival of refugees.",
                ["environment-climate", "waste-circular"],
            ),
            (
                "Women face barriers to paid work, including transport and childcare.",
                ["gender-equality", "local-economy"],
            ),
        ],
        "capacities": "Agricultural cooperatives, a local development unit and good contacts "
        "with private companies in Irbid.",
        "practices_in_place": "Khair al-Koura – partnerships between municipalities and "
        "private companies to create jobs.",
    },
]
