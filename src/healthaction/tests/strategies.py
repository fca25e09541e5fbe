"""What people and attackers type where a number belongs: the hypothesis strategies the fuzz tests of
every numeric field share (issue 11: inf, nan, 1e309, 20 digits, negative, full-width)."""

from __future__ import annotations

from hypothesis import strategies as st

KNOWN_BAD = [
    "inf", "-inf", "Infinity", "nan", "NaN", "sNaN", "1e309", "-1e309", "1E+25", "1e999999", "1e-999999",
    "99999999999999999999", "-99999999999999999999", "9" * 300, "0." + "0" * 300 + "1", "１２．５", "－３",
    "1，234", "1,5", "12.5%", "12.5‰", "1.2‰", "-5", "250", "102.76", "-0", "+", "-", ".", "", " ", "abc",
    "约10", "10-12", "1e", "0x10", "1_000", "١٢", "½", "12.1234567", "\x00", "1\n2", "=1+1",
]  # fmt: skip

# A number written as text: the known bad ones, random text, floats, integers and decimals of any size.
NUMBER_TEXT = st.one_of(
    st.sampled_from(KNOWN_BAD),
    st.text(max_size=24),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:,}".replace(",", "，")),
)
# What a JSON body may carry: a number (inf and nan too) or a string.
JSON_NUMBER = st.one_of(
    NUMBER_TEXT,
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**25), max_value=10**25),
)
