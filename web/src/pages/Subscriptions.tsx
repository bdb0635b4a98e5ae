/** Subscriptions: the subscription portfolio, products per customer and churn per product line, as tables. */
import { JsonTables } from '../components/JsonTables';
import { Load } from '../components/Status';
import { reportQuery, useSettings } from '../settings';
import { useApi } from '../use-api';

function Report({ path, title }: { path: string; title: string }) {
  const { settings } = useSettings();
  const { tiers: _tiers, ...q } = reportQuery(settings);
  const result = useApi<unknown>(path, { ...q, basis: undefined });
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <Load result={result}>{(json) => <JsonTables json={json} name={path.replace(/\//g, '-')} />}</Load>
    </section>
  );
}

export function SubscriptionsPage() {
  const { t } = useSettings();
  return (
    <>
      <h1>{t('subscriptions')}</h1>
      <Report path="reports/subscription" title={t('subscriptionPortfolio')} />
      <Report path="reports/products" title={t('productsPerCustomer')} />
      <Report path="reports/product-churn" title={t('productChurn')} />
    </>
  );
}
