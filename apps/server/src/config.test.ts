import { describe, expect, it } from 'vitest';
import { ConfigError, dbPoolMax, installationOf, loadConfig, routeLimits } from './config.ts';

describe('loadConfig', () => {
  it('sizes the pool from CLINICDESK_DB_POOL_MAX, else 4 connections per CPU between 8 and 20', () => {
    expect(dbPoolMax('12', 2)).toBe(12);
    expect(dbPoolMax(undefined, 1)).toBe(8);
    expect(dbPoolMax(undefined, 3)).toBe(12);
    expect(dbPoolMax(undefined, 64)).toBe(20);
    for (const ignored of ['', '0', '-3', '2.5', 'many']) expect(dbPoolMax(ignored, 3), ignored).toBe(12);
    expect(loadConfig({ CLINICDESK_DB_POOL_MAX: '5' }).dbPoolMax).toBe(5);
  });

  it('bounds request statements at 2 s and reports and exports at 30 s unless told otherwise; 0 is no limit', () => {
    const byDefault = loadConfig({});
    expect([byDefault.statementTimeoutMs, byDefault.reportStatementTimeoutMs]).toEqual([2_000, 30_000]);
    const set = loadConfig({ CLINICDESK_STATEMENT_TIMEOUT_MS: '500', CLINICDESK_REPORT_STATEMENT_TIMEOUT_MS: '0' });
    expect([set.statementTimeoutMs, set.reportStatementTimeoutMs]).toEqual([500, 0]);
    for (const bad of ['2s', '-1', '1.5']) {
      expect(() => loadConfig({ CLINICDESK_STATEMENT_TIMEOUT_MS: bad }), bad).toThrow(ConfigError);
    }
  });

  it('lets half the pool run expensive requests of one kind, reports half that, unless CLINICDESK_EXPENSIVE_CONCURRENCY says', () => {
    // Searches and availability queue 64 at least (50 desks at once wait their turn), for up to 2 s.
    expect(routeLimits(undefined, 8)).toEqual({
      search: { inFlight: 4, queue: 64, waitMs: 2_000 },
      availability: { inFlight: 4, queue: 64, waitMs: 2_000 },
      report: { inFlight: 2, queue: 8, waitMs: 5_000 },
    });
    expect(routeLimits(undefined, 3).search.inFlight).toBe(2);
    expect(routeLimits(undefined, 3).report.inFlight).toBe(1);
    for (const ignored of ['', '0', 'lots']) expect(routeLimits(ignored, 20).search.inFlight, ignored).toBe(10);
    expect(loadConfig({ CLINICDESK_EXPENSIVE_CONCURRENCY: '6' }).routeLimits.search).toEqual({ inFlight: 6, queue: 96, waitMs: 2_000 });
  });

  it("reads the installation's mail server and hands it to the comms use cases with the public URL", () => {
    const config = loadConfig({
      SMTP_URL: 'smtp://desk@mail.example.org:587',
      SMTP_FROM: '',
      CLINICDESK_PUBLIC_URL: 'https://clinic.example.org',
    });
    expect([config.smtpUrl, config.smtpFrom]).toEqual(['smtp://desk@mail.example.org:587', undefined]);
    expect(installationOf(config)).toEqual({
      smtpUrl: 'smtp://desk@mail.example.org:587',
      smtpFrom: undefined,
      publicUrl: 'https://clinic.example.org',
    });
  });

  it('reads the clearinghouse SFTP server only with a pinned host key and a way to sign in', () => {
    const key = `SHA256:${'A'.repeat(43)}`;
    expect(loadConfig({}).claimsSftp).toBeUndefined();
    const config = loadConfig({ CLAIMS_SFTP_URL: 'sftp://clinic%40x:s3cret@sftp.example.org:2222/in%20box', CLAIMS_SFTP_HOST_KEY: key });
    expect(config.claimsSftp).toEqual({
      host: 'sftp.example.org',
      port: 2222,
      username: 'clinic@x',
      password: 's3cret',
      outboxDir: '/in box',
      hostKeySha256: key,
    });
    expect(installationOf(config).claimsSftp).toBe(config.claimsSftp);
    expect(() => loadConfig({ CLAIMS_SFTP_URL: 'sftp://clinic:pw@sftp.example.org/' })).toThrow(/CLAIMS_SFTP_HOST_KEY/);
    expect(() => loadConfig({ CLAIMS_SFTP_URL: 'sftp://clinic@sftp.example.org/', CLAIMS_SFTP_HOST_KEY: key })).toThrow(/password/);
    expect(() => loadConfig({ CLAIMS_SFTP_URL: 'ftp://clinic:pw@sftp.example.org/', CLAIMS_SFTP_HOST_KEY: key })).toThrow(/sftp/);
    expect(() =>
      loadConfig({ CLAIMS_SFTP_URL: 'sftp://clinic@h/', CLAIMS_SFTP_HOST_KEY: key, CLAIMS_SFTP_PRIVATE_KEY_FILE: '/nonexistent/key' }),
    ).toThrow(/cannot be read/);
  });
});
