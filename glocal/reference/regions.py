"""How the network groups countries into its regions (editable later in the admin)."""

from .models import Region

BALKANS = {"AL", "BA", "BG", "HR", "XK", "ME", "MK", "RS", "SI"}
MENA = {
    "DZ", "BH", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "LY", "MA", "OM",
    "PS", "QA", "SA", "SY", "TN", "TR", "AE", "YE",
}  # fmt: skip


def default_region(iso: str, continent: str) -> str:
    if iso in BALKANS:
        return Region.BALKANS
    if iso in MENA:
        return Region.MENA
    if continent == "EU":
        return Region.EUROPE
    return Region.OTHER
