"""The nested competition model of shared/opentrack-api.md, one table per resource.

Fields are those OpenTrack's example scripts and documentation show for each record
(openath/opentrack-api-examples: create_calendar_entry.py, create_competitor.py,
update_events.py with "one event with all its options", and the full v1 example
competition); tests/sandbox/README.md says which comes from where.
"""
import uuid

from django.contrib.auth.models import User
from django.db import models

from .profiles import active

UNIQUE_KEYS = not active("no-unique-keys")


def unique(*fields):
    """A unique constraint within a competition, or none in the no-unique-keys profile."""
    return [("competition", *fields)] if UNIQUE_KEYS else []


class Competition(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(max_length=100, unique=True)
    full_name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=100, blank=True, default="")
    name_local = models.CharField(max_length=200, blank=True, default="")
    country = models.CharField(max_length=3)
    date = models.DateField()
    finish_date = models.DateField()
    year = models.CharField(max_length=4, blank=True, default="")
    address = models.TextField(blank=True, default="")
    venue_id = models.IntegerField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    altitude = models.FloatField(null=True, blank=True)
    wa_rankings_category = models.CharField(max_length=10, blank=True, default="")
    age_groups = models.JSONField(default=list, blank=True)
    basic_description = models.TextField(blank=True, default="")
    contact_details = models.TextField(blank=True, default="")
    organiser = models.UUIDField(null=True, blank=True)
    website = models.CharField(max_length=300, blank=True, default="")
    entry_link = models.CharField(max_length=300, blank=True, default="")
    results_link = models.CharField(max_length=300, blank=True, default="")
    directors = models.ManyToManyField(User, blank=True, related_name="directed")
    created = models.DateTimeField(auto_now_add=True)  # for ?ordering=created; not shown


class Team(models.Model):
    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="teams")
    team_id = models.CharField(max_length=50)
    team_name = models.CharField(max_length=200, blank=True, default="")
    flag_url = models.CharField(max_length=300, blank=True, default="")
    match_id = models.CharField(max_length=50, blank=True, default="match")

    class Meta:
        unique_together = unique("team_id")
        ordering = ["id"]


class Competitor(models.Model):
    # OpenTrack's scripts join a competitor's id into a URL (COMPETITORS_URL + c["id"]): a
    # string. The integer primary key only keeps the order in which they were created.
    uid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="competitors")
    competitor_id = models.CharField(max_length=20)
    first_name = models.CharField(max_length=100, blank=True, default="")
    last_name = models.CharField(max_length=100, blank=True, default="")
    gender = models.CharField(max_length=1, blank=True, default="")
    date_of_birth = models.DateField(null=True, blank=True)
    nationality = models.CharField(max_length=3, blank=True, default="")
    team_id = models.CharField(max_length=50, blank=True, default="")
    ot_athlete_id = models.UUIDField(null=True, blank=True)
    age_group = models.CharField(max_length=20, blank=True, default="")
    category = models.CharField(max_length=20, blank=True, default="")
    events_entered = models.JSONField(default=list, blank=True)

    class Meta:
        unique_together = unique("competitor_id")
        ordering = ["id"]


def text(default=""):
    return models.CharField(max_length=200, blank=True, default=default)


def optional_text():
    return models.CharField(max_length=200, null=True, blank=True, default=None)


def optional_number():
    return models.IntegerField(null=True, blank=True, default=None)


def flag():
    return models.BooleanField(default=False)


