// The seed's design, for the benchmark's side-by-side: one BullMQ delayed job per step on
// Redis; a worker reads the step and its contact from PostgreSQL, composes a simple
// message, POSTs it to the HTTP sink and records step + message in one transaction.
// Usage: node peer.js --db URL --redis HOST:PORT --sink URL --n 20000 --pending 200000
//                     --cancels 500 --concurrency 100 --out results/peer.json
'use strict';
const { Queue, Worker } = require('bullmq');
const IORedis = require('ioredis');
const { Pool } = require('pg');
const http = require('http');
const fs = require('fs');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const N = Number(args.n || 20000);
const PENDING = Number(args.pending || 200000);
const CANCELS = Number(args.cancels || 500);
const CONCURRENCY = Number(args.concurrency || 100);
const [redisHost, redisPort] = (args.redis || '127.0.0.1:6379').split(':');
const sink = new URL(args.sink || 'http://127.0.0.1:3999');
const QUEUE = args.queue || 'peer-steps';
const STEPS = [[1, 'reschedule'], [2, 'availability'], [3, 'reassure'], [4, 'nudge']];
const DAY = 24 * 3600 * 1000;

const pool = new Pool({ connectionString: args.db, max: Number(args.pool || 40) });
const connection = () => new IORedis({ host: redisHost, port: Number(redisPort), maxRetriesPerRequest: null });
const queue = new Queue(QUEUE, { connection: connection() });
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function pct(values, p) {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function post(path, body) {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request({ host: sink.hostname, port: sink.port, path, method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(Buffer.concat(chunks).toString())) : reject(new Error('sink ' + res.statusCode))));
    });
    req.on('error', reject);
    req.end(data);
  });
}

async function setup() {
  await pool.query(`
    drop table if exists peer_messages, peer_steps, peer_contacts;
    create table peer_contacts (id bigint generated always as identity primary key, name text, phone text, timezone text not null);
    create table peer_steps (id bigint generated always as identity primary key, contact_id bigint not null references peer_contacts (id),
      step_no int not null, objective text not null, due_at timestamptz not null, status text not null, content text, sent_at timestamptz);
    create index peer_steps_contact_idx on peer_steps (contact_id);
    create table peer_messages (id bigint generated always as identity primary key, contact_id bigint not null, step_id bigint not null,
      content text not null, external_id text, created_at timestamptz not null);`);
  await queue.obliterate({ force: true });
}

// Seed `contacts` contacts with four steps each; step 1 due now when `dueNow`, else all in
// the future; one delayed job per step, added in bulk as the seed's scheduler did.
async function seed(contacts, dueNow) {
  const chunk = 25000;
  const firstContacts = [];
  for (let done = 0; done < contacts; done += chunk) {
    const size = Math.min(chunk, contacts - done);
    const { rows } = await pool.query(`
      with c as (insert into peer_contacts (name, phone, timezone)
                 select 'Peer Patient ' || g, '+1555' || lpad(g::text, 8, '0'), 'UTC' from generate_series(1, $1) g returning id)
      insert into peer_steps (contact_id, step_no, objective, due_at, status)
      select c.id, s.no, s.objective, case when s.no = 1 and $2 then now() else now() + (30 + s.no) * interval '1 day' end, 'scheduled'
      from c cross join (values ${STEPS.map(([no, o]) => `(${no}, '${o}')`).join(',')}) s (no, objective)
      returning id, contact_id, step_no`, [size, dueNow]);
    const jobs = rows.map((r) => ({ name: 'step', data: { stepId: r.id },
      opts: { jobId: 's' + r.id, delay: (dueNow && r.step_no === 1) ? 0 : (30 + r.step_no) * DAY, removeOnComplete: true, removeOnFail: 1000 } }));
    for (let i = 0; i < jobs.length; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000));
    rows.filter((r) => r.step_no === 1).forEach((r) => firstContacts.push(Number(r.contact_id)));
  }
  return firstContacts;
}

