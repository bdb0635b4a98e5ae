/**
 * The reason of a suggestion in words, in English or Swedish: who (segment, tier, loyalty, phase), what
 * happened (the trigger and its event) and why it ranks where it does (value at stake = CLV × risk).
 */
import { tierName } from '../messages/message';
import type { Suggestion } from './actions';
import type { Phase, TriggerName } from './rules';

export type ReasonLang = 'en' | 'sv';

const PHASE_WORDS: Record<Phase, { en: string; sv: string }> = {
  new: { en: 'new', sv: 'ny' },
  growing: { en: 'growing', sv: 'växande' },
  mature: { en: 'mature', sv: 'mogen' },
  declining: { en: 'declining', sv: 'minskande' },
  atRisk: { en: 'at risk', sv: 'i riskzonen' },
  lapsed: { en: 'lapsed', sv: 'avhoppad' },
  wonBack: { en: 'won back', sv: 'återvunnen' },
};

/** The default rules' segment names in Swedish. */
const SV_SEGMENTS: Record<string, string> = {
  Royals: 'Kungliga',
  'Royals at risk': 'Kungliga i riskzonen',
  Loyals: 'Lojala',
  Drifters: 'Vacklande',
  'Low-value loyals': 'Lojala med lågt värde',
  'Low-value drifters': 'Vacklande med lågt värde',
  inactive: 'inaktiva',
  new: 'nya',
};

/** A segment name in `lang`: the default rules' names are translated, a rules file's own kept. */
export function segmentName(name: string, lang: ReasonLang): string {
  return lang === 'sv' ? (SV_SEGMENTS[name] ?? name) : name;
}

const LOYALTY_WORDS: Record<string, { en: string; sv: string }> = {
  high: { en: 'high loyalty', sv: 'hög lojalitet' },
  medium: { en: 'medium loyalty', sv: 'medel lojalitet' },
  low: { en: 'low loyalty', sv: 'låg lojalitet' },
};

/** Swedish and English labels of the phases, for tables. */
export function phaseWord(phase: Phase, lang: ReasonLang): string {
  return PHASE_WORDS[phase][lang];
}

/** Whole money units with a thousands separator (comma in English, no-break space in Swedish). */
const money = (x: number, lang: ReasonLang): string =>
  Math.round(x)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'sv' ? '\u00a0' : ',');

const dec = (x: number, d: number, lang: ReasonLang): string =>
  lang === 'sv' ? x.toFixed(d).replace('.', ',') : x.toFixed(d);

/** A fraction as a percentage with one decimal and a no-break space ("72.5 %", Swedish "72,5 %"). */
const pct = (x: number, lang: ReasonLang): string => `${dec(x * 100, 1, lang)}\u00a0%`;

function event(s: Suggestion, lang: ReasonLang): string {
  const f = s.figures;
  const sv = lang === 'sv';
  const t: TriggerName = s.trigger;
  switch (t) {
    case 'new-customer':
      return sv
        ? `första köp ${s.eventDay} (för ${f.days} dagar sedan)`
        : `first purchase on ${s.eventDay} (${f.days} days ago)`;
    case 'first-invoice':
      return sv ? `första fakturan ${s.eventDay}` : `first invoice issued on ${s.eventDay}`;
    case 'unpaid-invoice':
      return sv
        ? `faktura förföll ${s.eventDay} och är obetald (${f.daysOverdue} dagar sen, ${money(f.amount ?? 0, lang)} att betala)`
        : `invoice due on ${s.eventDay} unpaid (${f.daysOverdue} days overdue, ${money(f.amount ?? 0, lang)} outstanding)`;
    case 'complaint':
      return sv ? `reklamation öppnad ${s.eventDay}` : `complaint opened on ${s.eventDay}`;
    case 'complaint-late':
      return f.open
        ? sv
          ? `reklamation öppen sedan ${s.eventDay}, över målet`
          : `complaint open since ${s.eventDay}, past the target`
        : sv
          ? `reklamation löst för sent ${s.eventDay}`
          : `complaint resolved late on ${s.eventDay}`;
    case 'detractor':
      return sv
        ? `NPS-svar ${f.score} den ${s.eventDay} (kritiker)`
        : `NPS answer ${f.score} on ${s.eventDay} (detractor)`;
    case 'tier-downgrade':
      return sv
        ? `lägre värdesegment än föregående period`
        : `moved down a value tier since the previous window`;
    case 'lapsing':
      return sv
        ? `inget köp på ${f.days} dagar, ${dec(f.ratio ?? 0, 1, lang)} × eget köpintervall på ${Math.round(f.interval ?? 0)} dagar`
        : `no purchase for ${f.days} days, ${dec(f.ratio ?? 0, 1, lang)} × own interval of ${Math.round(f.interval ?? 0)} days`;
    case 'retention-fell':
      return sv
        ? `sannolikheten att behålla nyckelkunden föll från ${pct(f.before ?? 0, lang)} till ${pct(f.after ?? 0, lang)} vid bedömningen ${s.eventDay}`
        : `key account's retention probability fell from ${pct(f.before ?? 0, lang)} to ${pct(f.after ?? 0, lang)} at the assessment of ${s.eventDay}`;
  }
}

/** "Royals (Super 5%, high loyalty, mature): NPS answer 3 on 2025-12-20 (detractor); value at stake 1,234 = CLV 4,000 × risk 0.31". */
export function reasonText(s: Suggestion, lang: ReasonLang): string {
  const who = [
    s.tier === null ? null : tierName(s.tier, lang),
    LOYALTY_WORDS[s.loyalty]?.[lang],
    PHASE_WORDS[s.phase as Phase]?.[lang],
  ]
    .filter((x): x is string => !!x)
    .join(', ');
  const stake =
    lang === 'sv'
      ? `värde i spel ${money(s.valueAtStake, lang)} = CLV ${money(s.clv, lang)} × risk ${dec(s.risk, 2, lang)}`
      : `value at stake ${money(s.valueAtStake, lang)} = CLV ${money(s.clv, lang)} × risk ${dec(s.risk, 2, lang)}`;
  return `${segmentName(s.segment, lang)} (${who}): ${event(s, lang)}; ${stake}`;
}
