import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScorecard } from '../accounts/scorecard-parse';
import { DEFAULT_SCORECARD } from '../accounts/scorecard';
import { wacc } from '../accounts/finance';
import { parseIsoDay } from '../dates';
import { CvmError, optionMessage } from '../errors';
import { npsGroup } from '../kpi/nps';
import { validateBgBb } from '../models/bg-bb';
import { parseRules } from '../strategy/rules';
import { readSummaryFile } from '../../data/models/summary-file';
import { parseLocation } from '../../data/postgres/connection';
import { splitGrid } from '../../data/duckdb/analytics/trend';
import { svPhrase } from './options';
import { sourceFiles } from '../../../test/sources';

const src = join(__dirname, '..', '..');

/**
 * The calls of `callee` in `text`: where each starts and its arguments as written, split at the commas
 * outside brackets and literals (good enough for the code of this repository: no regex literals in calls).
 */
function calls(text: string, callee: RegExp): { at: number; args: string[] }[] {
  const out: { at: number; args: string[] }[] = [];
  for (const m of text.matchAll(callee)) {
    const open = (m.index ?? 0) + m[0].length;
    const args: string[] = [];
    let depth = 0;
    let quote: string | null = null;
    let start = open;
    for (let i = open; i < text.length; i++) {
      const c = text[i] as string;
      if (quote !== null) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
        else if (quote === '`' && c === '$' && text[i + 1] === '{') {
          // a template's expression: skip to its closing brace
          let inner = 0;
          for (i += 1; i < text.length; i++) {
            if (text[i] === '{') inner++;
            else if (text[i] === '}' && --inner === 0) break;
          }
        }
        continue;
      }
      if (c === "'" || c === '"' || c === '`') quote = c;
      else if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) {
        if (depth === 0) {
          args.push(text.slice(start, i).trim());
          break;
        }
        depth--;
      } else if (c === ',' && depth === 0) {
        args.push(text.slice(start, i).trim());
        start = i + 1;
      }
    }
    out.push({ at: m.index ?? 0, args: args.filter((a) => a !== '') });
  }
  return out;
}

const written = (arg: string | undefined): boolean => arg !== undefined && /^[`'"]/.test(arg);

describe('errors of the core rules and the data layer', () => {
  const files = [...sourceFiles(join(src, 'core')), ...sourceFiles(join(src, 'data'))].filter(
    (p) => !p.includes(join('core', 'messages')) && !p.endsWith(join('core', 'errors.ts')),
  );
  const where = (path: string, text: string, at: number): string =>
    `${path.slice(src.length + 1)}:${text.slice(0, at).split('\n').length}`;

  it('are catalogue messages: no CvmError, invalidInput or invalidOption with written text', () => {
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      return [
        // invalidInput takes text only, so every call is English text
        ...calls(text, /\binvalidInput\(/g),
        ...calls(text, /\bnew CvmError\(/g).filter((c) => written(c.args[1])),
        ...calls(text, /\binvalidOption\(/g).filter((c) => written(c.args[3])),
      ].map((c) => where(path, text, c.at));
    });
    expect(offenders).toEqual([]);
  });

  it('say what an option takes in words the Swedish catalogue knows', () => {
    const phrases = files.flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      return calls(text, /\binvalidOption\(/g).map((c) => {
        const expected = c.args[2] ?? '';
        // a constant of the same file, or a literal with a number standing in for each expression
        const constant = /^\w+$/.test(expected)
          ? new RegExp(`const ${expected} = '([^']*)'`).exec(text)?.[1]
          : undefined;
        const phrase = constant ?? expected.slice(1, -1).replace(/\$\{[^}]*\}/g, '7');
        return { at: where(path, text, c.at), phrase };
      });
    });
    expect(phrases.length).toBeGreaterThanOrEqual(3);
    const unknown = phrases.filter((p) => svPhrase(p.phrase) === p.phrase);
    expect(unknown).toEqual([]);
  });
});

/** The error `run` throws, as the CLI prints it (`--name` for a field) in `lang`. */
async function rendered(run: () => unknown, lang: 'en' | 'sv'): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof CvmError)) throw error;
    return optionMessage(error, (field) => `--${field}`, lang);
  }
  throw new Error('expected a CvmError');
}

