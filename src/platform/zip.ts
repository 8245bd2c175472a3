/**
 * Zip-based inputs (DOCX transcripts, XLSX imports, PPTX deliveries), unpacked safely. A zip's
 * central directory states each entry's size, but nothing holds the archive to it: a 600 KB file can
 * declare 1 KB and inflate to gigabytes. So entries are inflated as streams (yauzl) and their real
 * bytes counted as they come; an entry or an archive that passes its cap is refused at that moment
 * with ARCHIVE_TOO_LARGE naming the entry, whatever the archive declared. Declared sizes are only
 * used to refuse earlier (a declared size over the cap is never inflated).
 */
import yauzl from 'yauzl';
import { AppError } from './errors.ts';

export interface ZipLimits {
  /** Real inflated bytes allowed for one entry. */
  maxEntryBytes: number;
  /** Real inflated bytes allowed for all inflated entries together. */
  maxTotalBytes: number;
  /** Entries the central directory may list. */
  maxEntries: number;
}

export interface ZipReadOptions {
  /** The file's name, for messages. */
  file: string;
  limits: ZipLimits;
  /** Entries whose bytes are kept and returned (by name). */
  keep: (name: string) => boolean;
  /**
   * Also inflate (and count, then drop) the entries not kept. For an archive that another library
   * will unpack in full afterwards (ExcelJS), so every byte it will inflate is known to fit.
   */
  countOthers?: boolean;
  /**
   * Looks at an entry's bytes as they inflate (after the size caps): a function of each chunk that
   * returns an error to refuse the archive at that moment, e.g. a sheet with too many rows, found
   * before another library spends memory on it. Undefined for entries not inspected.
   */
  inspect?: (name: string) => ((chunk: Buffer) => AppError | undefined) | undefined;
}

export interface ZipContents {
  /** Every entry name in the central directory, in order. */
  names: string[];
  /** Kept entries' real bytes. */
  entries: Map<string, Buffer>;
  /** Real inflated bytes of everything inflated. */
  inflatedBytes: number;
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

function tooLarge(file: string, entry: string, what: string, limit: number, scope: 'entry' | 'total') {
  return new AppError(
    'ARCHIVE_TOO_LARGE',
    `${file}: ${entry} ${what}; the limit is ${mb(limit)} ${scope === 'entry' ? 'per entry' : 'for the whole archive'} when unpacked. ` +
      'This is not an ordinary document (it may be a "zip bomb"); save or export it again, or split it.',
    { file, entry, limit, scope },
  );
}

function damaged(file: string, cause: unknown): AppError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new AppError(
    'ARCHIVE_DAMAGED',
    `${file} is a damaged or cut-off zip archive (${why}). Open it in the program that made it and save it again.`,
    { file },
    { cause },
  );
}

/** Whether the bytes start like a zip archive (a local file header). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads a zip held in memory: the names of all entries, and the real bytes of the entries `keep`
 * selects, within `limits`. Throws ARCHIVE_TOO_LARGE (an entry or the total passed its cap, or too
 * many entries) or ARCHIVE_DAMAGED (not a readable zip, an unsupported compression, a bad CRC).
 */
export function readZip(bytes: Uint8Array, opts: ZipReadOptions): Promise<ZipContents> {
  const { file, limits } = opts;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    // validateEntrySizes off: we count the real bytes ourselves and refuse by our caps, with our error.
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: false }, (openError, zip) => {
      if (openError || !zip) {
        reject(damaged(file, openError));
        return;
      }
      if (zip.entryCount > limits.maxEntries) {
        zip.close();
        reject(
          new AppError(
            'ARCHIVE_TOO_LARGE',
            `${file} lists ${zip.entryCount} entries; the limit is ${limits.maxEntries}. This is not an ordinary document.`,
            { file, entries: zip.entryCount, limit: limits.maxEntries, scope: 'entries' },
          ),
        );
        return;
      }
      const names: string[] = [];
      const entries = new Map<string, Buffer>();
      let total = 0;
      let settled = false;
      const fail = (error: AppError) => {
        if (settled) return;
        settled = true;
        zip.close();
        reject(error);
      };
      zip.on('error', (error) => fail(damaged(file, error)));
      zip.on('end', () => {
        if (settled) return;
        settled = true;
        resolve({ names, entries, inflatedBytes: total });
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        names.push(name);
        const keep = opts.keep(name);
        if (name.endsWith('/') || (!keep && !opts.countOthers)) {
          zip.readEntry();
          return;
        }
        if (entry.uncompressedSize > limits.maxEntryBytes) {
          fail(tooLarge(file, name, `declares ${mb(entry.uncompressedSize)}`, limits.maxEntryBytes, 'entry'));
          return;
        }
        if (total + entry.uncompressedSize > limits.maxTotalBytes) {
          fail(
            tooLarge(
              file,
              name,
              `declares sizes that add up to over ${mb(limits.maxTotalBytes)}`,
              limits.maxTotalBytes,
              'total',
            ),
          );
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            fail(damaged(file, streamError));
            return;
          }
          const chunks: Buffer[] = [];
          const inspect = opts.inspect?.(name);
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            if (settled) return;
            size += chunk.length;
            total += chunk.length;
            if (size > limits.maxEntryBytes) {
              stream.destroy();
              fail(tooLarge(file, name, 'inflates to more', limits.maxEntryBytes, 'entry'));
              return;
            }
            if (total > limits.maxTotalBytes) {
              stream.destroy();
              fail(
                tooLarge(
                  file,
                  name,
                  'brings the unpacked archive over its limit',
                  limits.maxTotalBytes,
                  'total',
                ),
              );
              return;
            }
            const refused = inspect?.(chunk);
            if (refused) {
              stream.destroy();
              fail(refused);
              return;
            }
            if (keep) chunks.push(chunk);
          });
          stream.on('error', (error) => fail(damaged(file, error)));
          stream.on('end', () => {
            if (settled) return;
            if (keep) entries.set(name, Buffer.concat(chunks, size));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
