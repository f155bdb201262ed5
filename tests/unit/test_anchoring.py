"""Happenings, not date phrases: anchoring, reference points, titles, resolution errors."""

from __future__ import annotations

from datetime import date

from desktop.extract import suggest, tag
from desktop.extract.titles import MAX_TITLE, fit

REF = date(2019, 5, 9)  # a Thursday


def _one(text: str, reference: date = REF):
    found = suggest(text, reference)
    assert len(found) == 1, [(s.title, s.value, s.anchor) for s in found]
    return found[0]


def test_lead_without_a_date_is_dated_on_or_shortly_before_the_article() -> None:
    item = _one("The ministry has signed a deal for 40 trucks with a German maker.")
    assert (item.anchor, item.value) == ("publication", "2019-05-09")
    assert item.fuzzy.human() == "on or shortly before 9 May 2019"
    assert item.date_phrase == "" and item.timex_start is None


def test_narrative_continuation_takes_the_last_date() -> None:
    text = "On Tuesday the army entered Saraqeb. Troops then seized the bridge over the river."
    first, second = suggest(text, REF)
    assert (first.anchor, first.value) == ("phrase", "2019-05-07")
    assert (second.anchor, second.value) == ("continuation", "2019-05-07")
    assert second.confidence < first.confidence


def test_date_of_another_clause_does_not_date_the_happening() -> None:
    text = "The mall, which opened three years ago, was closed by the city council."
    items = suggest(text, REF)
    closed = next(s for s in items if "closed" in s.title)
    assert closed.anchor == "publication" and closed.value == "2019-05-09"


def test_reference_points_never_date_the_happening() -> None:
    for text in (
        "Unemployment rose to its highest level since March 2003, the agency said.",
        "Exports fell to 9%, down from 12% a year earlier.",
        "Acme posted a profit of $2bn for the third quarter.",
        "The river reached the worst flooding since the 1998 storms.",
        "Greece faces a May 15 deadline to repay the loan.",
    ):
        for item in suggest(text, REF):
            assert item.anchor != "phrase", (text, item.date_phrase)
    # they stay temporal expressions for the reader to highlight
    assert tag("Unemployment rose to its highest level since March 2003.", REF)


def test_own_date_wins_per_clause_and_this_week_is_kept() -> None:
    text = "Talks continued this week, and the envoy left on Friday."
    values = {s.value for s in suggest(text, date(2020, 3, 6))}
    assert {"2020-W10", "2020-03-06"} <= values


def test_quotations_conditions_and_negations_are_not_happenings() -> None:
    for text in (
        '"We will never surrender to them," the commander said.',
        "If the talks fail, the army will attack the town.",
        "The battle for Idlib has not started yet, he said.",
        "The offensive could begin at any moment.",
        "Your support has made all the difference to our reporting.",
    ):
        assert suggest(text, REF) == [], text


def test_titles_say_who_did_what() -> None:
    text = ("Turkish Foreign Minister Mevlut Cavusoglu arrived in Moscow. "
            "Activists told Al Jazeera that on Friday protesters burned tyres in Idlib. "
            "He met his Russian counterpart on Wednesday.")  # fmt: skip
    titles = [s.title for s in suggest(text, REF)]
    assert "Protesters burned tyres in Idlib" in titles
    assert "Cavusoglu met his Russian counterpart" in titles
    assert all(len(t) <= MAX_TITLE for t in titles)


def test_relative_clause_takes_its_antecedent_as_subject() -> None:
    text = "Residents fled from HTS, which seized the town of Ariha in 2016."
    item = next(s for s in suggest(text, REF) if s.value == "2016")
    assert item.title == "HTS seized the town of Ariha"


def test_long_titles_are_cut_at_a_word_boundary() -> None:
    long = "Rebels " + " ".join(f"shelled village{i}" for i in range(30))
    title = fit(long)
    assert len(title) <= MAX_TITLE and long.startswith(title) and long[len(title)] == " "


