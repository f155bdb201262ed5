"""Datelines: a line that is (mostly) a full date near the top; never prose, never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.ingest import find_dateline
from desktop.ingest.dateline import parse_iso_date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12 Aug, 2021", date(2021, 8, 12)),
        ("Wednesday 05 September 2018 18:38 BST", date(2018, 9, 5)),
        ("September 5, 2018", date(2018, 9, 5)),
        ("2018-09-05", date(2018, 9, 5)),
        ("Updated: 5 Sep 2018 10:00", date(2018, 9, 5)),
        ("Published 12 August 2021", date(2021, 8, 12)),
        ("Sept. 5th, 2018 | 10:00 AM", date(2018, 9, 5)),
        ("Al Jazeera, 5 September 2018", date(2018, 9, 5)),
    ],
)
def test_dateline_forms(line: str, expected: date) -> None:
    text = f"Headline of the story\n\n{line}\n\nBody text follows here.\n"
    found = find_dateline(text)
    assert found is not None
    when, start, end = found
    assert when == expected
    assert text[start:end] in line
    assert any(ch.isdigit() for ch in text[start:end])


@pytest.mark.parametrize(
    "text",
    [
        "On September 7 the forces began shelling.",
        "On September 7, 2018 the forces attacked the town",
        "The war began in 2016 and has not stopped.",
        "Talks began 5 September 2018",
        "5 September",
        "Friday",
        "2018-02-30",
        "",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(f"Headline here\n{text}\nMore text.") is None


def test_dateline_far_down_is_ignored() -> None:
    text = "".join(f"Line number {i}\n" for i in range(30)) + "5 September 2018\n"
    assert find_dateline(text) is None


def test_span_indexes_the_original_text() -> None:
    text = "Title\r\n\r\n  Updated: 5 Sep 2018 10:00\r\nBody."
    when, start, end = find_dateline(text)
    assert when == date(2018, 9, 5)
    assert text[start:end] == "5 Sep 2018"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-09-05T18:38:00+01:00", date(2018, 9, 5)),
        ("2018-09-05", date(2018, 9, 5)),
        ("D:20180905183800Z", date(2018, 9, 5)),
        ("September 5", None),
        ("2018-13-40", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_iso_date(value: str | None, expected: date | None) -> None:
    assert parse_iso_date(value) == expected
