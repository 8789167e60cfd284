"""Which failures of a browser test run it once more (conftest.TIMED_OUT)."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect
from pytest_rerunfailures import _matches_any_rerun_error

from .conftest import TIMED_OUT

pytestmark = pytest.mark.browser


def test_a_wait_that_timed_out_runs_once_more_and_nothing_else(page):
    page.set_content("<main><p>Inhalt</p></main>")
    # An expect() whose wait ran out raises an AssertionError, not a TimeoutError.
    with pytest.raises(AssertionError) as expected:
        expect(page.locator("h1")).to_have_count(1, timeout=200)
    assert _matches_any_rerun_error(TIMED_OUT, expected)
    with pytest.raises(AssertionError) as visible:
        expect(page.locator("h1")).to_be_visible(timeout=200)
    assert _matches_any_rerun_error(TIMED_OUT, visible)
    with pytest.raises(PlaywrightTimeoutError) as waited:
        page.locator("h1").wait_for(timeout=200)
    assert _matches_any_rerun_error(TIMED_OUT, waited)
    # Any other failure fails at once.
    with pytest.raises(AssertionError) as other:
        assert page.locator("p").inner_text() == "Anderer Inhalt"
    assert not _matches_any_rerun_error(TIMED_OUT, other)
