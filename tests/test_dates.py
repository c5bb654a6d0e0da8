import pytest

from ingest.dates import datatype, find_dates


@pytest.mark.parametrize(
    "text, start, end",
    [
        pytest.param("(27-29 October 2021)", "2021-10-27", "2021-10-29", id="day-range"),
        pytest.param("(22 -24 May 2019)", "2019-05-22", "2019-05-24", id="day-range-odd-spacing"),
        pytest.param("(8 - 9 October 2014)", "2014-10-08", "2014-10-09", id="day-range-spaced"),
        pytest.param("(30 November - 01 December 2021)", "2021-11-30", "2021-12-01", id="across-months"),
        pytest.param("(December 2017-December 2019)", "2017-12", "2019-12", id="month-year-range"),
        pytest.param("(March to November 2009)", "2009-03", "2009-11", id="month-to-month"),
        pytest.param("(2016-2019)", "2016", "2019", id="year-range"),
        pytest.param("on 7–8 November 2018", "2018-11-07", "2018-11-08", id="en-dash"),
        pytest.param("On 24 March 2015 the three countries", "2015-03-24", "2015-03-24", id="in-prose"),
        pytest.param("from December 2010 to November 2015 under", "2010-12", "2015-11", id="from-to"),
        pytest.param("(December 2007)", "2007-12", "2007-12", id="month"),
        pytest.param("began in 2004,", "2004", "2004", id="year"),
        pytest.param("(Geneva, 4-6 December 2018)", "2018-12-04", "2018-12-06", id="after-city"),
        pytest.param("October 27-29, 2021", "2021-10-27", "2021-10-29", id="us-order"),
        pytest.param("30 December 2021 - 2 January 2022", "2021-12-30", "2022-01-02", id="across-years"),
        pytest.param("2018–19", "2018", "2019", id="short-year-range"),
    ],
)
def test_date_forms(text, start, end):
    found = find_dates(text)
    assert [(d.start, d.end) for d in found] == [(start, end)]
    assert text[found[0].char_start : found[0].char_end].strip("(),. ")


def test_precision_follows_the_text():
    assert [datatype(x) for x in ("2021-10-27", "2021-10", "2021")] == ["date", "gYearMonth", "gYear"]


@pytest.mark.parametrize("text", ["31 February 2020", "Phase I: Launch", "10,000 tonnes", "room 2019b"])
def test_no_false_dates(text):
    assert find_dates(text) == []


def test_two_dates_in_one_sentence():
    text = "Within its Project (2016-2019), the secretariat held a workshop on 25-26 September 2018 in Almaty."
    assert [(d.start, d.end) for d in find_dates(text)] == [("2016", "2019"), ("2018-09-25", "2018-09-26")]
