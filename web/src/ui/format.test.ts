import { describe, expect, it } from 'vitest';
import { fmtBytes, fmtMoneyChange } from './format.ts';

describe('fmtBytes', () => {
  it('never shows a small file as 0 KB', () => {
    expect(fmtBytes(0)).toBe('0 bytes');
    expect(fmtBytes(1)).toBe('1 byte');
    expect(fmtBytes(640)).toBe('640 bytes');
    expect(fmtBytes(1023)).toBe('1,023 bytes');
  });

  it('gives kilobytes, megabytes and gigabytes with one decimal', () => {
    expect(fmtBytes(1024)).toBe('1.0 KB');
    expect(fmtBytes(1536)).toBe('1.5 KB');
    expect(fmtBytes(48_213)).toBe('47.1 KB');
    expect(fmtBytes(1024 * 1024 - 20)).toBe('1.0 MB');
    expect(fmtBytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
    expect(fmtBytes(5 * 1024 ** 3)).toBe('5.0 GB');
  });
});

describe('fmtMoneyChange', () => {
  it('says less or more instead of leaving a sign to be read', () => {
    expect(fmtMoneyChange(-3_246_400, 'USD')).toBe('$32,464 less');
    expect(fmtMoneyChange(120_000, 'USD')).toBe('$1,200 more');
    expect(fmtMoneyChange(0, 'USD')).toBe('no change');
  });
});
