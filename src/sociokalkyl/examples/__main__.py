"""Print the Servicetrainee example: ``python -m sociokalkyl.examples``.

Every number and assumption is in ``sociokalkyl/examples/servicetrainee.toml``, with its
source or marked as an assumption; this script only evaluates it and prints the result.
"""

from __future__ import annotations

from sociokalkyl.analysis.evaluate import evaluate
from sociokalkyl.examples.bundled import servicetrainee
from sociokalkyl.language.numbers import format_quantity


def main() -> None:
    """Evaluate the example and print the result, year by year and its assumptions.

    Examples
    --------
    >>> main()  # doctest: +ELLIPSIS
    Servicetrainee...
    Per payer:
      kommun   NPV      1,912,682 SEK...
    """
    intervention, settings = servicetrainee()
    result = evaluate(intervention, settings)

    print(result)
    print()
    print("Per payer:")
    for row in result.by_payer():
        print(
            f"  {row['payer']:<8} NPV {row['npv']:>14,.0f} SEK"
            f"   PV avoided {row['pv_avoided']:>14,.0f}"
        )
    print()
    print("Year by year [SEK, 2023 prices]:")
    for year in result.table():
        print(
            f"  {year['calendar_year']}  costs {year['costs']:>12,.0f}"
            f"  avoided {year['avoided']:>12,.0f}"
            f"  cumulative net {year['cumulative_net']:>13,.0f}"
        )
    print()
    print("Assumption log:")
    for log in result.assumptions():
        print(
            f"  {log.name}: {format_quantity(log.value, log.unit, 'en')} ({log.price_year}) = "
            f"{format_quantity(log.rebased_value or 0.0, log.unit, 'en')} in "
            f"{log.analysis_price_year} prices; {log.source} [{log.confidence}]"
        )


if __name__ == "__main__":
    main()