class Event(models.Model):
    """Every setting of the event in update_events.py ("one event with all its options"), with
    the type its value there has. A setting not sent gets: null for a number or for a value
    shown as null, "" for free text, false for a flag, and for a choice (heat_time_calculation,
    seeding, team_types, ...) the value the example shows."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="events")
    event_id = models.CharField(max_length=20)
    event_code = models.CharField(max_length=20)
    age_groups = text()  # "SEN,U20" in the current API
    genders = models.CharField(max_length=2, blank=True, default="")
    category = models.CharField(max_length=20, blank=True, default="")
    limit = optional_number()
    name = text()
    parent = models.CharField(max_length=20, null=True, blank=True, default=None)  # an event_id
    question = text()
    venue = optional_number()
    venue_r2 = optional_number()
    venue_r3 = optional_number()
    venue_r4 = optional_number()
    name_local = optional_text()
    primary_colour = optional_text()
    text_colour = optional_text()
    rounds = models.CharField(max_length=50, blank=True, default="1")
    day = optional_number()
    r1_time = models.CharField(max_length=5, blank=True, default="")
    r2_day = optional_number()
    r2_time = models.CharField(max_length=5, blank=True, default="")
    r3_day = optional_number()
    r3_time = models.CharField(max_length=5, blank=True, default="")
    r4_day = optional_number()
    r4_time = models.CharField(max_length=5, blank=True, default="")
    hide_in_timetable = flag()
    heat_time_calculation = text("AUTO")
    heat_time_override = optional_text()
    record_text = text()
    record_perf = text()
    min_perf = text()
    max_perf = text()
    max_field_attempts = optional_number()
    cut_after_round = optional_number()
    cut_survivors = optional_number()
    reorder_last_round = flag()
    qual_criteria = text()
    qual_by_place = optional_number()
    qual_fastest_losers = optional_number()
    qualifying_performance = text()
    seeding = text("open_meet")
    seeding_method = text("fastest_last")
    pool_order = text("bib")
    qual_by_place_r3 = optional_number()
    qual_fastest_losers_r3 = optional_number()
    seeding_method_r3 = text("fastest_last")
    lanes = optional_number()
    lane_prefs = optional_text()
    lanes_r2 = optional_number()
    lanes_r3 = optional_number()
    team_types = text("INHERIT")
    status = text("none")
    r1_status = text("none")
    r2_status = text("none")
    r3_status = text("none")
    r4_status = text("none")
    require_callroom_override = flag()
    callroom_time_override = optional_text()
    show_form_guide = flag()
    ce_score_formula = text("x")
    combined_event_tables = optional_text()
    rank_by = text("DEFAULT")
    remote_results_url = optional_text()
    world_athletics_event_id = optional_text()
    include_dq_athletes = flag()
    include_dnf_athletes = flag()
    include_dns_athletes = flag()
    exclude_from_scoring_system = flag()
    exclude_from_per_event_checkins = flag()
    entry_limit_per_event = optional_number()
    entry_limit_per_ns_event = optional_number()
    non_scorers_per_scoring_event = optional_number()
    relay_entry_limit_per_event = optional_number()
    results = models.JSONField(default=list, blank=True)  # a combined event's standings

    class Meta:
        unique_together = unique("event_id") + unique("event_code", "category")
        ordering = ["id"]


class Unit(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="units")
    round = models.IntegerField()
    heat = models.IntegerField()
    status = models.CharField(max_length=30, blank=True, default="")
    results_status = models.CharField(max_length=20, blank=True, default="")
    day = models.IntegerField(null=True, blank=True)
    heat_name = models.CharField(max_length=100, blank=True, default="")
    scheduled_start_time = models.CharField(max_length=5, blank=True, default="")
    distance = models.IntegerField(null=True, blank=True)  # metres: the example's 800 is a number
    precision = models.IntegerField(null=True, blank=True)
    rounds = models.IntegerField(null=True, blank=True)
    heights = models.JSONField(default=list, blank=True)
    results = models.JSONField(default=list, blank=True)
    trials = models.JSONField(default=list, blank=True)

    class Meta:
        unique_together = [("event", "round", "heat")]
        ordering = ["round", "heat"]


class RelayTeam(models.Model):
    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="relay_teams")
    relay_team_id = models.CharField(max_length=20)
    event_id = models.CharField(max_length=20)
    name = models.CharField(max_length=200, blank=True, default="")
    team_id = models.CharField(max_length=50, blank=True, default="")
    runners = models.JSONField(default=list, blank=True)

    class Meta:
        unique_together = unique("relay_team_id")
        ordering = ["id"]
