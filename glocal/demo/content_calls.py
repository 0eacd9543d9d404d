"""Demo calls: an open Local Change Lab call, a HUB call under review, last year's award.

Times are offsets in days from the moment the demo is loaded, so the open call stays open.
Applications name their town by slug; award nominations name practices by their demo key.
"""

LAB_CALL = {
    "slug": "local-change-lab-2027-hosts",
    "title": "Host an ACT NOW Local Change Lab in 2027",
    "kind": "lab",
    "summary": "Two towns will welcome a three-day lab where officers, young people and civil "
    "society from across the network turn one shared challenge into a local plan.",
    "description": "<p>A Local Change Lab brings about thirty people from member towns to one "
    "place for three days. The host opens its own projects to visitors, and together they "
    "work on a challenge the host chooses: youth participation, welcoming newcomers, "
    "shared public space.</p><p>The network covers travel and facilitation; the host offers "
    "a venue, local partners and a visit programme.</p>",
    "eligibility_notes": "<p>Member towns of every size may apply. Towns that hosted a lab in "
    "the last two years are asked to let others go first.</p>",
    "opens": -10,
    "closes": 30,
    "status": "open",
    "criteria": [
        ("Commitment of the town's leadership", "Is the mayor behind it, with staff time?", 3),
        ("Involvement of young people", "Will young residents shape and run the lab?", 2),
        ("Venue and visit programme", "Rooms, accessibility, what visitors will see.", 1),
    ],
    "questions": [
        ("Why does your town want to host the lab?", "text", "", True),
        ("Which challenge should the lab work on?", "text", "", True),
        ("How many local participants can you bring together?", "integer", "", True),
        ("Preferred season", "choice", "Spring\nAutumn\nNo preference", False),
        ("Letter of support from the mayor (PDF)", "file", "", False),
    ],
    "applications": [
        {
            "town": "kamenica",
            "title": "Kamenica: a lab on learning each other's languages",
            "status": "submitted",
            "answers": [
                "Our language classes need fresh ideas from other towns.",
                "Keeping multilingual youth activities going after project funding ends.",
                "25",
                "Autumn",
            ],
        },
        {
            "town": "batroun",
            "title": "Batroun seaside lab",
            "status": "draft",
            "answers": [
                "We would like to open our coastal clean-up groups to the network.",
                "",
                "",
                "",
            ],
        },
    ],  # fmt: skip
}

HUB_CALL = {
    "slug": "local4action-hubs-2026",
    "title": "Propose a Local4Action HUB (2026 round)",
    "kind": "hub",
    "summary": "Local and regional governments propose initiatives that the network labels as "
    "HUBs: locally led, with deliverables agreed in advance and delivered within three years.",
    "description": "<p>A HUB is an initiative your government leads with partners on a topic "
    "of the 2030 Agenda. The label gives it visibility across the network and a place in its "
    "gatherings. Proposals describe who leads, with whom, what will be delivered and when, how "
    "progress is measured and how the work will be shared.</p>",
    "eligibility_notes": "",
    "opens": -60,
    "closes": -5,
    "status": "closed",
    "criteria": [
        ("Locally driven", "Led by a local or regional government, with real ownership.", 3),
        ("Deliverables and time frame", "Agreed beforehand, realistic in one to three years.", 2),
        ("Monitoring of results", "Clear measures, followed with the partners.", 2),
        ("Communication strategy", "How the HUB shares its work beyond the town.", 1),
    ],
    "questions": [("Budget and who pays for what", "text", "", True)],
    "applications": [
        {
            "town": "zahle",
            "title": "Zahlé River Commons HUB",
            "status": "submitted",
            "lead_government": "Municipality of Zahlé",
            "partners": "The Bekaa water authority, two secondary schools and a farmers' union.",
            "topic": "Clean water and shared river banks",
            "sdgs": [6, 11, 16],
            "years": 2,
            "deliverables": "<ul><li>A river-bank path of 3 km</li><li>Twelve school clean-ups a "
            "year</li><li>A public water-quality dashboard</li></ul>",
            "monitoring": "Water samples each quarter, reviewed with the partners twice a year.",
            "communication": "A monthly radio slot and an open day on the river each spring.",
            "answers": ["€180,000: half from the town, half from a regional fund."],
        },
        {
            "town": "jbeil",
            "title": "Jbeil Living Heritage HUB",
            "status": "submitted",
            "lead_government": "Municipality of Jbeil",
            "partners": "The old-souk traders' association and a university archaeology team.",
            "topic": "Heritage that residents and visitors share",
            "sdgs": [8, 11],
            "years": 3,
            "deliverables": "<ul><li>Guided walks run by young residents</li><li>A yearly "
            "crafts fair</li></ul>",
            "monitoring": "Visitor counts and a resident survey every year.",
            "communication": "Walk maps in three languages and a short film each season.",
            "answers": ["€95,000 over three years, mostly from visitor fees."],
        },
        {
            "town": "spilamberto",
            "title": "Spilamberto Common Goods HUB",
            "status": "submitted",
            "lead_government": "Municipality of Spilamberto",
            "partners": "Local associations that already care for parks and the library.",
            "topic": "Residents caring for shared places",
            "sdgs": [11, 17],
            "years": 1,
            "deliverables": "<p>Ten signed care agreements between residents and the town.</p>",
            "monitoring": "A public register of the agreements, updated each month.",
            "communication": "Stories in the town newsletter and a yearly celebration.",
            "answers": ["€20,000 from the town budget."],
        },
    ],  # fmt: skip
    # (town, reviewer e-mail, scores in criterion order or None for assigned but not scored)
    "reviews": [
        ("zahle", "reviewer@glocal.demo", [9, 8, 7, 6]),
        ("zahle", "secretariat@glocal.demo", [8, 6, 8, 7]),
        ("jbeil", "reviewer@glocal.demo", [7, 7, 5, 9]),
        ("spilamberto", "reviewer@glocal.demo", None),
    ],
}

