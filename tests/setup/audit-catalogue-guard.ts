/**
 * Every audit event the suite writes must be declared in the audit catalogue. A refused
 * write throws, which fails its test, except where the caller swallows errors of its audit
 * row (a denial written on the way to another error): those surface here, after each file.
 */
import { takeAuditCatalogueRefusals } from '@domain/shared/audit-events.ts';
import { afterAll, expect } from 'vitest';

afterAll(() => {
  expect(takeAuditCatalogueRefusals(), 'audit events refused by the catalogue (docs/AUDIT.md)').toEqual([]);
});
