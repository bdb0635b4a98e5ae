/**
 * Finds the record that breaks a file of one JSON object per line. DuckDB's JSON reader names a line, but
 * when the problem is at a line's end (a record cut off, the last line truncated) it names the line after
 * it, which may not exist; this scan names the line and record that do not parse.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface BrokenJsonLine {
  /** 1-based line of the file */
  line: number;
  /** 1-based record number: blank lines are not records */
  record: number;
  /** whether it is the last line of the file (a cut-off file breaks there) */
  last: boolean;
}

/** The first non-blank line of `path` that is not valid JSON, or null when every line parses. */
export async function findBrokenJsonLine(path: string): Promise<BrokenJsonLine | null> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  let record = 0;
  let broken: Omit<BrokenJsonLine, 'last'> | null = null;
  let after = false;
  for await (const text of lines) {
    line++;
    if (broken) {
      // a line after the broken one decides whether it was the last one
      if (text.trim() !== '') after = true;
      if (after) break;
      continue;
    }
    if (text.trim() === '') continue;
    record++;
    try {
      JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      broken = { line, record };
    }
  }
  lines.close();
  return broken && { ...broken, last: !after };
}
