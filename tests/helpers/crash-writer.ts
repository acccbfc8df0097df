/**
 * Child process for the crash tests: inserts rows, one committed transaction at a
 * time, and prints `committed <id>` only after COMMIT returned. The test kills it
 * with SIGKILL mid-stream and then checks every printed id survived.
 *   WRITER_DATA_DIR=<dir>  own an embedded cluster there (fsync on), like `clinicdesk serve`;
 *   WRITER_DATABASE_URL=…  write to that server instead.
 */
import { startEmbedded } from '@db/embedded.ts';
import pg from 'pg';

const dataDir = process.env.WRITER_DATA_DIR;
const connectionString = dataDir
  ? (await startEmbedded({ dataDir, fsync: true })).connectionString('postgres')
  : (process.env.WRITER_DATABASE_URL as string);
const client = new pg.Client({ connectionString });
await client.connect();
await client.query('create table if not exists crash_rows (id bigint primary key, payload text not null)');
process.stdout.write('ready\n');
for (let id = 1; ; id++) {
  await client.query('begin');
  await client.query('insert into crash_rows (id, payload) values ($1, repeat(md5($2), 20))', [id, String(id)]);
  await client.query('commit');
  process.stdout.write(`committed ${id}\n`);
}
