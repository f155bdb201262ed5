"""Happenings in histories and their titles: decades date their own verbs, durations stay
in titles, an opening date phrase without a comma does not become the subject."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.extract import suggest
from desktop.extract.anchoring import CONTINUATION, PHRASE

REF = date(2024, 3, 1)


def _found(text: str, reference: date = REF) -> list[tuple[str, str, str]]:
    return [(s.title, s.value, s.anchor) for s in suggest(text, reference)]


def test_a_decade_dates_its_own_happening_not_the_date_before_it() -> None:
    text = ("The Morning Herald printed its first issue on 1 March 1880. In the 1930s its "
            "circulation passed one million.")  # fmt: skip
    assert _found(text)[1] == ("Its circulation passed one million", "193", PHRASE)


def test_a_century_dates_a_happening() -> None:
    assert _found("The mosque was built in the 12th century.") == [
        ("The mosque was built", "11", PHRASE)
    ]


def test_finance_words_in_the_next_sentence_make_no_reporting_period() -> None:
    text = ("It became a daily in 1884. The paper closed in 2009 after years of falling "
            "sales.")  # fmt: skip
    assert [v for _, v, _ in _found(text)] == ["1884", "2009"]


def test_a_reporting_period_is_still_no_happening_date() -> None:
    found = _found("Acme posted a profit of $2bn for the third quarter.", date(2019, 10, 24))
    assert [a for _, _, a in found] == ["publication"]


def test_a_finite_verb_after_a_superlative_owns_the_date() -> None:
    assert _found("The first railway in the province opened in 1847.") == [
        ("The first railway in the province opened", "1847", PHRASE)
    ]
    assert not [a for _, _, a in _found("Prices hit their highest level in 2003.") if a == PHRASE]
    text = "The deal is the company's largest since it was founded in 1994."
    assert not [a for _, _, a in _found(text) if a == PHRASE]


def test_after_a_date_the_preposition_dates_the_main_verb() -> None:
    text = "The canal opened in 1816. Traffic fell after the 1850s as the railways spread."
    assert _found(text)[1] == ("Traffic fell", "185", PHRASE)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The former mayor was sentenced to six years in prison for fraud on Monday.",
         "The former mayor was sentenced to six years in prison for fraud"),
        ("The government declared a day of mourning on Friday.",
         "The government declared a day of mourning"),
        ("After his death in 1299 the kingdom was divided among his sons.",
         "The kingdom was divided among his sons"),
        ("At 5.12 a.m. on 1 November 1755 a great earthquake struck the city.",
         "A great earthquake struck the city"),
        ("By the end of August 1889 more than 100,000 men had stopped work.",
         "More than 100,000 men had stopped work"),
        ("By that autumn of 1348 half of the city's population had died.",
         "Half of the city's population had died"),
        ("The island was first settled around 900 AD.", "The island was first settled"),
    ],
)  # fmt: skip
def test_titles_keep_what_was_done_and_who_did_it(text: str, title: str) -> None:
    assert suggest(text, REF)[0].title == title


def test_a_title_never_loses_part_of_a_word_to_a_date_phrase() -> None:
    text = ("The revolt broke out in May 1514. Within fifty years the rebels controlled "
            "most of the eastern counties.")  # fmt: skip
    second = _found(text)[1]
    assert second[0].startswith("Within fifty years the rebels") and second[2] == CONTINUATION


def test_a_span_counted_from_another_happening_leaves_the_title() -> None:
    text = ("Kestrel Motors chief executive Jon Harrow resigned on Thursday, three days after "
            "the company recalled 80,000 cars.")  # fmt: skip
    title = _found(text, date(2019, 5, 10))[0][0]
    assert title == "Kestrel Motors chief executive Jon Harrow resigned"


def test_a_date_after_said_the_x_stays_inside_what_was_said() -> None:
    text = "Police said the blast on Tuesday was caused by a gas leak."
    assert suggest(text, date(2023, 3, 13))[0].title == "The blast was caused by a gas leak"


def test_a_possessive_date_names_a_happening_of_its_own() -> None:
    text = ("The death toll from Friday's earthquake in Beluchi province has risen to 41. "
            "The magnitude 6.4 quake struck shortly before dawn.")  # fmt: skip
    found = _found(text, date(2022, 2, 21))
    assert ("The death toll has risen to 41", "2022-02-21", "publication") in found
    # the second sentence tells the earthquake on that day: it is not suggested twice
    assert found[1:] == [("The magnitude 6.4 quake struck shortly", "2022-02-18", CONTINUATION)]
    alone = _found(text.split(". ")[0] + ".", date(2022, 2, 21))
    assert ("The earthquake in Beluchi province", "2022-02-18", PHRASE) in alone


def test_a_possessive_date_opening_its_subject_dates_the_verb() -> None:
    found = _found("Friday's earthquake killed 300 people.", date(2022, 2, 21))
    assert found == [("Friday's earthquake killed 300 people", "2022-02-18", PHRASE)]
    found = _found("Officials said that Friday's protest was larger.", date(2022, 2, 21))
    assert not [t for t, _, _ in found if t == "The protest"]


def test_a_possessive_after_during_keeps_the_clause_dated() -> None:
    found = _found("No incidents took place during Friday's protests.", date(2022, 2, 21))
    assert [(v, a) for _, v, a in found] == [("2022-02-18", PHRASE)]


def test_a_relative_clause_tells_what_the_named_happening_did() -> None:
    text = ("Rescuers were still searching on Monday for survivors of Friday's earthquake, "
            "which killed 300 people.")  # fmt: skip
    found = _found(text, date(2022, 2, 22))
    assert found[0][1] == "2022-02-21"
    assert ("The earthquake killed 300 people", "2022-02-18", PHRASE) in found


@pytest.mark.parametrize(
    ("text", "reference", "title"),
    [("Drone strike on the depot this morning", date(2025, 1, 9), "Drone strike on the depot"),
     ("prices up 30% since the start of the month", date(2025, 12, 12), "Prices up 30%"),
     ("gonna be a cold xmas eve with no gas", date(2025, 12, 12), "Gonna be a cold with no gas")],
)  # fmt: skip
def test_a_clause_with_no_verb_titles_its_own_words(text: str, reference: date, title: str) -> None:
    found = suggest(text, reference)
    assert found and found[0].title == title


def test_every_title_word_is_a_whole_word_of_its_article() -> None:
    """Over the seeds, the happenings sets, the histories and the posts: no title holds
    a piece of a word or a number ("Drone strike k", "000 men", "With" for "Within")."""
    import re
    from pathlib import Path

    data = Path(__file__).resolve().parent.parent / "data"
    texts = [(p.read_text(encoding="utf-8"), date(2018, 9, 14))
             for p in sorted((data.parent.parent / "seeds").glob("*.txt"))]  # fmt: skip
    for name in ("narratives.txt", "narratives_second.txt", "posts.txt", "posts_second.txt",
                 "happenings.txt", "happenings_fresh.txt", "happenings_third.txt"):  # fmt: skip
        for block in (data / name).read_text(encoding="utf-8").split("\n== ")[1:]:
            head, body = block.split("\n", 1)
            body = re.sub(r"\[\[([^|\]]*)\|[^\]]*\]\]|\{[^}]*\}", r"\1", body)
            texts.append((body, date.fromisoformat(head.split()[1])))
    strip = ".,;:!?\"“”()'’"
    checked = 0
    for text, reference in texts:
        words = {w.strip(strip).lower() for w in text.split()}
        for found in suggest(text, reference):
            for token in found.title.split():
                core = token.strip(strip).lower()
                assert not core or core in words, (token, found.title, found.quote)
            checked += 1
    assert checked > 400


def test_a_named_happening_matches_the_report_that_tells_it() -> None:
    from desktop.services.matching import MERGE_SCORE, evidence, happening_signature

    told = suggest("A magnitude 6.1 earthquake struck the coastal province of Meridan on "
                   "Sunday.", date(2021, 10, 4))[0]  # fmt: skip
    named = [s for s in suggest("The death toll from Sunday's earthquake in Meridan rose to 23, "
                                "officials said on Wednesday.", date(2021, 10, 7))
             if s.title == "The earthquake in Meridan"][0]  # fmt: skip
    assert (named.verb, named.numbers, named.value) == ("earthquake", (), told.value)
    score, _, _ = evidence(happening_signature(told), happening_signature(named))
    assert score >= MERGE_SCORE


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The firm went public in 1923, lost half its value in 1929, and was bought by a rival "
      "in 1968.", [("The firm went public", "1923"), ("The firm lost half its value", "1929"),
                   ("The firm was bought by a rival", "1968")]),
     ("The liner was launched on 20 September 1906 and made her maiden voyage in September "
      "1907.", [("The liner was launched", "1906-09-20"),
                ("The liner made her maiden voyage", "1907-09")]),
     ("Police arrived on Monday, arrested two men and seized weapons.",
      [("Police arrived arrested two men and seized weapons", "2024-02-26")]),
     ("Shelling killed 10 people and wounded dozens on Friday.",
      [("Shelling killed 10 people and wounded dozens", "2024-03-01")])],
)  # fmt: skip
def test_verbs_with_dates_of_their_own_are_happenings_of_their_own(text, expected) -> None:
    assert [(t, v) for t, v, _ in _found(text, date(2024, 3, 1))] == expected


def test_a_sentence_opening_with_its_date_is_titled_from_its_subject() -> None:
    text = ("The plague came in 1348. That summer the blight returned, and in December the "
            "works opened.")  # fmt: skip
    titles = [t for t, _, _ in _found(text)]
    assert titles[1:] == ["The blight returned", "The works opened"]


def test_the_story_goes_on_from_the_main_verbs_own_date() -> None:
    text = ("The minister met farm union leaders on Wednesday, two days after Monday's tractor "
            "protest in the capital. The two sides agreed to delay the water rules.")  # fmt: skip
    found = _found(text, date(2025, 11, 6))
    assert ("The minister met farm union leaders", "2025-11-05", PHRASE) in found
    assert ("The tractor protest in the capital", "2025-11-03", PHRASE) in found
    assert found[-1] == ("The two sides agreed to delay the water rules", "2025-11-05",
                         CONTINUATION)  # fmt: skip


def test_a_post_in_lower_case_still_has_sentences() -> None:
    from desktop.extract.sentences import split_sentences

    post = "Drone strike on the depot this morning. second one in a week"
    assert [post[a:b] for a, b in split_sentences(post)] == [
        "Drone strike on the depot this morning.", "second one in a week"]
    news = "It cost approx. 5 dollars. The talks ended."  # news: a capital starts a sentence
    assert [news[a:b] for a, b in split_sentences(news)] == [
        "It cost approx. 5 dollars.", "The talks ended."]


def test_a_noun_phrase_with_a_date_is_its_own_happening_but_an_adverbial_is_not() -> None:
    post = "heavy shelling near the bridge last nite, and the market is closed today"
    assert _found(post, date(2024, 3, 14))[0][:2] == ("Heavy shelling near the bridge",
                                                      "2024-03-13")  # fmt: skip
    news = "In a summit on Friday, Turkey and Iran failed to agree."
    assert _found(news, date(2024, 3, 14)) == [("Turkey and Iran failed to agree", "2024-03-08",
                                                PHRASE)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "title"),
    [("Officials say the army shelled the town on Friday.", "The army shelled the town"),
     ("Activists say troops killed 10 people in Sarmin.", "Troops killed 10 people in Sarmin"),
     ("It is hard to say what happened on Friday.", "It is hard to say what happened")],
)  # fmt: skip
def test_say_in_the_present_attributes_like_said(text: str, title: str) -> None:
    assert suggest(text, date(2024, 3, 14))[0].title == title