AWARD_CALL = {
    "slug": "social-cohesion-award-2025",
    "title": "Social Cohesion Award 2025",
    "kind": "award",
    "summary": "The network's award for a lasting project that brings every part of a "
    "community together.",
    "description": "<p>Member towns nominated projects, their own or a neighbour's, that "
    "strengthen social cohesion and include all residents. A jury scored them on reach, "
    "lasting effect and how easily others can follow.</p>",
    "eligibility_notes": "",
    "opens": -400,
    "closes": -330,
    "status": "decided",
    "year": 2025,
    "criteria": [
        ("Reaches every part of the community", "", 3),
        ("Lasting effect", "", 2),
        ("Others can follow it", "", 1),
    ],
    "questions": [("Why does this project deserve the award?", "text", "", True)],
    # (nominating town, nominee town, practice key, decision, why)
    "nominations": [
        (
            "spilamberto",
            "kamenica",
            "kamenica-language",
            "winner",
            "Children of both communities now learn each other's language at school.",
        ),
        (
            "chios",
            "chios",
            "chios-summer-camp",
            "finalist",
            "Local and newly arrived children spend every summer together.",
        ),
        (
            "postojna",
            "postojna",
            "pop-up-vivid-street",
            "finalist",
            "An empty street became a place where neighbours meet every week.",
        ),
    ],  # fmt: skip
}

HUB_CALL_2025 = {
    "slug": "local4action-hubs-2025",
    "title": "Propose a Local4Action HUB (2025 round)",
    "kind": "hub",
    "summary": "The first round of HUB proposals from the network's member governments.",
    "description": "<p>The first round asked towns for initiatives they lead with partners and "
    "can deliver within three years.</p>",
    "eligibility_notes": "",
    "opens": -420,
    "closes": -360,
    "status": "decided",
    "criteria": HUB_CALL["criteria"],
    "questions": [],
    "applications": [
        {
            "town": "baalbek",
            "title": "Baalbek Young Makers HUB",
            "status": "accepted",
            "lead_government": "Municipality of Baalbek",
            "partners": "A vocational school, the chamber of commerce and two youth clubs.",
            "topic": "Skills and first jobs for young people",
            "sdgs": [4, 8],
            "years": 3,
            "deliverables": "<ul><li>A shared workshop open five days a week</li><li>Forty "
            "apprenticeships with local firms</li><li>A yearly makers' fair</li>"
            "</ul>",
            "monitoring": "Apprenticeships started and finished, counted with the chamber each "
            "term.",
            "communication": "Stories by the apprentices on the town's channels and at network "
            "meetings.",
            "answers": [],
            "feedback": "The jury liked how firmly the partners are committed.",
        },
    ],  # fmt: skip
}

CALLS = [LAB_CALL, HUB_CALL, AWARD_CALL, HUB_CALL_2025]
