import pytest
import spacy

import ingest.nlp  # noqa: F401  registers the iac_dates component
from ingest.dates import datatype, find_dates
from ingest.dates_cldr import month_words, unit_words


@pytest.mark.parametrize(
    "text, start, end",
    [
        pytest.param("(27-29 October 2021)", "2021-10-27", "2021-10-29", id="day-range"),
        pytest.param("24 septembre (09 h 00) - 26 septembre (13 h 00) 2024", "2024-09-24", "2024-09-26", id="fr-header-with-times"),
        pytest.param("(22 -24 May 2019)", "2019-05-22", "2019-05-24", id="day-range-odd-spacing"),
        pytest.param("(8 - 9 October 2014)", "2014-10-08", "2014-10-09", id="day-range-spaced"),
        pytest.param("(30 November - 01 December 2021)", "2021-11-30", "2021-12-01", id="across-months"),
        pytest.param("(December 2017-December 2019)", "2017-12", "2019-12", id="month-year-range"),
        pytest.param("(in September, 2013)", "2013-09", "2013-09", id="month-comma-year"),
        pytest.param("(14/03/2023)", "2023-03-14", "2023-03-14", id="day-slash-month-slash-year"),
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
        # English
        pytest.param("from 27 to 29 October 2019", "2019-10-27", "2019-10-29", id="en-from-to-days"),
        pytest.param("27-29 October 2019", "2019-10-27", "2019-10-29", id="en-days-hyphen"),
        pytest.param("27–29 Oct. 2019", "2019-10-27", "2019-10-29", id="en-days-abbreviated-month"),
        pytest.param("27 October - 2 November 2019", "2019-10-27", "2019-11-02", id="en-across-months-one-year"),
        pytest.param("October 27-29, 2019", "2019-10-27", "2019-10-29", id="en-us-days"),
        pytest.param("October 27 - November 2, 2019", "2019-10-27", "2019-11-02", id="en-us-across-months"),
        pytest.param("March 24, 2015", "2015-03-24", "2015-03-24", id="en-us-day"),
        pytest.param("20 and 21 October 2019", "2019-10-20", "2019-10-21", id="en-and-days"),
        pytest.param("on 20, 21 and 22 October 2019", "2019-10-20", "2019-10-22", id="en-day-list"),
        pytest.param("13 December (10:00) - 14 December (18:00) 2011", "2011-12-13", "2011-12-14", id="en-with-times"),
        pytest.param("between 3 until 5 March 2020", "2020-03-03", "2020-03-05", id="en-until"),
        pytest.param("the 5th of October 2021", "2021-10-05", "2021-10-05", id="en-ordinal-of"),
        pytest.param("in October 2019", "2019-10", "2019-10", id="en-month"),
        pytest.param("in Sept. 2019", "2019-09", "2019-09", id="en-sept"),
        pytest.param("on 5 Sept 2019", "2019-09-05", "2019-09-05", id="en-sept-no-dot"),
        pytest.param("OCTOBER 2019", "2019-10", "2019-10", id="en-capitals"),
        pytest.param("since 2019, the", "2019", "2019", id="en-year-alone"),
        pytest.param("the 2030 Agenda", "2030", "2030", id="en-year-before-name"),
        # numeric
        pytest.param("28.09.2021", "2021-09-28", "2021-09-28", id="num-day"),
        pytest.param("on 28.09.2021.", "2021-09-28", "2021-09-28", id="num-day-sentence-end"),
        pytest.param("28.09–01.10.2021", "2021-09-28", "2021-10-01", id="num-across-months"),
        pytest.param("28–30.09.2021", "2021-09-28", "2021-09-30", id="num-days"),
        pytest.param("on 2021-09-28,", "2021-09-28", "2021-09-28", id="iso-day"),
        pytest.param("28.09.2021 - 01.10.2021", "2021-09-28", "2021-10-01", id="num-full-range"),
        # Russian
        pytest.param("20–21 ноября 2019 года", "2019-11-20", "2019-11-21", id="ru-days-goda"),
        pytest.param("20-21 ноября 2019 г.", "2019-11-20", "2019-11-21", id="ru-days-g"),
        pytest.param("с 3 по 5 марта 2020 г.", "2020-03-03", "2020-03-05", id="ru-s-po"),
        pytest.param("5 октября 2021 года", "2021-10-05", "2021-10-05", id="ru-day"),
        pytest.param("20 и 21 октября 2019 года", "2019-10-20", "2019-10-21", id="ru-and-days"),
        pytest.param("с 30 ноября по 2 декабря 2021 г.", "2021-11-30", "2021-12-02", id="ru-across-months"),
        pytest.param("в ноябре 2019 года", "2019-11", "2019-11", id="ru-prepositional-month"),
        pytest.param("в мае 2019 г.", "2019-05", "2019-05", id="ru-prepositional-may"),
        pytest.param("с марта по ноябрь 2009 года", "2009-03", "2009-11", id="ru-month-range"),
        pytest.param("5 окт. 2021 г.", "2021-10-05", "2021-10-05", id="ru-abbreviated"),
        pytest.param("в 2019 году", "2019", "2019", id="ru-year"),
        pytest.param("2019–2020 гг.", "2019", "2020", id="ru-years"),
        pytest.param("28.09.2021 г.", "2021-09-28", "2021-09-28", id="ru-numeric"),
        # French
        pytest.param("du 4 au 6 décembre 2018", "2018-12-04", "2018-12-06", id="fr-du-au"),
        pytest.param("les 20 et 21 octobre 2019", "2019-10-20", "2019-10-21", id="fr-et"),
        pytest.param("le 5 octobre 2021", "2021-10-05", "2021-10-05", id="fr-day"),
        pytest.param("4-6 décembre 2018", "2018-12-04", "2018-12-06", id="fr-days"),
        pytest.param("en novembre 2019", "2019-11", "2019-11", id="fr-month"),
        pytest.param("le 1er janvier 2020", "2020-01-01", "2020-01-01", id="fr-premier"),
        pytest.param("le 3 févr. 2020", "2020-02-03", "2020-02-03", id="fr-abbreviated"),
        pytest.param("en decembre 2019", "2019-12", "2019-12", id="fr-without-accent"),
        pytest.param("du 30 novembre au 2 décembre 2021", "2021-11-30", "2021-12-02", id="fr-across-months"),
    ],
)
def test_date_forms(text, start, end):
    found = find_dates(text)
    assert [(d.start, d.end) for d in found] == [(start, end)]
    assert text[found[0].char_start : found[0].char_end].strip("(),. ")


