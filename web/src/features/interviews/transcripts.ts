/** The transcripts as the browser holds them (File) and as the synthesis and Ask requests send them. */
import { fmtNumber } from '../../ui/format.ts';

/** What the file picker offers: the transcript formats the synthesis reads, and a CSV interview list. */
export const ACCEPT = '.txt,.vtt,.srt,.docx,.json,.tsv,.csv';

/** A CSV among the files is the interview list (id, role, date), not a transcript. */
export const isMeta = (f: File) => /\.csv$/i.test(f.name);

/** The file's bytes as base64 (FileReader does it natively, without a string per byte). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** The same transcripts, as the request bodies send them. */
export async function uploadPayload(files: File[]) {
  const metaFile = files.find(isMeta);
  return {
    files: await Promise.all(
      files.filter((f) => !isMeta(f)).map(async (f) => ({ name: f.name, contentBase64: await base64Of(f) })),
    ),
    ...(metaFile ? { meta: { name: metaFile.name, text: await metaFile.text() } } : {}),
  };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmtNumber(n)} ${n === 1 ? one : many}`;
}
