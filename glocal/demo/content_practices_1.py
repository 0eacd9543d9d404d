"""Demo practices, part 1 of 2: the first eight projects of the ACT NOW showroom list.

The title, owner and one-line idea of each practice come from the seeds; start years,
budgets, staff, figures (except those the seeds give, such as Vienna's 22,000 young people
and Lebanon's sixty children), awards and contacts are ILLUSTRATIVE demo content.
``municipality`` is a slug from content_municipalities; practices whose town the seeds do
not name have an ``owner_name`` instead, and a ``country`` only where the seeds give one.
"""

PRACTICES_1 = [
    {
        "key": "kamenica-language",
        "title": "Learning Each Other's Language in Kamenica",
        "summary": "Kamenica runs free language courses so that Albanian-speaking residents "
        "can learn Serbian and Serbian-speaking residents can learn Albanian. Lowering the "
        "language barrier lets neighbours, colleagues and classmates talk to each other "
        "directly instead of through an interpreter.",
        "municipality": "kamenica",
        "start_year": 2018,
        "themes": ["education", "social-cohesion"],
        "sdgs": [4, 10, 16],
        "target_groups": "Adults and teenagers from the Albanian and Serbian communities; "
        "municipal front-desk staff",
        "situation_before": "The two communities live side by side, but most people under "
        "forty speak only one of Kosovo's two official languages. A visit to the clinic or "
        "the town hall often needed someone to translate, and misunderstandings fed distrust.",
        "objectives": "Give interested residents a working command of the other community's "
        "language; let municipal counters serve everyone in either language; create regular, "
        "relaxed occasions for the two communities to meet.",
        "approach": "1. Ask residents through the community offices who wants to learn which "
        "language.\n2. Recruit bilingual teachers from local schools.\n3. Run twelve-week "
        "evening courses in small groups, with a conversation hour at the end of each lesson."
        "\n4. Close every course with a shared meal and certificates.\n5. Offer a short track "
        "for municipal staff who work with the public.",
        "partners": "Local schools lend classrooms and teachers; a dialogue NGO helps reach "
        "villages; a donor paid for textbooks in the first year.",
        "budget_eur": 15_000,
        "budget_notes": "Per year: teachers' fees, books, certificates and the closing events.",
        "staff": "A part-time coordinator in the education directorate and four teachers "
        "paid per lesson",
        "duration_months": 36,
        "results": "About 120 learners finished the first three course cycles, roughly half "
        "from each community. Two municipal counters now serve residents in both languages.",
        "evidence": "Attendance lists, end-of-course tests and a short participant survey; "
        "nine in ten said they now use the new language at least weekly.",
        "lessons": "Mixed groups work better than separate ones. Evening slots after work "
        "matter more than a central venue. A certificate motivates adults to finish.",
        "transferability": "Suits any town where two language communities, or hosts and "
        "newcomers, live side by side. Needs rooms, a few teachers and a modest budget.",
        "award": "",
        "contact_name": "Directorate of Education, Municipality of Kamenica",
        "contact_email": "education@kamenica.glocal.demo",
        "published": "2023-02-14",
        "author": "officer@kamenica.glocal.demo",
    },
    {
        "key": "chios-summer-camp",
        "title": "Summer Urban Camp on Chios",
        "summary": "During the three-month school holiday, children on the island of Chios "
        "can join a day camp full of sport, crafts, music and outings. Their parents, many of "
        "them busy in the tourist season, can keep working knowing the children are in good "
        "hands.",
        "municipality": "chios",
        "start_year": 2016,
        "themes": ["children-youth", "gender-equality", "social-cohesion"],
        "sdgs": [4, 5, 8],
        "target_groups": "Children aged 5 to 12 and their working parents, including "
        "refugee families living on the island",
        "situation_before": "Greek schools close from mid-June to September. On an island "
        "where summer is the busiest working season, many parents, above all mothers, had to "
        "cut their hours or leave children alone.",
        "objectives": "Offer a safe, affordable full-day programme for the whole summer; "
        "help parents stay in work; let island children and newcomers play together.",
        "approach": "1. Open school yards and municipal sports grounds as camp sites.\n"
        "2. Hire qualified coaches and animators through a national employment scheme.\n"
        "3. Plan weekly themes: sea and swimming, island history, art, football.\n"
        "4. Charge fees on a sliding scale, free for low-income families.\n"
        "5. Collect feedback from parents at the end of each season.",
        "partners": "Local sports clubs, the island's cultural associations, the regional "
        "employment office and a refugee support NGO.",
        "budget_eur": 120_000,
        "budget_notes": "Per summer, mostly animators' salaries; partly covered by fees.",
        "staff": "A municipal coordinator and about twenty seasonal animators and coaches",
        "duration_months": 3,
        "results": "Around 400 children take part each summer; most parents say they could "
        "keep their jobs through the season thanks to the camp.",
        "evidence": "Registration data and a yearly parents' questionnaire.",
        "lessons": "Starting registration in spring avoids a rush in June. Mixing children "
        "from different schools and backgrounds works well when activities are hands-on.",
        "transferability": "Any municipality with a long school holiday and unused school "
        "buildings can copy it; employment schemes can cover much of the staff cost.",
        "award": "",
        "contact_name": "Department of Social Policy, Municipality of Chios",
        "contact_email": "social@chios.glocal.demo",
        "published": "2023-05-09",
    },
    {
        "key": "spilamberto-and-us",
        "title": "Spilamberto and Us: Active Citizens for the Common Good",
        "summary": "Since spring 2017 residents of Spilamberto have been signing simple pacts "
        "with the municipality to look after shared goods such as parks, flower beds and the "
        "public library. Small, voluntary tasks give people a stake in their town and bring "
        "neighbours together.",
        "municipality": "spilamberto",
        "start_year": 2017,
        "themes": ["civic-engagement", "participation", "social-cohesion"],
        "sdgs": [11, 16, 17],
        "target_groups": "Residents of all ages, neighbourhood groups, associations and schools",
        "situation_before": "Budget cuts left little time for the upkeep of small public "
        "spaces, while many residents wanted to help but had no clear, insured way to do so.",
        "objectives": "Let citizens take responsibility for small tasks in the community; "
        "keep common goods cared for; build a sense of belonging and shared responsibility.",
        "approach": "1. Adopt a council regulation on cooperation with active citizens.\n"
        "2. List common goods that residents may adopt: parks, school gardens, the library.\n"
        "3. Sign a short pact with each person or group, with insurance and tools provided.\n"
        "4. Meet volunteers regularly and celebrate their work in public.\n"
        "5. Share the approach with other towns in the ACT NOW network.",
        "partners": "Local associations, schools and shops; the ACT NOW Mayors' Network, "
        "which turned the idea into the 'Activating Local Engagement' prototype.",
        "budget_eur": 25_000,
        "budget_notes": "Per year: insurance, tools, materials and volunteer events.",
        "staff": "One coordinator in the mayor's office, supported by the parks team",
        "duration_months": 60,
        "results": "Dozens of cooperation pacts signed, from gardening groups to library "
        "helpers. The idea inspired four Lebanese municipalities and another Italian one to "
        "start their own civic engagement projects.",
        "evidence": "Register of signed pacts; yearly meeting with volunteers; exchange "
        "reports from the network's monthly inter-municipal sessions.",
        "lessons": "Keep the pact short and the paperwork light. Insurance removes the main "
        "worry of volunteers. Public thanks matter more than money.",
        "transferability": "Works in towns of any size and location; the network's prototype "
        "helps adapt it to local rules and small budgets, as the Lebanese towns did.",
        "award": "Innovation in Politics Award finalist",
        "contact_name": "Umberto Costantini, Mayor of Spilamberto",
        "contact_email": "mayor@spilamberto.glocal.demo",
        "published": "2023-03-21",
        "author": "mayor@spilamberto.glocal.demo",
    },
    {
        "key": "werkstatt-junges-wien",
        "title": "Werkstatt Junges Wien – Workshop Young Vienna",
        "summary": "Vienna invited children and young people to tell the city what they "
        "think about it and what future they want. More than 22,000 took part, and their "
        "views became the basis of the city's youth strategy.",
        "municipality": "vienna",
        "start_year": 2019,
        "end_year": 2020,
        "themes": ["children-youth", "participation"],
        "sdgs": [4, 10, 11, 16],
        "target_groups": "Children and young people living in Vienna, of every age group and "
        "background",
        "situation_before": "Young Viennese were consulted on single projects, but had no say "
        "in the city's overall priorities for them.",
        "objectives": "Hear as many young voices as possible; turn what they say into a "
        "binding strategy; show them that their ideas lead to action.",
        "approach": "1. Train youth workers, teachers and park supervisors to run workshops.\n"
        "2. Hold workshops in schools, youth centres, parks and sports clubs across all "
        "districts.\n3. Collect results in one format and analyse them by topic.\n"
        "4. Draft the strategy with city departments and present it to the young people.\n"
        "5. Report back on progress every year.",
        "partners": "Schools, youth-work associations, park supervision teams, sports clubs "
        "and every city department concerned by the strategy.",
        "budget_eur": 1_500_000,
        "budget_notes": "Consultation phase, facilitation training and communication.",
        "staff": "A project team in the city's education and youth department, with hundreds "
        "of trained workshop facilitators",
        "duration_months": 18,
        "results": "Over 22,000 children and young people were asked for their views, in more "
        "than a thousand workshops; the city adopted a children and youth strategy built on "
        "their input.",
        "evidence": "Workshop records, the published strategy and yearly progress reports.",
        "lessons": "Meet young people where they already are. Feedback on what happened to "
        "their ideas is essential for trust.",
        "transferability": "Smaller towns can scale it down to a few schools and youth clubs; "
        "the key is a clear promise that results enter a strategy.",
        "award": "Innovation in Politics Award finalist",
        "contact_name": "Education and Youth Department, City of Vienna",
        "contact_email": "youth@vienna.glocal.demo",
        "published": "2023-09-12",
    },
    {
        "key": "multi-purpose-community-centre",
        "title": "Multi-Purpose Community Centre",
        "summary": "When a large number of refugees settled in the municipality, it opened a "
        "community centre for everybody, locals and newcomers alike. Under one roof it "
        "offers advice, courses, child care and room for meetings, which eases pressure on "
        "services and brings the two groups together.",
        "owner_name": "ACT NOW member municipality",
        "start_year": 2016,
        "themes": ["migration-integration", "social-cohesion", "education"],
        "sdgs": [4, 10, 11, 16],
        "target_groups": "Refugee families, long-time residents, women and young people",
        "situation_before": "Schools, clinics and social services were overwhelmed, and "
        "locals and refugees met mainly in queues, which fuelled resentment.",
        "objectives": "Give all residents one open place for services and activities; ease "
        "pressure on existing services; create everyday contact between hosts and newcomers.",
        "approach": "1. Refurbish a public building near the centre.\n2. Ask both "
        "communities which services they need most.\n3. Offer legal advice, language "
        "courses, child care and vocational training.\n4. Let associations use rooms for "
        "free.\n5. Hire staff from both communities.",
        "partners": "National social services, international humanitarian organisations and "
        "local associations that run activities in the centre.",
        "budget_eur": 350_000,
        "budget_notes": "Refurbishment and first two years of running costs.",
        "staff": "A centre manager, two social workers and trainers from both communities",
        "duration_months": 24,
        "results": "Several hundred visitors a week, about half of them local residents; "
        "waiting times at the social services office fell noticeably.",
        "evidence": "Visitor counts and service statistics kept by the centre.",
        "lessons": "Opening the centre to everyone, not only refugees, was what made it "
        "accepted. Staff from both communities build trust quickly.",
        "transferability": "Useful wherever a sudden arrival of newcomers strains services; "
        "it can start small in an existing building.",
        "award": "",
        "contact_name": "ACT NOW Mayors' Network secretariat",
        "contact_email": "secretariat@glocal.demo",
        "published": "2023-11-07",
    },
    {
        "key": "social-cohesion-summer-camp",
        "title": "Social Cohesion Summer Camp",
        "summary": "A summer camp in Lebanon gives sixty displaced Syrian children a few "
        "weeks of normal childhood. Games, workshops and short talks help them heal, learn "
        "and make friends with local children.",
        "owner_name": "ACT NOW member municipality in Lebanon",
        "country": "LB",
        "start_year": 2018,
        "themes": ["children-youth", "migration-integration", "social-cohesion"],
        "sdgs": [3, 4, 10, 16],
        "target_groups": "Sixty displaced Syrian children and children from the host community",
        "situation_before": "Many displaced children had lost years of schooling and spent "
        "summers in crowded housing, with little contact to Lebanese children.",
        "objectives": "Offer a safe, joyful routine for a few weeks; support children's "
        "well-being; build friendships across communities.",
        "approach": "1. Select children with local schools and social workers.\n2. Plan a "
        "daily programme of sport, art and play.\n3. Add short talks on health, hygiene and "
        "children's rights.\n4. Involve parents at the opening and closing days.",
        "partners": "Local schools, scouts, a psychosocial support NGO and the ACT NOW network.",
        "budget_eur": 18_000,
        "budget_notes": "Transport, meals, materials and animators for one summer.",
        "staff": "Eight animators and a psychologist, supported by volunteers",
        "duration_months": 2,
        "results": "Sixty displaced Syrian children took part; animators reported calmer, "
        "more confident children by the end of the camp.",
        "evidence": "Animators' observation notes and parents' feedback.",
        "lessons": "Mixing host and refugee children is easier through sport and art than "
        "through talks. Transport is often the main cost.",
        "transferability": "Low cost and easy to repeat every summer in any host community.",
        "award": "",
        "contact_name": "ACT NOW Mayors' Network secretariat",
        "contact_email": "secretariat@glocal.demo",
        "published": "2024-02-20",
    },
    {
        "key": "protecting-myself-protecting-others",
        "title": "Protecting Myself, Protecting Others",
        "summary": "A regional campaign teaches secondary-school students about reproductive "
        "health and offers middle-aged women free gynaecological check-ups. Its wider aim is "
        "to make taking care of one's own health a normal habit.",
        "owner_name": "ACT NOW member municipality",
        "start_year": 2019,
        "themes": ["health", "gender-equality", "education"],
        "sdgs": [3, 4, 5],
        "target_groups": "Secondary-school students; women aged roughly 40 to 65",
        "situation_before": "Reproductive health was hardly discussed at school, and many "
        "women skipped check-ups because of cost, distance or embarrassment.",
        "objectives": "Give teenagers reliable information; detect health problems in women "
        "early; encourage self-care in the whole region.",
        "approach": "1. Train doctors and nurses to give school talks.\n2. Visit every "
        "secondary school in the region.\n3. Open free check-up days at the health centre.\n"
        "4. Promote the campaign on local radio and social media.",
        "partners": "The regional health centre, secondary schools, a gynaecologists' "
        "association and a women's NGO.",
        "budget_eur": 60_000,
        "budget_notes": "Medical staff time, tests and information materials.",
        "staff": "A campaign coordinator, three doctors and two nurses",
        "duration_months": 12,
        "results": "Talks in all secondary schools of the region and several hundred free "
        "check-ups, some of which found conditions needing treatment.",
        "evidence": "School visit records and anonymised health centre statistics.",
        "lessons": "Young doctors reach teenagers more easily. Evening check-up hours make "
        "it easier for working women to attend.",
        "transferability": "Can run in any region with a health centre willing to partner; "
        "costs depend mainly on medical staff time.",
        "award": "",
        "contact_name": "ACT NOW Mayors' Network secretariat",
        "contact_email": "secretariat@glocal.demo",
        "published": "2024-04-16",
        "verified": False,
    },
    {
        "key": "pop-up-vivid-street",
        "title": "Pop Up on Vivid Street",
        "summary": "In Postojna children and young people shape town life all year round. "
        "Public bodies, NGOs and local businesses join forces to run workshops and festivals "
        "that bring the main street back to life.",
        "municipality": "postojna",
        "start_year": 2017,
        "themes": ["children-youth", "participation", "culture"],
        "sdgs": [4, 11, 16],
        "target_groups": "Children, teenagers and families; shop owners in the town centre",
        "situation_before": "Young people's ideas rarely reached decision-makers, and the main "
        "street was quiet outside shop hours.",
        "objectives": "Make participation of children and young people a year-round "
        "practice; give the town centre new life; connect public, NGO and private actors.",
        "approach": "1. Gather children's ideas in school and youth-council workshops.\n"
        "2. Turn them into pop-up events on the main street, such as play streets and "
        "concerts.\n3. Share the work among the municipality, NGOs and businesses.\n"
        "4. Evaluate each event with the young organisers.",
        "partners": "The youth centre, schools, local NGOs and businesses that sponsor "
        "materials and prizes.",
        "budget_eur": 40_000,
        "budget_notes": "Per year, shared among the municipality and sponsors.",
        "staff": "A youth officer and volunteers from the youth centre",
        "duration_months": 12,
        "results": "A dozen events a year on the main street; hundreds of children and young "
        "people take part in planning them.",
        "evidence": "Event records and feedback rounds with the youth council.",
        "lessons": "Letting young people run events themselves keeps them involved. Shop "
        "owners support it once they see more visitors.",
        "transferability": "Fits small and medium towns with a central street to animate.",
        "award": "",
        "contact_name": "Youth Office, Municipality of Postojna",
        "contact_email": "youth@postojna.glocal.demo",
        "published": "2024-06-04",
    },
]
