/** The contract reports' table views: subscription portfolio (seed 002 layout), products, product churn. */
import type {
  ContractBasis,
  ProductChurnReport,
  ProductsReport,
  SubscriptionReport,
} from '../../app/reports/contracts';
import type { Lang, Printable, TableView } from '../output';
import { col, l, tierLabel } from './labels';

const REVENUE_SOURCE = {
  fees: l('annual fees', 'årsavgifter'),
  invoices: l('linked invoices', 'kopplade fakturor'),
};

/** The line under every contract table that says how it was computed. */
function basisNote(b: ContractBasis): { en: string; sv: string } {
  return l(
    `basis: contracts (a customer is active on a day with a contract in force); before = ${b.previousDay}, ` +
      `now = ${b.asOf}; revenue from ${REVENUE_SOURCE[b.revenue].en}`,
    `underlag: avtal (kund aktiv en dag med ett avtal i kraft); före = ${b.previousDay}, nu = ${b.asOf}; ` +
      `intäkt från ${REVENUE_SOURCE[b.revenue].sv}`,
  );
}

const SKI_SOURCE = {
  ski: l('SKI survey', 'SKI-enkät'),
  csat: l('CSAT rescaled', 'CSAT omräknad'),
};

const total = (lang: Lang): string => l('Total', 'Totalt')[lang];

export function subscriptionPrintable(r: SubscriptionReport, lang: Lang): Printable {
  const rows = [
    ...r.tiers.map((t) => ({ ...t, tier: tierLabel(t.tier, lang) })),
    { ...r.total, tier: total(lang) },
  ].map((t) => ({
    tier: t.tier,
    customers: t.customers,
    revenuePerCustomer: t.revenuePerCustomer,
    productsPerCustomer: t.productsPerCustomer,
    duration: t.retention.duration,
    tenureYears: t.tenureYears,
    ski: t.ski,
    skiSource: t.skiSource === null ? null : SKI_SOURCE[t.skiSource][lang],
    nps: t.nps.score,
    npsMargin: t.nps.marginOfError,
    npsAnswers: t.nps.n,
    clvIndex: t.clvIndex,
    clvTotal: t.clvTotal,
    retention: t.retention.retention,
  }));
  const table: TableView = {
    name: 'subscription',
    title: l(
      `Customer portfolio value, subscription based, including NPS/SKI, as of ${r.asOf} (${r.windowMonths} months)`,
      `Kundportföljens värde, abonnemangsbaserat, inklusive NPS/SKI, per ${r.asOf} (${r.windowMonths} månader)`,
    ),
    columns: [
      col('tier', l('Tier', 'Kundkategori'), 'text'),
      col('customers', l('Customers', 'Kunder'), 'int'),
      col('revenuePerCustomer', l('Revenue/customer', 'Intäkt/kund'), 'money'),
      col('productsPerCustomer', l('Products/customer', 'Produkter/kund'), 'decimal', 1),
      col('duration', l('Duration (years)', 'Varaktighet (år)'), 'decimal'),
      col('tenureYears', l('Tenure (years)', 'Kundålder (år)'), 'decimal', 1),
      col('ski', l('SKI', 'SKI'), 'decimal', 0),
      col('skiSource', l('SKI from', 'SKI från'), 'text'),
      col('nps', l('NPS', 'NPS'), 'decimal', 0),
      col('npsMargin', l('NPS ±', 'NPS ±'), 'decimal', 0),
      col('npsAnswers', l('NPS n', 'NPS n'), 'int'),
      col('clvIndex', l('CLV index', 'CLV-index'), 'decimal', 1),
      col('clvTotal', l('CLV total', 'CLV totalt'), 'money'),
      col('retention', l('Retention rate', 'Retention'), 'percent'),
    ],
    rows,
    totals: [rows.length - 1],
    notes: [basisNote(r), ...r.notes],
  };
  return { json: r, tables: [table] };
}

