/** Acquisition cohort matrix table views. */
import type { CohortReport } from '../../app/reports/cohorts';
import type { Label, Printable, TableView } from '../output';
import { l, col } from './labels';

export function cohortsPrintable(r: CohortReport): Printable {
  const periods = Math.max(0, ...r.cohorts.map((c) => c.periods.length));
  const matrix = (key: 'retention' | 'revenueRetention', name: string, title: Label): TableView => ({
    name,
    title,
    columns: [
      col('cohort', l('Cohort', 'Kohort'), 'text'),
      col('customers', l('Customers', 'Kunder'), 'int'),
      ...Array.from({ length: periods }, (_, p) => col(`p${p}`, `${p}`, 'percent' as const)),
    ],
    rows: r.cohorts.map((c) => ({
      cohort: c.cohort,
      customers: c.customers,
      ...Object.fromEntries(c.periods.map((p) => [`p${p.period}`, p[key]])),
    })),
  });
  return {
    json: r,
    tables: [
      matrix(
        'retention',
        'retention',
        l(
          `Share of each cohort active per ${r.periodMonths}-month period since acquisition, as of ${r.asOf}`,
          `Andel av kohorten aktiv per period om ${r.periodMonths} månader sedan första köpet, per ${r.asOf}`,
        ),
      ),
      {
        ...matrix(
          'revenueRetention',
          'revenue',
          l('Revenue retained against period 0', 'Omsättning jämfört med period 0'),
        ),
        notes: r.notes,
      },
    ],
  };
}
