"""Demo prototypes and local action projects (data only; see load_projects.py).

Dates are offsets from the day the demo is loaded, in months, so the demo always looks
current: a negative ``start`` began that many months ago. Measurements are
``(months after the start, value, note)``. Team specs are ``(name, role, gender, age group)``.
"""

PROTOTYPE = {
    "slug": "activating-local-engagement",
    "title": "Activating Local Engagement",
    "summary": "A town invites residents to take on small, well-defined tasks for shared "
    "places and services, backed by a simple written pact and a small budget. It is the "
    "network's transferable version of Spilamberto's active-citizens scheme.",
    "source_practices": ["spilamberto-and-us"],
    "themes": ["civic-engagement", "participation", "social-cohesion"],
    "sdgs": [11, 16, 17],
    "approach": "Treat residents as co-owners of the town's common goods. The municipality "
    "offers clear, insured and modest ways to help, and publicly recognises those who do. "
    "Projects stay small and cheap so that many of them can run at once.",
    "steps": "1. Set up a Local Change Lab team and agree what the town wants to achieve.\n"
    "2. List shared places and services that residents could look after.\n"
    "3. Write a one-page pact template and arrange insurance and basic tools.\n"
    "4. Invite residents, schools and associations; sign the first pacts.\n"
    "5. Meet volunteers every few months, count what changed and thank them in public.\n"
    "6. Share progress with the network in the monthly exchange.",
    "preconditions": "A mayor willing to stand behind the project; one staff member with "
    "a few hours a week; a legal basis (a council decision or regulation) for pacts with "
    "residents.",
    "typical_cost": "€5,000–25,000 a year (insurance, tools, materials, small events)",
    "typical_staff": "One coordinator part-time, plus support from the parks or social team",
    "risks": "Volunteers lose interest after the first season; paperwork scares people "
    "off; tasks overlap with paid municipal work and unions object.",
    "learnings": "A short pact beats a long contract. Insurance removes the biggest "
    "worry. Young people join when tasks are social and visible. Thanking people in public "
    "costs little and keeps them coming back.",
    "variants": [
        (
            "Small town, tight budget",
            "small",
            "low",
            "Start with a single type of common good (for example the parks) and one yearly "
            "volunteer day; borrow tools from the municipal depot instead of buying them.",
        ),
        (
            "Town hosting many refugees",
            "medium",
            "low",
            "Form mixed host and refugee teams for each task and translate the pact; partner "
            "with an NGO that already knows the families.",
        ),
        (
            "City with a bigger budget",
            "large",
            "medium",
            "Run neighbourhood hubs with a coordinator each and an online register of tasks; "
            "add small grants that resident groups can apply for.",
        ),
    ],
}

VALID_TEAM = [
    ("Mayor", "mayor", "man", "over_30"),
    ("Municipal contact", "contact", "woman", "over_30"),
    ("Youth volunteer", "member", "woman", "18_30"),
    ("Student volunteer", "member", "man", "18_30"),
    ("Association lead", "member", "woman", "over_30"),
    ("Teacher", "member", "man", "over_30"),
]

