#!/usr/bin/python3
"""The comparison for the publishing benchmark: uploads a Meetdesk file to an OpenTrack-style
API root one record per request, the way OpenTrack's own examples do (python3-requests),
and prints "<requests> <seconds>".

    per_record_upload.py FILE API_ROOT USER PASSWORD
"""
import json
import sys
import time

import requests


def main():
    path, root, user, password = sys.argv[1:5]
    doc = json.load(open(path, encoding="utf-8"))
    session = requests.Session()
    count = 0

    def call(method, url, **kwargs):
        nonlocal count
        count += 1
        response = session.request(method, url, timeout=60, **kwargs)
        response.raise_for_status()
        return response.json() if response.content else None

    started = time.monotonic()
    api = call("GET", root)
    token = call("POST", api["get-auth-token"], data={"username": user, "password": password})["token"]
    session.headers.update({"Authorization": f"Token {token}", "Referer": root})

    fields = {k: v for k, v in doc.items() if not isinstance(v, (list, dict)) or k == "age_groups"}
    competition = call("POST", api["competitions"], json=fields)
    cid = competition["id"]
    for team in doc.get("teams", []):
        call("POST", api["teams"], json=dict(team, competition=cid))
    for competitor in doc.get("competitors", []):
        call("POST", api["competitors"], json=dict(competitor, competition=cid))
    for event in doc.get("events", []):
        body = {k: v for k, v in event.items() if k not in ("units", "results")}
        created = call("POST", api["events"], json=dict(body, competition=cid))
        by_round_heat = {(u["round"], u["heat"]): u["url"] for u in created["units"]}
        for unit in event.get("units", []):
            url = by_round_heat.get((unit.get("round"), unit.get("heat")))
            if url:
                call("PATCH", url, json={k: unit[k] for k in ("status", "results_status", "heights", "results", "trials")
                                         if k in unit})
    if "relay-teams" in api:
        for relay in doc.get("relay_teams", []):
            call("POST", api["relay-teams"], json=dict(relay, competition=cid))
    print(count, "%.1f" % (time.monotonic() - started))


if __name__ == "__main__":
    main()
