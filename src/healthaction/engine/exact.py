"""Exact arithmetic on columns: values as integers at 10⁻⁶, ratios as integer pairs.

Floats cannot hold 13.7 or 19.2 exactly, and a float ratio of 0 can come out as -1e-17
(a spurious `regressing`). Every value is therefore read once as an integer number of
millionths (137 ‰ → 13.7 % → 13_700_000), and a quotient stays a pair (numerator,
denominator) of Int128 columns until it is compared cross-multiplied or rounded half-up
(四舍五入, away from zero) for output.
"""

from __future__ import annotations

import polars as pl

SCALE_DIGITS = 6
SCALE = 10**SCALE_DIGITS
EXACT = pl.Int128
# Largest magnitude accepted for a value: 10^12 keeps every product below 2^127.
MAX_MAGNITUDE = 10**12


def scaled(value: pl.Expr) -> pl.Expr:
    """A Float64 column as exact millionths: 13.700000000000001 → 13_700_000."""
    millionths: pl.Expr = (value * SCALE).round(0, mode="half_away_from_zero")
    return millionths.cast(EXACT)


def div_half_up(numerator: pl.Expr, denominator: pl.Expr) -> pl.Expr:
    """numerator / denominator rounded half away from zero to an integer (denominator > 0)."""
    magnitude = (numerator.abs() * 2 + denominator) // (denominator * 2)
    return pl.when(numerator < 0).then(pl.lit(0, dtype=EXACT) - magnitude).otherwise(magnitude)


def ratio_to_float(numerator: pl.Expr, denominator: pl.Expr, digits: int = 6) -> pl.Expr:
    """A quotient rounded half-up to `digits` decimals, as the Float64 nearest to that decimal."""
    units = div_half_up(numerator * 10**digits, denominator)
    return decimal_to_float(units, digits)


def scaled_to_float(value_s: pl.Expr) -> pl.Expr:
    return decimal_to_float(value_s, SCALE_DIGITS)


def decimal_to_float(units: pl.Expr, digits: int) -> pl.Expr:
    """units · 10^(−digits) as the Float64 nearest to that decimal: 928571 → 0.928571.

    Polars turns division by a literal into multiplication by its reciprocal, which gives
    0.9285709999999999; dividing by a column of 10^digits keeps IEEE's correctly rounded quotient.
    """
    power = units.is_not_null().cast(pl.Float64) * float(10**digits)
    return units.cast(pl.Float64) / power


def round_scaled(value_s: pl.Expr, decimals: pl.Expr | int) -> pl.Expr:
    """Millionths rounded half-up to `decimals` places, still in millionths (decimals 0…6)."""
    unit = _unit(decimals)
    return div_half_up(value_s, unit) * unit


def step(decimals: pl.Expr | int) -> pl.Expr:
    """r = 10^(−decimals) in millionths: the next value a department can report."""
    return _unit(decimals)


def _unit(decimals: pl.Expr | int) -> pl.Expr:
    digits = pl.lit(SCALE_DIGITS) - (decimals if isinstance(decimals, pl.Expr) else pl.lit(decimals))
    return pl.lit(10, dtype=EXACT).pow(digits.cast(pl.UInt32)).cast(EXACT)


def format_scaled(value_s: pl.Expr) -> pl.Expr:
    """Millionths as a decimal string without trailing zeros: 19_200_000 → "19.2", −500_000 → "-0.5"."""
    magnitude = value_s.abs()
    whole = (magnitude // SCALE).cast(pl.Utf8)
    fraction = (magnitude % SCALE).cast(pl.Utf8).str.zfill(SCALE_DIGITS).str.strip_chars_end("0")
    sign = pl.when(value_s < 0).then(pl.lit("-")).otherwise(pl.lit(""))
    tail = pl.when(fraction == "").then(pl.lit("")).otherwise(pl.lit(".") + fraction)
    text: pl.Expr = sign + whole + tail
    return text
