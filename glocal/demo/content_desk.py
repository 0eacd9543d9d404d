"""Demo rows that give every role something on its desk (our own illustrative wording)."""

SOURCE_NAME = "Glocal demo desk"

PRACTICE_SENT_BACK = {
    "source_id": "desk-homework-club",
    "title": "Homework club in the town library",
    "town": "batroun",
    "author": "officer@batroun.glocal.demo",
    "summary": "Volunteers and retired teachers help pupils with their homework two "
    "afternoons a week in the town library.",
    "review_note": "Please add how many pupils took part and what the club costs per year.",
}

# An application of the HUB round decided a few days ago, so its town sees the decision.
DECIDED_APPLICATION = {
    "call": "local4action-hubs-2026",
    "town": "zahle",
    "status": "waiting",
    "feedback": "A strong plan; the jury would like to see the partner roles confirmed.",
}

# A small peer visit with approval: full, so one person waits and one waits for approval.
PEER_VISIT = {
    "slug": "peer-visit-volunteer-registers",
    "title": "Peer visit: how Zahlé keeps its register of volunteer tasks",
    "summary": "An online walk-through of the register of neighbourhood tasks, for towns "
    "that want to start one.",
    "starts_in_days": 12,
    "capacity": 2,
    "confirmed": ["officer@zahle.glocal.demo", "officer@baalbek.glocal.demo"],
    "waitlisted": ["mayor@spilamberto.glocal.demo"],
    "pending": ["officer@kamenica.glocal.demo"],
}

REPORT = {
    "thread": "Ideas for the next monthly exchange",
    "reporter": "officer@kamenica.glocal.demo",
    "reason": "This reply shares a private phone number; please hide it.",
}

# What the product would have told each role lately (kind, title, link).
NOTIFICATIONS = {
    "secretariat@glocal.demo": [
        (
            "practice_submitted",
            "Practice submitted for review: Zahlé Neighbourhood Volunteers",
            "/practices/zahle-neighbourhood-volunteers/",
        ),
        (
            "moderation",
            "A message was reported in “Ideas for the next monthly exchange”",
            "/exchange/reports/",
        ),
    ],
    "reviewer@glocal.demo": [
        (
            "mention",
            "Secretariat Demo mentioned you in “Ideas for the next monthly exchange”",
            "/exchange/",
        ),
    ],
    "officer@batroun.glocal.demo": [
        (
            "practice_review",
            "Your practice “Homework club in the town library”: Changes requested",
            "/practices/homework-club-in-the-town-library/",
        ),
    ],
    "mayor@spilamberto.glocal.demo": [
        (
            "signature",
            "“Direct funding for municipalities that host displaced people” has "
            "changed: please confirm your signature",
            "/statements/direct-funding-for-host-municipalities/",
        ),
        (
            "event_registration",
            "You are on the waiting list for Peer visit: how Zahlé keeps "
            "its register of volunteer tasks",
            "/events/peer-visit-volunteer-registers/",
        ),
    ],
    "officer@zahle.glocal.demo": [
        (
            "call_decision",
            "Decision on your application to Propose a Local4Action HUB (2026 round)",
            None,
        ),
    ],
}


# The mayor of Spilamberto proposes to add this year's figures to the town's published practice.
PROPOSED_CHANGE = {
    "town": "spilamberto",
    "author": "mayor@spilamberto.glocal.demo",
    "field": "results",
    "addition": "In its third year the programme counted more than forty resident-led projects.",
}
