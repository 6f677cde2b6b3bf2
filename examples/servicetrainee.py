"""Servicetrainee (Norrköping) as a Python script: ``python examples/servicetrainee.py``.

Every number and assumption is in ``sociokalkyl/examples/servicetrainee.py``, with its
source or marked as an assumption; this script only evaluates it and prints the result.
"""

from __future__ import annotations

import sociokalkyl as sk

intervention, settings = sk.examples.servicetrainee()
result = sk.evaluate(intervention, settings)

print(result)
print()
print("Per payer:")
for row in result.by_payer():
    print(
        f"  {row['payer']:<8} NPV {row['npv']:>14,.0f} SEK   PV avoided {row['pv_avoided']:>14,.0f}"
    )
print()
print("Year by year [SEK, 2023 prices]:")
for row in result.table():
    print(
        f"  {row['calendar_year']}  costs {row['costs']:>12,.0f}  avoided {row['avoided']:>12,.0f}"
        f"  cumulative net {row['cumulative_net']:>13,.0f}"
    )
print()
print("Assumption log:")
for item in result.assumptions():
    print(
        f"  {item['key']}: {item['unit_cost']} ({item['price_year']}) = "
        f"{item['rebased_unit_cost']} in {item['analysis_price_year']} prices; "
        f"{item['source']} [{item['confidence']}]"
    )
