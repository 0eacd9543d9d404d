"""Demo events: data only, loaded by ``load_events``.

That the network's main public event is an annual mayors' conference in Vienna, and that it
organises field trips to member towns, comes from the seeds; every date, programme item,
speaker, room, capacity and registration below is ILLUSTRATIVE. Dates are days from the day
the demo is loaded (``day``) plus a local time at the venue, so the demo stays current.
Speakers are described by role, not invented names. ``.demo`` addresses do not exist.
"""

CONFERENCE_THEMES = [
    ("social-cohesion", "Living together in diverse towns"),
    ("participation", "Citizens who decide"),
    ("children-youth", "Young people in the town hall"),
    ("migration-integration", "Arriving and belonging"),
    ("environment-climate", "Small towns and a warming climate"),
]

EVENTS = [
    {
        "slug": "mayors-conference-vienna",
        "title": "International Mayors' Conference – Vienna",
        "kind": "conference",
        "mode": "hybrid",
        "host": "vienna",
        "time_zone": "Europe/Vienna",
        "venue": "Vienna City Hall, Festsaal",
        "address": "Friedrich-Schmidt-Platz 1, 1010 Vienna",
        "online_url": "https://meet.glocal.demo/mayors-conference",
        "start": (75, "09:00"),
        "end": (77, "16:00"),
        "registration_closes": (54, "23:59"),
        "capacity": 150,
        "summary": "The network's annual meeting: three days for about 150 mayors, councillors "
        "and municipal staff to compare what works, with a panel on each of five themes, "
        "hands-on workshops, a training for new members and a field trip across Vienna.",
        "description": "<p>Each morning opens with a panel on one of the network's themes, "
        "where two or three member towns show a practice and answer questions from peers. "
        "Afternoons are for smaller workshops where towns work on their own plans, and for "
        "the field trip.</p><p>Interpretation between English, German, French and Arabic is "
        "offered in the main hall. The plenary sessions are also streamed for those who "
        "cannot travel.</p>",
        "themes": [slug for slug, _title in CONFERENCE_THEMES],
        "practices": [
            "werkstatt-junges-wien",
            "spilamberto-and-us",
            "kamenica-language",
            "molieres-citizens-constitution",
            "khair-al-koura",
        ],  # fmt: skip
        "questions": [
            {
                "label": "Dietary needs",
                "kind": "text",
                "help_text": "For the lunches and the dinner on the first evening.",
            },
            {
                "label": "Accessibility needs",
                "kind": "text",
                "help_text": "Step-free access, seating, sign language or anything else.",
            },
            {
                "label": "Interpretation language",
                "kind": "choice",
                "required": True,
                "choices": "English\nGerman\nFrench\nArabic",
            },
        ],  # fmt: skip
        "sessions": [
            {
                "title": "Opening plenary: why towns learn best from towns",
                "kind": "plenary",
                "start": (75, "09:30"),
                "end": (75, "10:30"),
                "room": "Festsaal",
                "speakers": "Host mayor of Vienna\nChair of the network",
            },
            {
                "title": "Living together in diverse towns",
                "kind": "panel",
                "theme": "social-cohesion",
                "start": (75, "11:00"),
                "end": (75, "12:30"),
                "room": "Festsaal",
                "practices": ["kamenica-language"],
                "speakers": "Education officer, Kamenica\nSocial affairs councillor, Zahlé",
            },
            {
                "title": "Citizens who decide",
                "kind": "panel",
                "theme": "participation",
                "start": (75, "14:00"),
                "end": (75, "15:30"),
                "room": "Festsaal",
                "practices": ["molieres-citizens-constitution", "spilamberto-and-us"],
                "speakers": "Mayor of Spilamberto\nCitizens' council member, Molières",
            },
            {
                "title": "Workshop: starting a volunteer programme in one year",
                "kind": "workshop",
                "theme": "participation",
                "start": (75, "16:00"),
                "end": (75, "17:30"),
                "room": "Wappensaal",
                "capacity": 30,
                "speakers": "Volunteer coordinator, Zahlé",
            },
            {
                "title": "Young people in the town hall",
                "kind": "panel",
                "theme": "children-youth",
                "start": (76, "09:30"),
                "end": (76, "11:00"),
                "room": "Festsaal",
                "practices": ["werkstatt-junges-wien"],
                "speakers": "Youth worker, Werkstatt Junges Wien\nYouth officer, Baalbek",
            },
            {
                "title": "Field trip: Werkstatt Junges Wien and a youth centre in Favoriten",
                "kind": "field_trip",
                "theme": "children-youth",
                "start": (76, "13:00"),
                "end": (76, "17:30"),
                "room": "Bus leaves from the Rathausplatz entrance",
                "capacity": 4,
                "practices": ["werkstatt-junges-wien"],
                "description": "A small bus takes the group to two places where young Viennese "
                "shaped their own district plans. Places are few so that everyone can talk with "
                "the young people themselves.",
            },
            {
                "title": "Arriving and belonging",
                "kind": "panel",
                "theme": "migration-integration",
                "start": (77, "09:30"),
                "end": (77, "11:00"),
                "room": "Festsaal",
                "speakers": "Integration officer, Vienna\nMayor, Jbeil",
            },
            {
                "title": "Small towns and a warming climate",
                "kind": "panel",
                "theme": "environment-climate",
                "start": (77, "11:30"),
                "end": (77, "13:00"),
                "room": "Festsaal",
                "practices": ["khair-al-koura"],
                "speakers": "Development officer, Al Koura\nEnergy adviser, Batroun",
            },
            {
                "title": "Training for new members: using the showroom and the matching",
                "kind": "training",
                "start": (77, "14:00"),
                "end": (77, "15:30"),
                "room": "Stadtsenatssitzungssaal",
                "capacity": 25,
                "speakers": "Network secretariat",
            },
        ],  # fmt: skip
        # (e-mail, role, answers by question label, bookings: session title → order)
        "registrations": [
            ("mayor@spilamberto.glocal.demo", "elected", {"Interpretation language": "English"}),
            (
                "officer@kamenica.glocal.demo",
                "staff",
                {"Interpretation language": "English", "Dietary needs": "Vegetarian"},
            ),
            ("officer@baalbek.glocal.demo", "staff", {"Interpretation language": "Arabic"}),
            (
                "officer@jbeil.glocal.demo",
                "staff",
                {"Interpretation language": "French", "Accessibility needs": "Step-free access"},
            ),
            ("officer@batroun.glocal.demo", "staff", {"Interpretation language": "Arabic"}),
            ("reviewer@glocal.demo", "speaker", {"Interpretation language": "English"}),
        ],  # fmt: skip
        # Who booked the field trip, in order: the first four fill the bus, the rest wait.
        "bookings": {
            "Field trip: Werkstatt Junges Wien and a youth centre in Favoriten": [
                "mayor@spilamberto.glocal.demo",
                "officer@kamenica.glocal.demo",
                "officer@baalbek.glocal.demo",
                "officer@jbeil.glocal.demo",
                "officer@batroun.glocal.demo",
                "reviewer@glocal.demo",
            ],
            "Workshop: starting a volunteer programme in one year": [
                "officer@baalbek.glocal.demo",
                "officer@batroun.glocal.demo",
            ],
        },  # fmt: skip
    },
    {
        "slug": "field-exposure-bekaa-valley",
        "title": "Field exposure: volunteering towns of the Bekaa valley",
        "kind": "field_exposure",
        "mode": "in_person",
        "host": "zahle",
        "time_zone": "Asia/Beirut",
        "venue": "Zahlé Municipality, council hall",
        "address": "Boulevard, Zahlé",
        "start": (-48, "09:00"),
        "end": (-47, "17:00"),
        "registration_closes": (-60, "23:59"),
        "capacity": 25,
        "summary": "Two days with the volunteers of Zahlé and Baalbek: a day of site visits to "
        "see their neighbourhood and public-space work, then a one-day workshop on how other "
        "member towns could start something similar.",
        "description": "<p>Day one visits the neighbourhood volunteer teams of Zahlé and the "
        "young volunteers who look after public spaces in Baalbek. Day two is a workshop of "
        "the working group on participation, turning what the group saw into first steps "
        "for each town.</p>",
        "themes": ["civic-engagement", "children-youth"],
        "practices": ["zahle-neighbourhood-volunteers", "baalbek-youth-volunteers"],
        "projects": ["Zahlé Engaged Neighbourhoods", "Baalbek Heritage Keepers"],
        "questions": [],
        "sessions": [
            {
                "title": "Site visit: Zahlé neighbourhood volunteers",
                "kind": "site_visit",
                "theme": "civic-engagement",
                "start": (-48, "09:30"),
                "end": (-48, "12:30"),
                "room": "Meeting point: council hall",
                "practices": ["zahle-neighbourhood-volunteers"],
                "speakers": "Volunteer coordinator, Zahlé",
            },
            {
                "title": "Site visit: Baalbek youth volunteers in public spaces",
                "kind": "site_visit",
                "theme": "children-youth",
                "start": (-48, "14:00"),
                "end": (-48, "18:00"),
                "room": "Bus from Zahlé",
                "practices": ["baalbek-youth-volunteers"],
                "speakers": "Youth officer, Baalbek",
            },
            {
                "title": "Workshop: starting a volunteer programme at home",
                "kind": "workshop",
                "theme": "civic-engagement",
                "start": (-47, "09:30"),
                "end": (-47, "16:30"),
                "room": "Council hall",
                "speakers": "Working group on participation",
            },
        ],  # fmt: skip
        # Everyone here came and was checked in, so each has a certificate.
        "registrations": [
            ("mayor@spilamberto.glocal.demo", "elected", {}),
            ("officer@kamenica.glocal.demo", "staff", {}),
            ("officer@jbeil.glocal.demo", "staff", {}),
            ("officer@batroun.glocal.demo", "staff", {}),
        ],
        "attended": True,
        "bookings": {},
    },
    {
        "slug": "webinar-citizens-constitution",
        "title": "Webinar: writing a citizens' constitution with Molières",
        "kind": "webinar",
        "mode": "online",
        "host": "molieres",
        "time_zone": "Europe/Paris",
        "venue": "",
        "address": "",
        "online_url": "https://meet.glocal.demo/citizens-constitution",
        "start": (18, "15:00"),
        "end": (18, "16:30"),
        "registration_closes": (18, "12:00"),
        "capacity": 100,
        "summary": "Ninety minutes with the people of Molières who wrote down, with their "
        "residents, how decisions are made in the village – and what a town needs to try it.",
        "description": "<p>A short presentation, then questions. The link is sent to "
        "registered participants and shown on this page once you are registered.</p>",
        "themes": ["participation"],
        "practices": ["molieres-citizens-constitution"],
        "questions": [
            {
                "label": "What would you like to ask?",
                "kind": "text",
                "help_text": "We collect questions in advance.",
            },
        ],  # fmt: skip
        "sessions": [],
        "registrations": [
            ("officer@kamenica.glocal.demo", "staff", {}),
            (
                "officer@zahle.glocal.demo",
                "staff",
                {"What would you like to ask?": "How did you reach residents who never vote?"},
            ),
        ],  # fmt: skip
        "bookings": {},
    },
]
