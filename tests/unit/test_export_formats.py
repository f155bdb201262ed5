"""Export selection and the non-graphic formats (no Qt): CSV, JSON, TimelineJS, import back."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date
from pathlib import Path

import pytest

from desktop.export import ExportOptions, export_file, gather, guess_format
from desktop.export.atomic import WriteFailed, atomic_stream, write_bytes
from desktop.export.checks import pdf_check, png_check, svg_check
from desktop.export.pagesize import parse_page
from desktop.export.tables import csv_text, timelinejs_doc
from desktop.services.demo import seed_reference, short_title, theme_of
from desktop.services.editing import create_event, ensure_lane, update_event
from desktop.services.interchange import document, import_csv, import_document, import_timelinejs
from desktop.services.review import set_status
from desktop.store import open_workspace
from desktop.temporal import FuzzyDate, Qualifier

GOLD = Path(__file__).resolve().parents[1] / "data" / "seed_events.json"


@pytest.fixture
def ref_ws(tmp_path: Path, seeds_dir: Path):
    ws = open_workspace(tmp_path / "ref.chronologue")
    seed_reference(ws, seeds_dir, json.loads(GOLD.read_text(encoding="utf-8")))
    yield ws
    ws.close()


@pytest.fixture
def empty_ws(tmp_path: Path):
    ws = open_workspace(tmp_path / "empty.chronologue")
    yield ws
    ws.close()


def test_page_sizes():
    assert parse_page("A4") == (210.0, 297.0)
    assert parse_page("a4", landscape=True) == (297.0, 210.0)
    assert parse_page("Tabloid") == (279.4, 431.8)
    assert parse_page("900x600mm") == (900.0, 600.0)
    assert parse_page("600x900mm", landscape=True) == (900.0, 600.0)
    assert parse_page("24x36in") == pytest.approx((609.6, 914.4))
    for bad in ("B7", "10x10mm", "axb"):
        with pytest.raises(ValueError):
            parse_page(bad)


def test_gather_numbers_in_date_order_and_filters(ref_ws):
    data = gather(ref_ws, ExportOptions())
    assert len(data.events) == 30
    assert [e.number for e in data.events] == list(range(1, 31))
    starts = [e.start.earliest for e in data.events]
    assert starts == sorted(starts)
    assert data.outlets == ["Al Jazeera", "Al Mayadeen English",
                            "Syrian Observatory for Human Rights", "The Independent"]  # fmt: skip
    assert {name for name, _ in data.lanes} <= {"Protests", "Military", "Diplomacy", "Background"}
    sep = gather(ref_ws, ExportOptions(date_from=date(2018, 9, 1), date_to=date(2018, 9, 30)))
    assert sep.events and all(e.start.earliest.year == 2018 for e in sep.events)
    protests = gather(ref_ws, ExportOptions(lanes=["Protests"]))
    assert protests.events and {e.lane for e in protests.events} == {"Protests"}
    set_status(ref_ws, [data.events[0].id], "rejected")
    assert len(gather(ref_ws, ExportOptions()).events) == 29
    assert len(gather(ref_ws, ExportOptions(statuses=None)).events) == 30


def test_fuzzy_and_open_events_keep_their_range_in_range_filters(empty_ws):
    create_event(empty_ws, "Early September shelling", FuzzyDate.month(2018, 9, Qualifier.EARLY))
    create_event(empty_ws, "Before 2016", FuzzyDate.year(2016, Qualifier.BEFORE))
    only = gather(empty_ws, ExportOptions(date_from=date(2018, 9, 10), date_to=date(2018, 9, 12)))
    assert [e.title for e in only.events] == ["Early September shelling"]
    assert only.events[0].when == "early Sep 2018"


def test_csv_has_one_parsable_row_per_event_with_citations_joined(ref_ws):
    text = csv_text(gather(ref_ws, ExportOptions()))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 30
    first = rows[0]
    assert first["start"] == "2011" and first["start_precision"] == "year"
    assert first["outlets"] == "Al Jazeera" and first["sources"] == "1"
    assert first["quotes"] == "after the begining of the war in 2011"
    early = next(r for r in rows if r["start_qualifier"] == "early")
    assert early["start_human"] == "early Sep 2018"
    assert (early["start_earliest"], early["start_latest"]) == ("2018-09-01T00:00",
                                                                "2018-09-10T23:59")  # fmt: skip


def test_csv_imports_back_as_hand_made_events(ref_ws, empty_ws):
    text = csv_text(gather(ref_ws, ExportOptions()))
    report = import_csv(empty_ws, text)
    assert report.events == 30 and report.skipped == []
    back = gather(empty_ws, ExportOptions())
    original = gather(ref_ws, ExportOptions())
    assert [(e.title, e.when, e.lane) for e in back.events] == [
        (e.title, e.when, e.lane) for e in original.events
    ]
    assert {e.status for e in back.events} == {"manual"}
    assert all(not e.sources for e in back.events)
    row = document(empty_ws)["events"][0]
    assert "after the begining of the war in 2011" in row["notes"]


def test_csv_import_reports_bad_rows(empty_ws):
    text = ("title,start\nSiege begins,2018-09-07\nNo date,\n,2018-09-08\n"
            "Human date,early Sep 2018\n")
    report = import_csv(empty_ws, text)
    assert report.events == 2
    assert [s.split(":")[0] for s in report.skipped] == ["line 3", "line 4"]
    with pytest.raises(ValueError, match="title"):
        import_csv(empty_ws, "name,when\nx,2018\n")


def test_json_round_trip_is_lossless(ref_ws, empty_ws, tmp_path):
    lane = ensure_lane(ref_ws, "Extra lane")
    eid = create_event(ref_ws, "Talks expected", FuzzyDate.year(2022, Qualifier.AFTER),
                       end=None, description="hand-made")  # fmt: skip
    update_event(ref_ws, eid, lane_id=lane, color="#123456", tags=["talks", "forecast"])
    from desktop.services.timeline_data import update_lane

    update_lane(ref_ws, lane, height=240)  # resized on the timeline
    first = tmp_path / "first.json"
    export_file(ref_ws, first, "json", ExportOptions(statuses=None))
    import_document(empty_ws, json.loads(first.read_text(encoding="utf-8")))
    second = tmp_path / "second.json"
    export_file(empty_ws, second, "json", ExportOptions(statuses=None))
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    doc = json.loads(first.read_text(encoding="utf-8"))
    assert len(doc["articles"]) == 5 and all(a["text"] for a in doc["articles"])
    assert len(doc["events"]) == 31
    assert [x["height"] for x in doc["lanes"] if x["name"] == "Extra lane"] == [240]
    assert {c["article_id"] for e in doc["events"] for c in e["citations"]} == {
        a["id"] for a in doc["articles"]
    }


def test_json_round_trip_keeps_how_suggestions_were_dated(seeds_dir, empty_ws, tmp_path):
    from desktop.services.importing import import_paths

    suggested = open_workspace(tmp_path / "suggested.chronologue")
    try:
        import_paths(suggested, [seeds_dir])
        first = tmp_path / "first.json"
        export_file(suggested, first, "json", ExportOptions(statuses=None))
    finally:
        suggested.close()
    import_document(empty_ws, json.loads(first.read_text(encoding="utf-8")))
    second = tmp_path / "second.json"
    export_file(empty_ws, second, "json", ExportOptions(statuses=None))
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    doc = json.loads(first.read_text(encoding="utf-8"))
    anchors = {c["anchor"] for e in doc["events"] for c in e["citations"]}
    assert {"phrase", "publication"} <= anchors
    assert any(e["start"]["qualifier"] == "shortly before" for e in doc["events"])


def test_json_import_into_a_used_workspace_remaps_ids_and_reuses_articles(ref_ws):
    doc = document(ref_ws)
    report = import_document(ref_ws, doc)
    assert report.articles == 0 and report.events == 30
    assert len(gather(ref_ws, ExportOptions()).events) == 60
    with pytest.raises(ValueError):
        import_document(ref_ws, {"events": []})


def test_timelinejs_structure(ref_ws):
    doc = timelinejs_doc(gather(ref_ws, ExportOptions(title="Idlib")))
    assert doc["title"]["text"]["headline"] == "Idlib"
    assert len(doc["events"]) == 30
    for slide in doc["events"]:
        assert isinstance(slide["start_date"]["year"], int)
        assert set(slide["start_date"]) <= {"year", "month", "day", "hour", "minute",
                                            "display_date"}  # fmt: skip
        assert slide["text"]["headline"] and slide["group"]
        assert slide["unique_id"].startswith("event-")
        assert "<blockquote>" in slide["text"]["text"]
    assert len({s["unique_id"] for s in doc["events"]}) == 30
    early = next(s for s in doc["events"] if s["start_date"]["display_date"] == "early Sep 2018")
    assert early["start_date"] == {"year": 2018, "month": 9, "day": 1,
                                   "display_date": "early Sep 2018"}  # fmt: skip
    assert early["end_date"] == {"year": 2018, "month": 9, "day": 10}
    year = next(s for s in doc["events"] if s["start_date"]["display_date"] == "2011")
    assert year["start_date"] == {"year": 2011, "display_date": "2011"}


def test_timelinejs_imports_back(ref_ws, empty_ws):
    original = gather(ref_ws, ExportOptions())
    report = import_timelinejs(empty_ws, timelinejs_doc(original))
    assert report.events == 30
    back = gather(empty_ws, ExportOptions())
    assert sorted((e.when, e.title, e.lane) for e in back.events) == sorted(
        (e.when, e.title, e.lane) for e in original.events
    )
    plain = {"events": [{"start_date": {"year": "2020", "month": "10"},
                         "text": {"headline": "<b>Meeting</b> in Belgrade"}}]}  # fmt: skip
    assert import_timelinejs(empty_ws, plain).events == 1
    assert "Meeting in Belgrade" in [e.title for e in gather(empty_ws, ExportOptions()).events]


def test_atomic_stream_keeps_the_old_file_on_failure(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_stream(target) as sink:
        sink.write(b"half")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_atomic_stream_refuses_a_file_that_fails_its_check(tmp_path):
    target = tmp_path / "out.svg"
    target.write_text("old")
    with pytest.raises(WriteFailed, match="failed its check: it is not well-formed") as caught:
        write_bytes(target, b"<svg><g>", svg_check)
    assert "the file already there is unchanged" in str(caught.value)
    assert target.read_text() == "old" and len(list(tmp_path.iterdir())) == 1
    with pytest.raises(WriteFailed, match="it is not a complete PNG"):
        write_bytes(target, b"\x89PNG\r\n\x1a\n" + b"\0" * 40, png_check)
    with pytest.raises(WriteFailed, match="does not read back as a PDF"):
        write_bytes(target, b"%PDF-1.4\n1 0 obj\n", pdf_check(1))
    write_bytes(target, b"<?xml version='1.0'?><svg/>", svg_check)
    assert target.read_text().endswith("<svg/>")


def test_atomic_stream_gives_ordinary_permissions(tmp_path):
    fresh = tmp_path / "new.csv"
    write_bytes(fresh, b"x")
    umask = os.umask(0o022)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's private 0600
    kept = tmp_path / "shared.csv"
    kept.write_text("old")
    kept.chmod(0o664)
    write_bytes(kept, b"new")
    assert kept.stat().st_mode & 0o777 == 0o664 and kept.read_text() == "new"


def test_a_pdf_with_the_wrong_page_count_is_not_kept(tmp_path, qapp):
    from pypdf import PdfWriter

    one = tmp_path / "one.pdf"
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    with open(one, "wb") as stream:
        writer.write(stream)
    assert pdf_check(1)(one) == ""
    assert pdf_check(2)(one) == "it has 1 pages instead of 2"


def test_guess_format_and_demo_helpers():
    assert guess_format("x.PDF") == "pdf" and guess_format("x.json") == "json"
    assert guess_format("x.docx") is None
    assert theme_of("Friday's demonstrations took place") == "Protests"
    assert theme_of("air raids and shelling") == "Military"
    assert theme_of("a summit in Tehran") == "Diplomacy"
    assert theme_of("renounced its affiliation") == "Background"
    assert short_title("the rebels, who had gathered in the square after prayers on Friday, said.",
                       40) == "The rebels, who had gathered in the…"  # fmt: skip
