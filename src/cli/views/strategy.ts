/**
 * Table views of `cvm segments`, `cvm lifecycle` and `cvm actions`, in English or Swedish. The JSON is
 * the app's report as it is.
 */
import { DEFAULT_RULES_SOURCE } from '../../app/strategy/load';
import type { ActionsReport, LifecycleReport, SegmentsReport } from '../../app/strategy/reports';
import type { GroupKpis } from '../../core/strategy/summary';
import { phaseWord, segmentName } from '../../core/strategy/reasons';
import type { Phase } from '../../core/strategy/rules';
import { formatNumber, type Column, type Lang, type Note, type Printable, type TableView } from '../output';
import { col, inBoth, l, tierLabel } from './labels';

/** The default rules' actions in Swedish; a rules file's own actions are shown as written. */
const SV_ACTIONS: Record<string, string> = {
  'Call within 48 h by the account team': 'Samtal från kundteamet inom 48 h',
  'Service follow-up: ask what went wrong': 'Uppföljning från kundtjänst: fråga vad som gick fel',
  'Escalate the complaint to a team leader and apologise':
    'Lyft reklamationen till en teamledare och be om ursäkt',
  'Personal call from the account team about the complaint':
    'Personligt samtal från kundteamet om reklamationen',
  'Confirm the complaint with a resolution date': 'Bekräfta reklamationen med ett datum för lösning',
  'Account plan review with the account manager: what lowered the retention probability':
    'Genomgång av kundplanen med kundansvarig: vad som sänkte sannolikheten att behålla kunden',
  'Payment reminder': 'Betalningspåminnelse',
  'Explain the first invoice': 'Förklara den första fakturan',
  'Retention call with a personal offer': 'Samtal för att behålla kunden, med ett personligt erbjudande',
  'Win-back offer': 'Erbjudande för att vinna tillbaka kunden',
  'Reactivation reminder in the newsletter': 'Påminnelse om att komma tillbaka i nyhetsbrevet',
  'Account review meeting': 'Avstämningsmöte om kundrelationen',
  'Check-in with offers matched to past purchases': 'Kontakt med erbjudanden utifrån tidigare köp',
  'Personal welcome call': 'Personligt välkomstsamtal',
  'Welcome series': 'Välkomstserie',
};

/** A segment name in the output language: the default names are translated, own names kept. */
export function segmentLabel(name: string, lang: Lang): string {
  return segmentName(name, lang);
}

const LOYALTY: Record<string, { en: string; sv: string }> = {
  high: l('high', 'hög'),
  medium: l('medium', 'medel'),
  low: l('low', 'låg'),
};

const loyaltyLabel = (level: string, lang: Lang): string => LOYALTY[level]?.[lang] ?? level;

function basisLine(r: SegmentsReport | LifecycleReport | ActionsReport): { en: string; sv: string } {
  const c = r.loyalty.customers;
  return inBoth((lang) => {
    const n = (x: number): string => formatNumber(x, 0, lang);
    return lang === 'sv'
      ? `Lojalitet: ${r.loyalty.basis} (beteende ${n(c.behaviour)}, NPS ${n(c.nps)}, P(alive) ${n(c.palive)} kunder); regler: ${r.rules === DEFAULT_RULES_SOURCE ? 'standardreglerna' : r.rules}`
      : `Loyalty basis: ${r.loyalty.description} (behaviour ${n(c.behaviour)}, NPS ${n(c.nps)}, P(alive) ${n(c.palive)} customers); rules: ${r.rules}`;
  });
}

function kpiTable(
  name: string,
  title: { en: string; sv: string },
  rows: GroupKpis[],
  label: (g: string) => string,
): TableView {
  return {
    name,
    title,
    columns: [
      col('group', l('Group', 'Grupp'), 'text'),
      col('customers', l('Customers', 'Kunder'), 'int'),
      col('active', l('Active', 'Aktiva'), 'int'),
      col('retention', l('Retention', 'Kundbehållning'), 'percent'),
      col('churn', l('Churn', 'Kundbortfall'), 'percent'),
      col('duration', l('Duration (years)', 'Varaktighet (år)'), 'decimal'),
      col('revenuePerCustomer', l('Revenue / customer / year', 'Intäkt / kund / år'), 'money'),
      col('nps', l('NPS', 'NPS'), 'decimal', 1),
      col('npsAnswers', l('NPS answers', 'NPS-svar'), 'int'),
      col('complaintsPer1000', l('Complaints / 1 000', 'Reklamationer / 1 000'), 'decimal', 1),
    ],
    rows: rows.map((r) => ({ ...r, group: label(r.group) })),
  };
}

