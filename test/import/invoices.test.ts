/** The optional invoices kind: Swedish headers, an unpaid invoice (no paid date), a bad due date rejected. */
import { describe, expect, it } from 'vitest';
import { dump, load, tempDir, withMemoryStore, write } from './helpers';

const dir = tempDir('invoices');

describe('invoices', () => {
  it('lands invoices under Swedish headers, keeps an empty paid date as null and rejects a bad due date', async () => {
    const path = write(
      dir,
      'fakturor.csv',
      'Fakturanr;KundNr;Fakturadatum;Förfallodatum;Betaldatum;Belopp\r\n' +
        'F1;K-1;2025-11-01;2025-11-30;2025-11-20;1 250,00\r\n' +
        'F2;K-1;2025-12-01;2025-12-31;;499,50\r\n' +
        'F3;K-2;2025-12-01;2025-13-01;;10,00\r\n',
    );
    await withMemoryStore(async (store) => {
      const result = await load(store, 'invoices', path);
      expect(result).toMatchObject({ imported: 2, rejected: 1 });
      expect(await dump(store, 'invoices')).toEqual([
        {
          invoice_id: 'F1',
          customer_id: 'K-1',
          issued_on: '2025-11-01',
          due_on: '2025-11-30',
          paid_on: '2025-11-20',
          amount: '1250.00',
        },
        {
          invoice_id: 'F2',
          customer_id: 'K-1',
          issued_on: '2025-12-01',
          due_on: '2025-12-31',
          paid_on: null,
          amount: '499.50',
        },
      ]);
    });
  });
});
