/**
 * Subscriptions: the subscription portfolio by segment (CLV total and revenue per customer), products per
 * customer (the shares holding 1, 2, 3 and 4+ lines, cross-sell and down-sell), churn per product line split
 * into customers who left the company and customers who stayed with other products, and the depth of
 * loyalty per tier and for the most valuable customers. Every chart can show its table and export it.
 */
import { ChartPanel, Notes, TablePanel } from '../components/ChartPanel';
import { Load } from '../components/Status';
import { tierName, type LabelKey } from '../i18n';
import { reportQuery, useSettings } from '../settings';
import type { LoyaltyDepthReport, ProductChurnReport, ProductsReport, SubscriptionReport } from '../types';
import { useApi } from '../use-api';

/** How many of the most valuable customers the depth-of-loyalty list shows. */
const DEPTH_CUSTOMERS = 20;

/** The settings as query parameters of the contract reports: their own segments, contract activity. */
function useContractQuery(): Record<string, string | undefined> {
  const { settings } = useSettings();
  const { tiers: _tiers, value: _value, ...q } = reportQuery(settings);
  return { ...q, basis: undefined };
}

function Portfolio() {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const result = useApi<SubscriptionReport>('reports/subscription', useContractQuery());
  const skiFrom: Record<'ski' | 'csat', LabelKey> = { ski: 'skiSurvey', csat: 'csatRescaled' };
  return (
    <Load result={result}>
      {(r) => {
        const rows = [...r.tiers, { ...r.total, tier: lang === 'sv' ? 'Totalt' : 'Total' }].map((x, i) => ({
          tier: i < r.tiers.length ? tierName(x.tier, lang) : x.tier,
          customers: x.customers,
          revenuePerCustomer: x.revenuePerCustomer,
          productsPerCustomer: x.productsPerCustomer,
          duration: x.retention.duration,
          tenureYears: x.tenureYears,
          ski: x.ski,
          skiSource: x.skiSource === null ? null : t(skiFrom[x.skiSource]),
          nps: x.nps.score,
          npsMargin: x.nps.marginOfError,
          npsAnswers: x.nps.n,
          clvIndex: x.clvIndex,
          clvTotal: x.clvTotal,
          retention: x.retention.retention,
        }));
        const segments = rows.slice(0, r.tiers.length);
        return (
          <ChartPanel
            title={`${t('subscriptionPortfolio')} — ${t('asOf')} ${r.asOf}`}
            csvName="subscription"
            columns={[
              { key: 'tier', header: t('segment'), kind: 'text' },
              { key: 'customers', header: t('customers'), kind: 'int' },
              { key: 'revenuePerCustomer', header: t('revenuePerCustomer'), kind: 'money' },
              {
                key: 'productsPerCustomer',
                header: t('productsPerCustomerShort'),
                kind: 'decimal',
                decimals: 1,
              },
              { key: 'duration', header: t('durationYears'), kind: 'decimal' },
              { key: 'tenureYears', header: t('tenureYears'), kind: 'decimal', decimals: 1 },
              { key: 'ski', header: t('ski'), kind: 'decimal', decimals: 0 },
              { key: 'skiSource', header: t('skiFrom'), kind: 'text' },
              { key: 'nps', header: t('npsScore'), kind: 'decimal', decimals: 0 },
              { key: 'npsMargin', header: t('npsMargin'), kind: 'decimal', decimals: 0 },
              { key: 'npsAnswers', header: t('npsAnswers'), kind: 'int' },
              { key: 'clvIndex', header: t('clvIndex'), kind: 'decimal', decimals: 1 },
              { key: 'clvTotal', header: t('clvTotal'), kind: 'money' },
              { key: 'retention', header: t('retentionRate'), kind: 'percent' },
            ]}
            rows={rows}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 80, right: 80, top: 40, bottom: 40 },
              xAxis: { type: 'category', data: segments.map((x) => x.tier) },
              yAxis: [
                { type: 'value', name: t('clvTotal') },
                { type: 'value', name: t('revenuePerCustomer') },
              ],
              series: [
                { type: 'bar', name: t('clvTotal'), data: segments.map((x) => x.clvTotal) },
                {
                  type: 'line',
                  name: t('revenuePerCustomer'),
                  yAxisIndex: 1,
                  data: segments.map((x) => x.revenuePerCustomer),
                },
              ],
            }}
          >
            <Notes notes={r.notes} />
          </ChartPanel>
        );
      }}
    </Load>
  );
}

