#!/usr/bin/python3
"""The request sequences of OpenTrack's current-API example scripts (openath/opentrack-api-examples:
create_calendar_entry.py, create_competitor.py, create_teams.py, update_competitor.py,
update_competitors_qp_sb_pb.py, update_events.py), made against the sandbox the way those
scripts make them: the same methods, URLs (double slash included), bodies and status checks."""
import sys
import unittest

sys.dont_write_bytecode = True
import requests  # noqa: E402

from harness import Sandbox, TestCase, check, token  # noqa: E402

sandbox = None


def setUpModule():
    global sandbox
    sandbox = Sandbox()


def tearDownModule():
    sandbox.stop()


CALENDAR_ENTRY = {
    "full_name": "Example Open Meeting 2026",
    "short_name": "Example Open",
    "slug": "example-open-2026",
    "name_local": "Example Open",
    "country": "GBR",
    "address": "Example Stadium, Track Lane, Exampleton, UK",
    "year": "2026",
    "date": "2026-06-10",
    "finish_date": "2026-06-11",
    "wa_rankings_category": "DF",
    "age_groups": ["ALL"],
    "basic_description": "A calendar entry made through the API",
    "contact_details": "secretary@example.org",
    "organiser": "0d6a3f2e-5b1c-4a8e-9f7d-2c4b6e8a1f30",
    "website": "https://example.org",
    "entry_link": "https://example.org/entries",
    "results_link": "https://example.org/results",
}


