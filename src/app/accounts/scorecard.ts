/**
 * `accounts scorecard`, and the scorecard every key-account report uses: the default (the paper's Tables 2
 * and 3) or an edited JSON file. An edited scorecard may drop factors or change steps, weights and bounds,
 * but each factor must be an assessment column: there is nowhere else to read its value from.
 */
import { parseScorecard } from '../../core/accounts/scorecard-parse';
import { DEFAULT_SCORECARD, type Scorecard } from '../../core/accounts/scorecard';
import { invalidInput } from '../../core/errors';
import { SCORECARD_FACTORS } from '../../core/kinds';
import { readScorecardJson } from '../../data/accounts/scorecard-file';

/** The scorecard in use and where it came from. */
export interface LoadedScorecard {
  /** "default" or the file name as given */
  source: string;
  scorecard: Scorecard;
}

/**
 * The default scorecard, or the one in `file`, checked.
 * @throws CvmError('invalid-input') for a bad scorecard or a factor that is not an assessment column
 */
export async function loadScorecard(file: string | undefined): Promise<LoadedScorecard> {
  if (file === undefined) return { source: 'default', scorecard: DEFAULT_SCORECARD };
  const scorecard = parseScorecard(await readScorecardJson(file), file);
  const columns: readonly string[] = SCORECARD_FACTORS;
  for (const f of scorecard.factors)
    if (!columns.includes(f.id))
      throw invalidInput(
        `${file}: factor ${f.id} is not an assessment column; expected one of ${SCORECARD_FACTORS.join(', ')}`,
      );
  return { source: file, scorecard };
}

/** The scorecard as JSON: its source and definition (the shape edited scorecard files take). */
export interface ScorecardReport extends Scorecard {
  source: string;
}

export async function scorecardReport(input: {
  scorecardFile?: string | undefined;
}): Promise<ScorecardReport> {
  const { source, scorecard } = await loadScorecard(input.scorecardFile);
  return { source, ...scorecard };
}
