"""Demo practices, part 2 of 2: the other eight showroom projects and two unpublished ones.

Same rules as part 1: the seeds give the title, owner and idea; everything else is
ILLUSTRATIVE. The last two practices are work in progress of Lebanese towns adapting
Spilamberto's idea: one submitted for review, one still a draft.
"""

PRACTICES_2 = [
    {
        "key": "khair-al-koura",
        "title": "Khair al-Koura – Local Sustainable Development",
        "summary": "In a Jordanian district that took in many refugees, municipalities team "
        "up with private companies to create jobs. Firms help design training and hire "
        "graduates, and the municipalities provide space, outreach and links to residents.",
        "municipality": "al-koura",
        "start_year": 2019,
        "themes": ["local-economy", "migration-integration", "gender-equality"],
        "sdgs": [1, 8, 10, 17],
        "target_groups": "Unemployed young people, women and refugee residents of Al-Koura "
        "district",
        "situation_before": "The refugee influx increased the population and the demand for "
        "work, while local firms could not find people with the skills they needed.",
        "objectives": "Create lasting jobs through public-private partnerships; match "
        "training to what employers need; include women and refugees.",
        "approach": "1. Map employers and the skills they lack.\n2. Sign partnership "
        "agreements between municipalities and companies.\n3. Run short vocational courses "
        "with guaranteed interviews.\n4. Support small businesses with micro-grants.\n"
        "5. Follow participants for a year after placement.",
        "partners": "Private companies in the Irbid area, vocational training centres and "
        "an international development agency.",
        "budget_eur": 800_000,
        "budget_notes": "Over three years, including micro-grants.",
        "staff": "A local development unit of four people shared by the partner municipalities",
        "duration_months": 36,
        "results": "Several hundred people trained and more than half placed in jobs, about a "
        "third of them women.",
        "evidence": "Placement records and follow-up calls after six and twelve months.",
        "lessons": "Employers must help design the courses from the start. Transport and "
        "childcare decide whether women can take a job.",
        "transferability": "Relevant for host communities anywhere; the partnership model "
        "works best with a few committed employers.",
        "award": "",
        "contact_name": "Local Development Unit, Al-Koura",
        "contact_email": "development@al-koura.glocal.demo",
        "published": "2024-09-24",
    },
    {
        "key": "cuckoos-nest",
        "title": "Cuckoo's Nest",
        "summary": "An ordinary flat in a residential neighbourhood became a meeting point "
        "for residents with a migration background. It offers homework help, care services, "
        "language courses and advice, close to where people live.",
        "owner_name": "ACT NOW member municipality",
        "start_year": 2017,
        "themes": ["migration-integration", "education", "social-cohesion"],
        "sdgs": [4, 10, 11],
        "target_groups": "Migrant families, children needing help with school, older neighbours",
        "situation_before": "Many newcomers in the neighbourhood did not know where to turn, "
        "and official offices felt distant and intimidating.",
        "objectives": "Bring services to the doorstep; support children at school; help "
        "adults learn the language and find their way.",
        "approach": "1. Rent and furnish a flat in the neighbourhood.\n2. Offer homework "
        "help in the afternoons and language courses in the evenings.\n3. Add care services "
        "and advice hours with social workers.\n4. Invite neighbours to shape the programme.",
        "partners": "Schools, a housing association that provided the flat, and volunteers "
        "from the neighbourhood.",
        "budget_eur": 90_000,
        "budget_notes": "Per year, rent and staff included.",
        "staff": "Two social workers and a team of volunteers",
        "duration_months": 24,
        "results": "Dozens of children get homework help every week; language courses are "
        "fully booked.",
        "evidence": "Attendance records and school feedback.",
        "lessons": "A flat feels more welcoming than an office. Volunteers from the "
        "neighbourhood are the best ambassadors.",
        "transferability": "Easy to copy in any neighbourhood with many newcomers; rent is "
        "the main cost.",
        "award": "",
        "contact_name": "ACT NOW Mayors' Network secretariat",
        "contact_email": "secretariat@glocal.demo",
        "published": "2024-12-03",
        "verified": False,
    },
    {
        "key": "ostrow-senior-flats",
        "title": "Municipal Flats for Senior Citizens in the Centre of Ostrów Wielkopolski",
        "summary": "Ostrów Wielkopolski offers older residents accessible municipal flats in "
        "the city centre. People can leave family houses that have become too big and hard "
        "to manage, and live close to shops, doctors and friends.",
        "municipality": "ostrow-wielkopolski",
        "start_year": 2018,
        "themes": ["older-people", "housing"],
        "sdgs": [3, 10, 11],
        "target_groups": "Residents over 65 living alone or as couples in large homes",
        "situation_before": "Many older people lived in houses they could no longer heat or "
        "keep up, far from services, while young families looked for space.",
        "objectives": "Provide safe, accessible homes for older people in the centre; free "
        "larger homes for families; bring life back to the old town.",
        "approach": "1. Renovate a municipal building with lifts and barrier-free flats.\n"
        "2. Set rents at an affordable level.\n3. Give priority to people who release a "
        "larger dwelling.\n4. Add a common room for activities.",
        "partners": "The municipal housing company, social services and senior citizens' clubs.",
        "budget_eur": 2_400_000,
        "budget_notes": "Renovation, partly financed by a national housing programme.",
        "staff": "Staff of the municipal housing company and one social worker",
        "duration_months": 30,
        "results": "Several dozen barrier-free flats let to senior citizens; a number of "
        "family homes became available again.",
        "evidence": "Tenancy records and satisfaction survey among tenants.",
        "lessons": "Moving is emotional; personal visits and help with the move are "
        "essential. A common room prevents isolation.",
        "transferability": "Suitable for towns with ageing populations and vacant central "
        "buildings.",
        "award": "",
        "contact_name": "Municipal Housing Company, Ostrów Wielkopolski",
        "contact_email": "housing@ostrow-wielkopolski.glocal.demo",
        "published": "2025-02-11",
    },
    {
        "key": "pazardzhik-youth-empowerment",
        "title": "Youth Empowerment: the voice of young people represented and executed in "
        "local government",
        "summary": "Every week young people in Pazardzhik meet in organised sessions to "
        "discuss their town. They bring their proposals straight to the municipality, which "
        "takes them up in its decisions.",
        "municipality": "pazardzhik",
        "start_year": 2018,
        "themes": ["children-youth", "participation"],
        "sdgs": [4, 16],
        "target_groups": "Young people aged 14 to 29",
        "situation_before": "Young people felt ignored by local politics and many planned to "
        "leave the town.",
        "objectives": "Give young people a permanent voice in local government; turn their "
        "ideas into municipal action; train a new generation of active citizens.",
        "approach": "1. Hold a weekly meeting open to all young people.\n2. Elect "
        "spokespersons who present ideas to the municipal council.\n3. Let the municipality "
        "answer every proposal within a set time.\n4. Fund small youth-led projects.",
        "partners": "Schools, the youth centre and youth NGOs.",
        "budget_eur": 8_000,
        "budget_notes": "Per year, mostly for small youth-led projects.",
        "staff": "A youth coordinator in the municipality",
        "duration_months": 12,
        "results": "Regular weekly meetings with a steady core group; several youth "
        "proposals carried out by the municipality.",
        "evidence": "Meeting minutes and a list of proposals with the municipality's answers.",
        "lessons": "Weekly rhythm builds commitment. A fast answer from the municipality is "
        "the best motivation.",
        "transferability": "Very low cost; works in any town with a youth centre or school "
        "willing to host meetings.",
        "award": "",
        "contact_name": "Youth Coordinator, Municipality of Pazardzhik",
        "contact_email": "youth@pazardzhik.glocal.demo",
        "published": "2025-04-29",
    },
    {
        "key": "healthy-eating-nurseries",
        "title": "Healthy Eating in Nurseries",
        "summary": "Nurseries get fresh fruit and vegetables from their own orchard and "
        "greenhouse. Children eat healthier, learn where food comes from, and the food travels "
        "only a few metres.",
        "owner_name": "ACT NOW member municipality",
        "start_year": 2019,
        "themes": ["food", "health", "environment-climate", "children-youth"],
        "sdgs": [2, 3, 12],
        "target_groups": "Children in municipal nurseries and their families",
        "situation_before": "Nursery meals relied on bought produce of uneven quality, and "
        "children had little contact with nature.",
        "objectives": "Provide fresh, healthy and sustainably grown produce; teach children "
        "about food; cut transport and packaging.",
        "approach": "1. Plant an orchard and build a greenhouse on municipal land.\n2. Employ "
        "a gardener and involve children in planting and harvest.\n3. Adapt nursery menus to "
        "the seasons.\n4. Share surplus with families.",
        "partners": "Nursery staff, a local agricultural school and parents.",
        "budget_eur": 30_000,
        "budget_notes": "Greenhouse, trees and the first year of gardening.",
        "staff": "One gardener and the nursery kitchen staff",
        "duration_months": 12,
        "results": "A large part of the fruit and vegetables served in nurseries now comes "
        "from the municipal orchard and greenhouse.",
        "evidence": "Kitchen records and parents' feedback.",
        "lessons": "Children eat more vegetables they helped grow.",
        "transferability": "Works wherever municipal land is available near nurseries.",
        "award": "",
        "contact_name": "ACT NOW Mayors' Network secretariat",
        "contact_email": "secretariat@glocal.demo",
        "published": "2025-07-08",
        "verified": False,
    },
    {
        "key": "molieres-citizens-constitution",
        "title": "The Citizens' Constitution of Molières: Participative Democracy in Action!",
        "summary": "The village of Molières runs its municipal affairs through a Citizens' "
        "Constitution that gives every resident a structured role in local decisions. "
        "Projects are designed, examined and carried out together with citizens.",
        "municipality": "molieres",
        "start_year": 2019,
        "themes": ["participation", "civic-engagement"],
        "sdgs": [11, 16],
        "target_groups": "All residents of the village, including children and older people",
        "situation_before": "The village already tried votes and advisory committees, but "
        "participation depended on goodwill and could disappear with a new council.",
        "objectives": "Write participation into a lasting framework; involve residents in "
        "every project; bring politically inactive people into local life.",
        "approach": "1. Draft the constitution together with residents.\n2. Adopt it in the "
        "municipal council.\n3. Set up six participatory bodies, including a children's "
        "council, a council of elders and a citizen jury.\n4. Run every municipal project "
        "through them before the council decides.",
        "partners": "Residents' associations and a national network of participatory "
        "municipalities.",
        "budget_eur": 5_000,
        "budget_notes": "Mostly printing and facilitation; participation is voluntary.",
        "staff": "The mayor, council members and volunteer facilitators",
        "duration_months": 12,
        "results": "Around 200 of the village's roughly 2,000 inhabitants take part in "
        "projects regularly, many of them for the first time.",
        "evidence": "Attendance at the participatory bodies and a record of co-designed projects.",
        "lessons": "Start with practice, then write the rules. Topics people care about "
        "bring in newcomers.",
        "transferability": "Especially suited to small municipalities; the bodies can be "
        "scaled to larger towns by district.",
        "award": "Innovation in Politics Award finalist",
        "contact_name": "Town Hall of Molières",
        "contact_email": "mairie@molieres.glocal.demo",
        "published": "2025-10-14",
    },
    {
        "key": "no-data-waste-koseca",
        "title": "No Data Waste in Košeca",
        "summary": "Košeca records how much sorted waste each household hands in with a "
        "modern data collection system. Households that recycle more pay lower collection "
        "fees, which makes separating waste pay off.",
        "municipality": "koseca",
        "start_year": 2017,
        "themes": ["waste-circular", "environment-climate", "digital-services"],
        "sdgs": [11, 12, 13],
        "target_groups": "All households of the village",
        "situation_before": "Most waste went to landfill unsorted, and the flat fee gave no "
        "reason to sort.",
        "objectives": "Raise recycling rates; reward households that sort; cut landfill costs.",
        "approach": "1. Give each household coded bags or bins.\n2. Scan them at collection "
        "and store the data.\n3. Calculate each household's fee discount from the data.\n"
        "4. Publish village-wide results every year.",
        "partners": "A technology supplier, the waste collection company and the regional "
        "environment office.",
        "budget_eur": 45_000,
        "budget_notes": "Scanners, software and coded bags in the first year.",
        "staff": "One municipal officer and the collection crew",
        "duration_months": 12,
        "results": "The share of sorted waste rose markedly within two years, and most "
        "households pay lower fees.",
        "evidence": "Collection data per household and landfill invoices.",
        "lessons": "Clear, visible rewards change habits faster than campaigns.",
        "transferability": "Best for small municipalities with their own collection system.",
        "award": "Innovation in Politics Award finalist",
        "contact_name": "Municipal Office of Košeca",
        "contact_email": "office@koseca.glocal.demo",
        "published": "2026-01-20",
    },
    {
        "key": "gdynia-residents-account",
        "title": "Resident's Account – Gdynia e-services Centre",
        "summary": "Gdynia brings many municipal services together in one interactive online "
        "account. Residents can handle their paperwork from home instead of visiting several "
        "offices.",
        "municipality": "gdynia",
        "start_year": 2018,
        "themes": ["digital-services"],
        "sdgs": [9, 11, 16],
        "target_groups": "All residents and local businesses",
        "situation_before": "Each service had its own office and forms, and residents had to "
        "visit several counters for one matter.",
        "objectives": "Offer one entry point for municipal services; save residents time; "
        "cut paperwork for staff.",
        "approach": "1. List the most common services and their forms.\n2. Build one "
        "account with secure login.\n3. Connect tax, waste, parking and school services.\n"
        "4. Offer help desks for residents who need support.",
        "partners": "The city's IT department, software companies and the national e-ID system.",
        "budget_eur": 600_000,
        "budget_notes": "Development and the first two years of operation.",
        "staff": "An IT team of six and trained help-desk staff",
        "duration_months": 24,
        "results": "Tens of thousands of residents use the account; many routine matters no "
        "longer need a visit to the town hall.",
        "evidence": "Usage statistics and user satisfaction surveys.",
        "lessons": "Start with the services people use most. Keep a human help desk for those "
        "who need it.",
        "transferability": "Transferable to any city with a basic IT department; smaller "
        "towns can share a platform.",
        "award": "Innovation in Politics Award finalist",
        "contact_name": "e-services Centre, City of Gdynia",
        "contact_email": "eservices@gdynia.glocal.demo",
        "published": "2026-05-12",
    },
    {
        "key": "zahle-neighbourhood-volunteers",
        "title": "Zahlé Neighbourhood Volunteers",
        "summary": "Zahlé is adapting Spilamberto's active-citizens idea: residents, "
        "students and refugee neighbours sign up for small tasks such as tidying a park or "
        "helping at a school. A simple online register shows where help is needed.",
        "municipality": "zahle",
        "start_year": 2025,
        "themes": ["civic-engagement", "social-cohesion", "migration-integration"],
        "sdgs": [10, 11, 16],
        "target_groups": "Young people, university students, host and refugee families",
        "situation_before": "Many residents wanted to help their town but had no way to "
        "offer their time, and host and refugee neighbours rarely worked together.",
        "objectives": "Give volunteers an easy way to help; care for shared spaces despite "
        "budget cuts; bring host and refugee neighbours together.",
        "approach": "1. Adapt the 'Activating Local Engagement' prototype with the network."
        "\n2. Publish a register of small tasks.\n3. Sign short agreements with volunteers."
        "\n4. Celebrate results in each neighbourhood.",
        "partners": "Scout groups, a university and parish associations.",
        "budget_eur": 12_000,
        "staff": "One officer in the social development office",
        "duration_months": 12,
        "results": "Pilot in two neighbourhoods planned.",
        "evidence": "To be collected during the pilot.",
        "lessons": "",
        "transferability": "Follows the network prototype, so other towns can reuse it.",
        "contact_name": "Social Development Office, Municipality of Zahlé",
        "contact_email": "officer@zahle.glocal.demo",
        "status": "submitted",
        "author": "officer@zahle.glocal.demo",
    },
    {
        "key": "baalbek-youth-volunteers",
        "title": "Youth Volunteers for Baalbek's Public Spaces",
        "summary": "Draft: young people of Baalbek look after streets, small parks and the "
        "surroundings of the heritage site, and gain skills for their first job.",
        "municipality": "baalbek",
        "start_year": 2026,
        "themes": ["civic-engagement", "children-youth"],
        "sdgs": [8, 11],
        "target_groups": "Young people aged 16 to 25",
        "objectives": "Involve young people in caring for their town; build skills that "
        "help them find work.",
        "status": "draft",
        "author": "officer@baalbek.glocal.demo",
    },
]