async function runStep(job) {
  const { rows } = await pool.query(`select s.id, s.contact_id, s.objective, s.status, c.name from peer_steps s
      join peer_contacts c on c.id = s.contact_id where s.id = $1`, [job.data.stepId]);
  if (rows.length === 0 || rows[0].status !== 'scheduled') return;
  const step = rows[0];
  const content = `Hi ${step.name.split(' ')[0]}, a quick note from the clinic about your ${step.objective}.`;
  const sent = await post(`/api/v1/accounts/1/conversations/${step.contact_id}/messages`,
    { content, message_type: 'outgoing', private: false, echo_id: 'peer:' + step.id });
  const client = await pool.connect();
  try {
    await client.query('begin');
    const updated = await client.query(`update peer_steps set status = 'sent', content = $2, sent_at = now()
        where id = $1 and status = 'scheduled'`, [step.id, content]);
    if (updated.rowCount === 1) {
      await client.query(`insert into peer_messages (contact_id, step_id, content, external_id, created_at)
          values ($1, $2, $3, $4, now())`, [step.contact_id, step.id, content, String(sent.id)]);
    }
    await client.query('commit');
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
}

async function pipeline(label, n = N) {
  await seed(n, true);
  const lags = [];
  let last = 0;
  const t0 = Date.now();
  const worker = new Worker(QUEUE, runStep, { connection: connection(), concurrency: CONCURRENCY, autorun: false });
  const finished = new Promise((resolve) => {
    worker.on('completed', () => {
      const now = Date.now();
      lags.push(now - t0);
      last = now;
      if (lags.length >= n) resolve();
    });
  });
  worker.on('failed', (job, err) => console.error('peer job failed', err && err.message));
  worker.run();
  await finished;
  await worker.close();
  const seconds = (last - t0) / 1000;
  console.log(`peer ${label}: ${n} steps in ${seconds.toFixed(1)} s`);
  return { steps: n, seconds, stepsPerSecond: n / seconds, lagP50Ms: pct(lags, 50), lagP99Ms: pct(lags, 99) };
}

async function cancel(contacts) {
  const latencies = [];
  const picks = [];
  for (let i = 0; i < Math.min(CANCELS, contacts.length); i++) picks.push(contacts[Math.floor((i * contacts.length) / CANCELS)]);
  const workers = 4;
  let next = 0;
  async function one() {
    while (next < picks.length) {
      const contactId = picks[next++];
      const start = process.hrtime.bigint();
      const { rows } = await pool.query(`update peer_steps set status = 'cancelled' where contact_id = $1 and status = 'scheduled' returning id`, [contactId]);
      await Promise.all(rows.map((r) => queue.remove('s' + r.id)));
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  await Promise.all(Array.from({ length: workers }, one));
  return { cancels: latencies.length, p50Ms: pct(latencies, 50), p99Ms: pct(latencies, 99) };
}

async function redisMemory() {
  const redis = connection();
  const info = await redis.info('memory');
  redis.disconnect();
  const m = info.match(/used_memory:(\d+)/);
  return m ? Number(m[1]) : null;
}

async function main() {
  await setup();
  await pipeline('warm-up (not reported)', Math.max(1, Math.min(2000, Math.floor(N / 10))));
  const small = await pipeline('pipeline, small pending');
  const seedStart = Date.now();
  const large = await seed(Math.ceil(PENDING / STEPS.length), false);
  const seedSeconds = (Date.now() - seedStart) / 1000;
  const pending = Number((await pool.query(`select count(*) from peer_steps where status = 'scheduled'`)).rows[0].count);
  console.log(`peer: ${pending} pending after seeding in ${seedSeconds.toFixed(1)} s`);
  const cancelled = await cancel(large);
  const big = await pipeline('pipeline, large pending');
  const result = { concurrency: CONCURRENCY, pipelineSmall: small, pendingLarge: pending, scheduleRate: (large.length * STEPS.length) / seedSeconds,
    cancel: cancelled, pipelineLarge: big, redisUsedBytes: await redisMemory(), nodeRssBytes: process.memoryUsage().rss };
  fs.writeFileSync(args.out || 'peer.json', JSON.stringify(result, null, 2));
  await queue.close();
  await pool.end();
  agent.destroy();
  // The worker's own Redis connections keep the event loop alive.
  process.exit(0);
}

main().catch((e) => { console.error(e); process.exit(1); });
