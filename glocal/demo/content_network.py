"""Demo content of the network community: data only, written for the demo.

People are demo users by e-mail, towns by slug, projects by title, practices by title.
"""

SECRETARIAT = "secretariat@glocal.demo"
SPILAMBERTO = "mayor@spilamberto.glocal.demo"
KAMENICA = "officer@kamenica.glocal.demo"
ZAHLE = "officer@zahle.glocal.demo"
BAALBEK = "officer@baalbek.glocal.demo"
JBEIL = "officer@jbeil.glocal.demo"
BATROUN = "officer@batroun.glocal.demo"

GROUPS = [
    {
        "slug": "childrens-rights",
        "name": "Children's Rights",
        "summary": "Towns that put children's safety and voice at the centre of local policy.",
        "description": "<p>We compare how member towns protect children who arrive alone or "
        "with their families, and how children are heard in decisions about schools, "
        "playgrounds and services. Each quarter one town presents a case and the others "
        "bring questions.</p>",
        "themes": ["children-youth"],
        "practices": ["Protecting Myself, Protecting Others"],
        "coordinators": [KAMENICA],
        "members": [ZAHLE, BATROUN],
    },
    {
        "slug": "trauma-surviving",
        "name": "Trauma Surviving",
        "summary": "Psychosocial support that a small municipality can actually organise.",
        "description": "<p>Many residents carry the weight of war and displacement. The group "
        "collects ways of offering first psychological aid through schools, health centres "
        "and volunteers, and lists trainers who have worked in member towns.</p>",
        "themes": ["health"],
        "practices": [],
        "coordinators": [BAALBEK],
        "members": [ZAHLE, KAMENICA],
    },
    {
        "slug": "exploitation-and-human-trafficking",
        "name": "Exploitation and Human Trafficking",
        "summary": "Spotting exploitation early and knowing whom to call.",
        "description": "<p>Front-desk staff, social workers and police often see the first "
        "signs. We share referral paths, short training sessions for municipal staff and "
        "contacts of organisations that support victims.</p>",
        "themes": ["migration-integration"],
        "practices": [],
        "coordinators": [SPILAMBERTO],
        "members": [JBEIL],
    },
    {
        "slug": "gender-equality",
        "name": "Gender Equality",
        "summary": "Women's participation in local life, jobs and decisions.",
        "description": "<p>From childcare during council meetings to safe street lighting, the "
        "group looks at small municipal choices that open public life to women and girls.</p>",
        "themes": ["gender-equality"],
        "practices": [],
        "coordinators": [BATROUN],
        "members": [JBEIL, SPILAMBERTO],
    },
    {
        "slug": "research-network-for-diversity",
        "name": "Research Network for Diversity",
        "summary": "Universities and towns studying what makes diverse communities work.",
        "description": "<p>Researchers and municipal officers agree on shared questions, "
        "collect simple data in several towns and publish what they find in plain words for "
        "the whole network.</p>",
        "themes": ["social-cohesion", "participation"],
        "practices": [],
        "coordinators": [SPILAMBERTO],
        "members": [ZAHLE],
    },
    {
        "slug": "education-and-social-cohesion",
        "name": "Education and Social Cohesion",
        "summary": "Schools, languages and summer camps that bring children together.",
        "description": "<p>Language clubs, mixed summer camps, homework help: the group gathers "
        "what helps children of long-time residents and newcomers learn side by side.</p>",
        "themes": ["education", "social-cohesion"],
        "practices": [
            "Learning Each Other's Language in Kamenica",
            "Social Cohesion Summer Camp",
        ],
        "coordinators": [KAMENICA, ZAHLE],
        "members": [BAALBEK, BATROUN, JBEIL],
    },
]

THREADS = [
    {
        "title": "Who runs language clubs in the summer break?",
        "group": "education-and-social-cohesion",
        "author": KAMENICA,
        "body": "<p>Our Serbian–Arabic club stops when schools close and the children lose "
        "a lot over the summer. Has anyone kept a club going in July and August, and who "
        "paid the teachers?</p>",
        "replies": [
            (
                ZAHLE,
                "<p>We moved ours into the public library with two volunteer students. "
                "The library covered the room; the teachers were paid from a small UNICEF "
                "grant.</p>",
            ),
            (
                BATROUN,
                "<p>Same problem here. @kamenica-officer-demo, could you share the "
                "weekly plan you use during the school year?</p>",
            ),
        ],
        "followers": [BATROUN],
    },
    {
        "title": "Referral path when a child arrives alone",
        "group": "childrens-rights",
        "author": BATROUN,
        "body": "<p>Last month a fourteen-year-old arrived at the town hall on his own. We "
        "were not sure who had to be called first. What does your written procedure look "
        "like?</p>",
        "replies": [
            (
                KAMENICA,
                "<p>Ours fits on one page: the social welfare centre first, then the "
                "police, then the guardian ad litem. I will post it in the group.</p>",
            ),
        ],
        "followers": [],
    },
    {
        "title": "Volunteers' insurance for park clean-ups",
        "project": "Zahlé Engaged Neighbourhoods",
        "author": ZAHLE,
        "body": "<p>Before the next clean-up we need to cover about forty volunteers. Which "
        "kind of policy did other towns use, and did the municipality pay for it?</p>",
        "replies": [
            (
                SPILAMBERTO,
                "<p>In Spilamberto the pact itself names the municipality's policy "
                "as covering registered volunteers. It cost us very little to extend it.</p>",
            ),
        ],
        "followers": [SPILAMBERTO],
    },
    {
        "title": "Ideas for the next monthly exchange",
        "author": SECRETARIAT,
        "body": "<p>The next online exchange is in three weeks. Which topic should we "
        "choose? Proposals so far: winter shelters, youth councils, waste collection in "
        "hilly neighbourhoods.</p>",
        "replies": [
            (
                JBEIL,
                "<p>Youth councils, please. We are starting one in Jbeil and have many "
                "questions.</p>",
            ),
            (BAALBEK, "<p>Winter shelters would help us a lot before December.</p>"),
        ],
        "followers": [JBEIL, BAALBEK],
    },
]

