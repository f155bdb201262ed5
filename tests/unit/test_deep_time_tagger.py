"""Dates BCE in article text (issue 14). Before: "15 March 44 BC" was tagged as 15 March
of the publication year and "around 2560 BCE" not at all."""

from __future__ import annotations

from datetime import date

from desktop.extract.tag import tag

TEXT = ("Caesar was killed on 15 March 44 BC. The pyramid was finished around 2560 BCE, "
        "Rome founded in 753 B.C. and the ice retreated by 10000 BCE. In 1850 it rained "
        "and on 3 May the BBC reported it. 0 BC and 31 February 44 BC are no dates.")  # fmt: skip


def test_bce_phrases_are_tagged_with_their_dates() -> None:
    found = {t.text: t for t in tag(TEXT, date(2020, 1, 1))}
    assert found["15 March 44 BC"].value == "-0043-03-15"
    assert found["15 March 44 BC"].fuzzy.human() == "15 Mar 44 BCE"
    assert not found["15 March 44 BC"].needs_reference
    assert found["around 2560 BCE"].fuzzy.human() == "c. 2560 BCE"
    assert found["753 B.C."].value == "-0752"
    assert found["10000 BCE"].value == "-9999"
    assert found["1850"].value == "1850" and found["3 May"].value.endswith("-05-03")
    assert "15 March" not in found  # no longer read as a day of the reference year
    assert not any("0 BC" == t or "31 February" in t for t in found)


def test_an_article_about_antiquity_suggests_events_dated_bce(tmp_path) -> None:
    from desktop.layout.calendar import days_from_civil
    from desktop.services.importing import import_paths
    from desktop.services.timeline_data import load_events
    from desktop.store import open_workspace

    article = tmp_path / "rome.txt"
    article.write_text("The Ides of March\nBy A. Writer, 15 March 2024\n\n"
                       "Julius Caesar was assassinated in the Senate on 15 March 44 BC. "
                       "Octavian defeated Antony at Actium on 2 September 31 BC.\n")  # fmt: skip
    ws = open_workspace(tmp_path / "w.chronologue", backups=False)
    try:
        assert import_paths(ws, [article]).count("imported") == 1
        events = {e.date_text(): e for e in load_events(ws, statuses=None)}
    finally:
        ws.close()
    assert "15 Mar 44 BCE" in events and "2 Sep 31 BCE" in events, sorted(events)
    assert events["15 Mar 44 BCE"].span_days()[0] == days_from_civil(-43, 3, 15)
    assert "assassinated" in events["15 Mar 44 BCE"].quote
