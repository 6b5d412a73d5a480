"""The sandbox's profiles: servers that answer differently from the plain OpenTrack-like one.

Profiles combine: run.py --profile no-unique-keys,no-relay-teams. This module imports nothing
from Django, so run.py and the settings can use it before Django is set up.
"""

PROFILES = {
    "full": "the plain server: what OpenTrack documents and its example scripts show",
    "no-relay-teams": "no relay-teams collection (a server without that capability)",
    "no-unique-keys": "no unique constraint on competitor_id, team_id, event_id, relay_team_id "
                      "or (event_code, category) within a competition: a repeated POST makes a "
                      "visible duplicate instead of a 400",
}


def parse(text):
    """The set of profiles named in "a,b" ("full" alone is the empty set); ValueError if unknown."""
    names = [name.strip() for name in (text or "full").split(",") if name.strip()]
    unknown = [name for name in names if name not in PROFILES]
    if unknown:
        raise ValueError(f"unknown profile {', '.join(unknown)}; known: {', '.join(PROFILES)}")
    return frozenset(name for name in names if name != "full")


def active(name):
    from django.conf import settings
    return name in settings.PROFILES
