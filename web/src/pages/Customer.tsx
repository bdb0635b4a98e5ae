/**
 * One customer: a search by id (prefix), then their P(alive) and predicted CLV (BG/NBD + Gamma-Gamma), orders
 * per month (a bar chart), value tier in each window, complaints, survey answers, contracts and the key accounts linked to them that the user may see
 * (`GET /api/customers/:id`, the JSON of `cvm customer ID`). Every table exports CSV. An admin can erase the
 * customer (`DELETE /api/customers/:id`, `cvm delete`): the dry run's rows per kind are shown for confirmation.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { get, request, type Session } from '../api';
import { ChartPanel, Notes, TablePanel } from '../components/ChartPanel';
import { ErrorMessage, Load } from '../components/Status';
import { fmt } from '../format';
import { tierName } from '../i18n';
import { navigate } from '../router';
import { reportQuery, useSettings } from '../settings';
import type { CustomerErasure, CustomerReport } from '../types';
import { useApi } from '../use-api';

function Search({ initial }: { initial: string }) {
  const { t } = useSettings();
  const [q, setQ] = useState(initial);
  const [matches, setMatches] = useState<string[]>([]);
  useEffect(() => {
    const prefix = q.trim();
    if (prefix === '') {
      setMatches([]);
      return;
    }
    let live = true;
    // suggestions are a convenience: a failed search leaves the list empty and the id can still be opened
    get<{ customers: string[] }>('customers', { q: prefix, limit: 10 }).then(
      (r) => live && setMatches(r.customers),
      () => live && setMatches([]),
    );
    return () => {
      live = false;
    };
  }, [q]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim() !== '') navigate(`customer/${encodeURIComponent(q.trim())}`);
  };
  return (
    <form className="panel search" onSubmit={submit} role="search" aria-label={t('customerSearch')}>
      <label>
        {t('customerId')}
        <input name="customer" value={q} list="customer-ids" onChange={(e) => setQ(e.target.value)} />
      </label>
      <datalist id="customer-ids">
        {matches.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <button type="submit">{t('showCustomer')}</button>
    </form>
  );
}

/**
 * Erasing the customer (admins): the dry run first, its rows per kind shown with a confirm and a cancel
 * button; the erasure itself is audited by the API and bumps the data version.
 */
