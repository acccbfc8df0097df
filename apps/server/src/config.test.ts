import { describe, expect, it } from 'vitest';
import { commsDefaults, dbPoolMax, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('sizes the pool from CLINICDESK_DB_POOL_MAX, else 4 connections per CPU between 8 and 20', () => {
    expect(dbPoolMax('12', 2)).toBe(12);
    expect(dbPoolMax(undefined, 1)).toBe(8);
    expect(dbPoolMax(undefined, 3)).toBe(12);
    expect(dbPoolMax(undefined, 64)).toBe(20);
    for (const ignored of ['', '0', '-3', '2.5', 'many']) expect(dbPoolMax(ignored, 3), ignored).toBe(12);
    expect(loadConfig({ CLINICDESK_DB_POOL_MAX: '5' }).dbPoolMax).toBe(5);
  });

  it("reads the installation's mail server and hands it to the comms use cases with the public URL", () => {
    const config = loadConfig({
      SMTP_URL: 'smtp://desk@mail.example.org:587',
      SMTP_FROM: '',
      CLINICDESK_PUBLIC_URL: 'https://clinic.example.org',
    });
    expect([config.smtpUrl, config.smtpFrom]).toEqual(['smtp://desk@mail.example.org:587', undefined]);
    expect(commsDefaults(config)).toEqual({
      SMTP_URL: 'smtp://desk@mail.example.org:587',
      SMTP_FROM: undefined,
      CLINICDESK_PUBLIC_URL: 'https://clinic.example.org',
    });
  });
});
