"""Partial dates: parsing, calendar checks, ordering and Dutch/English rendering."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from models.partial_date import PartialDate

ADAPTER = TypeAdapter(PartialDate)


@pytest.mark.parametrize(("text", "precision", "earliest", "latest"), [
    ("2015", "year", dt.date(2015, 1, 1), dt.date(2015, 12, 31)),
    ("2016-02", "month", dt.date(2016, 2, 1), dt.date(2016, 2, 29)),
    ("2015-03-12", "day", dt.date(2015, 3, 12), dt.date(2015, 3, 12)),
])
def test_parse_gives_precision_and_range(text, precision, earliest, latest):
    value = PartialDate.parse(text)
    assert value.precision == precision
    assert value.earliest() == earliest
    assert value.latest() == latest
    assert value.iso() == text
    assert not value.approximate


def test_tilde_marks_approximate():
    value = PartialDate.parse("~1952")
    assert value.approximate
    assert value.iso() == "~1952"
    assert value.format("nl") == "ca. 1952"
    assert value.format("en") == "c. 1952"


@pytest.mark.parametrize("text", ["2015-02-30", "2015-13", "2015-00", "2015-04-31", "2015-02-29"])
def test_impossible_dates_are_rejected(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)
    with pytest.raises(ValidationError) as info:
        ADAPTER.validate_python(text)
    assert info.value.errors()[0]["type"] == "partial_date_impossible"


@pytest.mark.parametrize("text", ["15-03-2015", "2015/03", "maart 2015", "", "20150312", "2015-3"])
def test_malformed_dates_are_rejected(text):
    with pytest.raises(ValidationError) as info:
        ADAPTER.validate_python(text)
    assert info.value.errors()[0]["type"] == "partial_date_format"


def test_non_text_is_rejected():
    with pytest.raises(ValidationError) as info:
        ADAPTER.validate_python(2015)
    assert info.value.errors()[0]["type"] == "partial_date_type"


def test_leap_day_is_accepted():
    assert PartialDate.parse("2016-02-29").latest() == dt.date(2016, 2, 29)


def test_dutch_and_english_rendering():
    assert PartialDate.parse("2015-03-12").format("nl") == "12 maart 2015"
    assert PartialDate.parse("2015-03-12").format("en") == "12 March 2015"
    assert PartialDate.parse("2015-10").format("nl") == "oktober 2015"
    assert PartialDate.parse("~2015-10").format("nl") == "ca. oktober 2015"


def test_sorting_puts_coarser_dates_first_within_their_range():
    values = [PartialDate.parse(t) for t in ["2015-03-12", "2014", "2015", "2015-03", "2015-01-01"]]
    assert [v.iso() for v in sorted(values)] == ["2014", "2015", "2015-01-01", "2015-03", "2015-03-12"]


def test_equality_includes_approximation():
    assert PartialDate.parse("2015") == PartialDate.parse("2015")
    assert PartialDate.parse("2015") != PartialDate.parse("~2015")
    assert PartialDate.parse("2015") < PartialDate.parse("2016")


def test_serialises_back_to_its_text():
    assert ADAPTER.dump_python(PartialDate.parse("~2015-03"), mode="json") == "~2015-03"


def test_midpoint_lies_inside_the_range():
    value = PartialDate.parse("2015")
    assert value.earliest() <= value.midpoint() <= value.latest()


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
       st.sampled_from(["year", "month", "day"]), st.booleans())
def test_text_round_trip(day, precision, approximate):
    value = PartialDate(day.year, day.month if precision != "year" else None,
                        day.day if precision == "day" else None, approximate)
    assert PartialDate.parse(value.iso()) == value
    assert value.earliest() <= day <= value.latest()