export function segmentsPrintable(r: SegmentsReport, lang: Lang): Printable {
  const seg = (s: string): string => segmentLabel(s, lang);
  const notes = [basisLine(r), ...r.notes];
  return {
    json: r,
    tables: [
      {
        name: 'segments',
        title: l(
          `Value × loyalty segments, as of ${r.asOf} (${r.active} active customers)`,
          `Värde × lojalitet, per ${r.asOf} (${formatNumber(r.active, 0, 'sv')} aktiva kunder)`,
        ),
        columns: [
          col('segment', l('Segment', 'Segment'), 'text'),
          col('customers', l('Customers', 'Kunder'), 'int'),
          col('customerShare', l('Share of customers', 'Andel kunder'), 'percent'),
          col('value', l('Value', 'Värde'), 'money'),
          col('valueShare', l('Share of value', 'Andel värde'), 'percent'),
          col('valuePerCustomer', l('Value / customer', 'Värde / kund'), 'money'),
        ],
        rows: r.segments.map((s) => ({ ...s, segment: seg(s.segment) })),
        notes,
      },
      {
        name: 'matrix',
        title: l('Value tier × loyalty', 'Kundkategori × lojalitet'),
        columns: [
          col('tier', l('Tier', 'Kundkategori'), 'text'),
          col('loyalty', l('Loyalty', 'Lojalitet'), 'text'),
          col('segment', l('Named segment', 'Namngivet segment'), 'text'),
          col('customers', l('Customers', 'Kunder'), 'int'),
          col('customerShare', l('Share of customers', 'Andel kunder'), 'percent'),
          col('value', l('Value', 'Värde'), 'money'),
          col('valueShare', l('Share of value', 'Andel värde'), 'percent'),
        ],
        rows: r.matrix.map((c) => ({
          ...c,
          tier: tierLabel(c.tier, lang),
          loyalty: loyaltyLabel(c.loyalty, lang),
          segment: seg(c.segment),
        })),
      },
      {
        name: 'movement',
        title: l(
          `Movement between segments, ${r.windows.previous.endInclusive} → ${r.asOf}`,
          `Förflyttning mellan segment, ${r.windows.previous.endInclusive} → ${r.asOf}`,
        ),
        columns: [
          col('from', l('From', 'Från'), 'text'),
          col('to', l('To', 'Till'), 'text'),
          col('customers', l('Customers', 'Kunder'), 'int'),
          col('valueBefore', l('Value before', 'Värde före'), 'money'),
          col('valueNow', l('Value now', 'Värde nu'), 'money'),
        ],
        rows: r.movement.map((m) => ({ ...m, from: seg(m.from), to: seg(m.to) })),
      },
      kpiTable('kpis', l('KPIs by segment', 'Nyckeltal per segment'), r.kpis, seg),
    ],
  };
}

