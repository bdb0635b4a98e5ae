/**
 * `accounts scorecard`, and the scorecard every key-account report uses: an edited JSON file when one is
 * given, else the scorecard saved in the store (edited through the API or `cvm accounts scorecard --save`),
 * else the default (the paper's Tables 2 and 3). An edited scorecard may drop factors or change steps,
 * weights and bounds, but each factor must be an assessment column: there is nowhere else to read its value
 * from.
 */
import { parseScorecard } from '../../core/accounts/scorecard-parse';
import { DEFAULT_SCORECARD, type Scorecard } from '../../core/accounts/scorecard';
import { CvmError } from '../../core/errors';
import { SCORECARD_FACTORS } from '../../core/kinds';
import type { KeyAccountsPort } from '../../data/accounts/types';
import { readScorecardJson } from '../../data/accounts/scorecard-file';
import type { StoreUnit } from '../../data/store';
import { recordAudit, type Actor } from '../users';
import { msg, renderMessage } from '../../core/messages/catalogue';
import type { Message } from '../../core/messages/message';

/** The scorecard in use and where it came from. */
export interface LoadedScorecard {
  /** "default", "saved" (the store's), or the file name as given */
  source: string;
  scorecard: Scorecard;
  /** for the saved scorecard: when and by whom it was saved */
  saved?: { at: string; by: string };
}

/**
 * Checks a scorecard (parsed JSON) named `source` in messages: core's rules, then that every factor is an
 * assessment column.
 * @throws CvmError('invalid-input') naming the source, the factor and what was expected
 */
export function checkScorecard(json: unknown, source: string | Message): Scorecard {
  const scorecard = parseScorecard(json, source);
  const columns: readonly string[] = SCORECARD_FACTORS;
  for (const f of scorecard.factors)
    if (!columns.includes(f.id))
      throw new CvmError(
        'invalid-input',
        msg('scorecard.not-a-column', { source, factor: f.id, names: SCORECARD_FACTORS.join(', ') }),
      );
  return scorecard;
}

/**
 * The scorecard in `file`, else the one saved in the store (`port`), else the default, checked.
 * @throws CvmError('invalid-input') for a bad scorecard or a factor that is not an assessment column
 */
export async function loadScorecard(
  file: string | undefined,
  port?: Pick<KeyAccountsPort, 'savedScorecard'>,
): Promise<LoadedScorecard> {
  if (file !== undefined)
    return { source: file, scorecard: checkScorecard(await readScorecardJson(file), file) };
  const saved = port === undefined ? null : await port.savedScorecard();
  if (saved === null) return { source: 'default', scorecard: DEFAULT_SCORECARD };
  return {
    source: 'saved',
    scorecard: checkScorecard(JSON.parse(saved.definition), msg('source.saved-scorecard')),
    saved: { at: saved.savedAt, by: saved.savedBy },
  };
}

/** The scorecard as JSON: its source and definition (the shape edited scorecard files take). */
export interface ScorecardReport extends Scorecard {
  source: string;
  /** for the saved scorecard: when (ISO timestamp) and by whom it was saved */
  savedAt?: string;
  savedBy?: string;
}

function reportOf(loaded: LoadedScorecard): ScorecardReport {
  return {
    source: loaded.source,
    ...(loaded.saved === undefined ? {} : { savedAt: loaded.saved.at, savedBy: loaded.saved.by }),
    ...loaded.scorecard,
  };
}

export async function scorecardReport(
  input: { scorecardFile?: string | undefined },
  port?: Pick<KeyAccountsPort, 'savedScorecard'>,
): Promise<ScorecardReport> {
  return reportOf(await loadScorecard(input.scorecardFile, port));
}

/**
 * Saves a scorecard (parsed JSON: a file's content or an API body) in the store, checked first, so every
 * key-account report without a scorecard file uses it; `null` goes back to the default. Audited
 * (`scorecard.save`, `scorecard.reset`, with the weights), and the data version moves so that cached
 * reports are recomputed with it.
 * @throws CvmError('invalid-input') for a bad scorecard: nothing is saved then
 */
export async function saveScorecard(
  unit: StoreUnit,
  json: unknown,
  source: string | Message,
  actor: Actor,
): Promise<ScorecardReport> {
  if (json === null) {
    await unit.accounts.saveScorecard(null);
    await recordAudit(unit, actor, 'scorecard.reset', 'scorecard');
  } else {
    const scorecard = checkScorecard(json, source);
    await unit.accounts.saveScorecard({
      definition: JSON.stringify(scorecard),
      savedAt: actor.now,
      savedBy: actor.username,
    });
    await recordAudit(unit, actor, 'scorecard.save', 'scorecard', {
      // the log keeps one language: a file name as given, a named source in English
      source: typeof source === 'string' ? source : renderMessage(source, 'en'),
      version: scorecard.version,
      weights: Object.fromEntries(scorecard.factors.map((f) => [f.id, f.weight])),
    });
  }
  await unit.users.bumpDataVersion();
  return reportOf(await loadScorecard(undefined, unit.accounts));
}