@pytest.mark.parametrize(
    "text, year, start, end",
    [
        pytest.param("On the 5th of October", 2021, "2021-10-05", "2021-10-05", id="en-ordinal-of"),
        pytest.param("on 5 October the", 2021, "2021-10-05", "2021-10-05", id="en-day-month"),
        pytest.param("from 27 to 29 October,", 2019, "2019-10-27", "2019-10-29", id="en-days"),
        pytest.param("October 27-29 in Geneva", 2019, "2019-10-27", "2019-10-29", id="en-us-days"),
        pytest.param("27 October - 2 November", 2019, "2019-10-27", "2019-11-02", id="en-across-months"),
        pytest.param("5 октября", 2021, "2021-10-05", "2021-10-05", id="ru-day"),
        pytest.param("с 3 по 5 марта", 2020, "2020-03-03", "2020-03-05", id="ru-days"),
        pytest.param("le 5 octobre", 2021, "2021-10-05", "2021-10-05", id="fr-day"),
        pytest.param("5 October 2019", 2021, "2019-10-05", "2019-10-05", id="written-year-wins"),
        pytest.param("held in Dushanbe in June", 2021, "2021-06", "2021-06", id="en-month-alone"),
        pytest.param("2018-1-26 18:12", None, "2018-01-26", "2018-01-26", id="iso-one-digit-month"),
        pytest.param("прошёл в сентябре", 2018, "2018-09", "2018-09", id="ru-month-alone"),
        pytest.param("organisé en juin", 2022, "2022-06", "2022-06", id="fr-month-alone"),
    ],
)
def test_year_from_context(text, year, start, end):
    assert [(d.start, d.end) for d in find_dates(text, context_year=year)] == [(start, end)]