describe('the errors in Swedish', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cvm-data-errors-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('render core errors in Swedish with decimal commas, English as before', async () => {
    expect(await rendered(() => npsGroup(11), 'sv')).toBe('NPS-poängen 11 är inte ett heltal från 0 till 10');
    expect(await rendered(() => npsGroup(11), 'en')).toBe('NPS score 11 is not an integer from 0 to 10');
    expect(
      await rendered(() => wacc({ costOfDebt: 0.05, costOfEquity: 0.1, taxRate: 1.5, debtShare: 0.3 }), 'sv'),
    ).toBe('skattesatsen 1,5 är inte tillåten; väntat en andel från 0 till under 1');
    expect(await rendered(() => parseIsoDay('2025-02-30'), 'sv')).toBe(
      'datum: "2025-02-30" är inte ett datum (väntat ÅÅÅÅ-MM-DD)',
    );
    expect(await rendered(() => validateBgBb({ alpha: 1, beta: 1, gamma: 1, delta: 1 }, [], 5), 'sv')).toBe(
      'inga kunder att validera BG/BB mot',
    );
  });

  it('render the problems of a rules file and a scorecard, zod’s included', async () => {
    const order = { lifecycle: { atRiskFactor: 3.5, lapsedFactor: 2 } };
    expect(await rendered(() => parseRules(order, 'rules.json'), 'sv')).toBe(
      'rules.json: lifecycle.atRiskFactor 3,5 är större än lapsedFactor 2; väntat att en kund hamnar i riskzonen innan den räknas som förlorad',
    );
    expect(await rendered(() => parseRules(order, 'rules.json'), 'en')).toBe(
      'rules.json: lifecycle.atRiskFactor 3.5 is above lapsedFactor 2; expected at risk before lapsed',
    );
    const unknownKey = { suppression: { cooldownDays: 7, noMarketingWithOpenComplaint: true, often: 1 } };
    expect(await rendered(() => parseRules(unknownKey, 'rules.yaml'), 'sv')).toBe(
      'rules.yaml: suppression: okänd nyckel: "often"',
    );
    expect(await rendered(() => parseRules({ lifecycle: { atRiskFactor: 'x' } }, 'rules.yaml'), 'sv')).toBe(
      'rules.yaml: lifecycle.atRiskFactor: ogiltigt värde: väntat ett tal, fick en text',
    );
    const [first, ...rest] = DEFAULT_SCORECARD.factors;
    const tooLikely = {
      ...DEFAULT_SCORECARD,
      factors: [
        { ...first, steps: [{ ...first!.steps[0], probability: 1.5 }, ...first!.steps.slice(1)] },
        ...rest,
      ],
    };
    expect(await rendered(() => parseScorecard(tooLikely, 'kort.json'), 'sv')).toBe(
      `kort.json: faktorn ${first!.id}, steps[0].probability: för stort: väntat ett tal ≤ 1`,
    );
    expect(await rendered(() => parseScorecard(tooLikely, 'kort.json'), 'en')).toBe(
      `kort.json: factor ${first!.id}, steps[0].probability: Too big: expected number to be <=1`,
    );
    const inverted = { ...DEFAULT_SCORECARD, bounds: { min: 0.9, max: 0.4 } };
    expect(await rendered(() => parseScorecard(inverted, 'kort.json'), 'sv')).toBe(
      'kort.json: gränserna är omkastade (min 0,9 > max 0,4); väntat min ≤ max',
    );
  });

  it('render the data layer’s errors: a model file, a store location, a trend too long for one scan', async () => {
    const summary = join(dir, 'summary.csv');
    writeFileSync(summary, 'x,t_x,T\n2,30.5,38.25\n1,40,38.5\n');
    expect(await rendered(() => readSummaryFile(summary), 'sv')).toBe(
      'summary.csv: rad 2, kolumn t_x: "40" är inte ett tal från 0 till T = 38,5',
    );
    expect(await rendered(() => readSummaryFile(summary), 'en')).toBe(
      'summary.csv: row 2, column t_x: "40" is not a number from 0 to T = 38.5',
    );
    expect(await rendered(() => parseLocation('postgres://u:secret@h/db?schema=Bad'), 'sv')).toBe(
      'postgres://u@h/db?schema=Bad: schemat "Bad" är inte ett enkelt namn; väntat gemena bokstäver, siffror och understreck',
    );
    // 4 one-month blocks per point, at most 2 blocks per scan
    const grid = {
      blockMonths: 1,
      blocks: [],
      points: [{ currentBlocks: [0, 1] as [number, number], previousBlocks: [2, 3] as [number, number] }],
    };
    expect(await rendered(() => splitGrid(grid as never, 2), 'sv')).toBe(
      '--step: varje punkt i trenden behöver 4 block om 1 månad, fler än de 2 som en genomläsning rymmer; välj ett steg som delar fönstret i högst 1 delar',
    );
  });
});