export function productsPrintable(r: ProductsReport, lang: Lang): Printable {
  const rows = [
    ...r.tiers.map((t) => ({ ...t, tier: tierLabel(t.tier, lang) })),
    { ...r.total, tier: total(lang) },
  ].map((t) => ({
    tier: t.tier,
    customers: t.customers,
    productsPerCustomer: t.productsPerCustomer,
    one: t.holdingShares?.[0] ?? null,
    two: t.holdingShares?.[1] ?? null,
    three: t.holdingShares?.[2] ?? null,
    fourPlus: t.holdingShares?.[3] ?? null,
    previousCustomers: t.previousCustomers,
    retained: t.retained,
    productsBefore: t.productsBefore,
    productsAfter: t.productsAfter,
    crossSell: t.crossSell,
    crossSellRate: t.crossSellRate,
    downSell: t.downSell,
    downSellRate: t.downSellRate,
  }));
  const table: TableView = {
    name: 'products',
    title: l(
      `Products per customer and movement between ${r.previousDay} and ${r.asOf}`,
      `Produkter per kund och förflyttning mellan ${r.previousDay} och ${r.asOf}`,
    ),
    columns: [
      col('tier', l('Tier', 'Kundkategori'), 'text'),
      col('customers', l('Customers', 'Kunder'), 'int'),
      col('productsPerCustomer', l('Products/customer', 'Produkter/kund'), 'decimal'),
      col('one', l('1 product', '1 produkt'), 'percent'),
      col('two', l('2', '2'), 'percent'),
      col('three', l('3', '3'), 'percent'),
      col('fourPlus', l('4+', '4+'), 'percent'),
      col('previousCustomers', l('Customers before', 'Kunder före'), 'int'),
      col('retained', l('Retained', 'Kvar'), 'int'),
      col('productsBefore', l('Products before', 'Produkter före'), 'decimal'),
      col('productsAfter', l('Products after', 'Produkter efter'), 'decimal'),
      col('crossSell', l('Cross-sell', 'Merförsäljning'), 'int'),
      col('crossSellRate', l('Cross-sell %', 'Merförsäljning %'), 'percent'),
      col('downSell', l('Down-sell', 'Nedförsäljning'), 'int'),
      col('downSellRate', l('Down-sell %', 'Nedförsäljning %'), 'percent'),
    ],
    rows,
    totals: [rows.length - 1],
    notes: [
      l(
        'holdings by the tier now; movement (cross-sell: added a product line, down-sell: dropped one) of the retained customers by their tier before',
        'innehav per kundkategori nu; förflyttning (merförsäljning: lagt till en produktlinje, nedförsäljning: sagt upp en) för kvarvarande kunder per kundkategori före',
      ),
      basisNote(r),
      ...r.notes,
    ],
  };
  return { json: r, tables: [table] };
}

export function productChurnPrintable(r: ProductChurnReport, lang: Lang): Printable {
  const table: TableView = {
    name: 'product-churn',
    title: l(
      `Product churn between ${r.previousDay} and ${r.asOf}`,
      `Produktchurn mellan ${r.previousDay} och ${r.asOf}`,
    ),
    columns: [
      col('line', l('Product line', 'Produktlinje'), 'text'),
      col('holdersBefore', l('Holders before', 'Innehavare före'), 'int'),
      col('ended', l('Ended', 'Avslutade'), 'int'),
      col('churn', l('Product churn', 'Produktchurn'), 'percent'),
      col('left', l('Left the company', 'Lämnade företaget'), 'int'),
      col('leftRate', l('Left %', 'Lämnade %'), 'percent'),
      col('stayed', l('Stayed with other products', 'Kvar med andra produkter'), 'int'),
      col('stayedRate', l('Stayed %', 'Kvar %'), 'percent'),
      col('added', l('Added', 'Nya innehavare'), 'int'),
      col('holdersAfter', l('Holders now', 'Innehavare nu'), 'int'),
    ],
    rows: r.lines.map((x) => ({ ...x, line: x.line === '' ? l('(none)', '(ingen)')[lang] : x.line })),
    notes: [basisNote(r), ...r.notes],
  };
  return { json: r, tables: [table] };
}
