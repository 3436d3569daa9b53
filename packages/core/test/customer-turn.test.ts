import { describe, expect, it } from 'vitest';
import { readCustomerTurn } from '../src/customer/read-turn.js';
import { BUILT_IN_SITUATIONS, inferSituation, resolveSituation } from '../src/situations.js';

const resolve = (context: Parameters<typeof resolveSituation>[0]['context']) => resolveSituation({ context, situations: BUILT_IN_SITUATIONS, tagSituations: {} });

describe('reading a customer turn', () => {
  // Messages written apart from the labelled data, as a new user would write them.
  it.each([
    ['complaint', "This is the third time I'm writing and nobody has replied. Absolutely disgraceful service."],
    ['security', 'Someone used my account to place an order I never made. Please lock it.'],
    ['security', "I just got an email saying my password was changed but I didn't change it!!"],
    ['shipping-delay', 'My order #55812 was supposed to arrive on Tuesday and it is still not here.'],
    ['billing-failure', 'Why was my direct debit rejected?'],
    ['bereavement', 'My father passed away; how do I close his account?'],
  ])('reads %s in "%s"', (situation, message) => {
    expect(inferSituation(message, BUILT_IN_SITUATIONS).id).toBe(situation);
  });

  it('names the customer’s own words as evidence', () => {
    const situation = inferSituation('Why was my direct debit rejected?', BUILT_IN_SITUATIONS);
    expect(situation.matched.length).toBeGreaterThan(0);
    for (const word of situation.matched) expect('why was my direct debit rejected?').toContain(word.toLowerCase());
    expect(situation.reason).toMatch(/^customer message mentions "/);
  });

  it('reads the mood on its own axis: a scared customer is not calm, a thankful one is pleased', () => {
    expect(readCustomerTurn("I just got an email saying my password was changed but I didn't change it!!").mood).not.toBe('calm');
    expect(readCustomerTurn('Thank you so much, you are all amazing!').mood).toBe('pleased');
  });

  it('is deterministic', () => {
    const message = 'the app keeps crashing when I open my invoices, please help';
    expect(readCustomerTurn(message)).toEqual(readCustomerTurn(`${message}`));
  });

  it('hears that a problem is solved, and relaxes the situation', () => {
    const turn = readCustomerTurn("Oh good! It's working again, thanks!");
    expect(turn.resolved).toBe(true);
    expect(inferSituation("Oh good! It's working again, thanks!", BUILT_IN_SITUATIONS)).toMatchObject({ sensitivity: 'low', resolved: true });
  });

  it('does not take a device that died for a solved problem or a loss', () => {
    const turn = readCustomerTurn('The trackpad just died on me after a week.');
    expect(turn.resolved).toBe(false);
    expect(turn.situation).not.toBe('bereavement');
  });
});

describe('the thread as context', () => {
  const declined = 'My card was declined twice and now my account is locked!';

  it('a follow-up that names no situation keeps the one the customer gave earlier', () => {
    const situation = resolve({ customerMessage: 'I did.', thread: [{ role: 'customer', text: declined }, { role: 'agent', text: 'Could you try again?' }] });
    expect(situation).toMatchObject({ id: 'billing-failure', sensitivity: 'high' });
    expect(situation.reason).toMatch(/^earlier in the conversation/);
  });

  it('the latest turn decides when it names a situation', () => {
    expect(resolve({ customerMessage: 'Where is my refund for the last order?', thread: [{ role: 'customer', text: declined }] }).id).toBe('refund');
  });

  it('a solved problem is not carried over', () => {
    const situation = resolve({ customerMessage: "Oh good, it's working again, thanks!", thread: [{ role: 'customer', text: 'Your app has been down for two hours!!' }] });
    expect(situation).toMatchObject({ sensitivity: 'low', resolved: true });
  });

  it('team signals override the model', () => {
    const situations = [...BUILT_IN_SITUATIONS, { id: 'chargeback', sensitivity: 'high' as const, signals: [{ pattern: '\\bchargeback\\b' }] }];
    const situation = inferSituation('I filed a chargeback with my bank for the double charge.', situations);
    expect(situation).toMatchObject({ id: 'chargeback', source: 'inferred' });
    expect(situation.reason).toMatch(/team signal/);
  });
});
