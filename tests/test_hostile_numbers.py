"""Issue 15, numbers and Monte Carlo: no distribution around the checks, no silent overflow.

A distribution's support obeys the same range as a fixed value; a draw or an input that
overflows is an error naming the input (never a statistic over the finite draws); numpy
prints no warning; the number of draws, the horizon and the number of items are bounded
before anything is allocated; the break-even scan's memory is bounded.
"""

from __future__ import annotations

import io
import math
import time
import tracemalloc
import warnings
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociokalkyl import CalculationError, InputError, evaluate, examples
from sociokalkyl.analysis import break_even_of_plan, compare_scenarios
from sociokalkyl.cli.main import main
from sociokalkyl.engine import bounds, compile_plan
from sociokalkyl.engine.parameters import canonical_value
from sociokalkyl.limits import MAX_COST_ITEMS, MAX_DRAWS, MAX_HORIZON_YEARS
from sociokalkyl.model import CostItem, Settings
from sociokalkyl.uncertainty import Uniform, sample_parameters, simulate, tornado

EXAMPLE = Path(examples.__file__).parent / "servicetrainee.toml"
UNIT_COST = "cost_items.ekonomiskt_bistand.unit_cost"


@pytest.fixture(autouse=True)
def _numpy_warnings_are_errors() -> object:
    """Any numpy overflow warning (printed to stderr in real use) fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        yield


def _run_main(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def _scenario(tmp_path: Path, uncertainty: str) -> Path:
    """The Servicetrainee example with its [uncertainty] table replaced."""
    text = EXAMPLE.read_text(encoding="utf-8")
    head, rest = text.split("[uncertainty]", 1)
    tail = rest[rest.index("[scenarios.pessimistisk]") :]
    path = tmp_path / "kalkyl.toml"
    path.write_text(f"{head}[uncertainty]\n{uncertainty}\n\n{tail}", encoding="utf-8")
    return path


# --- class 1: a distribution's support obeys the fixed value's range ------------------------
def test_discount_rate_distribution_over_minus_99_percent_is_refused() -> None:
    inv, settings = examples.servicetrainee()
    with pytest.raises(ValueError, match="discount rate"):
        Settings(base_year=2012, price_year=2023, horizon=10, discount_rate=-0.99)
    spec = {"settings.discount_rate": {"kind": "uniform", "low": -0.99, "high": 0.99}}
    with pytest.raises(InputError) as info:
        simulate(inv, settings, spec, draws=100, seed=1)
    message = str(info.value)
    assert info.value.field == "settings.discount_rate"
    assert "uniform" in message  # the distribution
    assert "[-0.99, 0.99]" in message  # its support
    assert "[-0.1, 0.25]" in message  # the allowed range


@pytest.mark.parametrize(
    ("make", "low", "high"),
    [
        (lambda v: Settings(base_year=2023, price_year=2023, horizon=5, discount_rate=v),
         *bounds.DISCOUNT_RATE),
        (lambda v: Settings(base_year=2023, price_year=2023, horizon=5, optimism_bias=v),
         *bounds.OPTIMISM_BIAS),
        (lambda v: CostItem(key="x", name="x", unit_cost="1 kr", price_year=2023,
                            real_growth=v), -1.0 + 1e-12, bounds.REAL_GROWTH[1]),
    ],
)  # fmt: skip
def test_engine_bounds_are_the_range_the_model_accepts(
    make: object, low: float, high: float
) -> None:
    build = make  # a fixed value at the ends is accepted, just outside is refused
    assert callable(build)
    build(low), build(high)
    for outside in (low - 1e-6, high + 1e-6):
        with pytest.raises(ValueError, match="validation error"):
            build(outside)


def test_what_if_value_outside_the_range_is_refused() -> None:
    inv, settings = examples.servicetrainee()
    with pytest.raises(InputError, match=r"settings.discount_rate.*-0.99.*\[-0.1, 0.25\]"):
        compare_scenarios({"krasch": {"settings.discount_rate": -0.99}}, inv, settings)


# --- class 2: non-finite draws are an error naming the input --------------------------------
def test_every_draw_overflowing_is_an_error_naming_the_parameter() -> None:
    inv, settings = examples.servicetrainee()
    spec = {UNIT_COST: Uniform(low=1e306, high=1e307)}
    with pytest.raises(CalculationError) as info:
        simulate(inv, settings, spec, draws=1000, seed=1)
    assert info.value.field == UNIT_COST
    assert "draw 0" in str(info.value)
    assert "not a finite number" in str(info.value)


def test_some_draws_overflowing_is_an_error_not_a_mean_over_the_rest() -> None:
    inv, settings = examples.servicetrainee()
    # about a third of the draws stay finite: formerly their mean was reported as the mean
    spec = {UNIT_COST: Uniform(low=1.0, high=1.5e306)}
    with pytest.raises(CalculationError, match=r"in draw \d+") as info:
        simulate(inv, settings, spec, draws=5000, seed=3)
    assert info.value.field == UNIT_COST
    draw = int(str(info.value).split("in draw ")[1].split(":")[0])
    drawn = sample_parameters(spec, draw + 1, seed=3)[UNIT_COST][draw]
    assert info.value.value == drawn  # the value of the draw that overflowed


def test_evaluate_overflow_names_the_input_field() -> None:
    inv, settings = examples.servicetrainee()
    item = inv.cost_items[0]
    huge = inv.model_copy(update={"cost_items": [item.model_copy(
        update={"unit_cost": item.unit_cost * 1e304})]})  # fmt: skip
    with pytest.raises(CalculationError) as info:
        evaluate(huge, settings)
    assert info.value.field == UNIT_COST
    assert "values[0, 0]" not in str(info.value)
    many = inv.model_copy(update={"target_group": inv.target_group.model_copy(
        update={"intake": [1e306]})})  # fmt: skip
    with pytest.raises(CalculationError) as info:
        evaluate(many, settings)
    assert info.value.field == "target_group.intake[0]"


def test_evaluate_baseline_overflow_names_the_input() -> None:
    inv, settings = examples.servicetrainee()
    use = inv.baseline[0]
    # the avoided costs (an absolute effect) stay finite; the baseline costs do not
    huge = inv.model_copy(update={
        "baseline": [use.model_copy(update={"use": use.use * 1e305})],
        "effects": [inv.effects[1]],
    })  # fmt: skip
    with pytest.raises(CalculationError, match="baseline costs") as info:
        evaluate(huge, settings)
    assert info.value.field == "baseline[0].use"


def test_tornado_overflow_is_an_error() -> None:
    inv, settings = examples.servicetrainee()
    with pytest.raises(CalculationError, match=UNIT_COST.replace(".", r"\.")):
        tornado(inv, settings, {UNIT_COST: Uniform(low=1e306, high=1e307)})


def test_cli_overflow_exits_1_naming_the_field_without_warnings(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = _scenario(tmp_path, f'"{UNIT_COST}" = {{ kind = "uniform", low = 1e306, high = 1e307 }}')
    code, out, err = _run_main("run", path, "--draws", "2000", "--seed", "1")
    assert code == 1
    assert UNIT_COST in err
    assert "Traceback" not in err
    assert "P(NPV" not in out
    assert "0,0 %" not in out
    captured = capfd.readouterr()
    assert "RuntimeWarning" not in captured.err
    assert "overflow" not in captured.err.lower()


def test_cli_discount_rate_distribution_out_of_range_exits_nonzero(tmp_path: Path) -> None:
    path = _scenario(
        tmp_path, '"settings.discount_rate" = { kind = "uniform", low = -0.99, high = 0.99 }'
    )
    code, _, err = _run_main("run", path, "--draws", "1000", "--seed", "1")
    assert code == 1
    assert "settings.discount_rate" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("name", "spec", "words"),
    [
        ("effects[1].change", Uniform(low=-1e308, high=1e308), "width overflows"),
        ("effects[1].change", {"kind": "normal", "mean": 0, "sd": 1e308}, "not a finite"),
        (UNIT_COST, {"kind": "lognormal", "mu": 800, "sigma": 1}, "not a finite"),
    ],
)
def test_a_distribution_whose_own_numbers_overflow_is_refused(
    name: str, spec: object, words: str
) -> None:
    inv, settings = examples.servicetrainee()
    for run in (
        lambda: simulate(inv, settings, {name: spec}, draws=500, seed=1),
        lambda: tornado(inv, settings, {name: spec}),
    ):
        with pytest.raises((InputError, CalculationError)) as info:
            run()
        assert info.value.field == name
        assert isinstance(info.value, CalculationError) or words in str(info.value)


# --- class 4: resources ---------------------------------------------------------------------
def test_draws_above_the_limit_are_refused_before_any_work() -> None:
    inv, settings = examples.servicetrainee()
    start = time.perf_counter()
    for draws in (MAX_DRAWS + 1, 10**10):
        with pytest.raises(InputError, match="limit") as info:
            simulate(inv, settings, {UNIT_COST: Uniform(low=6000, high=8000)}, draws=draws)
        assert info.value.field == "draws"
        with pytest.raises(InputError, match="limit"):
            sample_parameters({UNIT_COST: Uniform(low=6000, high=8000)}, draws)
    assert time.perf_counter() - start < 5


def test_cli_draws_above_the_limit_are_refused(tmp_path: Path) -> None:
    start = time.perf_counter()
    code, _, err = _run_main("run", EXAMPLE, "--draws", str(10**10), "--seed", "1")
    assert code in (1, 2)
    assert "draws" in err
    assert "Traceback" not in err
    assert time.perf_counter() - start < 10


def _many_items(count: int, horizon: int) -> tuple[object, Settings]:
    inv, _ = examples.servicetrainee()
    item = inv.cost_items[0]
    extra = [item.model_copy(update={"key": f"oanvand_{i}"}) for i in range(count - 1)]
    settings = Settings(base_year=2012, price_year=2023, horizon=horizon)
    return inv.model_copy(update={"cost_items": [item, *extra]}), settings


def test_break_even_scan_memory_is_bounded_with_many_unused_items() -> None:
    inv, settings = _many_items(MAX_COST_ITEMS, MAX_HORIZON_YEARS)
    plan = compile_plan(inv, settings)  # type: ignore[arg-type]
    tracemalloc.start()
    try:
        found = break_even_of_plan(plan, "costs[0].amount")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found.grid.size > 1000
    assert peak < 400 * 2**20  # formerly items x horizon x 3 000 floats: 4.9 GB here


def test_smaller_batches_give_the_same_bits(monkeypatch: pytest.MonkeyPatch) -> None:
    inv, settings = examples.servicetrainee()
    plan = compile_plan(inv, settings)
    spec = {
        UNIT_COST: Uniform(low=6000, high=8000),
        "effects[1].drop_off": Uniform(low=0, high=0.4),
    }
    whole = break_even_of_plan(plan, "costs[0].amount")
    mc = simulate(inv, settings, spec, draws=9000, seed=5)
    # a draw: 7 lines + 2 x (1 + 7 actors + 3 perspectives) + 2 = 31 rows x 10 years x 8 bytes
    # = 2 480 bytes, so 200 000 bytes hold 80 draws: 64 at a time (a power of two)
    monkeypatch.setattr(bounds, "MAX_ENGINE_BYTES", 200_000)
    assert bounds.batch_size(plan, 2048) == 64
    monkeypatch.setattr(bounds, "MAX_ENGINE_BYTES", 1)
    assert bounds.batch_size(plan, 2048) == 1
    monkeypatch.setattr(bounds, "MAX_ENGINE_BYTES", 200_000)
    small = break_even_of_plan(plan, "costs[0].amount")
    assert np.array_equal(whole.npv, small.npv)
    assert whole.roots == small.roots
    mc_small = simulate(inv, settings, spec, draws=9000, seed=5)
    assert np.array_equal(mc.npv, mc_small.npv)
    assert str(mc.summary()) == str(mc_small.summary())


# --- class 5: horizon and items at compile time ---------------------------------------------
def test_too_many_cost_items_are_refused_at_compile() -> None:
    inv, settings = _many_items(MAX_COST_ITEMS + 1, 10)
    with pytest.raises(InputError, match=str(MAX_COST_ITEMS)) as info:
        compile_plan(inv, settings)  # type: ignore[arg-type]
    assert info.value.field == "cost_items"


def test_too_long_horizon_is_refused_at_compile() -> None:
    inv, settings = examples.servicetrainee()
    long = Settings.model_construct(**{**dict(settings), "horizon": MAX_HORIZON_YEARS + 1})
    with pytest.raises(InputError, match=str(MAX_HORIZON_YEARS)) as info:
        compile_plan(inv, long)
    assert info.value.field == "settings.horizon"
    assert math.isfinite(evaluate(inv, settings).npv)


# --- one amount, any notation: the same result to the last bit --------------------------------


@given(
    kronor=st.integers(1, 10**9),
    unit=st.sampled_from(["tkr", "mnkr"]),
    period=st.sampled_from(["", "/mån", "/år", "/dygn"]),
)
def test_an_amount_in_tkr_or_mnkr_is_the_same_float_as_in_kronor(
    kronor: int, unit: str, period: str
) -> None:
    """ "75,25 tkr/dygn" and "75 250 kr/dygn" give the same unit cost and NPV, bit for bit.

    The multiple is applied in decimal (``canonical_value``), not as 75.25 x 1000 in
    binary floating point, which differs in the last bit for about 1 amount in 70.
    """
    multiple = {"tkr": 1000, "mnkr": 10**6}[unit]
    whole, rest = divmod(kronor, multiple)
    digits = len(str(multiple)) - 1
    decimals = f"{rest:0{digits}d}".rstrip("0")
    if len(decimals) == 3:  # "1,001 tkr" is refused as ambiguous, by design: "1,0010"
        decimals += "0"
    scaled = f"{whole}" + (f",{decimals}" if decimals else "")
    per = period or "/år"
    intervention, settings = examples.servicetrainee()
    results = []
    for text in (f"{kronor} kr{per}", f"{scaled} {unit}{per}"):
        item = intervention.cost_items[0]
        assert isinstance(item, CostItem)
        changed = intervention.model_copy(
            update={"cost_items": [item.model_copy(update={"unit_cost": _quantity(text)})]}
        )
        result = evaluate(changed, settings)
        results.append((result.npv, result.plan.parameters[UNIT_COST]))
    (npv_kr, p_kr), (npv_scaled, p_scaled) = results
    assert npv_kr == npv_scaled
    assert canonical_value(p_kr, p_kr.value) == canonical_value(p_scaled, p_scaled.value)


def _quantity(text: str) -> object:
    from sociokalkyl.units import parse_quantity

    return parse_quantity(text, field="unit_cost")
