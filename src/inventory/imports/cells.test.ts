import { describe, expect, it } from 'vitest';
import {
  parseBoolean,
  parseCurrency,
  parseDate,
  parseDurationSeconds,
  parseHoursToMinutes,
  parseMoneyCell,
  parseNumber,
  parseTimeOfDay,
  slashHint,
} from './cells.ts';

describe('cell readers', () => {
  it('reads hours to whole minutes exactly, rounding half up', () => {
    expect(parseHoursToMinutes('1.5', false)).toBe(90);
    expect(parseHoursToMinutes('0.125', false)).toBe(8);
    expect(parseHoursToMinutes('0.1', false)).toBe(6);
    expect(parseHoursToMinutes('1,5', true)).toBe(90);
    expect(parseHoursToMinutes('1:45', false)).toBe(105);
    expect(parseHoursToMinutes('1,5h', false)).toBeUndefined();
    expect(parseHoursToMinutes('', false)).toBeUndefined();
    expect(parseHoursToMinutes('.', false)).toBeUndefined();
  });

  it('reads numbers with the file’s decimal separator and thousands groups', () => {
    expect(parseNumber('1,234.5', false)).toBe(1234.5);
    expect(parseNumber('1.234,5', true)).toBe(1234.5);
    expect(parseNumber('1 234,5', true)).toBe(1234.5);
    expect(parseNumber('1,500', false)).toBe(1500);
    expect(parseNumber('2,5', false)).toBe(2.5);
    expect(parseNumber('1,2,3', true)).toBeUndefined();
    expect(parseNumber('12abc', false)).toBeUndefined();
  });

  it('reads durations as the trackers write them', () => {
    expect(parseDurationSeconds('01:30:00')).toBe(5400);
    expect(parseDurationSeconds('125:00:05')).toBe(450_005);
    expect(parseDurationSeconds('0:05')).toBe(300);
    expect(parseDurationSeconds('1:75:00')).toBeUndefined();
  });

  it('reads ISO, US, day-first and dotted dates, and refuses impossible ones', () => {
    expect(parseDate('2024-03-05', 'mdy')).toBe('2024-03-05');
    expect(parseDate('2024-03-05T10:00:00Z', 'mdy')).toBe('2024-03-05');
    expect(parseDate('03/05/2024', 'mdy')).toBe('2024-03-05');
    expect(parseDate('03/05/2024', 'dmy')).toBe('2024-05-03');
    expect(parseDate('05.03.2024', 'mdy')).toBe('2024-03-05');
    expect(parseDate('2024-02-29', 'mdy')).toBe('2024-02-29');
    expect(parseDate('2023-02-29', 'mdy')).toBeUndefined();
    expect(parseDate('13/13/2024', 'mdy')).toBeUndefined();
    expect(parseDate('yesterday', 'mdy')).toBeUndefined();
    expect(slashHint('28/05/2024')).toBe('dmy');
    expect(slashHint('05/28/2024')).toBe('mdy');
    expect(slashHint('03/05/2024')).toBe('unknown');
    expect(slashHint('2024-03-05')).toBe('none');
  });

  it('reads 12- and 24-hour times', () => {
    expect(parseTimeOfDay('09:05:00 AM')).toBe('09:05:00');
    expect(parseTimeOfDay('12:30:00 AM')).toBe('00:30:00');
    expect(parseTimeOfDay('12:30 PM')).toBe('12:30:00');
    expect(parseTimeOfDay('1:05 p.m.')).toBe('13:05:00');
    expect(parseTimeOfDay('17:45:10')).toBe('17:45:10');
    expect(parseTimeOfDay('13:00 PM')).toBeUndefined();
    expect(parseTimeOfDay('24:00')).toBeUndefined();
  });

  it('reads yes/no flags', () => {
    expect(['Yes', 'TRUE', '1', 'y'].map(parseBoolean)).toEqual([true, true, true, true]);
    expect(['No', 'false', '0', 'N'].map(parseBoolean)).toEqual([false, false, false, false]);
    expect(parseBoolean('maybe')).toBeUndefined();
  });

  it('reads money into exact minor units and checks the currency written in the cell', () => {
    expect(parseMoneyCell('11', 'USD', false)).toEqual({ ok: { amountMinor: 1100, currency: 'USD' } });
    expect(parseMoneyCell('$0.29', 'USD', false)).toEqual({ ok: { amountMinor: 29, currency: 'USD' } });
    expect(parseMoneyCell('1.234,56 €', 'EUR', true)).toEqual({
      ok: { amountMinor: 123_456, currency: 'EUR' },
    });
    expect(parseMoneyCell('1500', 'JPY', false)).toEqual({ ok: { amountMinor: 1500, currency: 'JPY' } });
    expect(parseMoneyCell('11 usd', 'USD', false)).toEqual({ ok: { amountMinor: 1100, currency: 'USD' } });
    expect(parseMoneyCell('£11', 'USD', false)).toEqual({ error: 'currency-conflict', currency: 'GBP' });
    expect(parseMoneyCell('11 EUR', 'USD', false)).toEqual({ error: 'currency-conflict', currency: 'EUR' });
    expect(parseMoneyCell('eleven', 'USD', false)).toEqual({ error: 'not-a-number' });
  });

  it('reads currency cells, including Harvest’s long form', () => {
    expect(parseCurrency('United States Dollar - USD')).toBe('USD');
    expect(parseCurrency('Euro - EUR')).toBe('EUR');
    expect(parseCurrency('chf')).toBe('CHF');
    expect(parseCurrency('dollars')).toBeUndefined();
  });
});
