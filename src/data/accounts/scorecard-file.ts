/**
 * Reads an edited scorecard file as JSON. Checking what the JSON says is core's work (`parseScorecard`);
 * this file only turns a missing, unreadable or malformed file into a one-line error naming it.
 */
import { readFile } from 'node:fs/promises';
import { CvmError } from '../../core/errors';
import { checkReadable } from '../import/file';

/**
 * The parsed JSON of the file at `path`.
 * @throws CvmError `not-found` (no such file), `data-source` (unreadable), `invalid-input` (empty, not JSON)
 */
export async function readScorecardJson(path: string): Promise<unknown> {
  await checkReadable(path);
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CvmError('invalid-input', `${path}: not JSON (${reason}); expected a scorecard as JSON`, {
      cause: error,
    });
  }
}
