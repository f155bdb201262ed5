"""One memory of who is who serves both the actors of a happening and its title."""

from __future__ import annotations

from datetime import date

from desktop.extract import suggest

DAY = date(2023, 5, 12)


def _titles(text: str) -> list[str]:
    return [s.title for s in suggest(text, DAY)]


def test_the_group_in_a_title_is_the_group_named_before() -> None:
    titles = _titles(
        "Jama'at Nusrat al-Islam wal-Muslimin fighters attacked an army post near Gao on "
        "Tuesday, killing four soldiers. The group claimed the attack in a statement on "
        "Wednesday."
    )
    assert titles[-1].startswith("Jama'at Nusrat al-Islam wal-Muslimin claimed the attack")


def test_he_is_a_person_the_text_titled_even_with_one_name() -> None:
    # The old title memory only took names of two words for people.
    titles = _titles(
        "Governor Alvarez signed the water bill on Thursday. In the past, he vetoed two "
        "similar bills."
    )
    assert titles[-1].startswith("Alvarez vetoed two similar bills"), titles


def test_it_never_stands_for_a_place() -> None:
    # The old title memory took any capitalised subject word, places included: "Tarsa".
    titles = _titles(
        "The truce in the Tarsa region broke down on Wednesday when rebels shelled an army "
        "post near Karro.\nThe army said it had returned fire."
    )
    assert not any(t.startswith("Tarsa") for t in titles), titles


def test_the_title_and_the_actors_agree_on_who_acted() -> None:
    (first, second) = suggest(
        "Georgian Dream party leaders met in Tbilisi on Monday. The party rejected the "
        "accusation on Tuesday.", DAY)  # fmt: skip
    assert second.title.startswith("Georgian Dream rejected the accusation")
    assert [(a.name, a.role) for a in second.actors] == [("Georgian Dream", "subject")]


def test_a_possessive_after_a_demonym_and_title_is_not_part_of_the_name() -> None:
    (found,) = suggest(
        "Turkish Foreign Minister Mevlut Cavusoglu’s proposal was rejected on Friday by "
        "the opposition.", DAY)  # fmt: skip
    assert "Mevlut Cavusoglu" in [a.name for a in found.actors]
    assert not any(a.name.endswith("’s") for a in found.actors)
