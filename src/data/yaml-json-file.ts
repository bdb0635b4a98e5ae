/**
 * Reads a settings file a user edits, JSON or YAML (`.yaml`, `.yml`): the scorecard and the strategy rules.
 * Checking what it says is core's work; this file only turns a missing, unreadable or malformed file into a
 * one-line error naming it (and, for YAML, the line).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { CvmError } from '../core/errors';
import { msg } from '../core/messages/catalogue';
import { checkReadable } from './import/file';

/**
 * The parsed content of the `what` file at `path`: YAML by its extension, JSON otherwise.
 * @throws CvmError `not-found` (no such file), `data-source` (unreadable), `invalid-input` (empty, malformed)
 */
export async function readYamlOrJson(path: string, what: 'scorecard' | 'rules'): Promise<unknown> {
  await checkReadable(path);
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const yaml = ['.yaml', '.yml'].includes(extname(path).toLowerCase());
  try {
    return yaml ? (parseYaml(text) as unknown) : (JSON.parse(text) as unknown);
  } catch (error) {
    const yamlError = error instanceof YAMLParseError;
    const line = yamlError ? String(error.linePos?.[0].line ?? '?') : null;
    const reason = yamlError
      ? (error.message.split('\n')[0] ?? '')
      : error instanceof Error
        ? error.message
        : String(error);
    throw new CvmError(
      'invalid-input',
      msg('files.not-yaml-json', { path, yaml, line, problem: reason, what }),
      {
        cause: error,
      },
    );
  }
}
