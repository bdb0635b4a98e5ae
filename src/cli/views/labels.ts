/**
 * Shared helpers of the table views and the commands: bilingual labels, tier names in the output language,
 * columns.
 */
import { tierName } from '../../core/messages/message';
import type { Column, Label, Lang } from '../output';

/** A label in English and Swedish. */
export const l = (en: string, sv: string): { en: string; sv: string } => ({ en, sv });

/** A note made once per language (`make` formats its numbers the language's way). */
export const inBoth = (make: (lang: Lang) => string): { en: string; sv: string } => ({
  en: make('en'),
  sv: make('sv'),
});

/** A tier name in the output language: the default names and deciles are translated, own names kept. */
export const tierLabel = (name: string, lang: Lang): string => tierName(name, lang);

export const col = (key: string, label: Label, type: Column['type'], decimals?: number): Column =>
  decimals === undefined ? { key, label, type } : { key, label, type, decimals };

/**
 * Names of the default scorecard's factors (Ryals & Knox 2007, Table 2) and groups in both languages; a
 * factor or group of an edited scorecard that is not here keeps its own id or label.
 */
const FACTOR_LABELS: Record<string, { en: string; sv: string }> = {
  other_relationships: l('Other relationships', 'Andra relationer'),
  business_lines: l('Business lines', 'Affärsområden'),
  relationship_years: l('Relationship years', 'Relationens längd (år)'),
  broker_relationship: l('Broker relationship', 'Relation med mäklaren'),
  relationship_quality: l('Relationship quality', 'Relationens kvalitet'),
  contacts_at_customer: l('Contacts at customer', 'Kontakter hos kunden'),
  contacts_at_company: l('Contacts at company', 'Kundens kontakter hos oss'),
  knowledge_of_company: l('Knowledge of company', 'Kunskap om kundens företag'),
  knowledge_of_industry: l('Knowledge of industry', 'Kunskap om kundens bransch'),
};

const FACTOR_NAMES_SV: Record<string, string> = {
  'Relationships with other parts of the company': 'Relationer med andra delar av företaget',
  'Business lines (products) bought': 'Köpta affärsområden (produkter)',
  'Longevity of the relationship (years)': 'Relationens längd (år)',
  "Company's relationship with the broker": 'Företagets relation med mäklaren',
  'Quality of relationship with the customer': 'Kvaliteten i relationen med kunden',
  'Contacts the company has at the customer': 'Företagets kontakter hos kunden',
  'Contacts the customer has at the company': 'Kundens kontakter hos företaget',
  "Understanding of the customer's company": 'Förståelse för kundens företag',
  "Understanding of the customer's industry": 'Förståelse för kundens bransch',
  'Overall relationship': 'Hela relationen',
  'Account relationship': 'Kundrelationen',
  'Knowledge of customer': 'Kunskap om kunden',
};

const ACTIONS_SV: Record<string, string> = {
  'introduce the customer to other parts of the company': 'introducera kunden för andra delar av företaget',
  'cross-sell another business line': 'merförsälj ytterligare ett affärsområde',
  'strengthen the relationship with the broker': 'stärk relationen med mäklaren',
  'improve the quality of the relationship with the customer': 'förbättra kvaliteten i relationen med kunden',
  'build more contacts at the customer': 'bygg fler kontakter hos kunden',
  'give the customer more contacts at the company': 'ge kunden fler kontakter hos företaget',
  "learn more about the customer's company": 'lär mer om kundens företag',
  "learn more about the customer's industry": 'lär mer om kundens bransch',
};

/** A scorecard factor's short name in the output language (its id when the scorecard is an edited one). */
export function factorLabel(id: string, lang: Lang): string {
  return FACTOR_LABELS[id]?.[lang] ?? id;
}

/** A scorecard's own factor or group label, in Swedish when it is the default scorecard's. */
export function scorecardText(text: string, lang: Lang): string {
  return lang === 'sv' ? (FACTOR_NAMES_SV[text] ?? text) : text;
}

/** A scorecard action, in Swedish when it is one of the default scorecard's. */
export function actionText(text: string, lang: Lang): string {
  return lang === 'sv' ? (ACTIONS_SV[text] ?? text) : text;
}
