#!/usr/bin/python3
"""The sandbox behaves like OpenTrack, and no kinder: only the documented filters, the double
slash, the id types of the example scripts, every field of the example records, OpenTrack's
permission errors, the no-unique-keys profile and the request log (tests/sandbox/README.md)."""
import datetime
import json
import os
import sys
import unittest
import uuid

sys.dont_write_bytecode = True
import requests  # noqa: E402

from harness import HERE, Sandbox, TestCase, check, token  # noqa: E402

sandbox = None

# "One event with all its options" of update_events.py, with values of our own.
EVENT_SETTINGS = {
    "event_id": "F01", "event_code": "LJ", "age_groups": "SEN,U20", "genders": "MF", "category": "LJ1",
    "limit": 16, "name": "Long Jump | U20-SEN", "parent": "M01", "question": "Shoe size?", "venue": 4,
    "venue_r2": 5, "venue_r3": 6, "venue_r4": 7, "name_local": "Weitsprung", "primary_colour": "#003366",
    "text_colour": "#ffffff", "rounds": "2,1", "day": 2, "r1_time": "10:15", "r2_day": 2, "r2_time": "14:00",
    "r3_day": 3, "r3_time": "11:00", "r4_day": 3, "r4_time": "15:30", "hide_in_timetable": True,
    "heat_time_calculation": "MANUAL", "heat_time_override": "00:12", "record_text": "MR 7.45",
    "record_perf": "7.45", "min_perf": "4.00", "max_perf": "9.00", "max_field_attempts": 6,
    "cut_after_round": 3, "cut_survivors": 8, "reorder_last_round": True, "qual_criteria": "Q 7.60",
    "qual_by_place": 2, "qual_fastest_losers": 2, "qualifying_performance": "7.60", "seeding": "seeded",
    "seeding_method": "snake", "pool_order": "random", "qual_by_place_r3": 1, "qual_fastest_losers_r3": 0,
    "seeding_method_r3": "snake", "lanes": 8, "lane_prefs": "3,4,5,6", "lanes_r2": 9, "lanes_r3": 8,
    "team_types": "CLUB", "status": "complete", "r1_status": "done", "r2_status": "done",
    "r3_status": "none", "r4_status": "none", "require_callroom_override": True,
    "callroom_time_override": "00:30", "show_form_guide": True, "ce_score_formula": "WA",
    "combined_event_tables": "WA2001", "rank_by": "BEST", "remote_results_url": "https://example.org/lj",
    "world_athletics_event_id": "10229630", "include_dq_athletes": True, "include_dnf_athletes": True,
    "include_dns_athletes": True, "exclude_from_scoring_system": True, "exclude_from_per_event_checkins": True,
    "entry_limit_per_event": 24, "entry_limit_per_ns_event": 2, "non_scorers_per_scoring_event": 1,
    "relay_entry_limit_per_event": 3, "results": [{"bib": "7", "place": 1, "points": 2900}],
}


def setUpModule():
    global sandbox
    sandbox = Sandbox()


def tearDownModule():
    sandbox.stop()


def today():
    return datetime.datetime.now(datetime.timezone.utc).date()


class SandboxTest(TestCase):
    server = None  # the Sandbox a class runs against (the module's by default)

    def setUp(self):
        self.server = self.server or sandbox
        self.server.reset()
        self.root = self.server.root
        self.s = self.session(self.root)

    def url(self, collection, *rest):
        return self.root + collection + "/" + "".join(f"{r}/" for r in rest)

    def competition(self, slug, **fields):
        body = {"full_name": slug.replace("-", " ").title(), "country": "GBR", "date": "2026-06-10",
                "finish_date": "2026-06-10", **fields, "slug": slug}
        return check(self.s.post(self.url("competitions"), json=body, timeout=60), 201).json()

    def listed(self, collection, query=""):
        return check(self.s.get(self.url(collection) + query, timeout=60), 200).json()


