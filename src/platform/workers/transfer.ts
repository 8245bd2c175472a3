/**
 * A task's result handed over rather than copied: the buffers listed are moved to the calling thread
 * (postMessage's transfer list), so a large result costs the receiving event loop no decoding.
 * boot.mjs recognises the wrapper by its mark; pool.run resolves with `value`.
 */
export const TRANSFER_MARK = '__outtaskTransfer';

export interface Transferring<T> {
  [TRANSFER_MARK]: true;
  value: T;
  transfer: ArrayBuffer[];
}

export function transferring<T>(value: T, transfer: ArrayBuffer[]): Transferring<T> {
  return { [TRANSFER_MARK]: true, value, transfer };
}

export function unwrapTransfer<T>(v: T | Transferring<T>): T {
  return v !== null && typeof v === 'object' && (v as Transferring<T>)[TRANSFER_MARK] === true
    ? (v as Transferring<T>).value
    : (v as T);
}
