/**
 * Loyalty programme: members against non-members per value tier (frequency and volume side by side), members
 * before and after joining, and the matched difference in differences per tier (docs/metrics.md,
 * "Loyalty-programme effect"), with the self-selection caveat among the notes. Every chart can show its
 * table and export it.
 */
import { ChartPanel, Notes, TablePanel } from '../components/ChartPanel';
import { Load } from '../components/Status';
import { tierName } from '../i18n';
import { reportQuery, useSettings } from '../settings';
import type { ProgrammeReport } from '../types';
import { useApi } from '../use-api';

export function ProgrammePage() {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const result = useApi<ProgrammeReport>('reports/programme', { ...reportQuery(settings), basis: undefined });
  const total = lang === 'sv' ? 'Totalt' : 'Total';
  const tier = (name: string | null): string =>
    name === null ? t('notActiveBefore') : name === 'total' ? total : tierName(name, lang);
  return (
    <>
      <h1>{t('programme')}</h1>
      <Load result={result}>
        {(r) => {
          const naive = [...r.naive.tiers, r.naive.total].map((x) => ({
            tier: tier(x.tier),
            memberCustomers: x.members.customers,
            nonMemberCustomers: x.nonMembers.customers,
            memberFrequency: x.members.frequency,
            nonMemberFrequency: x.nonMembers.frequency,
            memberVolume: x.members.volume,
            nonMemberVolume: x.nonMembers.volume,
            memberRetention: x.members.retention,
            nonMemberRetention: x.nonMembers.retention,
          }));
          const perTier = naive.slice(0, r.naive.tiers.length);
          const beforeAfter = [...r.beforeAfter.tiers, r.beforeAfter.total].map((x) => ({
            ...x,
            tier: tier(x.tier),
          }));
          const matched = [...r.matched.tiers, r.matched.total].map((x) => ({
            tier: tier(x.tier),
            matchedMembers: x.matchedMembers,
            controls: x.controls,
            unmatchedMembers: x.unmatchedMembers,
            frequencyDid: x.frequency.did,
            volumeDid: x.volume.did,
            retentionDid: x.retention.did,
          }));
          return (
            <>
              <ChartPanel
                title={`${t('programmeNaive')} — ${t('asOf')} ${r.asOf}`}
                csvName="programme-naive"
                columns={[
                  { key: 'tier', header: t('tier'), kind: 'text' },
                  { key: 'memberCustomers', header: t('members'), kind: 'int' },
                  { key: 'nonMemberCustomers', header: t('nonMembers'), kind: 'int' },
                  { key: 'memberFrequency', header: t('frequencyMembers'), kind: 'decimal', decimals: 1 },
                  {
                    key: 'nonMemberFrequency',
                    header: t('frequencyNonMembers'),
                    kind: 'decimal',
                    decimals: 1,
                  },
                  { key: 'memberVolume', header: t('volumeMembers'), kind: 'money' },
                  { key: 'nonMemberVolume', header: t('volumeNonMembers'), kind: 'money' },
                  { key: 'memberRetention', header: t('retentionMembers'), kind: 'percent' },
                  { key: 'nonMemberRetention', header: t('retentionNonMembers'), kind: 'percent' },
                ]}
                rows={naive}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { left: 60, right: 60, top: 40, bottom: 40 },
                  xAxis: { type: 'category', data: perTier.map((x) => x.tier) },
                  yAxis: [
                    { type: 'value', name: t('volumeMembers') },
                    { type: 'value', name: t('frequencyMembers') },
                  ],
                  series: [
                    { type: 'bar', name: t('volumeMembers'), data: perTier.map((x) => x.memberVolume) },
                    { type: 'bar', name: t('volumeNonMembers'), data: perTier.map((x) => x.nonMemberVolume) },
                    {
                      type: 'line',
                      yAxisIndex: 1,
                      name: t('frequencyMembers'),
                      data: perTier.map((x) => x.memberFrequency),
                    },
                    {
                      type: 'line',
                      yAxisIndex: 1,
                      name: t('frequencyNonMembers'),
                      data: perTier.map((x) => x.nonMemberFrequency),
                    },
                  ],
                }}
              >
                <Notes notes={r.notes} />
              </ChartPanel>
              <TablePanel
                title={`${t('programmeBeforeAfter')} (${r.windowMonths} ${t('months')})`}
                csvName="programme-before-after"
                columns={[
                  { key: 'tier', header: t('tierBeforeJoining'), kind: 'text' },
                  { key: 'members', header: t('members'), kind: 'int' },
                  { key: 'frequencyBefore', header: t('frequencyBefore'), kind: 'decimal', decimals: 1 },
                  { key: 'frequencyAfter', header: t('frequencyAfter'), kind: 'decimal', decimals: 1 },
                  { key: 'volumeBefore', header: t('volumeBefore'), kind: 'money' },
                  { key: 'volumeAfter', header: t('volumeAfter'), kind: 'money' },
                  { key: 'retentionBefore', header: t('retentionBefore'), kind: 'percent' },
                  { key: 'retentionAfter', header: t('retentionAfter'), kind: 'percent' },
                ]}
                rows={beforeAfter}
              />
              <ChartPanel
                title={t('programmeMatched')}
                csvName="programme-matched"
                columns={[
                  { key: 'tier', header: t('tierBeforeJoining'), kind: 'text' },
                  { key: 'matchedMembers', header: t('matchedMembers'), kind: 'int' },
                  { key: 'controls', header: t('controls'), kind: 'int' },
                  { key: 'unmatchedMembers', header: t('unmatched'), kind: 'int' },
                  { key: 'frequencyDid', header: t('frequencyDid'), kind: 'decimal', decimals: 2 },
                  { key: 'volumeDid', header: t('volumeDid'), kind: 'money' },
                  { key: 'retentionDid', header: t('retentionDid'), kind: 'percent' },
                ]}
                rows={matched}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { left: 60, right: 60, top: 40, bottom: 40 },
                  xAxis: { type: 'category', data: matched.map((x) => x.tier) },
                  yAxis: [
                    { type: 'value', name: t('frequencyDid') },
                    { type: 'value', name: t('volumeDid') },
                  ],
                  series: [
                    { type: 'bar', name: t('frequencyDid'), data: matched.map((x) => x.frequencyDid) },
                    {
                      type: 'bar',
                      yAxisIndex: 1,
                      name: t('volumeDid'),
                      data: matched.map((x) => x.volumeDid),
                    },
                  ],
                }}
              />
            </>
          );
        }}
      </Load>
    </>
  );
}
