// graphile-worker and pg-boss on the same PostgreSQL cluster as mPanel's engine: enqueue N
// no-op jobs in batches of 1000, then drain them with each library's documented fast settings.
//   PG_URL=postgres://user@127.0.0.1:PORT/db N=100000 node peers.mjs [graphile] [pgboss]
// Prints "RESULT <tab> section <tab> metric <tab> value <tab> unit <tab> how" lines.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { Logger, makeWorkerUtils, run, runMigrations } from 'graphile-worker';
import { PgBoss } from 'pg-boss';

const PG_URL = process.env.PG_URL;
const N = Number(process.env.N || 100000);
const BATCH = 1000;
const peers = process.argv.slice(2).length ? process.argv.slice(2) : ['graphile', 'pgboss'];

const version = (name) =>
  JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
const result = (section, metric, value, how) =>
  console.log(['RESULT', section, metric, value.toFixed(0), 'jobs/s', how].join('\t'));
const seconds = (t0) => (performance.now() - t0) / 1000;

async function until(check, what) {
  const t0 = performance.now();
  while (!(await check())) {
    if (seconds(t0) > 600) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function enqueueBatches(add) {
  const t0 = performance.now();
  for (let from = 0; from < N; from += BATCH) {
    const size = Math.min(BATCH, N - from);
    await add(Array.from({ length: size }, (_, k) => from + k));
  }
  return N / seconds(t0);
}

const db = new pg.Client({ connectionString: PG_URL });
await db.connect();

async function graphile() {
  const S = `graphile-worker ${version('graphile-worker')}`;
  const logger = new Logger(() => (level, message) => {
    if (level === 'error' || level === 'warning') console.error(`[graphile-worker ${level}] ${message}`);
  });
  await db.query('DROP SCHEMA IF EXISTS graphile_worker CASCADE');
  await runMigrations({ connectionString: PG_URL, logger });
  const utils = await makeWorkerUtils({ connectionString: PG_URL, logger });
  const rate = await enqueueBatches((ids) => utils.addJobs(ids.map((i) => ({ identifier: 'noop', payload: { i } }))));
  result(S, `enqueue batch ${BATCH}/call (${N} jobs)`, rate, 'workerUtils.addJobs([1000 specs]), sequential calls');
  await db.query('VACUUM ANALYZE');
  let handled = 0;
  const left = async () => (await db.query('SELECT count(*)::int AS n FROM graphile_worker._private_jobs')).rows[0].n;
  const t0 = performance.now();
  const runner = await run({
    connectionString: PG_URL, logger, noHandleSignals: true, taskList: { noop: async () => { handled++; } },
    concurrency: 24, maxPoolSize: 25,
    preset: { worker: { localQueue: { size: 500 }, completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  });
  await until(async () => handled >= N && (await left()) === 0, 'graphile drain');
  const drain = N / seconds(t0);
  await runner.stop();
  result(S, `drain ${N} jobs`, drain,
    'run({concurrency:24, maxPoolSize:25, localQueue:{size:500}, completeJobBatchDelay:0, failJobBatchDelay:0}) (its Performance page); completed jobs deleted');
  await utils.release();
}

async function pgboss() {
  const S = `pg-boss ${version('pg-boss')}`;
  await db.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
  const boss = new PgBoss({ connectionString: PG_URL, max: 12, schedule: false, supervise: false });
  boss.on('error', (e) => console.error('[pg-boss error]', e.message));
  await boss.start();
  await boss.createQueue('noop');
  const rate = await enqueueBatches((ids) => boss.insert('noop', ids.map((i) => ({ data: { i } }))));
  result(S, `enqueue batch ${BATCH}/call (${N} jobs)`, rate, 'boss.insert(queue, [1000 jobs]), sequential calls');
  await db.query('VACUUM ANALYZE');
  let handled = 0;
  const open = async () => (await db.query(
    "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'noop' AND state IN ('created', 'retry', 'active')")).rows[0].n;
  const t0 = performance.now();
  await boss.work('noop', { batchSize: 100, localConcurrency: 4, burstWhenBatchFull: true, pollingIntervalSeconds: 0.5 },
    async (jobs) => { handled += jobs.length; });
  await until(async () => handled >= N && (await open()) === 0, 'pg-boss drain');
  const drain = N / seconds(t0);
  await boss.offWork('noop', { wait: true });
  result(S, `drain ${N} jobs`, drain,
    'work({batchSize:100, localConcurrency:4, burstWhenBatchFull:true, pollingIntervalSeconds:0.5}, batch handler); completed jobs kept');
  await boss.stop({ graceful: true });
}

for (const p of peers) {
  if (p === 'graphile') await graphile();
  else if (p === 'pgboss') await pgboss();
  else console.error(`unknown peer ${p}`);
}
await db.end();
