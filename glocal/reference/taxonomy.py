"""The starting content of the reference tables, loaded by a data migration.

The names are marked for translation: pages show them in the reader's language
(``Sdg.label``, ``Theme.label``) while the database keeps the English name.
"""

from django.utils.translation import gettext_noop

SDG_SHORT_NAMES = [
    gettext_noop("No poverty"),
    gettext_noop("Zero hunger"),
    gettext_noop("Good health and well-being"),
    gettext_noop("Quality education"),
    gettext_noop("Gender equality"),
    gettext_noop("Clean water and sanitation"),
    gettext_noop("Affordable and clean energy"),
    gettext_noop("Decent work and economic growth"),
    gettext_noop("Industry, innovation and infrastructure"),
    gettext_noop("Reduced inequalities"),
    gettext_noop("Sustainable cities and communities"),
    gettext_noop("Responsible consumption and production"),
    gettext_noop("Climate action"),
    gettext_noop("Life below water"),
    gettext_noop("Life on land"),
    gettext_noop("Peace, justice and strong institutions"),
    gettext_noop("Partnerships for the goals"),
]

THEMES = [
    ("social-cohesion", gettext_noop("Social cohesion")),
    ("participation", gettext_noop("Participation and democracy")),
    ("children-youth", gettext_noop("Children and youth")),
    ("migration-integration", gettext_noop("Migration and integration")),
    ("education", gettext_noop("Education and languages")),
    ("health", gettext_noop("Health and care")),
    ("gender-equality", gettext_noop("Gender equality")),
    ("housing", gettext_noop("Housing")),
    ("older-people", gettext_noop("Older people")),
    ("environment-climate", gettext_noop("Environment and climate")),
    ("waste-circular", gettext_noop("Waste and circular economy")),
    ("digital-services", gettext_noop("Digital public services")),
    ("local-economy", gettext_noop("Local economy and jobs")),
    ("culture", gettext_noop("Culture and public space")),
    ("civic-engagement", gettext_noop("Civic engagement and volunteering")),
    ("food", gettext_noop("Food and nutrition")),
]
