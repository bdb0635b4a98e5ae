/** The loyalty-programme tables: members against non-members, before and after joining, matched DiD. */
import type { ProgrammeReport } from '../../app/reports/programme';
import type { MatchedFigure } from '../../core/kpi/programme';
import { formatNumber, type Lang, type Printable } from '../output';
import { col, inBoth, l, tierLabel } from './labels';

const change = (f: { before: number | null; after: number | null }): number | null =>
  f.before === null || f.after === null ? null : f.after - f.before;
const memberChange = (f: MatchedFigure): number | null =>
  change({ before: f.memberBefore, after: f.memberAfter });
const controlChange = (f: MatchedFigure): number | null =>
  change({ before: f.controlBefore, after: f.controlAfter });

export function programmePrintable(r: ProgrammeReport, lang: Lang): Printable {
  const tier = (name: string | null): string =>
    name === null
      ? l('Not active before', 'Inte aktiv före')[lang]
      : name === 'total'
        ? l('Total', 'Totalt')[lang]
        : tierLabel(name, lang);
  const naive = [...r.naive.tiers, r.naive.total].map((t) => ({
    tier: tier(t.tier),
    memberCustomers: t.members.customers,
    nonMemberCustomers: t.nonMembers.customers,
    memberFrequency: t.members.frequency,
    nonMemberFrequency: t.nonMembers.frequency,
    memberVolume: t.members.volume,
    nonMemberVolume: t.nonMembers.volume,
    memberRetention: t.members.retention,
    nonMemberRetention: t.nonMembers.retention,
  }));
  const beforeAfter = [...r.beforeAfter.tiers, r.beforeAfter.total].map((t) => ({
    ...t,
    tier: tier(t.tier),
  }));
  const matched = [...r.matched.tiers, r.matched.total].map((t) => ({
    tier: tier(t.tier),
    matchedMembers: t.matchedMembers,
    controls: t.controls,
    unmatchedMembers: t.unmatchedMembers,
    frequencyMemberChange: memberChange(t.frequency),
    frequencyControlChange: controlChange(t.frequency),
    frequencyDid: t.frequency.did,
    volumeMemberChange: memberChange(t.volume),
    volumeControlChange: controlChange(t.volume),
    volumeDid: t.volume.did,
    retentionMembers: t.retentionMembers,
    retentionDid: t.retention.did,
  }));
  const period = l(`as of ${r.asOf} (${r.windowMonths} months)`, `per ${r.asOf} (${r.windowMonths} månader)`)[
    lang
  ];
  return {
    json: r,
    tables: [
      {
        name: 'naive',
        title: l(
          `Members and non-members by value tier, ${period}`,
          `Medlemmar och icke-medlemmar per kundkategori, ${period}`,
        ),
        columns: [
          col('tier', l('Tier', 'Kundkategori'), 'text'),
          col('memberCustomers', l('Members', 'Medlemmar'), 'int'),
          col('nonMemberCustomers', l('Non-members', 'Icke-medlemmar'), 'int'),
          col(
            'memberFrequency',
            l('Frequency, members (purchases/year)', 'Frekvens, medlemmar (köp/år)'),
            'decimal',
            1,
          ),
          col('nonMemberFrequency', l('Frequency, non-members', 'Frekvens, icke-medlemmar'), 'decimal', 1),
          col('memberVolume', l('Volume, members (revenue/year)', 'Volym, medlemmar (intäkt/år)'), 'money'),
          col('nonMemberVolume', l('Volume, non-members', 'Volym, icke-medlemmar'), 'money'),
          col('memberRetention', l('Retention, members', 'Retention, medlemmar'), 'percent'),
          col('nonMemberRetention', l('Retention, non-members', 'Retention, icke-medlemmar'), 'percent'),
        ],
        rows: naive,
        totals: [naive.length - 1],
        notes: r.notes,
      },
      {
        name: 'before-after',
        title: l(
          `Members ${r.windowMonths} months before and after the month of joining, by value tier before joining`,
          `Medlemmar ${r.windowMonths} månader före och efter inträdesmånaden, per kundkategori före inträdet`,
        ),
        columns: [
          col('tier', l('Tier before joining', 'Kundkategori före inträdet'), 'text'),
          col('members', l('Members', 'Medlemmar'), 'int'),
          col('frequencyBefore', l('Frequency before', 'Frekvens före'), 'decimal', 1),
          col('frequencyAfter', l('Frequency after', 'Frekvens efter'), 'decimal', 1),
          col('volumeBefore', l('Volume before', 'Volym före'), 'money'),
          col('volumeAfter', l('Volume after', 'Volym efter'), 'money'),
          col('retentionBefore', l('Retention before', 'Retention före'), 'percent'),
          col('retentionAfter', l('Retention after', 'Retention efter'), 'percent'),
        ],
        rows: beforeAfter,
        totals: [beforeAfter.length - 1],
        notes: [
          inBoth((lang) => {
            const { tooRecent, shortHistory } = r.beforeAfter.leftOut;
            const [a, b] = [formatNumber(tooRecent, 0, lang), formatNumber(shortHistory, 0, lang)];
            return lang === 'sv'
              ? `utelämnade: ${a} gick med för nyligen, ${b} med för kort historik`
              : `left out: ${a} joined too recently, ${b} with too little history`;
          }),
        ],
      },
      {
        name: 'matched',
        title: l(
          'Matched comparison (same month of joining, tier, tenure band and purchase in that month): difference in differences',
          'Matchad jämförelse (samma inträdesmånad, kundkategori, kundålder och köp i den månaden): skillnad i skillnader',
        ),
        columns: [
          col('tier', l('Tier before joining', 'Kundkategori före inträdet'), 'text'),
          col('matchedMembers', l('Matched members', 'Matchade medlemmar'), 'int'),
          col('controls', l('Controls', 'Kontroller'), 'int'),
          col('unmatchedMembers', l('Unmatched', 'Omatchade'), 'int'),
          col(
            'frequencyMemberChange',
            l('Frequency change, members', 'Frekvensändring, medlemmar'),
            'decimal',
            2,
          ),
          col(
            'frequencyControlChange',
            l('Frequency change, controls', 'Frekvensändring, kontroller'),
            'decimal',
            2,
          ),
          col('frequencyDid', l('Frequency DiD', 'Frekvens, skillnad i skillnader'), 'decimal', 2),
          col('volumeMemberChange', l('Volume change, members', 'Volymändring, medlemmar'), 'money'),
          col('volumeControlChange', l('Volume change, controls', 'Volymändring, kontroller'), 'money'),
          col('volumeDid', l('Volume DiD', 'Volym, skillnad i skillnader'), 'money'),
          col('retentionMembers', l('Members in retention', 'Medlemmar i retention'), 'int'),
          col('retentionDid', l('Retention DiD', 'Retention, skillnad i skillnader'), 'percent'),
        ],
        rows: matched,
        totals: [matched.length - 1],
      },
    ],
  };
}
