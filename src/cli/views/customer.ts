/** The customer page as tables: the profile, orders per month, the tier path, complaints, surveys, contracts. */
import type { CustomerErasure } from '../../app/customers/erase';
import type { CustomerReport } from '../../app/customers/report';
import { formatNumber, type Lang, type Printable, type TableView } from '../output';
import { col, l, tierLabel } from './labels';

export function customerPrintable(r: CustomerReport, lang: Lang): Printable {
  const none = l('not active', 'inte aktiv')[lang];
  const c = r.customer;
  const profile: TableView = {
    name: 'customer',
    title: l(`Customer ${r.customerId}, as of ${r.asOf}`, `Kund ${r.customerId}, per ${r.asOf}`),
    columns: [
      col('customer', l('Customer', 'Kund'), 'text'),
      col('name', l('Name', 'Namn'), 'text'),
      col('acquiredOn', l('Acquired', 'Förvärvad'), 'date'),
      col('region', l('Region', 'Region'), 'text'),
      col('orders', l('Orders', 'Order'), 'int'),
      col('revenue', l('Revenue', 'Intäkt'), 'money'),
      col('firstMonth', l('First month', 'Första månad'), 'text'),
      col('lastMonth', l('Last month', 'Senaste månad'), 'text'),
      col('complaints', l('Complaints', 'Klagomål'), 'int'),
      col('openComplaints', l('Open', 'Öppna'), 'int'),
      col('keyAccounts', l('Key accounts', 'Nyckelkunder'), 'text'),
    ],
    rows: [
      {
        customer: r.customerId,
        name: c?.name ?? null,
        acquiredOn: c?.acquiredOn ?? null,
        region: c?.region ?? null,
        orders: r.summary.orders,
        revenue: r.summary.revenue,
        firstMonth: r.summary.firstMonth,
        lastMonth: r.summary.lastMonth,
        complaints: r.summary.complaints,
        openComplaints: r.summary.openComplaints,
        keyAccounts: r.keyAccounts.map((k) => `${k.accountId} (${k.manager})`).join(', '),
      },
    ],
    notes: r.notes,
  };
  return {
    json: r,
    tables: [
      profile,
      {
        name: 'tiers',
        title: l(
          `Value tier per window of ${r.windowMonths} months (${r.value})`,
          `Värdekategori per fönster om ${r.windowMonths} månader (${r.value === 'margin' ? 'marginal' : 'intäkt'})`,
        ),
        columns: [
          col('from', l('After', 'Efter'), 'date'),
          col('to', l('Up to', 'Till och med'), 'date'),
          col('tier', l('Tier', 'Kategori'), 'text'),
          col('rank', l('Rank', 'Rang'), 'int'),
          col('activeCustomers', l('Active customers', 'Aktiva kunder'), 'int'),
          col('purchases', l('Purchases', 'Köp'), 'int'),
          col('value', l('Value', 'Värde'), 'money'),
        ],
        rows: r.tiers.map((t) => ({
          from: t.window.startExclusive,
          to: t.window.endInclusive,
          tier: t.tier === null ? none : tierLabel(t.tier, lang),
          rank: t.rank,
          activeCustomers: t.activeCustomers,
          purchases: t.purchases,
          value: t.value,
        })),
      },
      modelTable(r),
      {
        name: 'months',
        title: l('Orders per month', 'Order per månad'),
        columns: [
          col('month', l('Month', 'Månad'), 'text'),
          col('orders', l('Orders', 'Order'), 'int'),
          col('revenue', l('Revenue', 'Intäkt'), 'money'),
          col('margin', l('Margin', 'Marginal'), 'money'),
        ],
        rows: r.months.map((m) => ({ ...m })),
      },
      {
        name: 'complaints',
        title: l('Complaints', 'Klagomål'),
        columns: [
          col('complaintId', l('Complaint', 'Klagomål'), 'text'),
          col('openedAt', l('Opened', 'Öppnat'), 'text'),
          col('resolvedAt', l('Resolved', 'Löst'), 'text'),
          col('category', l('Category', 'Kategori'), 'text'),
          col('outcome', l('Outcome', 'Utfall'), 'text'),
          col('satisfaction', l('Satisfaction', 'Nöjdhet'), 'int'),
        ],
        rows: r.complaints.map((c) => ({ ...c })),
      },
      {
        name: 'surveys',
        title: l('Survey answers', 'Enkätsvar'),
        columns: [
          col('responseId', l('Answer', 'Svar'), 'text'),
          col('answeredOn', l('Day', 'Dag'), 'date'),
          col('kind', l('Survey', 'Enkät'), 'text'),
          col('score', l('Score', 'Poäng'), 'int'),
          col('comment', l('Comment', 'Kommentar'), 'text'),
        ],
        rows: r.surveys.map((s) => ({ ...s })),
      },
      {
        name: 'contracts',
        title: l('Contracts', 'Avtal'),
        columns: [
          col('contractId', l('Contract', 'Avtal'), 'text'),
          col('startDate', l('Start', 'Start'), 'date'),
          col('endDate', l('End', 'Slut'), 'date'),
          col('productLine', l('Product line', 'Produktlinje'), 'text'),
          col('annualFee', l('Annual fee', 'Årsavgift'), 'money'),
        ],
        rows: r.contracts.map((k) => ({ ...k })),
      },
    ],
  };
}