class Examples(TestCase):
    def setUp(self):
        sandbox.reset()
        self.root = sandbox.root
        self.base = self.root[: -len("api/")]  # the scripts' BASE_URL, with its trailing slash

    def create_competition(self):
        """create_calendar_entry.py: a token by form post, then one JSON POST of the competition."""
        headers = {"Authorization": "Token %s" % token(self.root)}
        created = check(requests.post(self.base + "api/competitions/", json=CALENDAR_ENTRY,
                                      headers=headers, timeout=60), 201).json()
        for key, value in CALENDAR_ENTRY.items():
            self.assertEqual(created[key], value, key)
        return created["id"]

    def test_create_calendar_entry(self):
        competition = self.create_competition()
        listed = check(self.session(self.root).get(self.base + "api/competitions/" + competition + "/",
                                              timeout=60), 200).json()
        self.assertEqual(listed["slug"], "example-open-2026")

    def test_create_competitor(self):
        """create_competitor.py posts a list to f"{BASE_URL}/api/competitors/?competition={id}/":
        a double slash, and a query whose value ends in a slash."""
        competition = self.create_competition()
        s = self.session(self.root)
        r = check(s.post(f"{self.base}/api/competitors/?competition={competition}/",
                         json=[{"competition": competition, "competitor_id": "371"}], timeout=60), 201)
        self.assertEqual([c["competitor_id"] for c in r.json()], ["371"])
        # The "common options" the script shows in its closing comment.
        full = {"age_group": "NA", "category": "NA", "competitor_id": "372", "date_of_birth": "1966-03-21",
                "events_entered": [{"event_code": "PV", "event_id": "F2"}], "first_name": "Andrea",
                "gender": "F", "last_name": "Example", "nationality": "GBR",
                "ot_athlete_id": "5f0c2b7a-9d41-4e3b-8a6c-1b2d3e4f5a6b", "team_id": "THH"}
        stored = check(s.post(f"{self.base}/api/competitors/?competition={competition}/",
                              json=[dict(full, competition=competition)], timeout=60), 201).json()[0]
        for key, value in full.items():
            self.assertEqual(stored[key], value, key)
        log = [e for e in sandbox.log() if e["method"] == "POST" and e["path"] == "/api/competitors/"]
        self.assertEqual([e["raw_path"] for e in log], ["//api/competitors/"] * 2)

    def test_create_teams(self):
        """create_teams.py: a bulk POST (201), GET one (200), PUT a name (200), PUT it back (200)."""
        competition = self.create_competition()
        s = self.session(self.root)
        teams_url = self.base + "api/teams/"
        custom = [{"competition": competition, "team_id": "THH19"},
                  {"competition": competition, "team_id": "HHH19"}]
        teams = check(s.post(teams_url, json=custom, timeout=60), 201).json()
        self.assertEqual(len(teams), 2)
        one = f'{teams_url}{teams[0]["id"]}/'
        check(s.get(one, timeout=60), 200)
        renamed = check(s.put(one, json={**custom[0], "team_name": "TEST8"}, timeout=60), 200).json()
        self.assertEqual(renamed["team_name"], "TEST8")
        check(s.put(one, json={**custom[0]}, timeout=60), 200)

    def add_competitors(self, competition, bibs):
        s = self.session(self.root)
        check(s.post(self.base + "api/competitors/", timeout=60,
                     json=[{"competition": competition, "competitor_id": b, "first_name": "A" + b,
                            "last_name": "B" + b} for b in bibs]), 201)

    def get_competitors(self, s, competition):
        """As both competitor scripts read them: ?competition=<id>&limit=500, then ["results"]."""
        r = check(s.get(self.base + "api/competitors/" + f"?competition={competition}&limit=500",
                        timeout=60), 200)
        return r.json()["results"]

    def test_update_competitor(self):
        """update_competitor.py: change the first competitor's bib by PATCH on its url."""
        competition = self.create_competition()
        self.add_competitors(competition, ["246", "247"])
        s = self.session(self.root)
        competitors = self.get_competitors(s, competition)
        check(s.patch(competitors[0]["url"], json={"competition": competition, "competitor_id": "11111"},
                      timeout=60), 200)
        self.assertEqual(sorted(c["competitor_id"] for c in self.get_competitors(s, competition)),
                         ["11111", "247"])

    def test_update_competitors_qp_sb_pb(self):
        """update_competitors_qp_sb_pb.py: PUT each whole competitor record back, at
        COMPETITORS_URL + c["id"] + "/" (so the id is a string), with new events_entered."""
        competition = self.create_competition()
        self.add_competitors(competition, ["298", "280", "999"])
        seeds = {"298": [{"event_id": "T01", "event_code": "150", "pb": "26.71", "sb": "26.71", "qp": "26.71"}],
                 "280": [{"event_id": "F02", "event_code": "LJ", "pb": "3.27", "sb": "3.27", "qp": "3.27"},
                         {"event_id": "T01", "event_code": "150", "pb": "26.98", "sb": "", "qp": "26.98"}]}
        s = self.session(self.root)
        competitors_url = self.base + "api/competitors/"
        updated = 0
        for c in self.get_competitors(s, competition):
            if c["competitor_id"] in seeds:
                c["events_entered"] = seeds[c["competitor_id"]]
                r = s.put(competitors_url + c["id"] + "/", json=c, timeout=60)
                updated += r.status_code == 200
        self.assertEqual(updated, 2)
        by_bib = {c["competitor_id"]: c for c in self.get_competitors(s, competition)}
        for bib, entries in seeds.items():
            self.assertEqual(by_bib[bib]["events_entered"], entries)
        self.assertEqual(by_bib["999"]["events_entered"], [])

    def test_update_events(self):
        """update_events.py: list the events, PUT the first with only the required fields and a
        new category, DELETE it (204), POST the record read at first back (201), parent "" ."""
        competition = self.create_competition()
        s = self.session(self.root)
        events_url = self.base + "api/events/"
        check(s.post(events_url, timeout=60, json={
            "competition": competition, "event_id": "F01", "event_code": "LJ", "age_groups": "SEN,U15,U17,U20,U23",
            "genders": "MF", "category": "LJ1", "limit": 17, "name": "Long Jump | U15-SEN", "rounds": "1",
            "day": 1, "r1_time": "18:30", "lanes": 17, "max_field_attempts": 3, "cut_survivors": 8}), 201)
        listed = check(s.get(events_url + f"?competition={competition}", timeout=60), 200)
        original = listed.json()["results"][0]
        event_url = f"{events_url}{original['id']}/"
        payload = dict(competition=original["competition"], event_id=original["event_id"],
                       event_code=original["event_code"], category="V50")
        changed = check(s.put(event_url, json=payload, timeout=60), 200).json()
        self.assertEqual(changed["category"], "V50")
        self.assertEqual(changed["r1_time"], "18:30")  # a PUT of the required fields keeps the rest
        check(s.delete(event_url, timeout=60), 204)
        check(s.get(event_url, timeout=60), 404)
        original["parent"] = ""
        again = check(s.post(events_url, json=original, timeout=60), 201).json()
        self.assertNotEqual(again["id"], original["id"])
        for key in ("event_id", "event_code", "category", "limit", "name", "r1_time", "lanes", "cut_survivors"):
            self.assertEqual(again[key], original[key], key)


if __name__ == "__main__":
    unittest.main()