class Filters(SandboxTest):
    def slugs(self, query):
        return [c["slug"] for c in self.listed("competitions", query)["results"]]

    def test_unknown_filters_are_ignored(self):
        for slug in ("club-open", "county-champs", "league-match-1"):
            self.competition(slug)
        everything = self.slugs("")
        self.assertEqual(len(everything), 4)  # with the seeded director's meet
        self.assertEqual(self.slugs("?slug=county-champs"), everything)
        self.assertEqual(self.slugs("?shoe_size=42&full_name=Club%20Open"), everything)

    def test_documented_filters(self):
        past, future = today() - datetime.timedelta(days=40), today() + datetime.timedelta(days=40)
        self.competition("old-meet", full_name="Autumn Relays", date=str(past), finish_date=str(past))
        self.competition("new-meet", full_name="Spring Open", date=str(future), finish_date=str(future),
                         address="Riverside Stadium, Exampleton")
        self.competition("paris-meet", full_name="Meeting de Paris", country="FRA",
                         date=str(future), finish_date=str(future))
        self.assertEqual(self.slugs("?country=FRA"), ["paris-meet"])
        self.assertEqual(self.slugs("?country=fra"), ["paris-meet"])
        finished = {c["slug"] for c in self.listed("competitions")["results"] if c["finish_date"] < str(today())}
        self.assertIn("old-meet", finished)
        self.assertEqual(set(self.slugs("?when=past")), finished)
        self.assertEqual(set(self.slugs("?when=future")), {"new-meet", "paris-meet"})
        self.assertEqual(self.slugs(f"?date_from={future}&date_to={future}&country=GBR"), ["new-meet"])
        self.assertEqual(self.slugs(f"?date_from={past}&date_to={past}"), ["old-meet"])
        self.assertEqual(self.slugs("?search=spring"), ["new-meet"])
        self.assertEqual(self.slugs("?search=exampleton"), ["new-meet"])  # the address too
        self.assertEqual(self.slugs("?search=old-meet"), [])  # not the slug
        dates = [c["date"] for c in self.listed("competitions", "?ordering=-date")["results"]]
        self.assertEqual(dates, sorted(dates, reverse=True))
        self.assertNotEqual(dates, sorted(dates))
        self.assertEqual(self.slugs("?ordering=full_name&when=future"), ["paris-meet", "new-meet"])
        self.assertEqual(self.slugs("?ordering=-created")[0], "paris-meet")
        self.assertEqual(len(self.slugs("?type=TRACK")), 4)
        self.assertEqual(self.slugs("?type=ROAD"), [])

    def test_filter_values_that_are_not_valid(self):
        r = self.s.get(self.url("competitions") + "?date_from=tomorrow&when=soon", timeout=60)
        check(r, 400)
        self.assertEqual(sorted(r.json()), ["date_from", "when"])
        r = self.s.get(self.url("competitors") + "?competition=not-an-id", timeout=60)
        check(r, 400)
        self.assertIn("competition", r.json())

    def test_children_filter_by_competition(self):
        a, b = self.competition("meet-a")["id"], self.competition("meet-b")["id"]
        for competition, bibs in ((a, ["1", "2"]), (b, ["3"])):
            check(self.s.post(self.url("competitors"), timeout=60,
                              json=[{"competition": competition, "competitor_id": x} for x in bibs]), 201)
        self.assertEqual([c["competitor_id"] for c in self.listed("competitors", f"?competition={a}")["results"]],
                         ["1", "2"])
        self.assertEqual(self.listed("competitors", f"?competition={b}")["count"], 1)
        self.assertEqual(self.listed("competitors", "?slug=meet-a")["count"], 3)  # ignored: all of them
        self.assertEqual(self.listed("competitors", f"?competition={uuid.uuid4()}")["count"], 0)


class Paths(SandboxTest):
    def test_double_slash(self):
        base = self.server.base
        self.assertEqual(check(self.s.get(base + "/api/competitions/", timeout=60), 200).json()["count"], 1)
        competition = self.competition("slashes")["id"]
        check(self.s.post(base + "/api/teams/", json={"competition": competition, "team_id": "A"},
                          timeout=60), 201)
        check(self.s.get(base + "api//teams//", timeout=60), 200)
        posted = [e for e in self.server.log() if e["method"] == "POST" and e["path"] == "/api/teams/"]
        self.assertEqual([e["raw_path"] for e in posted], ["//api/teams/"])

    def test_a_post_without_its_slash_is_redirected(self):
        r = self.s.post(self.root + "teams", json={}, allow_redirects=False, timeout=60)
        check(r, 301)
        self.assertTrue(r.headers["Location"].endswith("/api/teams/"))


