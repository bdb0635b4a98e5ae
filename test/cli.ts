/** Runs the real `cvm` command in a child process on one database file, with the tests' time zone. */
import { spawnSync } from 'node:child_process';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A `cvm(...args)` that runs `node bin/cvm.mjs --db <db> ...args` and returns its exit code and output. */
export function cliOn(db: string): (...args: string[]) => CliRun {
  return (...args) => {
    const run = spawnSync(process.execPath, ['bin/cvm.mjs', '--db', db, ...args], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Pacific/Chatham' },
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };
}
