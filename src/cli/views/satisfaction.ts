/** NPS, CSAT and CES table views: the current window, the previous one and the change's significance. */
import type { SatisfactionReport, SatisfactionTierRow } from '../../app/reports/satisfaction';
import type { ChangeTest } from '../../core/kpi/change-test';
import type { Column, Lang, Note, Printable, TableView } from '../output';
import { l, col, tierLabel } from './labels';

const CHANGE_COLUMNS: Column[] = [
  col('pValue', l('p', 'p'), 'decimal', 3),
  col('significant', l('Significant', 'Signifikant'), 'text'),
];

function significance(change: ChangeTest, lang: Lang): Record<string, unknown> {
  const word =
    change.significant === null ? '' : change.significant ? l('yes', 'ja')[lang] : l('no', 'nej')[lang];
  return { difference: change.difference, pValue: change.pValue, significant: word };
}

export function satisfactionPrintable(r: SatisfactionReport, lang: Lang): Printable {
  const { nps, csat, ces } = r;
  return {
    json: r,
    tables: [
      {
        name: 'nps',
        title: l(
          `Net Promoter Score, as of ${r.asOf} (${r.windowMonths} months)`,
          `Net Promoter Score, per ${r.asOf} (${r.windowMonths} månader)`,
        ),
        columns: [
          col('n', l('Answers', 'Svar'), 'int'),
          col('promoters', l('Promoters', 'Promotorer'), 'int'),
          col('passives', l('Passives', 'Passiva'), 'int'),
          col('detractors', l('Detractors', 'Kritiker'), 'int'),
          col('score', l('NPS', 'NPS'), 'decimal', 1),
          col('marginOfError', l('± margin', '± felmarginal'), 'decimal', 1),
          col('previous', l('Previous NPS', 'Föregående NPS'), 'decimal', 1),
          col('difference', l('Change', 'Förändring'), 'decimal', 1),
          ...CHANGE_COLUMNS,
        ],
        rows: [{ ...nps, previous: nps.previous.score, ...significance(nps.change, lang) }],
      },
      {
        name: 'csat',
        title: l('Customer satisfaction (CSAT, 4–5 of 5)', 'Kundnöjdhet (CSAT, 4–5 av 5)'),
        columns: [
          col('n', l('Answers', 'Svar'), 'int'),
          col('satisfied', l('Satisfied', 'Nöjda'), 'int'),
          col('share', l('CSAT', 'CSAT'), 'percent'),
          col('low', l('95% low', '95 % lägst'), 'percent'),
          col('high', l('95% high', '95 % högst'), 'percent'),
          col('index', l('Index 0–100', 'Index 0–100'), 'decimal', 1),
          col('previous', l('Previous CSAT', 'Föregående CSAT'), 'percent'),
          col('difference', l('Change', 'Förändring'), 'percent'),
          ...CHANGE_COLUMNS,
        ],
        rows: [
          {
            ...csat,
            low: csat.interval?.low,
            high: csat.interval?.high,
            previous: csat.previous.share,
            ...significance(csat.change, lang),
          },
        ],
      },
      {
        name: 'ces',
        title: l(
          'Customer effort (CES, 1–7, lower is better)',
          'Kundansträngning (CES, 1–7, lägre är bättre)',
        ),
        columns: [
          col('n', l('Answers', 'Svar'), 'int'),
          col('mean', l('CES', 'CES'), 'decimal'),
          col('low', l('95% low', '95 % lägst'), 'decimal'),
          col('high', l('95% high', '95 % högst'), 'decimal'),
          col('lowEffortShare', l('Low effort (≤ 3)', 'Låg ansträngning (≤ 3)'), 'percent'),
          col('previous', l('Previous CES', 'Föregående CES'), 'decimal'),
          col('difference', l('Change', 'Förändring'), 'decimal'),
          ...CHANGE_COLUMNS,
        ],
        rows: [
          {
            ...ces,
            low: ces.interval?.low,
            high: ces.interval?.high,
            previous: ces.previous.mean,
            ...significance(ces.change, lang),
          },
        ],
        notes: r.byTier === null ? r.notes : [],
      },
      ...(r.byTier === null ? [] : [tierTable(r.byTier, r.notes, lang)]),
    ],
  };
}

/** NPS ± margin, CSAT and CES per value tier, each with its n; a small n is marked with *. */
function tierTable(rows: readonly SatisfactionTierRow[], notes: readonly Note[], lang: Lang): TableView {
  const star = (small: boolean): string => (small ? '*' : '');
  return {
    name: 'tiers',
    title: l(
      'Per value tier of the respondents (* fewer than 30 answers)',
      'Per värdesegment för de svarande (* färre än 30 svar)',
    ),
    columns: [
      col('tier', l('Tier', 'Segment'), 'text'),
      col('npsN', l('NPS n', 'NPS n'), 'int'),
      col('nps', l('NPS', 'NPS'), 'decimal', 1),
      col('npsMargin', l('± margin', '± felmarginal'), 'decimal', 1),
      col('npsSmall', l('', ''), 'text'),
      col('csatN', l('CSAT n', 'CSAT n'), 'int'),
      col('csat', l('CSAT', 'CSAT'), 'percent'),
      col('csatSmall', l('', ''), 'text'),
      col('cesN', l('CES n', 'CES n'), 'int'),
      col('ces', l('CES', 'CES'), 'decimal'),
      col('cesSmall', l('', ''), 'text'),
    ],
    rows: rows.map((t) => ({
      tier: tierLabel(t.tier, lang),
      npsN: t.nps.n,
      nps: t.nps.score,
      npsMargin: t.nps.marginOfError,
      npsSmall: star(t.nps.smallSample),
      csatN: t.csat.n,
      csat: t.csat.share,
      csatSmall: star(t.csat.smallSample),
      cesN: t.ces.n,
      ces: t.ces.mean,
      cesSmall: star(t.ces.smallSample),
    })),
    notes,
  };
}