STATEMENTS = [
    {
        "slug": "direct-funding-for-host-municipalities",
        "title": "Direct funding for municipalities that host displaced people",
        "addressees": "European Commission, DG for Neighbourhood and Enlargement\n"
        "UNHCR\nMinistry of Interior and Municipalities of Lebanon",
        "drafted_by": ["zahle", "baalbek"],
        "status": "open",
        "versions": [
            (
                "<p>Our towns have received many thousands of people fleeing war. Schools, "
                "water networks and waste services now serve far more residents than they were "
                "built for, while most aid reaches us only through national programmes.</p>"
                "<p>We ask the addressees to open funding lines that municipalities can apply "
                "to directly, with simple reporting suited to small administrations.</p>",
                "First draft",
            ),
            (
                "<p>Our towns have received many thousands of people fleeing war. Schools, "
                "water networks and waste services now serve far more residents than they were "
                "built for, while most aid reaches us only through national programmes.</p>"
                "<p>We ask the addressees to open funding lines that municipalities can apply "
                "to directly, with simple reporting suited to small administrations, and to "
                "commit to them for at least three years so that services can be planned.</p>",
                "Adds a multi-year commitment",
            ),
        ],
        "signatories": [
            ("zahle", ZAHLE, "Head of the mayor's office"),
            ("baalbek", BAALBEK, "Municipal focal point"),
            ("spilamberto", SPILAMBERTO, "Mayor"),
            ("batroun", BATROUN, "Municipal officer"),
            ("jbeil", JBEIL, "Municipal officer"),
        ],
        # town → version number signed; Spilamberto signed the first version only
        "signatures": [("zahle", 2), ("baalbek", 2), ("spilamberto", 1)],
    },
    {
        "slug": "safe-routes-for-children-across-borders",
        "title": "Safe routes for children travelling alone",
        "addressees": "Council of Europe\nEuropean Parliament, Committee on Civil Liberties",
        "drafted_by": ["kamenica"],
        "status": "draft",
        "versions": [
            (
                "<p>Children who travel alone pass through our towns every week. We ask for one "
                "contact point per country that municipalities can call at any hour.</p>",
                "First draft",
            ),
        ],
        "signatories": [("kamenica", KAMENICA, "Head of social services")],
        "signatures": [],
    },
]

UPDATES = [
    {
        "project": "Zahlé Engaged Neighbourhoods",
        "author": ZAHLE,
        "title": "The first park is handed over to its neighbours",
        "body": "<p>After six Saturday work days, the small park behind the Hoch el-Oumara "
        "school now has benches, shade sails and a water point. Twelve families, Lebanese and "
        "Syrian, signed the care pact and share the watering rota.</p>",
        "story": True,
        "days_ago": 12,
    },
    {
        "project": "Zahlé Engaged Neighbourhoods",
        "author": ZAHLE,
        "title": "Lab team meets school directors",
        "body": "<p>The Local Change Lab team presented the plan for two school yards. Both "
        "directors agreed to open the yards on Saturday mornings for the work days.</p>",
        "story": False,
        "days_ago": 40,
    },
    {
        "project": "Batroun Clean Shore Pacts",
        "author": BATROUN,
        "title": "Fishermen join the beach pact",
        "body": "<p>The fishermen's cooperative now collects the nets and ropes found at sea "
        "and brings them to a container at the port; the municipality arranges recycling.</p>",
        "story": False,
        "days_ago": 5,
    },
    {
        "project": "Baalbek Heritage Keepers",
        "author": BAALBEK,
        "title": "Young guides trained for the old souk",
        "body": "<p>Eighteen young people finished a two-week training as heritage guides. "
        "They will lead free walks for residents on Fridays.</p>",
        "story": False,
        "days_ago": 20,
    },
]

DIGESTS = [(SPILAMBERTO, "weekly"), (ZAHLE, "daily")]