class Ids(SandboxTest):
    def test_id_types(self):
        competition = self.competition("ids")
        self.assertEqual(str(uuid.UUID(competition["id"])), competition["id"])
        cid = competition["id"]
        competitor = check(self.s.post(self.url("competitors"), timeout=60,
                                       json=[{"competition": cid, "competitor_id": "371"}]), 201).json()[0]
        self.assertIsInstance(competitor["id"], str)  # COMPETITORS_URL + c["id"] + "/" must work
        self.assertEqual(competitor["url"], self.url("competitors") + competitor["id"] + "/")
        check(self.s.get(self.url("competitors") + competitor["id"] + "/", timeout=60), 200)
        event = check(self.s.post(self.url("events"), timeout=60,
                                  json={"competition": cid, "event_id": "T01", "event_code": "100"}), 201).json()
        self.assertIsInstance(event["id"], int)
        self.assertEqual(event["url"], self.url("events", event["id"]))
        team = check(self.s.post(self.url("teams"), json={"competition": cid, "team_id": "THH"}, timeout=60),
                     201).json()
        self.assertEqual(team["url"], self.url("teams", team["id"]))
        relay = check(self.s.post(self.url("relay-teams"), timeout=60, json={
            "competition": cid, "relay_team_id": "THH", "event_id": "T02"}), 201).json()
        self.assertEqual(relay["url"], self.url("relay-teams", relay["id"]))
        unit = event["units"][0]
        self.assertIsInstance(unit["id"], int)
        self.assertTrue(unit["url"].endswith(f"/api/units/{unit['id']}/"))
        self.assertEqual(competitor["competition"], cid)


