/** Header synonyms, `--map`, ignored columns, and every kind landing in its table with typed values. */
import { describe, expect, it } from 'vitest';
import { dump, load, tempDir, withMemoryStore, write } from './helpers';

const dir = tempDir('mapping');

describe('column mapping', () => {
  it('reads Swedish headers through their synonyms', async () => {
    const path = write(
      dir,
      'kop.csv',
      'KundNr;Orderdatum;Belopp;Kund Nr Extra\r\nK-1;2024-01-05;1 598,37;x\r\n',
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path);
      expect(result).toMatchObject({ imported: 1, rejected: 0, ignoredColumns: ['Kund Nr Extra'] });
      const [row] = await dump(store, 'transactions');
      expect(row).toMatchObject({ customer_id: 'K-1', order_date: '2024-01-05', amount: '1598.37' });
    });
  });

  it('maps differently named headers with --map, by exact or normalised header, and reports the rest', async () => {
    const path = write(
      dir,
      'export.csv',
      'Kund,Datum för köp,Summa SEK,Date,Notes\nc1,2024-01-05,10.50,1999-01-01,hello\n',
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path, {
        map: { customer_id: 'Kund', order_date: 'datum för köp', amount: 'Summa SEK' },
      });
      expect(result.ignoredColumns).toEqual(['Date', 'Notes']);
      expect(await dump(store, 'transactions')).toMatchObject([
        { customer_id: 'c1', order_date: '2024-01-05', amount: '10.50' },
      ]);
    });
  });

  it('prefers a canonical name over a synonym, and the first of two synonyms', async () => {
    const path = write(
      dir,
      'both.csv',
      'date,order_date,datum,customer,amount\n2000-01-01,2024-01-05,2001-01-01,c1,1\n',
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'transactions', path);
      expect(result.ignoredColumns).toEqual(['date', 'datum']);
      expect(await dump(store, 'transactions')).toMatchObject([
        { order_date: '2024-01-05', customer_id: 'c1' },
      ]);
    });
  });

  it('refuses a --map to an unknown column or a header the file lacks', async () => {
    const path = write(dir, 'plain.csv', 'customer_id,order_date,amount\nc1,2024-01-05,1\n');
    await withMemoryStore(async (store) => {
      await expect(load(store, 'transactions', path, { map: { revenue: 'amount' } })).rejects.toThrow(
        'revenue=amount: "revenue" is not a column of transactions (expected one of order_id, customer_id, order_date, amount, margin, product_line, channel)',
      );
      await expect(load(store, 'transactions', path, { map: { revenue: 'amount' } })).rejects.toMatchObject({
        code: 'invalid-input',
        option: { field: 'map', value: 'revenue=amount' },
      });
      await expect(load(store, 'transactions', path, { map: { amount: 'Belopp' } })).rejects.toThrow(
        'plain.csv: mapping amount=Belopp: no column "Belopp" in the file (columns found: "customer_id", "order_date", "amount")',
      );
      expect(await dump(store, 'transactions')).toEqual([]);
    });
  });
});

describe('every kind', () => {
  it('customers, accounts, assessments, forecasts and renewals land typed', async () => {
    const files = {
      customers:
        'Kundnummer;Namn;Kund sedan;Län;Kanal;Segment;KAM\nc1;Anna;2020-02-29;Skåne;web;family;Eva\nc2;;;;;;\n',
      accounts: 'account_id,name,account_manager,customer_id\nA1,Acme AB,Eva,c1\nA2,Beta AB,Olle,\n',
      assessments:
        'account_id,assessed_on,assessor,other_relationships,business_lines,relationship_years,broker_relationship,relationship_quality,contacts_at_customer,contacts_at_company,knowledge_of_company,knowledge_of_industry\n' +
        'A1,2024-01-05,Eva,2,3,12.5,4,5,6,3,2,3\n' +
        'A1,2024-01-05,Olle,0,1,0.25,1,1,0,0,1,1\n' +
        'A1,2024-01-05,Eva,1,1,1,1,1,1,1,1,1\n' +
        'A2,2024-01-05,Eva,1,0,1,6,1,1,1,1,1\n',
      forecasts:
        'account_id;år;intäkt;kostnad;skadekostnad\nA1;1;1 000 000,00;120 000,50;600 000\nA1;2;1 050 000;125 000;610 000\n',
      renewals: 'account_id,due_on,renewed\nA1,2024-06-30,Ja\nA2,2024-06-30,0\nA3,2024-06-30,Y\n',
    } as const;
    await withMemoryStore(async (store) => {
      const results: Record<string, unknown> = {};
      for (const [kind, text] of Object.entries(files)) {
        const result = await load(store, kind as keyof typeof files, write(dir, `${kind}.csv`, text));
        results[kind] = [result.imported, result.rejected, result.problems];
      }
      expect(results).toEqual({
        customers: [2, 0, []],
        accounts: [2, 0, []],
        assessments: [
          2,
          2,
          [
            'assessments.csv row 3 (line 4): duplicate key account_id "A1", assessed_on "2024-01-05", assessor "Eva" (first on row 1)',
            'assessments.csv row 4 (line 5), column business_lines: "0" is out of range (expected 1–1000)',
            'assessments.csv row 4 (line 5), column broker_relationship: "6" is out of range (expected 1–5)',
          ],
        ],
        forecasts: [2, 0, []],
        renewals: [3, 0, []],
      });
      expect(await dump(store, 'customers')).toEqual([
        {
          customer_id: 'c1',
          name: 'Anna',
          acquired_on: '2020-02-29',
          region: 'Skåne',
          channel: 'web',
          needs_group: 'family',
          account_manager: 'Eva',
          category_spend: null,
          member_since: null,
        },
        {
          customer_id: 'c2',
          name: null,
          acquired_on: null,
          region: null,
          channel: null,
          needs_group: null,
          account_manager: null,
          category_spend: null,
          member_since: null,
        },
      ]);
      expect(
        (await dump(store, 'assessments')).map((r) => [
          r.assessor,
          r.relationship_years,
          r.broker_relationship,
        ]),
      ).toEqual([
        ['Eva', '12.5000', '4'],
        ['Olle', '0.2500', '1'],
      ]);
      expect(await dump(store, 'forecasts')).toEqual([
        {
          account_id: 'A1',
          year: '1',
          revenue: '1000000.00',
          cost_to_serve: '120000.50',
          claims_cost: '600000.00',
        },
        {
          account_id: 'A1',
          year: '2',
          revenue: '1050000.00',
          cost_to_serve: '125000.00',
          claims_cost: '610000.00',
        },
      ]);
      expect((await dump(store, 'renewals')).map((r) => r.renewed)).toEqual(['true', 'false', 'true']);
      expect((await dump(store, 'accounts')).map((r) => r.customer_id)).toEqual(['c1', null]);
    });
  });
});
