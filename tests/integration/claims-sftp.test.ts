/**
 * The clearinghouse SFTP adapter against a real SFTP server started here (ssh2's Server, a host
 * key generated for the test, files kept in memory): a new batch is queued for upload, the job
 * uploads exactly the batch's X12 (temporary name, then renamed) and the batch shows when and
 * where. A server presenting another host key than the pinned fingerprint is refused before
 * anything is sent; the error shows on the batch and, once the attempts run out, it is failed.
 */
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { handleUploadBatchJob, UPLOAD_BATCH_QUEUE } from '@domain/claims/index.ts';
import { JobRunner } from '@domain/jobs/index.ts';
import { hostKeyFingerprint } from '@domain/shared/outside/sftp-clearinghouse.ts';
import ssh2 from 'ssh2';
import { afterAll, describe, expect, it } from 'vitest';
import { billingPractice, readyClaim, temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { Server, utils } = ssh2;
const { OPEN_MODE, STATUS_CODE } = utils.sftp;
const USER = 'clinicdesk';
const PASSWORD = 'sftp-test-password';

/** A minimal in-memory SFTP server: open/write/close, stat, rename; records every path it was asked to write. */
function sftpServer(hostKey: string) {
  const files = new Map<string, Buffer>();
  const writes: string[] = [];
  const logins: string[] = [];
  const server = new Server({ hostKeys: [hostKey] }, (client) => {
    client.on('authentication', (ctx) => {
      const ok =
        ctx.method === 'password' &&
        ctx.username === USER &&
        ctx.password.length === PASSWORD.length &&
        timingSafeEqual(Buffer.from(ctx.password), Buffer.from(PASSWORD));
      if (ok) {
        logins.push(ctx.username);
        ctx.accept();
      } else ctx.reject(['password']);
    });
    client.on('error', () => {});
    client.on('ready', () => {
      client.on('session', (accept) => {
        accept().on('sftp', (acceptSftp) => {
          const sftp = acceptSftp();
          const open = new Map<number, { path: string; chunks: Buffer[] }>();
          let next = 0;
          sftp.on('OPEN', (reqid, filename, flags) => {
            if (!(flags & OPEN_MODE.WRITE)) return sftp.status(reqid, STATUS_CODE.OP_UNSUPPORTED);
            const handle = Buffer.alloc(4);
            handle.writeUInt32BE(next, 0);
            open.set(next++, { path: filename, chunks: [] });
            writes.push(filename);
            sftp.handle(reqid, handle);
          });
          sftp.on('WRITE', (reqid, handle, _offset, data) => {
            const f = open.get(handle.readUInt32BE(0));
            if (!f) return sftp.status(reqid, STATUS_CODE.FAILURE);
            f.chunks.push(Buffer.from(data));
            sftp.status(reqid, STATUS_CODE.OK);
          });
          sftp.on('CLOSE', (reqid, handle) => {
            const id = handle.readUInt32BE(0);
            const f = open.get(id);
            if (!f) return sftp.status(reqid, STATUS_CODE.FAILURE);
            files.set(f.path, Buffer.concat(f.chunks));
            open.delete(id);
            sftp.status(reqid, STATUS_CODE.OK);
          });
          const stat = (reqid: number, path: string) => {
            const f = files.get(path);
            if (!f) return sftp.status(reqid, STATUS_CODE.NO_SUCH_FILE);
            sftp.attrs(reqid, { mode: 0o100644, uid: 0, gid: 0, size: f.length, atime: 0, mtime: 0 });
          };
          sftp.on('STAT', stat);
          sftp.on('LSTAT', stat);
          sftp.on('RENAME', (reqid, from, to) => {
            const f = files.get(from);
            if (!f || files.has(to)) return sftp.status(reqid, STATUS_CODE.FAILURE);
            files.delete(from);
            files.set(to, f);
            sftp.status(reqid, STATUS_CODE.OK);
          });
        });
      });
    });
  });
  return { server, files, writes, logins };
}

async function listen(server: InstanceType<typeof Server>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const hostKey = utils.generateKeyPairSync('ed25519');
const otherKey = utils.generateKeyPairSync('ed25519');
const fingerprintOf = (privateKey: string) => {
  const parsed = utils.parseKey(privateKey);
  if (parsed instanceof Error) throw parsed;
  return hostKeyFingerprint(parsed.getPublicSSH());
};
const good = sftpServer(hostKey.private);
const impostor = sftpServer(otherKey.private);
const goodPort = await listen(good.server);
const impostorPort = await listen(impostor.server);
afterAll(() => {
  good.server.close();
  impostor.server.close();
});

// The app reads CLAIMS_* when it is built.
temporaryClaimsOutbox();
process.env.CLAIMS_SFTP_URL = `sftp://${USER}@127.0.0.1:${goodPort}/inbound`;
process.env.CLAIMS_SFTP_PASSWORD = PASSWORD;
process.env.CLAIMS_SFTP_HOST_KEY = fingerprintOf(hostKey.private);
const t = await createTestApp();
afterAll(() => {
  for (const k of ['CLAIMS_SFTP_URL', 'CLAIMS_SFTP_PASSWORD', 'CLAIMS_SFTP_HOST_KEY']) delete process.env[k];
});

const runner = (installation = t.installation) =>
  new JobRunner({ db: t.db, clock: t.clock, installation, handlers: { [UPLOAD_BATCH_QUEUE]: handleUploadBatchJob }, backoffBaseMs: 1 });

async function newBatch() {
  const p = await billingPractice(t);
  const claim = await readyClaim(t, p);
  const res = await t.as(p.org, 'biller').post('/api/claim-batches', { claimIds: [claim.id] });
  expect(res.statusCode, res.body).toBe(201);
  const batch = res.json() as { id: string; interchangeControlNumber: number; upload: unknown };
  return { p, batch };
}

async function uploadJob(batchId: string) {
  return t.db
    .selectFrom('jobs')
    .select(['state', 'attempts', 'last_error'])
    .where('queue', '=', UPLOAD_BATCH_QUEUE)
    .where('dedupe_key', '=', batchId)
    .executeTakeFirstOrThrow();
}

describe('clearinghouse SFTP upload', () => {
  it('uploads the batch X12 byte for byte under its control number, and shows it on the batch', async () => {
    const { p, batch } = await newBatch();
    expect(batch.upload).toEqual({ state: 'queued', uploadedAt: null, remoteName: null, error: null });
    // Only this batch's job is run (other test files' queues are not ours).
    expect(await runner().runOnce()).toBe(true);
    expect(await uploadJob(batch.id)).toMatchObject({ state: 'done', attempts: 1 });
    const name = `/inbound/837P-${String(batch.interchangeControlNumber).padStart(9, '0')}-${batch.id}.x12`;
    const x12 = await t.as(p.org, 'biller').get(`/api/claim-batches/${batch.id}/837`);
    expect(x12.statusCode).toBe(200);
    expect(good.files.get(name)?.equals(Buffer.from(x12.body, 'utf8'))).toBe(true);
    // Written under a temporary name first, then renamed: no half file under the real name.
    expect(good.writes).toContain(`/inbound/.837P-${String(batch.interchangeControlNumber).padStart(9, '0')}-${batch.id}.x12.part`);
    expect(good.writes).not.toContain(name);
    const listed = (await t.as(p.org, 'biller').get('/api/claim-batches')).json().items;
    expect(listed[0]).toMatchObject({ id: batch.id, upload: { state: 'uploaded', remoteName: name, error: null } });
    expect(listed[0].upload.uploadedAt).toEqual(expect.any(String));
    // Running the job again (a retry after a lost commit) uploads nothing twice.
    const before = good.writes.length;
    await t.db
      .updateTable('claim_batches')
      .set({ upload_state: 'queued', uploaded_at: null, upload_remote_name: null })
      .where('id', '=', batch.id)
      .execute();
    await t.db
      .updateTable('jobs')
      .set({ state: 'queued', run_at: new Date(0) })
      .where('dedupe_key', '=', batch.id)
      .execute();
    expect(await runner().runOnce()).toBe(true);
    expect(good.writes.length).toBe(before);
    expect((await t.as(p.org, 'biller').get('/api/claim-batches')).json().items[0].upload.state).toBe('uploaded');
  });

  it('refuses a server whose host key is not the pinned one: nothing sent, the error on the batch, failed when attempts run out', async () => {
    const { p, batch } = await newBatch();
    const sftp = t.installation.claimsSftp;
    if (!sftp) throw new Error('the app should have read CLAIMS_SFTP_*');
    // The same settings, but the address answers with another host key.
    const redirected = { ...t.installation, claimsSftp: { ...sftp, port: impostorPort } };
    expect(await runner(redirected).runOnce()).toBe(true);
    const job = await uploadJob(batch.id);
    expect(job).toMatchObject({ state: 'queued', attempts: 1 });
    expect(job.last_error).toContain(fingerprintOf(otherKey.private));
    expect(impostor.logins).toEqual([]);
    expect(impostor.writes).toEqual([]);
    let shown = (await t.as(p.org, 'biller').get('/api/claim-batches')).json().items[0];
    expect(shown.upload).toMatchObject({ state: 'queued', uploadedAt: null });
    expect(shown.upload.error).toMatch(/^attempt 1 of 8: the SFTP server presented host key SHA256:.* not the pinned one/);
    // The last attempt: the batch is failed, the file still downloadable.
    await t.db
      .updateTable('jobs')
      .set({ max_attempts: 2, run_at: new Date(0) })
      .where('dedupe_key', '=', batch.id)
      .execute();
    expect(await runner(redirected).runOnce()).toBe(true);
    expect(await uploadJob(batch.id)).toMatchObject({ state: 'dead', attempts: 2 });
    shown = (await t.as(p.org, 'biller').get('/api/claim-batches')).json().items[0];
    expect(shown.upload.state).toBe('failed');
    expect(shown.upload.error).toMatch(/^attempt 2 of 2: /);
    expect(impostor.writes).toEqual([]);
    expect((await t.as(p.org, 'biller').get(`/api/claim-batches/${batch.id}/837`)).statusCode).toBe(200);
  });
});