class Fields(SandboxTest):
    def test_every_event_setting_is_stored_and_echoed(self):
        cid = self.competition("fields")["id"]
        created = check(self.s.post(self.url("events"), json=dict(EVENT_SETTINGS, competition=cid), timeout=60),
                        201).json()
        read = check(self.s.get(created["url"], timeout=60), 200).json()
        for key, value in EVENT_SETTINGS.items():
            self.assertEqual(created[key], value, key)
            self.assertEqual(read[key], value, key)
        self.assertEqual(len(read["units"]), 3)  # "2,1"

    def test_an_event_shows_every_setting_even_unsent(self):
        cid = self.competition("defaults")["id"]
        created = check(self.s.post(self.url("events"), timeout=60,
                                    json={"competition": cid, "event_id": "T9", "event_code": "800"}), 201).json()
        self.assertEqual(sorted(set(EVENT_SETTINGS) - set(created)), [])
        self.assertIsNone(created["parent"])
        self.assertEqual(created["heat_time_calculation"], "AUTO")

    def test_competition_competitor_team_relay_fields(self):
        competition = {
            "full_name": "Fields Open", "short_name": "Fields", "name_local": "Felder",
            "country": "GBR", "address": "Track Lane", "year": "2026", "date": "2026-06-10",
            "finish_date": "2026-06-11", "wa_rankings_category": "DF", "age_groups": ["ALL"],
            "basic_description": "b", "contact_details": "c", "organiser": "6b2af700-0481-4f73-b9ae-8221ae619b55",
            "website": "https://example.org", "entry_link": "https://example.org/e",
            "results_link": "https://example.org/r", "latitude": 51.5, "longitude": -0.3, "altitude": 12.0,
            "venue_id": 77}
        created = self.competition("fields-open", **competition)
        for key, value in competition.items():
            self.assertEqual(created[key], value, key)
        cid = created["id"]
        competitor = {"age_group": "NA", "category": "NA", "competitor_id": "1", "date_of_birth": "1966-03-21",
                      "events_entered": [{"event_code": "100", "event_id": "003", "pb": "10.9", "sb": "11.0",
                                          "qp": "11.2"}], "first_name": "Ann", "gender": "F", "last_name": "Lee",
                      "nationality": "GBR", "ot_athlete_id": "44721dcd-3019-44f0-aab0-4b90eb98838d",
                      "team_id": "THH"}
        team = {"flag_url": "https://example.org/THH.png", "match_id": "match", "team_id": "THH",
                "team_name": "Thames"}
        relay = {"event_id": "27", "name": "Thames A", "relay_team_id": "THH", "runners": ["1", "2"],
                 "team_id": "THH"}
        for collection, record in (("competitors", competitor), ("teams", team), ("relay-teams", relay)):
            stored = check(self.s.post(self.url(collection), json=dict(record, competition=cid), timeout=60),
                           201).json()
            for key, value in record.items():
                self.assertEqual(stored[key], value, f"{collection} {key}")
        # An entry keeps only what OpenTrack stores for it.
        odd = check(self.s.post(self.url("competitors"), timeout=60, json={
            "competition": cid, "competitor_id": "2", "events_entered": [{"event_id": "003", "heat": 2}]}),
            201).json()
        self.assertEqual(odd["events_entered"], [{"event_id": "003"}])

    def test_unit_fields_and_numbers_stay_numbers(self):
        cid = self.competition("units")["id"]
        event = check(self.s.post(self.url("events"), timeout=60, json={
            "competition": cid, "event_id": "27", "event_code": "4x200", "name": "4x200"}), 201).json()
        unit = {"day": 1, "distance": 800, "heat_name": "27 4x200", "precision": 2, "rounds": 3,
                "scheduled_start_time": "15:45", "status": "finished", "results_status": "official",
                "heights": ["1.50", "1.55"],
                "results": [{"bib": "THH", "lane": 1, "performance": "1:30.59", "place": 1, "points": 0,
                             "order": 1, "catpos": 1, "wind": "+0.4"}],
                "trials": [{"bib": "1", "round": 1, "result": "5.74", "wind": "-0.2"},
                           {"bib": "1", "height": "1.50", "result": "xo"}]}
        stored = check(self.s.patch(event["units"][0]["url"], json=unit, timeout=60), 200).json()
        for key, value in unit.items():
            self.assertEqual(stored[key], value, key)
        self.assertIsInstance(stored["distance"], int)
        self.assertEqual((stored["event_id"], stored["event_name"]), ("27", "4x200"))
        dropped = check(self.s.patch(event["units"][0]["url"], timeout=60, json={
            "event_name": "other", "results": [{"bib": "THH", "reaction": 0.15}]}), 200).json()
        self.assertEqual((dropped["event_name"], dropped["results"]), ("4x200", [{"bib": "THH"}]))


