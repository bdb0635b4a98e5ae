/**
 * Ordinary versus loyal customer (seed 002, "Exempel Retail", VANLIG KUND / LOJAL KUND): a customer's
 * lifetime revenue is purchases per year × revenue per purchase × years as a customer. The seed's ordinary
 * customer buys 4 × 500 kr for 2.5 years = 5 000 kr, the loyal one 5 × 600 kr for 3 years = 9 000 kr, 80 % more.
 */

/** How a customer buys: frequency, basket and years. */
export interface CustomerHabit {
  /** purchases per year */
  frequency: number;
  /** revenue per purchase, major currency units */
  basket: number;
  /** years as a customer */
  years: number;
}

/** A habit with its revenue per year and over its lifetime (major currency units). */
export interface HabitValue extends CustomerHabit {
  /** frequency × basket */
  perYear: number;
  /** frequency × basket × years */
  lifetime: number;
}

/** Ordinary against loyal customer. */
export interface LoyalComparison {
  ordinary: HabitValue;
  loyal: HabitValue;
  /** loyal − ordinary lifetime revenue */
  difference: number;
  /** loyal / ordinary − 1; null when the ordinary lifetime revenue is 0 */
  change: number | null;
}

/** Revenue per year (frequency × basket) and over the lifetime (× years). */
export function habitValue(habit: CustomerHabit): HabitValue {
  const perYear = habit.frequency * habit.basket;
  return { ...habit, perYear, lifetime: perYear * habit.years };
}

/** Lifetime revenue of an ordinary and a loyal customer and how much more the loyal one brings. */
export function compareLoyalCustomer(ordinary: CustomerHabit, loyal: CustomerHabit): LoyalComparison {
  const o = habitValue(ordinary);
  const l = habitValue(loyal);
  return {
    ordinary: o,
    loyal: l,
    difference: l.lifetime - o.lifetime,
    change: o.lifetime === 0 ? null : l.lifetime / o.lifetime - 1,
  };
}