@pytest.mark.parametrize(
    "text, year",
    [
        pytest.param("On the 5th of October", None, id="no-context-en"),
        pytest.param("5 октября", None, id="no-context-ru"),
        pytest.param("le 5 octobre", None, id="no-context-fr"),
        pytest.param("we 5 may meet", 2020, id="lowercase-english-may"),
        pytest.param("30 December - 2 January", 2021, id="backwards-across-year"),
        pytest.param("planned for June", 2021, id="month-alone-needs-in"),
        pytest.param("in may be", 2021, id="month-alone-lowercase-may"),
    ],
)
def test_no_date_without_its_year(text, year):
    assert find_dates(text, context_year=year) == []


def test_precision_follows_the_text():
    assert [datatype(x) for x in ("2021-10-27", "2021-10", "2021")] == ["date", "gYearMonth", "gYear"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("31 February 2020", id="no-such-day"),
        pytest.param("Phase I: Launch", id="no-number"),
        pytest.param("10,000 tonnes", id="thousands"),
        pytest.param("room 2019b", id="inside-word"),
        pytest.param("Directive 2006/21/EC", id="directive"),
        pytest.param("Decision 2000/1", id="decision"),
        pytest.param("ECE/CP.TEIA/2", id="symbol"),
        pytest.param("ECE/CP.TEIA/2019/3", id="symbol-with-year"),
        pytest.param("Regulation (EC) No. 1272/2008", id="regulation-number"),
        pytest.param("2006 tonnes of tailings", id="tonnes"),
        pytest.param("2006 metric tons", id="metric-tons"),
        pytest.param("2006 hectares", id="hectares"),
        pytest.param("2006 тонн", id="ru-tonnes"),
        pytest.param("2006 kilomètres", id="fr-kilometres"),
        pytest.param("version 1.2.2019.3", id="version-number"),
        pytest.param("31.02.2021", id="numeric-no-such-day"),
        pytest.param("5.13.2021", id="numeric-no-such-month"),
        pytest.param("pp. 2019-2021-3", id="page-range-ish"),
    ],
)
def test_no_false_dates(text):
    assert find_dates(text) == []


def test_two_dates_in_one_sentence():
    text = "Within its Project (2016-2019), the secretariat held a workshop on 25-26 September 2018 in Almaty."
    assert [(d.start, d.end) for d in find_dates(text)] == [("2016", "2019"), ("2018-09-25", "2018-09-26")]


def test_month_names_come_from_cldr():
    months, capitalised = month_words()
    assert {months[w] for w in ("october", "oct", "октября", "октябрь", "октябре", "octobre", "окт")} == {10}
    assert months["sept"] == 9 and months["févr"] == 2 and months["fevrier"] == 2
    assert "jui" not in months  # juin or juillet
    assert "may" in capitalised and "mai" not in capitalised
    assert {"tonnes", "hectares", "тонн"} <= unit_words()
    # no word of ordinary text that some CLDR unit's name begins with ("{0} to [JP]", "{0} de glucose",
    # "{0} международной калории"): "from 2016 to 2019" keeps its years
    assert not {"to", "de", "of", "sun", "gas", "parties", "международной"} & unit_words()


@pytest.mark.parametrize("text, years", [("from 2016 to 2019", ("2016", "2019")), ("le plan pour 2021 de la Convention", ("2021",))])
def test_a_year_before_an_ordinary_word_is_a_year(text, years):
    assert tuple(d.start for d in find_dates(text)) == years


def test_context_year_through_the_spacy_component():
    nlp = spacy.blank("en")
    nlp.add_pipe("iac_dates")
    doc = nlp.make_doc("On the 5th of October the workshop opened.")
    doc._.context_year = 2021
    ents = nlp(doc).ents
    assert [(e.text, e._.date_range.start) for e in ents] == [("5th of October", "2021-10-05")]
    assert nlp("On the 5th of October the workshop opened.").ents == ()