class FullExample(SandboxTest):
    """tests/data/opentrack-full-competition.json, a meet in the shape of OpenTrack's full example
    competition, sent record by record as OpenTrack's scripts send them: every field comes back."""

    def assertKept(self, sent, stored, where):
        for key, value in sent.items():
            self.assertEqual(stored.get(key), value, f"{where}: {key}")

    LISTS = ("competitors", "teams", "relay_teams", "events", "meetdesk")

    def setUp(self):
        super().setUp()
        with open(os.path.join(HERE, "..", "data", "opentrack-full-competition.json"), encoding="utf-8") as f:
            self.meet = json.load(f)
        self.top = {k: v for k, v in self.meet.items() if k not in self.LISTS}

    def test_every_field_comes_back(self):
        meet = self.meet
        cid = self.competition(**self.top)["id"]
        for collection, key in (("teams", "teams"), ("competitors", "competitors")):
            check(self.s.post(self.url(collection), json=[dict(x, competition=cid) for x in meet[key]],
                              timeout=60), 201)
        for event in meet["events"]:
            body = {k: v for k, v in event.items() if k != "units"}
            created = check(self.s.post(self.url("events"), json=dict(body, competition=cid), timeout=60),
                            201).json()
            urls = {(u["round"], u["heat"]): u["url"] for u in created["units"]}
            for unit in event.get("units", []):
                check(self.s.patch(urls[(unit["round"], unit["heat"])], json=unit, timeout=60), 200)
        for relay in meet["relay_teams"]:
            check(self.s.post(self.url("relay-teams"), json=dict(relay, competition=cid), timeout=60), 201)
        self.assertMeetStored(cid)

    def test_a_v1_nested_upload_keeps_every_field(self):
        """The same meet as one v1 document (v1 names), read back through the current API."""
        v1 = {{"country": "country_id", "organiser": "organiser_id",
               "wa_rankings_category": "wa_rankings_category_id"}.get(k, k): v for k, v in self.meet.items()
              if k != "meetdesk"}
        v1["events"] = [dict(e, age_groups=e["age_groups"].split(",")) for e in self.meet["events"]]
        headers = {"Authorization": "Bearer " + check(requests.post(
            self.server.base + "api/v1/auth/token", data={"username": "federation", "password": "federation-pass"},
            timeout=60), 200).json()["access_token"]}
        created = check(requests.post(self.server.base + "api/v1/competitions/", json=v1, headers=headers,
                                      timeout=60), 201).json()
        self.assertMeetStored(created["id"])

    def assertMeetStored(self, cid):
        meet = self.meet
        self.assertKept(self.top, check(self.s.get(self.url("competitions", cid), timeout=60), 200).json(),
                        "competition")
        for collection, key, natural in (("teams", "teams", "team_id"), ("competitors", "competitors", "competitor_id"),
                                         ("relay-teams", "relay_teams", "relay_team_id"),
                                         ("events", "events", "event_id")):
            stored = {x[natural]: x for x in self.listed(collection, f"?competition={cid}&limit=500")["results"]}
            self.assertEqual(sorted(stored), sorted(x[natural] for x in meet[key]), collection)
            for record in meet[key]:
                server = stored[record[natural]]
                self.assertKept({k: v for k, v in record.items() if k != "units"}, server,
                                f"{collection} {record[natural]}")
                for unit in record.get("units", []):
                    url = [u["url"] for u in server["units"] if (u["round"], u["heat"]) == (unit["round"], unit["heat"])]
                    self.assertKept(unit, check(self.s.get(url[0], timeout=60), 200).json(),
                                    f"unit {record[natural]} {unit['round']}/{unit['heat']}")


class Permissions(SandboxTest):
    def assertPermissionDenied(self, response):
        check(response, 500)
        self.assertEqual(response.text, "Permission Denied")

    def test_without_a_login(self):
        self.assertPermissionDenied(requests.get(self.url("competitions"), timeout=60))
        self.assertPermissionDenied(requests.post(self.url("teams"), json={}, timeout=60))
        check(requests.get(self.root, timeout=60), 200)  # the API root is open

    def test_without_the_rights(self):
        director = self.session(self.root, "director", "director-pass")
        self.assertPermissionDenied(director.post(self.url("competitions"), timeout=60, json={
            "slug": "mine", "full_name": "Mine", "country": "GBR", "date": "2026-06-10",
            "finish_date": "2026-06-10"}))
        other = self.competition("not-the-directors")
        self.assertPermissionDenied(director.patch(other["url"], json={"short_name": "x"}, timeout=60))
        self.assertPermissionDenied(director.post(self.url("competitors"), timeout=60,
                                                  json=[{"competition": other["id"], "competitor_id": "1"}]))
        own = [c for c in self.listed("competitions")["results"] if c["slug"] == "sandbox-director-meet"][0]
        check(director.post(self.url("competitors"), timeout=60,
                            json=[{"competition": own["id"], "competitor_id": "1"}]), 201)
        self.assertEqual(self.listed("competitors", f"?competition={other['id']}")["count"], 0)

    def test_tokens_and_logins(self):
        bad = requests.get(self.url("hello"), headers={"Authorization": "Token nonsense"}, timeout=60)
        check(bad, 401)
        self.assertEqual(bad.json(), {"detail": "Invalid token."})
        refused = requests.post(self.url("get-auth-token"), data={"username": "federation", "password": "x"},
                                timeout=60)
        check(refused, 400)
        self.assertEqual(refused.json(), {"non_field_errors": ["Unable to log in with provided credentials."]})
        hello = self.listed("hello")
        self.assertEqual(hello, {"message": "Hello, Sandbox Federation <federation@sandbox.invalid>!"})