export function lifecyclePrintable(r: LifecycleReport, lang: Lang): Printable {
  const tierNames = Object.keys(r.phases[0]?.byTier ?? {});
  const phase = (p: string): string => phaseWord(p as Phase, lang);
  const tierColumns: Column[] = tierNames.map((t) =>
    col(`tier:${t}`, t === 'inactive' ? l('inactive', 'inaktiva') : tierLabel(t, lang), 'int'),
  );
  return {
    json: r,
    tables: [
      {
        name: 'phases',
        title: l(
          `Lifecycle phases, as of ${r.asOf} (${r.customers} customers)`,
          `Livscykelfaser, per ${r.asOf} (${formatNumber(r.customers, 0, 'sv')} kunder)`,
        ),
        columns: [
          col('phase', l('Phase', 'Fas'), 'text'),
          col('customers', l('Customers', 'Kunder'), 'int'),
          col('share', l('Share', 'Andel'), 'percent'),
          ...tierColumns,
        ],
        rows: r.phases.map((p) => ({
          phase: phase(p.phase),
          customers: p.customers,
          share: p.share,
          ...Object.fromEntries(tierNames.map((t) => [`tier:${t}`, p.byTier[t] ?? 0])),
        })),
        notes: [basisLine(r), ...r.notes],
      },
      kpiTable(
        'kpi-phases',
        l('KPIs by lifecycle phase', 'Nyckeltal per livscykelfas'),
        r.kpis.phases,
        phase,
      ),
      kpiTable('kpi-tiers', l('KPIs by value tier', 'Nyckeltal per kundkategori'), r.kpis.tiers, (t) =>
        t === 'inactive' ? (lang === 'sv' ? 'inaktiva' : t) : tierLabel(t, lang),
      ),
      kpiTable(
        'kpi-segments',
        l('KPIs by value × loyalty segment', 'Nyckeltal per värde × lojalitet'),
        r.kpis.segments,
        (s) => segmentLabel(s, lang),
      ),
    ],
  };
}

const filterWords = (f: ActionsReport['filters']): string =>
  Object.entries(f)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');

export function actionsPrintable(r: ActionsReport, lang: Lang, limit: number): Printable {
  const s = r.suppressed;
  const exported = r.exported;
  const notes: Note[] = [
    basisLine(r),
    l(
      `${r.suggested} suggestions; suppressed: one per customer ${s['one-per-customer']}, open complaint ${s['open-complaint']}, cool-down ${s.cooldown}, already exported ${s['already-exported']}`,
      `${r.suggested} förslag; undertryckta: en per kund ${s['one-per-customer']}, öppen reklamation ${s['open-complaint']}, karens ${s.cooldown}, redan exporterade ${s['already-exported']}`,
    ),
    ...(Object.values(r.filters).some((f) => f !== null)
      ? [
          l(
            `${r.total} pass the filters ${filterWords(r.filters)}`,
            `${r.total} efter filtren ${filterWords(r.filters)}`,
          ),
        ]
      : []),
    ...(exported
      ? [
          l(
            `exported ${exported.rows} rows to ${exported.file}`,
            `exporterade ${exported.rows} rader till ${exported.file}`,
          ),
        ]
      : []),
    ...(r.total > limit
      ? [l(`showing the first ${limit} (--limit)`, `visar de ${limit} första (--limit)`)]
      : []),
    ...r.notes,
  ];
  return {
    json: r,
    tables: [
      {
        name: 'actions',
        title: l(`Next best actions, as of ${r.asOf}`, `Nästa bästa aktivitet, per ${r.asOf}`),
        columns: [
          col('rank', '#', 'int'),
          col('customerId', l('Customer', 'Kund'), 'text'),
          col('trigger', l('Trigger', 'Utlösare'), 'text'),
          col('segment', l('Segment', 'Segment'), 'text'),
          col('action', l('Action', 'Aktivitet'), 'text'),
          col('channel', l('Channel', 'Kanal'), 'text'),
          col('valueAtStake', l('Value at stake', 'Värde i spel'), 'money'),
          col('reason', l('Reason', 'Orsak'), 'text'),
          col('id', 'id', 'text'),
        ],
        rows: r.suggestions.slice(0, limit).map((x) => ({
          ...x,
          segment: segmentLabel(x.segment, lang),
          action: lang === 'sv' ? (SV_ACTIONS[x.action] ?? x.action) : x.action,
        })),
        notes,
      },
      {
        name: 'triggers',
        title: l('Triggers', 'Utlösare'),
        columns: [
          col('trigger', l('Trigger', 'Utlösare'), 'text'),
          col('fired', l('Fired', 'Utlösta'), 'int'),
          col('withoutAction', l('Without action rule', 'Utan aktivitetsregel'), 'int'),
          col('suggested', l('Suggested', 'Föreslagna'), 'int'),
        ],
        rows: r.triggers,
      },
    ],
  };
}