/**
 * P(alive) and predicted CLV, with the model, calibration end, time unit, horizon and discount rate they
 * rest on; no row (the reason in the notes) when there is no fit or no history of the customer.
 */
function modelTable(r: CustomerReport): TableView {
  const m = r.model;
  return {
    name: 'model',
    title:
      m === null
        ? l('Predicted CLV: no model', 'Prognostiserat CLV: ingen modell')
        : l(
            `Predicted CLV: ${m.name}${m.spendModel ? ` + ${m.spendModel}` : ''} fitted on ${m.fittedCustomers} customers up to ${m.calibrationEnd}, in ${m.timeUnit}s; ${m.horizonMonths} months ahead at ${percent(m.discountRate)} % a year`,
            `Prognostiserat CLV: ${m.name}${m.spendModel ? ` + ${m.spendModel}` : ''} skattad på ${formatNumber(m.fittedCustomers, 0, 'sv')} kunder till och med ${m.calibrationEnd}, i ${TIME_UNIT_SV[m.timeUnit]}; ${m.horizonMonths} månader framåt med ${percent(m.discountRate)} % per år`,
          ),
    columns: [
      col('x', l('Repeat purchases', 'Återköp'), 'int'),
      col('tx', l('Recency', 'Senaste köp'), 'decimal'),
      col('T', l('Age', 'Ålder'), 'decimal'),
      col('pAlive', l('P(alive)', 'P(aktiv)'), 'percent'),
      col('expectedPurchases', l('Expected purchases', 'Förväntade köp'), 'decimal'),
      col('expectedSpend', l('Expected spend', 'Förväntat belopp'), 'money', 2),
      col('clv', l('CLV', 'CLV'), 'money', 2),
    ],
    rows:
      m === null
        ? []
        : [
            {
              x: m.x,
              tx: m.tx,
              T: m.T,
              pAlive: m.pAlive,
              expectedPurchases: m.expectedPurchases,
              expectedSpend: m.expectedSpend,
              clv: m.clv,
            },
          ],
  };
}

/** A yearly rate as a fraction, in percent without float noise (0.07 → 7). */
const percent = (rate: number): number => Math.round(rate * 1e6) / 1e4;

const TIME_UNIT_SV = { day: 'dagar', week: 'veckor', month: 'månader' } as const;

const ERASED_KIND = {
  customers: l('customers (with category spend)', 'kunder (med kategorivolym)'),
  transactions: l('transactions', 'transaktioner'),
  contracts: l('contracts', 'avtal'),
  complaints: l('complaints', 'klagomål'),
  surveys: l('survey answers', 'enkätsvar'),
  invoices: l('invoices', 'fakturor'),
  actions: l('exported actions', 'exporterade åtgärder'),
  accounts: l('key accounts (unlinked, kept)', 'nyckelkunder (frikopplade, kvar)'),
};

/** `cvm delete --customer ID`: rows per kind that went (or would go, in a dry run). */
export function erasurePrintable(e: CustomerErasure, lang: Lang): Printable {
  return {
    json: e,
    tables: [
      {
        name: 'delete',
        title: e.dryRun
          ? l(`Erasing customer ${e.customerId}: dry run`, `Radera kund ${e.customerId}: provkörning`)
          : l(`Customer ${e.customerId} erased`, `Kund ${e.customerId} raderad`),
        columns: [
          col('kind', l('Kind', 'Typ'), 'text'),
          col('table', l('Table', 'Tabell'), 'text'),
          col(
            'rows',
            e.dryRun
              ? l('Rows that would go', 'Rader som skulle tas bort')
              : l('Rows removed', 'Borttagna rader'),
            'int',
          ),
        ],
        rows: e.kinds.map((k) => ({ kind: ERASED_KIND[k.kind][lang], table: k.table, rows: k.rows })),
        notes: e.notes,
      },
    ],
  };
}
