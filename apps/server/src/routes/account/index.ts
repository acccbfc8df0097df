import {
  activateMfa,
  changePassword,
  changePasswordBodySchema,
  enrollMfa,
  mfaActivateBodySchema,
  mfaActivatedSchema,
  mfaEnrollmentSchema,
} from '@domain/identity/index.ts';
import { z } from 'zod';
import type { App } from '../../plugins/types.ts';

/** The signed-in user's own account: password and MFA enrolment. */
export default async function accountRoutes(app: App) {
  app.post(
    '/api/me/password',
    {
      config: { authenticated: true },
      schema: {
        tags: ['account'],
        summary: 'Change your password (12-128 characters, not a common password); your other sessions end',
        body: changePasswordBodySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changePassword(request.ctx, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/me/mfa/enroll',
    {
      config: { authenticated: true, allowMfaPending: true, errors: ['CONFLICT'] },
      schema: {
        tags: ['account'],
        summary: 'Start TOTP enrolment: a secret, its otpauth:// URL and a QR code (data: URL)',
        response: { 200: mfaEnrollmentSchema },
      },
    },
    async (request) => enrollMfa(request.ctx),
  );

  app.post(
    '/api/me/mfa/activate',
    {
      config: { authenticated: true, allowMfaPending: true, errors: ['CONFLICT'] },
      schema: {
        tags: ['account'],
        summary: 'Confirm enrolment with a code; answers the ten recovery codes, shown this once',
        body: mfaActivateBodySchema,
        response: { 200: mfaActivatedSchema },
      },
    },
    async (request) => activateMfa(request.ctx, request.body),
  );
}