# --- resolution error classes ---------------------------------------------------------
def _values(text: str, reference: date) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, reference)}


def test_future_date_stays_in_the_year() -> None:
    assert _values("The probe will land on December 9.", date(2025, 12, 3)) == {
        "December 9": "2025-12-09"
    }
    got = _values("The lander, which left Earth in 2023, lands on December 9.", date(2025, 12, 3))
    assert got["December 9"] == "2025-12-09"
    got = _values("Sales fell last year. The company will open the plant in April.",
                  date(2025, 2, 10))  # fmt: skip
    assert got["April"] == "2025-04"


def test_named_days_are_history_not_the_nearest_weekday() -> None:
    text = "Thousands marched to mark the Bloody Sunday anniversary."
    assert _values(text, date(2022, 1, 30)) == {}
    items = suggest("Crowds marked the anniversary of the July 7 bombings in London.",
                    date(2006, 7, 10))  # fmt: skip
    assert all(item.date_phrase != "July 7" for item in items)


def test_a_range_shares_its_year() -> None:
    got = _values("The survey ran between May and June of 2012.", date(2013, 3, 1))
    assert got == {"May": "2012-05", "June of 2012": "2012-06"}


def test_figurative_tomorrow_is_no_date() -> None:
    assert _values("The minister unveiled plans for the schools of tomorrow.", REF) == {}
    assert _values("They are training tomorrow's leaders.", REF) == {}
    assert _values("The minister will visit tomorrow.", REF) == {"tomorrow": "2019-05-10"}


def test_today_follows_the_explicit_day_the_sentence_narrates() -> None:
    got = _values("The court on 3 March 2020 today sentenced the former mayor.", date(2020, 3, 5))
    assert got["today"] == "2020-03-03"
    assert _values("The court today sentenced the former mayor.", date(2020, 3, 5)) == {
        "today": "2020-03-05"
    }


def test_happenings_dated_by_their_own_verb_outrank_background() -> None:
    text = "HTS, which was founded in 2011, shelled the town of Ariha on Friday."
    items = {s.value: s for s in suggest(text, REF)}
    assert items["2019-05-03"].confidence > items["2011"].confidence
    lead = _one("Rebels have seized the town of Ariha, residents said.")
    assert items["2019-05-03"].confidence > lead.confidence  # a verb's own date beats a guess


def test_undated_article_inferred_anchors_wait_for_the_date() -> None:
    text = "The ministry has signed a deal for 40 trucks. It was signed in Berlin on 3 May 2019."
    undated = suggest(text, None)
    assert [s.anchor for s in undated] == ["phrase"]  # only the absolute date is placed
    dated = suggest(text, REF)
    assert [s.anchor for s in dated] == ["publication", "phrase"]


def test_anchoring_alone_finds_the_happenings_suggest_titles() -> None:
    """anchor_text (what extract_bench times as "the tagger with anchoring") dates the same
    happenings, in the same sentences, as suggest, which only adds titles and entities."""
    from desktop.extract.suggest import anchor_text

    text = ("Rebels shelled the town, killing six.\n\nOn Tuesday the army entered Saraqeb. "
            "Troops then seized the bridge. Prices hit their highest level since March 2003.\n"
            "The mall, which opened in 2016, was closed on Friday.")  # fmt: skip
    anchored = [(s.start, s.end, a.value, a.method) for s in anchor_text(text, REF)
                for a in s.found]  # fmt: skip
    suggested = [(s.start, s.end, s.value, s.anchor) for s in suggest(text, REF)]
    assert anchored == suggested
    assert [(v, m) for *_, v, m in anchored] == [
        ("2019-05-09", "publication"), ("2019-05-07", "phrase"), ("2019-05-07", "continuation"),
        ("2019-05-07", "continuation"),  # "since March 2003" is a reference point, no date
        ("2016", "phrase"), ("2019-05-03", "phrase"),
    ]  # fmt: skip
    assert all(s.found == [] for s in anchor_text("Menu\nHome\nAbout us", REF))