class UniqueKeys(SandboxTest):
    def test_a_repeated_post_is_refused(self):
        cid = self.competition("unique")["id"]
        for collection, record in (("competitors", {"competitor_id": "5"}), ("teams", {"team_id": "T"}),
                                   ("events", {"event_id": "E1", "event_code": "100", "category": "SM"}),
                                   ("relay-teams", {"relay_team_id": "R", "event_id": "E2"})):
            check(self.s.post(self.url(collection), json=dict(record, competition=cid), timeout=60), 201)
            check(self.s.post(self.url(collection), json=dict(record, competition=cid), timeout=60), 400)
            self.assertEqual(self.listed(collection, f"?competition={cid}")["count"], 1, collection)
        other = {"competition": cid, "event_id": "E3", "event_code": "100", "category": "SM"}
        check(self.s.post(self.url("events"), json=other, timeout=60), 400)  # (event_code, category)

    def test_a_bulk_list_with_a_repeated_key_stores_nothing(self):
        cid = self.competition("bulk")["id"]
        r = self.s.post(self.url("competitors"), timeout=60, json=[
            {"competition": cid, "competitor_id": "1"}, {"competition": cid, "competitor_id": "1"}])
        self.assertGreaterEqual(r.status_code, 400)
        self.assertEqual(self.listed("competitors", f"?competition={cid}")["count"], 0)


class NoUniqueKeys(SandboxTest):
    """The no-unique-keys profile: a server that does not refuse a repeated record."""

    @classmethod
    def setUpClass(cls):
        cls.server = Sandbox("no-unique-keys")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_a_repeated_post_makes_a_duplicate(self):
        cid = self.competition("duplicates")["id"]
        for collection, record in (("competitors", {"competitor_id": "5"}), ("teams", {"team_id": "T"}),
                                   ("events", {"event_id": "E1", "event_code": "100", "category": "SM"}),
                                   ("relay-teams", {"relay_team_id": "R", "event_id": "E2"})):
            for _ in range(2):
                check(self.s.post(self.url(collection), json=dict(record, competition=cid), timeout=60), 201)
            self.assertEqual(self.listed(collection, f"?competition={cid}")["count"], 2, collection)
        check(self.s.post(self.url("competitions"), json={"slug": "duplicates", "full_name": "D", "country": "GBR",
                                                          "date": "2026-06-10", "finish_date": "2026-06-10"},
                          timeout=60), 400)  # a slug stays unique: it is the competition's address


class Log(SandboxTest):
    def test_bodies_and_authorization(self):
        self.server.fault(method="GET", path="/api/hello/", kind="503")  # faults are logged as well
        requests.get(self.url("hello"), headers={"Authorization": "Token " + token(self.root)}, timeout=60)
        cid = self.competition("logged")["id"]
        people = [{"competition": cid, "competitor_id": b, "first_name": "A"} for b in ("7", "8")]
        check(self.s.post(self.url("competitors"), json=people, timeout=60), 201)
        check(self.s.post(self.url("competitors"), json=people[:1], timeout=60), 400)
        requests.get(self.url("teams"), timeout=60)
        log = self.server.log()
        logins = [e for e in log if e["path"] == "/api/get-auth-token/"]
        self.assertTrue(logins)
        self.assertEqual(logins[-1]["body"], {"username": "federation", "password": "(hidden)"})
        self.assertFalse(logins[-1]["authorization"])
        self.assertEqual([(e["status"], e["fault"]) for e in log if e["path"] == "/api/hello/"], [(503, "503")])
        posts = [e for e in log if e["method"] == "POST" and e["path"] == "/api/competitors/"]
        self.assertEqual([e["body"] for e in posts], [people, people[:1]])
        self.assertEqual([e["status"] for e in posts], [201, 400])
        self.assertTrue(all(e["authorization"] for e in posts))
        sevens = [p for e in posts for p in e["body"] if p["competitor_id"] == "7"]
        self.assertEqual(len(sevens), 2)  # what a test counts: every POST of bib 7
        self.assertFalse([e for e in log if e["path"] == "/api/teams/"][0]["authorization"])


if __name__ == "__main__":
    unittest.main()
