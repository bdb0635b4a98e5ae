/**
 * Reads an edited scorecard file, JSON or YAML (`.yaml`, `.yml`). Checking what it says is core's work
 * (`parseScorecard`); reading it is `readYamlOrJson`'s.
 */
import { readYamlOrJson } from '../yaml-json-file';

/**
 * The parsed content of the scorecard file at `path`: YAML by its extension, JSON otherwise.
 * @throws CvmError `not-found` (no such file), `data-source` (unreadable), `invalid-input` (empty, malformed)
 */
export function readScorecardJson(path: string): Promise<unknown> {
  return readYamlOrJson(path, 'scorecard');
}
