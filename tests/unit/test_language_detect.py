"""Language detection's English fast path, and the model loaded only when a text needs it."""

from __future__ import annotations

import pytest

from desktop.ingest import language

# Written for this test: a field report dense in place names, few function words.
REPORT = (
    "Militia fighters set up checkpoints around Jisr al-Shughur on Friday. The damaged "
    "clinic in Atarib remained closed, and local activists evacuated the hospital near "
    "Saraqeb with 87 patients. A monitoring group entered the water station in Afrin on "
    "March 3, leaving 39 fighters wounded. Russian jets struck the market in Kafr Nabl, "
    "and UN officials protested near the bakery in Maarat al-Nouman with 12 families."
)


def _no_model() -> None:
    raise AssertionError("the n-gram model was asked for")


def test_name_dense_english_report_is_english_without_the_model(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_identifier", _no_model)
    assert language.detect_language(REPORT) == "en"


@pytest.mark.parametrize("text", [
    "Die Regierung hat am Montag angekündigt, dass die Schulen in der Region wieder "
    "geöffnet werden, was viele Eltern erleichtert. Also will die Stadt neue Busse kaufen, "
    "die ab Herbst zwischen den Dörfern und dem Zentrum fahren sollen, sagte der Bürgermeister.",
    "Le gouvernement a annoncé lundi la réouverture des écoles de la région, ce qui a "
    "soulagé de nombreux parents. La ville veut aussi acheter de nouveaux bus, qui "
    "circuleront entre les villages et le centre à partir de l'automne, a dit le maire.",
])
def test_other_latin_languages_go_to_the_model(monkeypatch: pytest.MonkeyPatch,
                                               text: str) -> None:
    asked: list[bool] = []

    class Model:
        def classify(self, _sample: str) -> tuple[str, float]:
            asked.append(True)
            return "xx", 0.99

    monkeypatch.setattr(language, "_identifier", Model)
    assert language.detect_language(text) == "xx"
    assert asked
