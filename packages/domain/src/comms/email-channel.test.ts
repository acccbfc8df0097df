import { describe, expect, it } from 'vitest';
import { parseSmtpUrl } from './email-channel.ts';

describe('parseSmtpUrl', () => {
  it('is null when SMTP_URL is absent, malformed or not smtp/smtps', () => {
    for (const url of [undefined, '', 'mail.example.org', 'http://mail.example.org', 'smtp//mail.example.org', 'mailto:a@b.org']) {
      expect(parseSmtpUrl(url, undefined), String(url)).toBeNull();
    }
  });

  it('defaults the port to 587 (STARTTLS) for smtp and 465 (TLS) for smtps, and keeps an explicit port', () => {
    expect(parseSmtpUrl('smtp://mail.example.org', undefined)).toMatchObject({ host: 'mail.example.org', port: 587, secure: false });
    expect(parseSmtpUrl('smtps://mail.example.org', undefined)).toMatchObject({ port: 465, secure: true });
    expect(parseSmtpUrl('smtp://mail.example.org:2525', undefined)).toMatchObject({ port: 2525, secure: false });
    expect(parseSmtpUrl('smtps://mail.example.org:587', undefined)).toMatchObject({ port: 587, secure: true });
  });

  it('decodes a percent-encoded user and password, and has none when the URL has none', () => {
    expect(parseSmtpUrl('smtps://clinic%40example.org:p%40ss%3Aw%2Frd@mail.example.org', undefined)).toMatchObject({
      user: 'clinic@example.org',
      password: 'p@ss:w/rd',
    });
    expect(parseSmtpUrl('smtp://mail.example.org', undefined)).toMatchObject({ user: null, password: null });
    expect(parseSmtpUrl('smtp://apikey@mail.example.org', undefined)).toMatchObject({ user: 'apikey', password: null });
  });

  it('sends from SMTP_FROM, else from a user that is an address, else from no-reply at the host', () => {
    expect(parseSmtpUrl('smtp://clinic%40example.org:x@mail.example.org', 'Clinic <desk@example.org>')?.from).toBe(
      'Clinic <desk@example.org>',
    );
    expect(parseSmtpUrl('smtp://clinic%40example.org:x@mail.example.org', undefined)?.from).toBe('clinic@example.org');
    expect(parseSmtpUrl('smtp://apikey:x@mail.example.org', undefined)?.from).toBe('ClinicDesk <no-reply@mail.example.org>');
    expect(parseSmtpUrl('smtp://apikey:x@mail.example.org', '')?.from).toBe('ClinicDesk <no-reply@mail.example.org>');
  });
});
