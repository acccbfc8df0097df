import { describe, expect, it } from 'vitest';
import { fieldsOf, parseTemplate, renderTemplate } from './merge-fields.ts';

describe('merge fields', () => {
  it('fills known fields in one pass, never re-expanding what it inserted', () => {
    const out = renderTemplate('Dear {{patient.firstName}}, you owe {{ balance.due }}.', {
      'patient.firstName': '{{balance.due}} <b>Ann</b>',
      'balance.due': '$12.00',
    });
    expect(out).toBe('Dear {{balance.due}} <b>Ann</b>, you owe $12.00.');
  });

  it('refuses unknown fields, empty fields and stray braces, naming the field', () => {
    expect(() => parseTemplate('Hi {{patient.shoeSize}}')).toThrow(/unknown merge field \{\{patient.shoeSize\}\}/);
    expect(() => parseTemplate('Hi {{}}')).toThrow(/empty merge field/);
    expect(() => parseTemplate('Hi {{patient.firstName')).toThrow(/not closed/);
    expect(() => parseTemplate('Hi }} there')).toThrow(/closes no merge field/);
  });

  it('lists the fields a template uses', () => {
    expect(fieldsOf('{{today}} {{patient.fullName}} {{today}}')).toEqual(['today', 'patient.fullName']);
  });

  it('marks a field without a value with a blank', () => {
    expect(renderTemplate('Seen on {{appointment.date}}', {})).toBe('Seen on ________');
  });
});
