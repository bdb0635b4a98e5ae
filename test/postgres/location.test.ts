/** PostgreSQL locations and COPY text, without a server: the schema parameter, redaction, escaping. */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/app/open-store';
import { parseLocation, redact } from '../../src/data/postgres/connection';
import { copyText } from '../../src/data/postgres/landing';

describe('PostgreSQL locations', () => {
  it('takes the schema off the URL and keeps the rest for the driver', () => {
    expect(parseLocation('postgres://u:pw@h:5433/crm?schema=cvm_2&sslmode=disable')).toEqual({
      url: 'postgres://u:pw@h:5433/crm?sslmode=disable',
      schema: 'cvm_2',
    });
    expect(parseLocation('postgresql://h/crm')).toEqual({ url: 'postgresql://h/crm', schema: null });
  });

  it('never shows a password', () => {
    expect(redact('postgres://cvm:s3cr%40t@db:5432/crm?schema=x')).toBe(
      'postgres://cvm@db:5432/crm?schema=x',
    );
    expect(redact('postgres://db/crm')).toBe('postgres://db/crm');
  });

  it('refuses a schema that is not a plain lower-case name, naming it', async () => {
    await expect(openStore('postgres://u:pw@h/crm?schema=Cvm;drop')).rejects.toThrow(
      'postgres://u@h/crm?schema=Cvm;drop: schema "Cvm;drop" is not a plain name; expected lower-case letters, digits and underscores',
    );
  });
});

describe('COPY text', () => {
  it('writes NULL as \\N and escapes the characters that delimit', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyText('\\N')).toBe('\\\\N');
    expect(copyText(1598.37)).toBe('1598.37');
    expect(copyText(true)).toBe('t');
  });
});
