import { describe, expect, it } from 'vitest';
import { aWorkspace } from '../../../test/factories/accounts.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { testDialects } from '../../../test/helpers/db.ts';

const later = () => new Date(Date.now() + 60_000);

describe.each(testDialects)('stored files on %s', (dialect) => {
  it('holds a file while a reference does; the sweep removes it after release', async () => {
    const app = await testApp(dialect);
    const { blobs, db } = app.services;
    const { workspace } = await aWorkspace(app.services);
    const ref = await blobs.save(Buffer.from('interview one'), {
      workspaceId: workspace.id,
      owner: { kind: 'job', id: 'job-1' },
      name: 'one.txt',
      mediaType: 'text/plain',
    });
    expect(ref).toMatchObject({
      ownerKind: 'job',
      ownerId: 'job-1',
      name: 'one.txt',
      mediaType: 'text/plain',
    });
    expect((await blobs.read(workspace.id, ref.sha256)).toString()).toBe('interview one');

    // A held file survives any sweep.
    expect(await blobs.sweep(later())).toEqual({ rows: 0, files: 0, temporaries: 0 });
    expect((await blobs.read(workspace.id, ref.sha256)).toString()).toBe('interview one');

    await db.kysely.transaction().execute((trx) => blobs.release(trx, 'job', 'job-1'));
    expect(await blobs.refsOf('job', 'job-1')).toEqual([]);
    // Within the grace period the file stays (a reference may be on its way).
    expect(await blobs.sweep(new Date(Date.now() - 60_000))).toEqual({ rows: 0, files: 0, temporaries: 0 });
    expect(await blobs.sweep(later())).toEqual({ rows: 1, files: 1, temporaries: 0 });
    expect(await blobs.store.stat(ref.sha256)).toBeUndefined();
    await app.close();
  });

  it('keeps one copy for two owners, and removes it only when both let go', async () => {
    const app = await testApp(dialect);
    const { blobs, db } = app.services;
    const { workspace } = await aWorkspace(app.services);
    const input = (id: string) => ({ workspaceId: workspace.id, owner: { kind: 'run', id }, name: 'a.vtt' });
    const a = await blobs.save(Buffer.from('same bytes'), input('a'));
    const b = await blobs.save(Buffer.from('same bytes'), input('b'));
    expect(a.sha256).toBe(b.sha256);
    await db.kysely.transaction().execute((trx) => blobs.release(trx, 'run', 'a'));
    expect((await blobs.sweep(later())).files).toBe(0);
    await db.kysely.transaction().execute((trx) => blobs.release(trx, 'run', 'b'));
    expect((await blobs.sweep(later())).files).toBe(1);
    await app.close();
  });

  it('attaches in the caller transaction: a rollback leaves an orphan file that the sweep removes', async () => {
    const app = await testApp(dialect);
    const { blobs, db } = app.services;
    const { workspace } = await aWorkspace(app.services);
    const info = await blobs.write(Buffer.from('upload whose request failed'));
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await blobs.attach(trx, info, {
          workspaceId: workspace.id,
          owner: { kind: 'job', id: 'x' },
          name: 'f',
        });
        throw new Error('the data change failed');
      }),
    ).rejects.toThrow('the data change failed');
    expect(await blobs.refsOf('job', 'x')).toEqual([]);
    expect(await blobs.store.stat(info.sha256)).toBeDefined();
    expect(await blobs.sweep(later())).toEqual({ rows: 0, files: 1, temporaries: 0 });
    expect(await blobs.store.stat(info.sha256)).toBeUndefined();
    await app.close();
  });

  it("reads only a file its workspace holds, and says the same for another's as for none", async () => {
    const app = await testApp(dialect);
    const { blobs } = app.services;
    const mine = await aWorkspace(app.services);
    const theirs = await aWorkspace(app.services);
    const ref = await blobs.save(Buffer.from('confidential'), {
      workspaceId: theirs.workspace.id,
      owner: { kind: 'job', id: 'j' },
      name: 'c.txt',
    });
    await expect(blobs.read(mine.workspace.id, ref.sha256)).rejects.toMatchObject({ code: 'BLOB_NOT_FOUND' });
    await expect(blobs.read(mine.workspace.id, 'nope')).rejects.toMatchObject({ code: 'BLOB_NOT_FOUND' });
    expect((await blobs.read(theirs.workspace.id, ref.sha256)).toString()).toBe('confidential');
    await app.close();
  });
});
