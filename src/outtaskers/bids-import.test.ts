import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import { parseBidTable, parsePrice, parseTurnaround } from './bids-import.ts';

describe('bids pasted or imported', () => {
  it('reads a marketplace CSV export with its own column names, in any order', () => {
    const csv = [
      'Freelancer,Bid Amount,Currency,Delivery,Proposal ID,Cover Letter,Profile',
      'Ana Reyes,11.00,USD,24h,P-1,"I have built 200 decks, fast",https://www.upwork.com/freelancers/~01ana',
      'Ben Okoro,"9,50",EUR,2 days,P-2,,',
    ].join('\n');
    const { rows, errors } = parseBidTable(csv, { currency: 'USD' });
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        line: 2,
        name: 'Ana Reyes',
        unitPriceMinor: 1100,
        currency: 'USD',
        turnaroundHours: 24,
        externalId: 'P-1',
        message: 'I have built 200 decks, fast',
        profileUrl: 'https://www.upwork.com/freelancers/~01ana',
      }),
      expect.objectContaining({
        line: 3,
        name: 'Ben Okoro',
        unitPriceMinor: 950,
        currency: 'EUR',
        turnaroundHours: 48,
      }),
    ]);
  });

  it('reads rows pasted from a spreadsheet (tabs), prices with a sign, and reports each bad row by line and field', () => {
    const pasted = [
      'Name\tPrice\tTurnaround\tEmail',
      'Ana Reyes\t$11\t24\tana@example.com',
      'Nobody\tcheap\t24\t',
      '\t$10\t24\t',
      'Cara Lim\t£8.5\tsoon\t',
      'Dev Patel\t₹900\t1 week\tnot-an-email',
    ].join('\n');
    const { rows, errors } = parseBidTable(pasted, { currency: 'USD' });
    expect(rows.map((r) => [r.name, r.unitPriceMinor, r.currency, r.email])).toEqual([
      ['Ana Reyes', 1100, 'USD', 'ana@example.com'],
    ]);
    expect(errors).toEqual([
      { line: 3, field: 'price', message: '"cheap" is not an amount' },
      { line: 4, field: 'name', message: 'The row has no name' },
      { line: 5, field: 'turnaround', message: '"soon" is not a turnaround (hours, or "2 days")' },
      { line: 6, field: 'email', message: '"not-an-email" is not an email address' },
    ]);
  });

  it('refuses a table without a name, price or turnaround column, naming what it found', () => {
    expect(() => parseBidTable('Who,How much\nAna,11', { currency: 'USD' })).toThrow(
      /must name the columns, with one for the name.*found: Who, How much/,
    );
    try {
      parseBidTable('Name,Price\nAna,11', { currency: 'USD' });
    } catch (e) {
      expect((e as AppError).code).toBe('IMPORT_MALFORMED');
      expect((e as AppError).details).toMatchObject({ field: 'turnaroundHours', line: 1 });
    }
  });

  it('prices and turnarounds in the forms people write them', () => {
    expect(parsePrice('1,250.00', 'USD')).toEqual({ amountMinor: 125000, currency: 'USD' });
    expect(parsePrice('EUR 9,50', 'USD')).toEqual({ amountMinor: 950, currency: 'EUR' });
    expect(parsePrice('¥1200', 'USD')).toEqual({ amountMinor: 1200, currency: 'JPY' });
    expect(parsePrice('11.505', 'USD')).toBe('"11.505" has more decimals than USD allows');
    expect(parseTurnaround('1.5d')).toBe(36);
    expect(parseTurnaround('0')).toBe('A turnaround must be more than 0 hours');
  });

  it('never throws anything but an AppError on any text, and every row it keeps is whole (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (tail) => {
        const text = `Name,Price,Turnaround\n${tail}`;
        try {
          const { rows, errors } = parseBidTable(text, { currency: 'USD' });
          for (const r of rows) {
            expect(r.name.length).toBeGreaterThan(0);
            expect(Number.isSafeInteger(r.unitPriceMinor) && r.unitPriceMinor >= 0).toBe(true);
            expect(r.turnaroundHours).toBeGreaterThan(0);
            expect(r.currency).toMatch(/^[A-Z]{3}$/);
          }
          for (const e of errors) expect(e.line).toBeGreaterThanOrEqual(2);
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
        }
      }),
    );
  });

  it('keeps every well-formed row it is given (property)', () => {
    const row = fc.record({
      name: fc.stringMatching(/^[A-Za-z][A-Za-z .'-]{0,30}$/),
      cents: fc.integer({ min: 0, max: 10_000_000 }),
      hours: fc.integer({ min: 1, max: 2000 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (list) => {
        const csv = ['name,price,turnaround']
          .concat(list.map((r) => `"${r.name}",${(r.cents / 100).toFixed(2)},${r.hours}h`))
          .join('\n');
        const { rows, errors } = parseBidTable(csv, { currency: 'USD' });
        expect(errors).toEqual([]);
        expect(rows.map((r) => [r.name, r.unitPriceMinor, r.turnaroundHours])).toEqual(
          list.map((r) => [r.name.trim(), r.cents, r.hours]),
        );
      }),
    );
  });
});