function ErasePanel({ id, onErased }: { id: string; onErased: (e: CustomerErasure) => void }) {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const [dry, setDry] = useState<CustomerErasure | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const path = `customers/${encodeURIComponent(id)}`;
  const failed = (err: unknown) => setError(err instanceof Error ? err : new Error(String(err)));
  const ask = () => {
    setError(null);
    request<CustomerErasure>('DELETE', path, { dryRun: 'true', lang }).then(setDry, failed);
  };
  const confirm = () => {
    setError(null);
    request<CustomerErasure>('DELETE', path, { lang }).then(onErased, failed);
  };
  return (
    <section className="panel" aria-label={t('eraseCustomer')}>
      <h2>{t('eraseCustomer')}</h2>
      {dry === null ? (
        <button type="button" onClick={ask} data-testid="erase-ask">
          {t('eraseCustomer')}
        </button>
      ) : (
        <>
          <ErasureTable erasure={dry} />
          <p>{t('eraseConfirmText')}</p>
          <button type="button" onClick={confirm} data-testid="erase-confirm">
            {t('eraseConfirm')}
          </button>{' '}
          <button type="button" onClick={() => setDry(null)}>
            {t('eraseCancel')}
          </button>
        </>
      )}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

const ERASED_KIND = {
  customers: 'erasedCustomers',
  transactions: 'erasedTransactions',
  contracts: 'erasedContracts',
  complaints: 'erasedComplaints',
  surveys: 'erasedSurveys',
  invoices: 'erasedInvoices',
  actions: 'erasedActions',
  accounts: 'erasedAccounts',
} as const;

/** Rows per kind an erasure removed (or, in a dry run, would remove). */
function ErasureTable({ erasure }: { erasure: CustomerErasure }) {
  const { t } = useSettings();
  return (
    <>
      <TablePanel
        title={erasure.dryRun ? t('eraseDryRun') : t('erased')}
        csvName={`delete-${erasure.customerId}`}
        columns={[
          { key: 'kind', header: t('kind'), kind: 'text' },
          { key: 'table', header: t('storeTable'), kind: 'text' },
          { key: 'rows', header: erasure.dryRun ? t('rowsThatWouldGo') : t('rowsErased'), kind: 'int' },
        ]}
        rows={erasure.kinds.map((k) => ({ kind: t(ERASED_KIND[k.kind]), table: k.table, rows: k.rows }))}
      />
      <Notes notes={erasure.notes} />
    </>
  );
}

const UNIT = { day: 'unitDays', week: 'unitWeeks', month: 'unitMonths' } as const;

/**
 * P(alive) and predicted CLV from the models fitted on the whole store as of the page's as-of day (the
 * server keeps the fit per data version), with the model, time unit, horizon and discount rate; a plain
 * sentence pointing to the note when there is no fit or no history of the customer.
 */
function ModelPanel({ report: r }: { report: CustomerReport }) {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const m = r.model;
  if (m === null)
    return (
      <section className="panel" aria-label={t('customerModel')}>
        <h2>{t('customerModel')}</h2>
        <p className="empty" data-testid="customer-no-model">
          {t('noModel')}
        </p>
      </section>
    );
  return (
    <TablePanel
      title={t('customerModel')}
      csvName={`customer-${r.customerId}-clv`}
      columns={[
        { key: 'x', header: t('repeatPurchases'), kind: 'int' },
        { key: 'tx', header: `${t('recency')} (${t(UNIT[m.timeUnit])})`, kind: 'decimal' },
        { key: 'T', header: `${t('ageT')} (${t(UNIT[m.timeUnit])})`, kind: 'decimal' },
        { key: 'pAlive', header: t('pAlive'), kind: 'percent' },
        { key: 'expectedPurchases', header: t('expectedPurchases'), kind: 'decimal' },
        { key: 'expectedSpend', header: t('expectedSpend'), kind: 'money', decimals: 2 },
        { key: 'clv', header: t('clv'), kind: 'money', decimals: 2 },
      ]}
      rows={[m]}
    >
      <dl className="facts">
        <dt>{t('pAlive')}</dt>
        <dd data-testid="customer-p-alive">{fmt(m.pAlive, 'percent', lang)}</dd>
        <dt>{t('clv')}</dt>
        <dd data-testid="customer-clv">{fmt(m.clv, 'money', lang, 2)}</dd>
      </dl>
      <p data-testid="customer-model-basis">
        {t('modelBasis')
          .replace('{model}', m.spendModel ? `${m.name} + ${m.spendModel}` : m.name)
          .replace('{customers}', fmt(m.fittedCustomers, 'int', lang))
          .replace('{end}', m.calibrationEnd)
          .replace('{unit}', t(UNIT[m.timeUnit]))
          .replace('{months}', String(m.horizonMonths))
          .replace('{rate}', fmt(m.discountRate, 'percent', lang, 0))}
      </p>
    </TablePanel>
  );
}

function CustomerView({ id, session }: { id: string; session: Session }) {
  const [erased, setErased] = useState<CustomerErasure | null>(null);
  if (erased !== null)
    return (
      <div role="status" data-testid="erase-result">
        <ErasureTable erasure={erased} />
      </div>
    );
  return <CustomerReportView id={id} session={session} onErased={setErased} />;
}

function CustomerReportView({
  id,
  session,
  onErased,
}: {
  id: string;
  session: Session;
  onErased: (e: CustomerErasure) => void;
}) {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const { asOf, window, tiers, value } = reportQuery(settings);
  const report = useApi<CustomerReport>(`customers/${encodeURIComponent(id)}`, {
    asOf,
    window,
    tiers,
    value,
  });
  return (
    <Load result={report}>
      {(r) => (
        <>
          <h2 data-testid="customer-id">
            {r.customerId}
            {r.customer?.name ? ` ${r.customer.name}` : ''}
          </h2>
          <dl className="facts">
            <dt>{t('asOf')}</dt>
            <dd>{r.asOf}</dd>
            <dt>{t('orders')}</dt>
            <dd data-testid="customer-orders">{fmt(r.summary.orders, 'int', lang)}</dd>
            <dt>{t('revenue')}</dt>
            <dd data-testid="customer-revenue">{fmt(r.summary.revenue, 'money', lang)}</dd>
            <dt>{t('firstLastMonth')}</dt>
            <dd>
              {r.summary.firstMonth ?? '–'} – {r.summary.lastMonth ?? '–'}
            </dd>
            <dt>{t('complaintsOpen')}</dt>
            <dd>
              {fmt(r.summary.complaints, 'int', lang)} / {fmt(r.summary.openComplaints, 'int', lang)}
            </dd>
            <dt>{t('keyAccountsLinked')}</dt>
            <dd data-testid="customer-key-accounts">
              {r.keyAccounts.length === 0
                ? '–'
                : r.keyAccounts.map((k, i) => (
                    <span key={k.accountId}>
                      {i > 0 ? ', ' : ''}
                      <a href={`#/accounts/${encodeURIComponent(k.accountId)}`}>
                        {k.accountId} {k.name}
                      </a>
                    </span>
                  ))}
            </dd>
          </dl>
          <Notes notes={r.notes} />
          <ModelPanel report={r} />
          <TablePanel
            title={t('tierPath')}
            csvName={`customer-${r.customerId}-tiers`}
            columns={[
              { key: 'to', header: t('windowEnd'), kind: 'text' },
              { key: 'tier', header: t('tier'), kind: 'text' },
              { key: 'rank', header: t('rank'), kind: 'int' },
              { key: 'activeCustomers', header: t('activeCustomers'), kind: 'int' },
              { key: 'purchases', header: t('purchases'), kind: 'int' },
              { key: 'value', header: t('value'), kind: 'money' },
            ]}
            rows={r.tiers.map((s) => ({
              to: s.window.endInclusive,
              tier: s.tier === null ? t('notActive') : tierName(s.tier, lang),
              rank: s.rank,
              activeCustomers: s.activeCustomers,
              purchases: s.purchases,
              value: s.value,
            }))}
          />
          <ChartPanel
            title={t('ordersPerMonth')}
            csvName={`customer-${r.customerId}-months`}
            columns={[
              { key: 'month', header: t('month'), kind: 'text' },
              { key: 'orders', header: t('orders'), kind: 'int' },
              { key: 'revenue', header: t('revenue'), kind: 'money' },
              { key: 'margin', header: t('margin'), kind: 'money' },
            ]}
            rows={r.months}
            option={{
              tooltip: { trigger: 'axis' },
              grid: { left: 70, right: 20, top: 20, bottom: 40 },
              xAxis: { type: 'category', data: r.months.map((m) => m.month) },
              yAxis: { type: 'value' },
              series: [{ type: 'bar', name: t('revenue'), data: r.months.map((m) => m.revenue) }],
            }}
          />
          <TablePanel
            title={t('complaintsTitle')}
            csvName={`customer-${r.customerId}-complaints`}
            columns={[
              { key: 'complaintId', header: t('complaint'), kind: 'text' },
              { key: 'openedAt', header: t('opened'), kind: 'text' },
              { key: 'resolvedAt', header: t('resolved'), kind: 'text' },
              { key: 'category', header: t('category'), kind: 'text' },
              { key: 'outcome', header: t('outcome'), kind: 'text' },
              { key: 'satisfaction', header: t('satisfactionScore'), kind: 'int' },
            ]}
            rows={r.complaints}
          />
          <TablePanel
            title={t('surveyAnswers')}
            csvName={`customer-${r.customerId}-surveys`}
            columns={[
              { key: 'answeredOn', header: t('day'), kind: 'text' },
              { key: 'kind', header: t('survey'), kind: 'text' },
              { key: 'score', header: t('score'), kind: 'int' },
              { key: 'comment', header: t('comment'), kind: 'text' },
            ]}
            rows={r.surveys}
          />
          <TablePanel
            title={t('contracts')}
            csvName={`customer-${r.customerId}-contracts`}
            columns={[
              { key: 'contractId', header: t('contract'), kind: 'text' },
              { key: 'startDate', header: t('start'), kind: 'text' },
              { key: 'endDate', header: t('end'), kind: 'text' },
              { key: 'productLine', header: t('productLine'), kind: 'text' },
              { key: 'annualFee', header: t('annualFee'), kind: 'money' },
            ]}
            rows={r.contracts}
          />
          {session.user.role === 'admin' && <ErasePanel id={id} onErased={onErased} />}
        </>
      )}
    </Load>
  );
}

export function CustomerPage({ id, session }: { id: string | undefined; session: Session }) {
  const { t } = useSettings();
  return (
    <>
      <h1>{t('customer')}</h1>
      <Search key={id ?? ''} initial={id ?? ''} />
      {id !== undefined && <CustomerView key={id} id={id} session={session} />}
    </>
  );
}
