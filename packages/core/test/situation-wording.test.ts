import { describe, expect, it } from 'vitest';
import { BUILT_IN_SITUATIONS, inferSituation } from '../src/situations.js';

/** How customers on real help desks word problems: calm reports are not complaints or losses. */
const infer = (message: string) => inferSituation(message, BUILT_IN_SITUATIONS).id;

describe('situation inference on everyday support wording', () => {
  it.each([
    'The trackpad just died on me after a week.',
    'My battery died halfway through the flight.',
    'I keep getting the blue screen of death after the update.',
  ])('a device that "died" is not a bereavement: %s', (message) => {
    expect(infer(message)).not.toBe('bereavement');
  });

  it.each(['My father died last month and I need to close his account.', 'I am writing about the death of my husband.', 'The account holder is deceased.'])(
    'a person who died is: %s',
    (message) => {
      expect(infer(message)).toBe('bereavement');
    },
  );

  it.each(['My battery goes down 50% in half an hour since the update.', 'The price went down to $20 a day after I bought it.'])('an amount that went down is not an outage: %s', (message) => {
    expect(infer(message)).not.toBe('outage');
  });

  it('a service that is down is an outage', () => {
    expect(infer('Your site is down again.')).toBe('outage');
  });

  it.each(['I need to reinstall, lost code, purchased online win10', 'It says the update failed with an error, any ideas?'])(
    'naming a problem calmly is not a complaint: %s',
    (message) => {
      expect(infer(message)).not.toBe('complaint');
    },
  );

  it('a message that shows a feeling still reads as a complaint', () => {
    expect(infer('This is hopeless, I am angry and the error is still there.')).toBe('complaint');
  });
});
