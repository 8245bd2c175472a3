import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aWorkspace } from '../../../test/factories/accounts.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { freshDb, testDialects } from '../../../test/helpers/db.ts';
import { DiskBlobStore } from '../blobs/index.ts';
import { backupToBuffer } from '../db/backup.ts';
import { restoreBackup, writeBackup } from './archive.ts';

const dirs: string[] = [];
const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-archive-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** An app whose workspace holds two stored files (one of them 3 MB, streamed) and one orphan. */
async function appWithFiles(dialect: 'sqlite' | 'postgres') {
  const app = await testApp(dialect);
  const { workspace } = await aWorkspace(app.services);
  const big = Buffer.alloc(3 * 1024 * 1024, 7);
  const files = {
    transcript: await app.services.blobs.save(Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n'), {
      workspaceId: workspace.id,
      owner: { kind: 'job', id: 'j1' },
      name: 'interview.vtt',
    }),
    recording: await app.services.blobs.save(big, {
      workspaceId: workspace.id,
      owner: { kind: 'job', id: 'j1' },
      name: 'interview.m4a',
    }),
  };
  await app.services.blobs.write(Buffer.from('an orphan nobody references'));
  return { app, workspace, files, big };
}

describe.each(testDialects)('backup archive on %s', (dialect) => {
  it('restores the database and its stored files into an empty place, whole', async () => {
    const { app, workspace, files, big } = await appWithFiles(dialect);
    const file = path.join(tmpDir(), 'all.outtask-backup');
    const written = await writeBackup(app.services.db, app.services.blobs.store, file, new Date());
    expect(written).toMatchObject({ blobs: 2, blobBytes: big.length + 38 });

    const emptyDb = await freshDb(dialect);
    const emptyStore = new DiskBlobStore(tmpDir());
    const restored = await restoreBackup(emptyDb, emptyStore, file);
    expect(restored).toMatchObject({ rows: written.rows, blobs: 2, blobBytes: written.blobBytes });
    expect(Buffer.compare(await emptyStore.get(files.recording.sha256), big)).toBe(0);
    expect((await emptyStore.get(files.transcript.sha256)).toString()).toMatch(/Hello/);
    const refs = await emptyDb.kysely
      .selectFrom('blob_refs')
      .select(['name', 'sha256', 'workspace_id'])
      .orderBy('name')
      .execute();
    expect(refs).toEqual([
      { name: 'interview.m4a', sha256: files.recording.sha256, workspace_id: workspace.id },
      { name: 'interview.vtt', sha256: files.transcript.sha256, workspace_id: workspace.id },
    ]);
    await app.close();
  });

  it('fails the backup on a damaged stored file, and writes no file', async () => {
    const { app, files } = await appWithFiles(dialect);
    const store = app.services.blobs.store as DiskBlobStore;
    fs.writeFileSync(store.pathOf(files.transcript.sha256), 'tampered');
    const file = path.join(tmpDir(), 'broken.outtask-backup');
    await expect(writeBackup(app.services.db, store, file, new Date())).rejects.toMatchObject({
      code: 'BLOB_CORRUPT',
    });
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    await app.close();
  });

  it('refuses an archive with a damaged file and leaves the database as it was', async () => {
    const { app, files } = await appWithFiles(dialect);
    const file = path.join(tmpDir(), 'all.outtask-backup');
    await writeBackup(app.services.db, app.services.blobs.store, file, new Date());
    // Flip a byte of the transcript inside the archive (it follows the snapshot entry).
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf('Hello');
    bytes[at] = 'J'.charCodeAt(0);
    fs.writeFileSync(file, bytes);

    const target = await freshDb(dialect);
    const store = new DiskBlobStore(tmpDir());
    await expect(restoreBackup(target, store, file)).rejects.toMatchObject({
      code: 'BACKUP_INVALID',
      message: expect.stringContaining(`stored file ${files.transcript.sha256} is damaged`),
    });
    expect(await target.kysely.selectFrom('workspaces').selectAll().execute()).toEqual([]);
    await app.close();
  });

  it('refuses an archive missing a referenced file', async () => {
    const { app } = await appWithFiles(dialect);
    const file = path.join(tmpDir(), 'all.outtask-backup');
    await writeBackup(app.services.db, app.services.blobs.store, file, new Date());
    // Keep only the first entry (the snapshot): header 512 + data rounded to 512.
    const bytes = fs.readFileSync(file);
    const size = Number.parseInt(bytes.subarray(124, 136).toString().replace(/\0.*$/, '').trim(), 8);
    fs.writeFileSync(
      file,
      Buffer.concat([bytes.subarray(0, 512 + Math.ceil(size / 512) * 512), Buffer.alloc(1024)]),
    );
    const target = await freshDb(dialect);
    await expect(restoreBackup(target, new DiskBlobStore(tmpDir()), file)).rejects.toMatchObject({
      code: 'BACKUP_INVALID',
      message: expect.stringMatching(/2 referenced stored file\(s\) are missing/),
    });
    expect(await target.kysely.selectFrom('blob_refs').selectAll().execute()).toEqual([]);
    await app.close();
  });

  it('still restores a database-only backup written before stored files existed', async () => {
    const { app } = await appWithFiles(dialect);
    const legacy = path.join(tmpDir(), 'old.outtask-backup');
    fs.writeFileSync(legacy, (await backupToBuffer(app.services.db, new Date())).bytes);
    const target = await freshDb(dialect);
    const r = await restoreBackup(target, new DiskBlobStore(tmpDir()), legacy);
    expect(r.blobs).toBe(0);
    expect((await target.kysely.selectFrom('workspaces').selectAll().execute()).length).toBe(1);
    await app.close();
  });

  it('refuses a file that is no backup at all', async () => {
    const file = path.join(tmpDir(), 'notes.txt');
    fs.writeFileSync(file, 'hello, this is not a tar');
    const target = await freshDb(dialect);
    await expect(restoreBackup(target, new DiskBlobStore(tmpDir()), file)).rejects.toMatchObject({
      code: 'BACKUP_INVALID',
    });
  });
});
