/** Files picked in the browser, as the API's JSON uploads take them: a name and the bytes in base64. */

export interface FileUpload {
  name: string;
  contentBase64: string;
}

function bytesToBase64(bytes: Uint8Array): string {
  // In chunks: String.fromCharCode over a whole deck would overflow the call stack.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export async function toUploads(files: Iterable<File>): Promise<FileUpload[]> {
  const out: FileUpload[] = [];
  for (const f of files) {
    out.push({ name: f.name, contentBase64: bytesToBase64(new Uint8Array(await f.arrayBuffer())) });
  }
  return out;
}