def test_a_present_perfect_is_now_not_the_story_s_last_date() -> None:
    text = ("The breach was discovered on May 2 during a routine audit. "
            "The firm has informed the data protection authority.")
    found, informed = suggest(text, REF)
    assert found.value == "2019-05-02"
    assert (informed.anchor, informed.value) == ("publication", "2019-05-09")
    assert informed.fuzzy.human() == "on or shortly before 9 May 2019"


def test_a_continued_date_is_the_day_not_the_minute() -> None:
    text = ("The fire started on the sixth floor at 12.15 am on Tuesday. "
            "Three people were treated for smoke inhalation.")
    fire, treated = suggest(text, REF)
    assert fire.value.startswith("2019-05-07T")
    assert (treated.anchor, treated.value) == ("continuation", "2019-05-07")


def test_by_a_day_in_the_past_tense_dates_what_was_done_by_then() -> None:
    item = _one("Engineers restored supplies to most homes by Sunday night.")
    assert (item.anchor, item.value) == ("phrase", "2019-05-05")
    for text in ("Engineers will restore supplies by Sunday night.",
                 "Greece must repay the loan by Friday."):
        for item in suggest(text, REF):
            assert item.anchor != "phrase", (text, item.date_phrase)


def test_a_past_spelt_as_its_present_still_reads_as_past() -> None:
    monday = date(2017, 2, 6)  # ISO week 6: the weekend before it is week 5's
    for text in ("Snow storms cut power to 200,000 homes at the weekend.",
                 "The storm hit the coast at the weekend."):
        assert [t.value for t in tag(text, monday)] == ["2017-W05-WE"], text
    for text in ("The firm plans to cut jobs at the weekend.",
                 "Unions will hit the streets at the weekend."):
        assert [t.value for t in tag(text, monday)] == ["2017-W06-WE"], text
    assert [t.value for t in tag("Rebels hit the town in March.", monday)] == ["2016-03"]


def test_what_was_said_without_that_is_the_happening() -> None:
    item = _one("Police said the driver lost control on a sharp bend.")
    assert item.title == "The driver lost control on a sharp bend"
    assert item.anchor == "publication"
    for text in ('"We will stay," said Ahmad al-Youssef, a teacher from the town.',
                 "Governor Lena Sattler said further rises could follow.",
                 "Investigators said the train was travelling at twice the speed limit.",
                 "The union said 2,400 members had joined the strike.",
                 "A commander preparing for the offensive told Reuters."):
        assert suggest(text, REF) == [], text


def test_a_saying_s_date_goes_to_what_was_said_in_the_past() -> None:
    item = _one("Activists said on Friday that troops shelled the town.")
    assert (item.title, item.value, item.anchor) == ("Troops shelled the town", "2019-05-03",
                                                     "phrase")
    shelled, seized = suggest("Activists said on Friday that troops shelled the town. "
                              "Rebels then seized the bridge.", REF)
    assert (seized.anchor, seized.value) == ("continuation", "2019-05-03")  # the story's day
    future = _one("The minister said on Tuesday that talks would resume.")
    assert future.value == "2019-05-07" and "said" in future.title  # the saying's own date


def test_days_after_a_dated_happening_date_the_one_after_the_word() -> None:
    ref = date(2022, 9, 23)  # a Friday
    resigned, recalled = suggest("Kestrel's chief executive resigned on Thursday, three days "
                                 "after the company recalled 80,000 cars.", ref)
    assert resigned.value == "2022-09-22"
    assert (recalled.title, recalled.value) == ("The company recalled 80,000 cars", "2022-09-19")
    assert recalled.confidence < resigned.confidence
    # no dated happening to count from: nothing is guessed for the rejection
    assert [s.value for s in suggest("The talks came a day after Russia rejected the plan.",
                                     ref)] == ["2022-09-23"]
