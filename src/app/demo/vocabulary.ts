/**
 * The words the demo data set is made of: Swedish names and regions, the retailer's product lines and
 * channels, complaint categories, and the key accounts' company names. Weights are relative; region weights
 * are the counties' populations in thousands (SCB 2024, rounded), so the demo looks like a Swedish retailer.
 */

export const FIRST_NAMES: readonly string[] = (
  'Anna Eva Maria Karin Sara Lena Emma Kerstin Ingrid Malin Linnea Elin Johanna Sofia Ida Hanna ' +
  'Julia Maja Alice Ebba Birgitta Marie Ulla Astrid Lars Mikael Anders Johan Erik Per Karl Peter ' +
  'Jan Thomas Daniel Fredrik Andreas Magnus Mattias Oskar William Lucas Elias Hugo Liam Nils ' +
  'Gustav Ali Mohammed Amir Sanna Nora Leo Axel'
).split(' ');

export const LAST_NAMES: readonly string[] = (
  'Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson ' +
  'Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Lindström ' +
  'Olofsson Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Lundqvist Mattsson ' +
  'Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Ali Engström Mohammed Eklund ' +
  'Danielsson Lundin Håkansson Björk Holm Samuelsson Fransson Wikström Isaksson Nyström Holmberg ' +
  'Arvidsson Löfgren'
).split(' ');

export const REGIONS: readonly (readonly [string, number])[] = [
  ['Stockholm', 2450],
  ['Västra Götaland', 1760],
  ['Skåne', 1420],
  ['Östergötland', 470],
  ['Uppsala', 400],
  ['Jönköping', 370],
  ['Halland', 340],
  ['Örebro', 310],
  ['Södermanland', 300],
  ['Dalarna', 290],
  ['Gävleborg', 290],
  ['Värmland', 280],
  ['Västmanland', 280],
  ['Västerbotten', 270],
  ['Norrbotten', 250],
  ['Kalmar', 250],
  ['Västernorrland', 240],
  ['Kronoberg', 200],
  ['Blekinge', 160],
  ['Jämtland', 130],
  ['Gotland', 60],
];

/** Acquisition channel of a customer, and its share. */
export const CUSTOMER_CHANNELS: readonly (readonly [string, number])[] = [
  ['web', 45],
  ['store', 35],
  ['app', 20],
];

/** Needs groups (the course's Familj / UngaVuxna / Seniorer / Övrigt) and their spend factor. */
export const NEEDS_GROUPS: readonly (readonly [string, number, number])[] = [
  // name, share, spend factor (families fill bigger baskets; young adults smaller ones)
  ['family', 35, 1.15],
  ['young adults', 25, 0.8],
  ['seniors', 25, 1.05],
  ['other', 15, 0.95],
];

/** Product lines: name, gross margin rate, weight per needs group in NEEDS_GROUPS order. */
export const PRODUCT_LINES: readonly (readonly [string, number, readonly number[]])[] = [
  ['clothing', 0.42, [30, 40, 25, 30]],
  ['shoes', 0.38, [12, 15, 12, 12]],
  ['home', 0.36, [18, 10, 25, 20]],
  ['kids', 0.4, [25, 3, 6, 5]],
  ['beauty', 0.44, [8, 17, 12, 13]],
  ['sports', 0.33, [5, 10, 8, 10]],
  ['electronics', 0.27, [2, 5, 12, 10]],
];

export const COMPLAINT_CATEGORIES: readonly (readonly [string, number])[] = [
  // skewed so that two causes make up over half: what a Pareto chart of causes should show
  ['delivery', 34],
  ['product quality', 24],
  ['returns', 15],
  ['billing', 11],
  ['service', 9],
  ['other', 7],
];

export const COMPLAINT_CHANNELS: readonly (readonly [string, number])[] = [
  ['phone', 35],
  ['email', 30],
  ['chat', 25],
  ['store', 10],
];

export const PRIORITIES: readonly (readonly [string, number, number])[] = [
  // name, share, factor on resolution time
  ['high', 15, 0.5],
  ['normal', 60, 1],
  ['low', 25, 1.4],
];

/** Key account names: a place-like first word and a line of business. */
export const COMPANY_STEMS: readonly string[] = (
  'Nordhamn|Bergslagens|Kustlinjen|Fjällviks|Ekdahls|Solbacka|Västkust|Granheds|Älvsby|Stenviks|' +
  'Hallbergs|Norrsken|Sjöbris|Björkuddens|Ljungsta|Malmgrens|Skärgårds|Vintergatan|Östra Kajens|' +
  'Lövsta'
).split('|');

export const COMPANY_TRADES: readonly string[] = (
  'Logistik AB|Bygg AB|Hotell AB|Kemi AB|Fastigheter AB|Livsmedel AB|Verkstäder AB|Energi AB|' +
  'Transport AB|Media AB|Vård AB|Trävaror AB|Omsorg AB|Maskin AB|Handel AB|Rederi AB|Konsult AB|' +
  'Plast AB|Åkeri AB|Glas AB'
).split('|');

export const ACCOUNT_MANAGERS = [
  'Karin Wallin',
  'Johan Eklund',
  'Sofia Lundqvist',
  'Mikael Sandberg',
  'Amir Haddad',
] as const;

export const SURVEY_COMMENTS: Readonly<Record<'low' | 'high', readonly string[]>> = {
  low: [
    'Leveransen kom för sent.',
    'Svårt att nå kundtjänst.',
    'Varan höll inte måttet.',
    'Krångligt att returnera.',
    'För dyrt för kvaliteten.',
  ],
  high: [
    'Snabb leverans, bra service!',
    'Alltid trevligt bemötande.',
    'Bra kvalitet och enkelt att handla.',
    'Appen fungerar smidigt.',
  ],
};