function Products() {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const result = useApi<ProductsReport>('reports/products', useContractQuery());
  const holdings: LabelKey[] = ['lines1', 'lines2', 'lines3', 'lines4'];
  return (
    <Load result={result}>
      {(r) => {
        const rows = [...r.tiers, { ...r.total, tier: lang === 'sv' ? 'Totalt' : 'Total' }].map((x, i) => ({
          tier: i < r.tiers.length ? tierName(x.tier, lang) : x.tier,
          customers: x.customers,
          productsPerCustomer: x.productsPerCustomer,
          h1: x.holdingShares?.[0] ?? null,
          h2: x.holdingShares?.[1] ?? null,
          h3: x.holdingShares?.[2] ?? null,
          h4: x.holdingShares?.[3] ?? null,
          previousCustomers: x.previousCustomers,
          retained: x.retained,
          crossSellRate: x.crossSellRate,
          downSellRate: x.downSellRate,
        }));
        const segments = rows.slice(0, r.tiers.length);
        return (
          <ChartPanel
            title={`${t('productsPerCustomer')} — ${t('asOf')} ${r.asOf}`}
            csvName="products"
            columns={[
              { key: 'tier', header: t('segment'), kind: 'text' },
              { key: 'customers', header: t('customers'), kind: 'int' },
              {
                key: 'productsPerCustomer',
                header: t('productsPerCustomerShort'),
                kind: 'decimal',
                decimals: 2,
              },
              ...holdings.map((h, k) => ({ key: `h${k + 1}`, header: t(h), kind: 'percent' as const })),
              { key: 'previousCustomers', header: t('customersBefore'), kind: 'int' },
              { key: 'retained', header: t('retained'), kind: 'int' },
              { key: 'crossSellRate', header: t('crossSell'), kind: 'percent' },
              { key: 'downSellRate', header: t('downSell'), kind: 'percent' },
            ]}
            rows={rows}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 60, right: 30, top: 40, bottom: 40 },
              xAxis: { type: 'category', data: segments.map((x) => x.tier) },
              yAxis: { type: 'value', max: 100, name: '%' },
              series: holdings.map((h, k) => ({
                type: 'bar',
                stack: 'holding',
                name: t(h),
                data: segments.map((x) => {
                  const v = [x.h1, x.h2, x.h3, x.h4][k];
                  return v === null || v === undefined ? null : v * 100;
                }),
              })),
            }}
          >
            <Notes notes={r.notes} />
          </ChartPanel>
        );
      }}
    </Load>
  );
}

function ProductChurn() {
  const { t } = useSettings();
  const result = useApi<ProductChurnReport>('reports/product-churn', useContractQuery());
  return (
    <Load result={result}>
      {(r) => {
        const rows = r.lines.map((x) => ({ ...x, line: x.line === '' ? t('noProductLine') : x.line }));
        return (
          <ChartPanel
            title={`${t('productChurn')} — ${t('asOf')} ${r.asOf}`}
            csvName="product-churn"
            columns={[
              { key: 'line', header: t('productLine'), kind: 'text' },
              { key: 'holdersBefore', header: t('holdersBefore'), kind: 'int' },
              { key: 'holdersAfter', header: t('holdersAfter'), kind: 'int' },
              { key: 'churn', header: t('productChurnRate'), kind: 'percent' },
              { key: 'leftRate', header: t('leftCompany'), kind: 'percent' },
              { key: 'stayedRate', header: t('stayedCustomer'), kind: 'percent' },
              { key: 'added', header: t('added'), kind: 'int' },
            ]}
            rows={rows}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 60, right: 30, top: 40, bottom: 40 },
              xAxis: { type: 'category', data: rows.map((x) => x.line) },
              yAxis: { type: 'value', name: '%' },
              series: [
                {
                  type: 'bar',
                  stack: 'churn',
                  name: t('leftCompany'),
                  data: rows.map((x) => (x.leftRate === null ? null : x.leftRate * 100)),
                },
                {
                  type: 'bar',
                  stack: 'churn',
                  name: t('stayedCustomer'),
                  data: rows.map((x) => (x.stayedRate === null ? null : x.stayedRate * 100)),
                },
              ],
            }}
          >
            <Notes notes={r.notes} />
          </ChartPanel>
        );
      }}
    </Load>
  );
}

function LoyaltyDepth() {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const q = { ...reportQuery(settings), basis: undefined, customers: String(DEPTH_CUSTOMERS) };
  const result = useApi<LoyaltyDepthReport>('reports/loyalty-depth', q);
  const dimensions = [
    { key: 'tenureYears', header: t('depthTenure'), kind: 'decimal', decimals: 1 },
    { key: 'frequency', header: t('depthFrequency'), kind: 'decimal', decimals: 1 },
    { key: 'volume', header: t('depthVolume'), kind: 'money' },
    { key: 'depth', header: t('depthLines'), kind: 'decimal' },
    { key: 'shareOfWallet', header: t('shareOfWallet'), kind: 'percent' },
  ] as const;
  return (
    <Load result={result}>
      {(r) => (
        <>
          <TablePanel
            title={`${t('loyaltyDepth')} — ${t('asOf')} ${r.asOf}`}
            csvName="loyalty-depth"
            columns={[
              { key: 'tier', header: t('tier'), kind: 'text' },
              { key: 'customers', header: t('customers'), kind: 'int' },
              ...dimensions,
            ]}
            rows={[
              ...r.tiers.map((x) => ({ ...x, tier: tierName(x.tier, lang) })),
              { ...r.total, tier: lang === 'sv' ? 'Totalt' : 'Total' },
            ]}
          >
            <Notes notes={r.notes} />
          </TablePanel>
          <TablePanel
            title={t('loyaltyDepthCustomers')}
            csvName="loyalty-depth-customers"
            columns={[
              { key: 'customerId', header: t('customer'), kind: 'text' },
              { key: 'rank', header: t('rank'), kind: 'int' },
              { key: 'tier', header: t('tier'), kind: 'text' },
              { key: 'value', header: t('value'), kind: 'money' },
              ...dimensions.map((d) => (d.key === 'depth' ? { ...d, kind: 'int' as const } : d)),
              { key: 'categorySpend', header: t('categorySpend'), kind: 'money' },
            ]}
            rows={r.customers.map((x) => ({ ...x, tier: tierName(x.tier, lang) }))}
          />
        </>
      )}
    </Load>
  );
}

export function SubscriptionsPage() {
  const { t } = useSettings();
  return (
    <>
      <h1>{t('subscriptions')}</h1>
      <Portfolio />
      <Products />
      <ProductChurn />
      <LoyaltyDepth />
    </>
  );
}
