/**
 * A local Twilio for tests: an HTTP server speaking the Messages resource the SMS channel calls
 * (`POST /2010-04-01/Accounts/{sid}/Messages.json`), that CHECKS every request (basic auth with
 * the account SID and auth token, the path's account, a form body with To, From and Body, E.164
 * numbers) and answers as Twilio does: 201 with `sid` and `status: queued`, 401 (code 20003) for
 * bad credentials, 400 with Twilio's error codes otherwise. Numbers choose the outcome:
 * `rejectNumbers` answers 21610 (the recipient texted STOP), `failNext` answers 500 that many times.
 * The fake is the test: `sent` holds only the texts it accepted.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeText {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
}

export interface FakeTwilio {
  url: string;
  accountSid: string;
  authToken: string;
  /** Texts accepted. */
  sent: FakeText[];
  /** Every request, with what was wrong with it (null when well formed). */
  requests: { path: string; authorization: string | null; problem: string | null }[];
  /** Recipients that answer 21610 ("Attempt to send to unsubscribed recipient"). */
  rejectNumbers: Set<string>;
  /** Answer 500 to this many next requests. */
  failNext: number;
  close(): Promise<void>;
}

const E164 = /^\+[1-9][0-9]{6,14}$/;

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const fake: FakeTwilio = {
    url: '',
    accountSid,
    authToken,
    sent: [],
    requests: [],
    rejectNumbers: new Set(),
    failNext: 0,
    close: async () => undefined,
  };
  const answer = (res: http.ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      raw += c;
    });
    req.on('end', () => {
      const entry = { path: req.url ?? '', authorization: req.headers.authorization ?? null, problem: null as string | null };
      fake.requests.push(entry);
      const refuse = (status: number, code: number, message: string) => {
        entry.problem = message;
        answer(res, status, { code, message, status });
      };
      const want = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
      if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${accountSid}/Messages.json`)
        return refuse(404, 20404, `no such resource: ${req.method} ${req.url}`);
      if (req.headers.authorization !== want) return refuse(401, 20003, 'Authenticate');
      if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
        return refuse(400, 21620, 'form-encoded body required');
      const form = new URLSearchParams(raw);
      const to = form.get('To') ?? '';
      const from = form.get('From') ?? '';
      const body = form.get('Body') ?? '';
      if (!E164.test(to)) return refuse(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
      if (!E164.test(from)) return refuse(400, 21212, `The 'From' number ${from} is not a valid phone number.`);
      if (!body) return refuse(400, 21602, 'Message body is required.');
      if (fake.failNext > 0) {
        fake.failNext--;
        entry.problem = 'failing on purpose';
        return answer(res, 500, { code: 20500, message: 'Internal Server Error', status: 500 });
      }
      if (fake.rejectNumbers.has(to)) return refuse(400, 21610, 'Attempt to send to unsubscribed recipient');
      const sid = `SM${randomBytes(16).toString('hex')}`;
      fake.sent.push({ sid, to, from, body, statusCallback: form.get('StatusCallback') });
      answer(res, 201, { sid, account_sid: accountSid, to, from, body, status: 'queued' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}
