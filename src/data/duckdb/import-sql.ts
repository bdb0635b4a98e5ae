/** Small SQL-text helpers shared by the import steps: quoting names and literals, error details. */

/** A quoted SQL identifier (file headers may hold any character). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The first line of a driver error, without DuckDB's "Invalid Input Error: " style prefix. */
export function errorDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').replace(/^[A-Za-z ]+ Error: /, '').trim();
}
