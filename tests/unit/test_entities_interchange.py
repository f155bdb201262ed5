"""Actors and places through JSON and CSV files and into PDFs (the timeline of one actor)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from desktop.export import ExportOptions, export_file, gather
from desktop.export.tables import csv_text
from desktop.services import editing
from desktop.services import entities as ent
from desktop.services.entity_merge import merge_entities
from desktop.services.interchange import import_csv, import_document
from desktop.services.interchange_schema import Problems
from desktop.store import open_workspace
from desktop.temporal import FuzzyDate


@pytest.fixture
def ws(tmp_path: Path):
    ws = open_workspace(tmp_path / "a.chronologue", backups=False)
    _fill(ws)
    yield ws
    ws.close()


@pytest.fixture
def empty(tmp_path: Path):
    ws = open_workspace(tmp_path / "b.chronologue", backups=False)
    yield ws
    ws.close()


def _fill(ws) -> None:
    rows = [
        ("Turkish troops shell Kafr Hamra", 3, [("Turkey", "subject"), ("SDF", "object")],
         ["Kafr Hamra"]),
        ("SDF retaliates near Azaz", 4, [("Syrian Democratic Forces", "subject"),
                                         ("Turkey", "object")], ["Azaz"]),
        ("Russian patrol on the M4", 5, [("Russia", "subject")], ["Aleppo", "Azaz"]),
        ("Talks in Sochi", 1, [("Russia", "subject"), ("Turkey", "object")], ["Sochi"]),
    ]
    for title, day, actors, places in rows:
        event_id = editing.create_event(ws, title, FuzzyDate.day(2024, 3, day))
        editing.update_event(ws, event_id, actors=actors, places=places)
    sdf = ent.find_entity(ws, "actor", "Syrian Democratic Forces")
    merge_entities(ws, "actor", [ent.find_entity(ws, "actor", "SDF")], sdf)
    with ws.session() as s:
        azaz = s.get(ent.Place, ent.find_entity(s, "place", "Azaz"))
        azaz.country, azaz.latitude, azaz.longitude = "SY", 36.586, 37.044


def test_json_round_trip_carries_actors_places_aliases_and_coordinates(ws, empty, tmp_path):
    first = tmp_path / "first.json"
    export_file(ws, first, "json", ExportOptions(statuses=None))
    doc = json.loads(first.read_text(encoding="utf-8"))
    sdf = next(a for a in doc["actors"] if a["name"] == "Syrian Democratic Forces")
    assert sdf["aliases"] == ["SDF"]
    azaz = next(p for p in doc["places"] if p["name"] == "Azaz")
    assert (azaz["country"], azaz["latitude"]) == ("SY", 36.586)
    shelled = next(e for e in doc["events"] if e["title"].startswith("Turkish"))
    assert shelled["actors"] == [{"name": "Turkey", "role": "subject"},
                                 {"name": "Syrian Democratic Forces", "role": "object"}]
    assert shelled["places"] == ["Kafr Hamra"]

    import_document(empty, doc)
    second = tmp_path / "second.json"
    export_file(empty, second, "json", ExportOptions(statuses=None))
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_importing_a_file_that_uses_an_alias_lands_on_the_merged_actor(ws, tmp_path):
    doc = {"format": "chronologue", "version": 1, "articles": [],
           "actors": [{"name": "SDF", "aliases": ["Quwat Suriya al-Dimuqratiya"]}],
           "events": [{"title": "SDF statement", "start": {
               "earliest": "2024-03-09T00:00:00", "latest": "2024-03-09T23:59:59",
               "precision": "day"}, "actors": [{"name": "SDF", "role": "subject"}]}]}
    import_document(ws, doc)
    rows = {r.name: r for r in ent.entity_rows(ws, "actor")}
    assert "SDF" not in rows
    merged = rows["Syrian Democratic Forces"]
    assert merged.events == 3 and "Quwat Suriya al-Dimuqratiya" in merged.aliases


def test_bad_entities_in_a_file_are_named_and_nothing_is_imported(empty):
    doc = {"format": "chronologue", "version": 1,
           "places": [{"name": "Nowhere", "latitude": 123.0}],
           "events": [{"title": "x", "start": {"earliest": "2024-03-09T00:00:00",
                                                "latest": "2024-03-09T23:59:59",
                                                "precision": "day"},
                       "actors": [{"name": ""}]}]}
    with pytest.raises(Problems) as caught:
        import_document(empty, doc)
    text = str(caught.value)
    assert "place 1 ('Nowhere'), latitude" in text and "event 1" in text and "actors[0]" in text
    assert ent.entity_rows(empty, "place") == []


def test_csv_round_trip_carries_actors_with_roles_and_places(ws, empty):
    text = csv_text(gather(ws, ExportOptions(statuses=None)))
    assert "Turkey; Syrian Democratic Forces" in text and "subject; object" in text
    report = import_csv(empty, text)
    assert report.events == 4 and not report.skipped
    with empty.session() as s:
        first = ent.entity_event_ids(s, "actor", ent.find_entity(s, "actor", "Turkey"))
        assert len(first) == 3
        shelled = next(i for i in first if "shell" in editing.snapshot(
            s, s.get(ent.Event, i)).fields["title"])
        assert ent.event_entities(s, shelled, "actor") == [
            ("Turkey", "subject"), ("Syrian Democratic Forces", "object")]
        assert ent.event_entities(s, shelled, "place") == [("Kafr Hamra", "")]


def test_the_timeline_of_one_actor_is_its_events_in_order_and_exports_as_a_pdf(ws, tmp_path):
    data = gather(ws, ExportOptions(statuses=None, actor="sdf"))  # an alias finds it
    assert [e.title for e in data.events] == ["Turkish troops shell Kafr Hamra",
                                              "SDF retaliates near Azaz"]
    assert data.title == "Timeline of sdf"
    assert data.actors[0] == ("Syrian Democratic Forces", 2)
    with pytest.raises(LookupError, match="no actor named"):
        gather(ws, ExportOptions(statuses=None, actor="Nobody"))
    pdf = tmp_path / "sdf.pdf"
    export_file(ws, pdf, "pdf", ExportOptions(statuses=None, actor="Syrian Democratic Forces"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "Timeline of Syrian Democratic Forces" in flat
    assert "Actors: Syrian Democratic Forces (2), Turkey (2)." in flat  # the legend
    assert "Actors: Turkey (subject), Syrian Democratic Forces (object)." in flat  # sources
    assert "Places: Kafr Hamra." in flat
    assert "Russian patrol" not in flat
