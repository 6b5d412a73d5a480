"""The nested competition model of shared/opentrack-api.md, one table per resource."""
import uuid

from django.contrib.auth.models import User
from django.db import models


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


class Team(models.Model):
    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="teams")
    team_id = models.CharField(max_length=50)
    team_name = models.CharField(max_length=200, blank=True, default="")
    flag_url = models.CharField(max_length=300, blank=True, default="")
    match_id = models.CharField(max_length=50, blank=True, default="match")

    class Meta:
        unique_together = [("competition", "team_id")]
        ordering = ["id"]


class Competitor(models.Model):
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
        unique_together = [("competition", "competitor_id")]
        ordering = ["id"]


class Event(models.Model):
    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="events")
    event_id = models.CharField(max_length=20)
    event_code = models.CharField(max_length=20)
    name = models.CharField(max_length=200, blank=True, default="")
    genders = models.CharField(max_length=2, blank=True, default="")
    category = models.CharField(max_length=20, blank=True, default="")
    age_groups = models.CharField(max_length=200, blank=True, default="")
    rounds = models.CharField(max_length=50, blank=True, default="1")
    parent = models.CharField(max_length=20, blank=True, default="")
    status = models.CharField(max_length=30, blank=True, default="")
    day = models.IntegerField(null=True, blank=True)
    r1_time = models.CharField(max_length=5, blank=True, default="")
    lanes = models.IntegerField(null=True, blank=True)
    max_field_attempts = models.IntegerField(null=True, blank=True)
    cut_after_round = models.IntegerField(null=True, blank=True)
    cut_survivors = models.IntegerField(null=True, blank=True)
    results = models.JSONField(default=list, blank=True)  # a combined event's standings

    class Meta:
        unique_together = [("competition", "event_id")]
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
    distance = models.CharField(max_length=20, blank=True, default="")
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
        unique_together = [("competition", "relay_team_id")]
        ordering = ["id"]
