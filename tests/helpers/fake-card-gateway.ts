/**
 * A local card processor for tests: an HTTP server speaking the API HttpCardGateway calls,
 * that CHECKS every request (Bearer key, Idempotency-Key, JSON body, integer cents above zero,
 * USD, token shape) and answers 400/401 problems when a request is wrong. Tokens choose the
 * outcome: `tok_ok_<last4>[_brand]` approves, `tok_decline_<reason>` declines (402),
 * `tok_slow_<ms>` answers approved after that delay (for timeouts). The same Idempotency-Key
 * answers the first outcome again (and charges nothing more); with another body, 409.
 * A refund must name one of its approved charges and never return more than is left of it (400);
 * `declineRefunds.set(chargeId, reason)` makes refunds of that charge decline (402).
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCharge {
  id: string;
  token: string;
  amountCents: number;
  idempotencyKey: string;
}

export interface FakeRefund {
  id: string;
  chargeId: string;
  amountCents: number;
  idempotencyKey: string;
}

export interface FakeCardGateway {
  url: string;
  apiKey: string;
  /** Charges actually made (one per Idempotency-Key, approved only). */
  charges: FakeCharge[];
  /** Refunds actually made (approved only): the charge they return money from. */
  refunds: FakeRefund[];
  /** Charges whose refunds the processor declines, with the reason it gives. */
  declineRefunds: Map<string, string>;
  /** Every request received, with what was wrong with it (null when it was well formed). */
  requests: { path: string; idempotencyKey: string | null; problem: string | null }[];
  close(): Promise<void>;
}

type Body = { token?: unknown; amount_cents?: unknown; currency?: unknown; description?: unknown; charge?: unknown };

export async function startFakeCardGateway(apiKey = `sk_test_${randomUUID().replace(/-/g, '')}`): Promise<FakeCardGateway> {
  const charges: FakeCharge[] = [];
  const refunds: FakeRefund[] = [];
  const declineRefunds = new Map<string, string>();
  const requests: FakeCardGateway['requests'] = [];
  // Keyed by path and Idempotency-Key; held from the first request on, so a concurrent repeat waits for the same outcome.
  const answered = new Map<string, { body: string; outcome: Promise<{ status: number; answer: unknown }> }>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handle(req, Buffer.concat(chunks).toString('utf8'), res);
    });
  });
  const send = (res: http.ServerResponse, status: number, answer: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  };
  async function handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse) {
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    const entry = { path: req.url ?? '', idempotencyKey: key, problem: null as string | null };
    requests.push(entry);
    const refuse = (status: number, problem: string) => {
      entry.problem = problem;
      send(res, status, { status: 'error', problem });
    };
    if (req.method !== 'POST' || (req.url !== '/v1/charges' && req.url !== '/v1/refunds')) return refuse(404, 'no such endpoint');
    if (req.headers.authorization !== `Bearer ${apiKey}`) return refuse(401, 'wrong or missing API key');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(400, 'not JSON');
    if (!key || !/^[\x21-\x7e]{8,255}$/.test(key)) return refuse(400, 'missing or malformed Idempotency-Key');
    let body: Body;
    try {
      body = JSON.parse(raw) as Body;
    } catch {
      return refuse(400, 'unreadable JSON');
    }
    if (typeof body.amount_cents !== 'number' || !Number.isSafeInteger(body.amount_cents) || body.amount_cents <= 0)
      return refuse(400, 'amount_cents must be a whole number of cents above zero');
    if (body.currency !== 'USD') return refuse(400, 'currency must be USD');
    const earlier = answered.get(`${req.url}|${key}`);
    if (earlier) {
      if (earlier.body !== raw) return refuse(409, 'Idempotency-Key reused with another request');
      const first = await earlier.outcome;
      return send(res, first.status, first.answer);
    }
    let settle: (o: { status: number; answer: unknown }) => void = () => {};
    answered.set(`${req.url}|${key}`, { body: raw, outcome: new Promise((r) => (settle = r)) });
    let status = 200;
    let answer: unknown;
    if (req.url === '/v1/refunds') {
      const charge = charges.find((c) => c.id === body.charge);
      if (!charge) {
        answered.delete(`${req.url}|${key}`);
        return refuse(400, 'unknown charge');
      }
      const left = charge.amountCents - refunds.filter((r) => r.chargeId === charge.id).reduce((sum, r) => sum + r.amountCents, 0);
      if (body.amount_cents > left) {
        answered.delete(`${req.url}|${key}`);
        return refuse(400, `refund exceeds what is left of the charge (${left} cents)`);
      }
      const declined = declineRefunds.get(charge.id);
      if (declined) {
        status = 402;
        answer = { status: 'declined', id: `re_${randomUUID().slice(0, 12)}`, reason: declined };
      } else {
        const id = `re_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
        refunds.push({ id, chargeId: charge.id, amountCents: body.amount_cents, idempotencyKey: key });
        const last4 = /^tok_ok_(\d{4})/.exec(charge.token)?.[1] ?? '4242';
        answer = { status: 'approved', id, last4, brand: null };
      }
    } else {
      const token = typeof body.token === 'string' ? body.token : '';
      if (!/^tok_[A-Za-z0-9_-]{6,100}$/.test(token)) {
        answered.delete(`${req.url}|${key}`);
        return refuse(400, 'malformed card token');
      }
      const declined = /^tok_decline_(\w+)$/.exec(token);
      const slow = /^tok_slow_(\d+)$/.exec(token);
      if (slow) await new Promise((r) => setTimeout(r, Number(slow[1])));
      if (declined) {
        status = 402;
        answer = { status: 'declined', id: `ch_${randomUUID().slice(0, 12)}`, reason: declined[1] };
      } else {
        const ok = /^tok_ok_(\d{4})(?:_(\w+))?$/.exec(token);
        const id = `ch_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
        charges.push({ id, token, amountCents: body.amount_cents, idempotencyKey: key });
        answer = { status: 'approved', id, last4: ok?.[1] ?? '4242', brand: ok?.[2] ?? 'visa' };
      }
    }
    settle({ status, answer });
    send(res, status, answer);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    apiKey,
    charges,
    refunds,
    declineRefunds,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
