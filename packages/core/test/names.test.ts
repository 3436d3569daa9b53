import { describe, expect, it } from 'vitest';
import { findGreeting } from '../src/name-mentions.js';
import { parseCustomerName } from '../src/names.js';

describe('customer names as help desks export them', () => {
  it('splits a full name into the forms a reply may use, accents folded', () => {
    const name = parseCustomerName('José Álvarez')!;
    expect(name).toMatchObject({ full: 'José Álvarez', first: 'José', last: 'Álvarez' });
    expect(name.accepted).toEqual(expect.arrayContaining(['josé', 'jose', 'álvarez', 'alvarez', 'josé álvarez']));
  });

  it('reads "Last, First", drops a company in brackets or after a comma, and skips honorifics', () => {
    expect(parseCustomerName('Raman, Priya')).toMatchObject({ first: 'Priya', last: 'Raman' });
    expect(parseCustomerName('Priya Raman (Acme Inc)')).toMatchObject({ full: 'Priya Raman', first: 'Priya' });
    expect(parseCustomerName('Priya Raman, Acme Inc')).toMatchObject({ full: 'Priya Raman', last: 'Raman' });
    expect(parseCustomerName('Dr. Priya Raman')).toMatchObject({ first: 'Priya' });
  });

  it('accepts every given name but not surname particles on their own', () => {
    expect(parseCustomerName('Ana María López')!.accepted).toEqual(expect.arrayContaining(['ana', 'maría', 'maria', 'lópez']));
    expect(parseCustomerName('Vincent van Gogh')!.accepted).not.toContain('van');
  });

  it('refuses handles, ids and e-mail addresses', () => {
    for (const raw of ['@priya', 'priya_r', 'mike1987', '115712', 'priya@example.com', '  ']) expect(parseCustomerName(raw), raw).toBeUndefined();
  });
});

describe('greetings', () => {
  it.each([
    ['Hi Priya, thanks.', 'name', ['Priya']],
    ['Dear Ms. Raman,\n\nThanks.', 'name', ['Raman']],
    ['Hi there, thanks.', 'there', []],
    ['Hello, thanks for waiting.', 'none', []],
    ['Hi team!', 'group', []],
    ['Dear valued customer,', 'generic', []],
    ['Hi {{first_name}},', 'placeholder', []],
    ['Hi , thanks.', 'placeholder', []],
    ['Hi, Sam here from billing.', 'none', []],
  ])('%j addresses %s', (text, addressee, names) => {
    const greeting = findGreeting(text)!;
    expect(greeting.addressee).toBe(addressee);
    expect(greeting.names.map((span) => span.text)).toEqual(names);
  });

  it('finds no greeting where the reply does not open with one', () => {
    expect(findGreeting('Your refund is on its way. Hi again soon!')).toBeUndefined();
  });
});