PROJECTS = [
    {
        "town": "spilamberto",
        "user": "mayor@spilamberto.glocal.demo",
        "title": "Pacts for Common Goods, second round",
        "summary": "Spilamberto renews its pacts with residents using the network's "
        "prototype, now adding school gardens and the youth centre.",
        "status": "completed",
        "visibility": "public",
        "start": -30,
        "months": 24,
        "adaptations": [
            ("General approach", "kept", ""),
            (
                "Steps",
                "changed",
                "We skipped the lab set-up: our volunteer "
                "network already existed, so we went straight to new pacts.",
            ),
            ("Typical cost", "kept", ""),
        ],
        "goals": [
            "Sign 40 new pacts, half of them with people under 30",
            "Bring school gardens into the scheme",
        ],
        "milestones": [
            ("Council renews the regulation", 2, "done", True),
            ("First school garden pact", 8, "done", True),
            ("Volunteer festival", 20, "done", False),
        ],
        "budget": [
            ("Insurance for volunteers", 6000, "Municipality"),
            ("Tools and materials", 9000, "Local bank foundation"),
        ],
        "partners": [("Parent associations", "Run the school garden pacts")],
        "team": VALID_TEAM,
        "risks": [
            (
                "Volunteers tire after a year",
                "medium",
                "medium",
                "A yearly festival and small thank-you gifts.",
            )
        ],
        "indicators": [
            {
                "name": "Signed cooperation pacts",
                "unit": "pacts",
                "baseline": 55,
                "target": 95,
                "target_month": 24,
                "sdgs": [11, 16],
                "measurements": [(6, 68, ""), (12, 80, ""), (22, 97, "Final count")],
            }
        ],
        "updates": [(22, "All school gardens are adopted; the festival drew 600 people.")],
        "outcome": (
            "worked",
            "Forty-two new pacts, seventeen of them with young people, and "
            "four school gardens now looked after by families.",
            "Ask schools early: their calendar decides everything.",
        ),
    },
    {
        "town": "zahle",
        "user": "officer@zahle.glocal.demo",
        "title": "Zahlé Engaged Neighbourhoods",
        "summary": "Host and refugee residents take care of parks and school yards in two "
        "neighbourhoods, with a Local Change Lab team steering the work.",
        "status": "implementing",
        "visibility": "public",
        "start": -10,
        "months": 24,
        "adaptations": [
            ("General approach", "kept", ""),
            (
                "Steps",
                "changed",
                "We added a translated pact and a mixed host–refugee team for every task.",
            ),
            (
                "Typical cost",
                "changed",
                "A university partner covers tools, so our budget is smaller.",
            ),
            ("Risks", "kept", ""),
        ],
        "goals": [
            "Two neighbourhoods with active volunteer groups",
            "Host and refugee neighbours working side by side",
        ],
        "milestones": [
            ("Local Change Lab team formed", 1, "done", False),
            ("Pact translated and approved", 3, "done", True),
            ("Register of tasks online", 8, "in_progress", True),
            ("Second neighbourhood joins", 14, "planned", True),
        ],
        "budget": [
            ("Insurance", 3000, "Municipality"),
            ("Tools", 4000, "University"),
            ("Neighbourhood events", 2500, "Municipality"),
        ],
        "partners": [
            ("Scout groups", "Recruit young volunteers"),
            ("University", "Tools and student volunteers"),
        ],
        "team": VALID_TEAM,
        "risks": [
            ("Tension between groups", "low", "high", "Mixed teams with a trained facilitator.")
        ],
        "indicators": [
            {
                "name": "Active volunteers",
                "unit": "people",
                "baseline": 0,
                "target": 150,
                "target_month": 24,
                "sdgs": [11, 16],
                "measurements": [(2, 18, ""), (5, 46, ""), (9, 71, "After the spring clean-up")],
            },
            {
                "name": "Refugee residents among volunteers",
                "unit": "%",
                "baseline": 0,
                "target": 30,
                "target_month": 24,
                "sdgs": [10],
                "measurements": [(5, 12, ""), (9, 21, "")],
            },
        ],
        "updates": [(9, "The spring clean-up brought 71 volunteers to the two parks.")],
    },
    {
        "town": "baalbek",
        "user": "officer@baalbek.glocal.demo",
        "title": "Baalbek Heritage Keepers",
        "summary": "Young residents look after the paths and small gardens near the "
        "heritage site and guide visitors at weekends.",
        "status": "implementing",
        "visibility": "network",
        "start": -7,
        "months": 18,
        "adaptations": [
            (
                "General approach",
                "changed",
                "Our common good is the area around the heritage site, not parks.",
            ),
            ("Steps", "kept", ""),
            ("Typical cost", "kept", ""),
        ],
        "goals": ["Forty young heritage keepers trained"],
        "milestones": [
            ("Agreement with the site authority", 2, "done", True),
            ("First guiding weekend", 5, "planned", False),
            ("Training of 40 keepers", 9, "planned", True),
        ],
        "budget": [("Training", 5000, "Municipality")],
        "partners": [("Heritage site authority", "Access and training")],
        "team": VALID_TEAM[:2]
        + [("Youth volunteer", "member", "woman", "18_30"), ("Guide", "member", "man", "over_30")],
        "risks": [
            (
                "Security situation closes the site",
                "medium",
                "high",
                "Move activities to the town centre.",
            )
        ],
        "indicators": [
            {
                "name": "Trained heritage keepers",
                "unit": "people",
                "baseline": 0,
                "target": 40,
                "target_month": 12,
                "sdgs": [4, 11],
                "measurements": [(3, 8, ""), (5, 15, "")],
            }
        ],
        "updates": [(4, "Eight keepers finished the first training block.")],
    },
    {
        "town": "jbeil",
        "user": "officer@jbeil.glocal.demo",
        "title": "Jbeil Green Corners",
        "summary": "Residents adopt small green corners along the old town's streets.",
        "status": "planning",
        "visibility": "network",
        "start": 1,
        "months": 24,
        "adaptations": [
            ("General approach", "kept", ""),
            ("Steps", "kept", ""),
            (
                "Typical cost",
                "dropped",
                "We have no budget yet and will ask shops to sponsor plants.",
            ),
        ],
        "goals": ["Thirty green corners adopted"],
        "milestones": [
            ("Map the green corners", 2, "planned", False),
            ("First ten pacts", 6, "planned", True),
        ],
        "budget": [],
        "partners": [("Shopkeepers' association", "Sponsor plants")],
        "team": [
            ("Municipal contact", "contact", "woman", "over_30"),
            ("Youth volunteer", "member", "man", "18_30"),
        ],
        "risks": [],
        "indicators": [
            {
                "name": "Adopted green corners",
                "unit": "corners",
                "baseline": 0,
                "target": 30,
                "target_month": 24,
                "sdgs": [11, 15],
                "measurements": [],
            }
        ],
        "updates": [],
    },
    {
        "town": "batroun",
        "user": "officer@batroun.glocal.demo",
        "title": "Batroun Clean Shore Pacts",
        "summary": "Fishermen, schools and clubs each look after a stretch of the shore.",
        "status": "implementing",
        "visibility": "public",
        "start": -14,
        "months": 24,
        "adaptations": [
            ("General approach", "kept", ""),
            (
                "Steps",
                "changed",
                "Pacts are signed with groups, not "
                "individuals: fishermen's families, schools and sports clubs.",
            ),
            ("Preconditions", "kept", ""),
        ],
        "goals": ["Every stretch of the public shore cared for by a group"],
        "milestones": [
            ("Shore divided into stretches", 2, "done", False),
            ("Ten group pacts signed", 6, "done", True),
            ("Summer clean-up campaign", 10, "in_progress", True),
            ("Evaluation with the groups", 16, "planned", True),
        ],
        "budget": [
            ("Bins and gloves", 3500, "Municipality"),
            ("Signs for each stretch", 1500, "Sports clubs"),
        ],
        "partners": [("Fishermen's cooperative", "Two stretches near the harbour")],
        "team": VALID_TEAM,
        "risks": [
            (
                "Summer tourists leave more litter than groups can collect",
                "high",
                "medium",
                "Extra bins and a weekly municipal pick-up in July and August.",
            )
        ],
        "indicators": [
            {
                "name": "Shore stretches under a pact",
                "unit": "stretches",
                "baseline": 0,
                "target": 24,
                "target_month": 20,
                "sdgs": [14],
                "measurements": [(3, 4, ""), (6, 10, ""), (9, 15, ""), (12, 19, "")],
            },
            {
                "name": "Bags of litter collected",
                "unit": "bags",
                "baseline": 0,
                "target": 1200,
                "target_month": 20,
                "sdgs": [12, 14],
                "measurements": [(6, 310, ""), (12, 820, "")],
            },
        ],
        "updates": [
            (
                12,
                "Nineteen stretches are now cared for; the harbour one is the "
                "cleanest it has been in years.",
            )
        ],
    },
]
