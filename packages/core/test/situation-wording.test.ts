import { describe, expect, it } from 'vitest';
import { readCustomerTurn } from '../src/customer/read-turn.js';
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

  it('a message that shows a feeling reads as upset, on the mood axis', () => {
    expect(['frustrated', 'angry']).toContain(readCustomerTurn('This is hopeless, I am angry and the error is still there.').mood);
  });

  it.each([
    'Can you stop couriers leaving my packages outside? Stuff is lost, stolen or broken every time.',
    'My parcel arrived damaged and half of it was missing.',
    'Please ship phones in plain boxes so they stop getting stolen on the way!',
  ])('a parcel lost, stolen or broken is a delivery problem, not a security scare: %s', (message) => {
    expect(infer(message)).toBe('shipping-delay');
  });

  it.each(['Someone stole my card details and bought flights with them.', 'My account was stolen last night.'])('theft of an account or card is: %s', (message) => {
    expect(infer(message)).toBe('security');
  });

  it('a stolen car in a game mission is not a security scare', () => {
    expect(infer("I can't use the garage in the stolen yacht mission in the online mode")).not.toBe('security');
  });

  // "Time to upgrade from this damn 16GB phone I guess" is still read as a complaint: a known miss
  // of the model, listed in docs/evaluation.md.
  it.each(['In other news I should probably upgrade from my shitty 12GB phone'])('one swear word in a casual message is not a complaint: %s', (message) => {
    expect(infer(message)).not.toBe('complaint');
  });

  it.each([
    'Is Shadow of War on remote play? Thinking of buying a Vita for it.',
    'If someone makes a second account to play worse players, is that considered cheating?',
    'The update file is corrupted, I tried deleting and retrying and safe mode.',
  ])('negative words with no sign of feeling are not a complaint: %s', (message) => {
    expect(infer(message)).not.toBe('complaint');
  });

  it.each(['Getting tired of seeing this message every day.', 'Your security criteria is lame.', 'The vulnerability is bad, and your response is much worse.'])(
    'negative words with a feeling read as upset, whatever the topic: %s',
    (message) => {
      expect(['frustrated', 'angry']).toContain(readCustomerTurn(message).mood);
    },
  );

  it.each(['This fucking app is shit.', 'Your shitty app is useless and I am sick of it.'])('swearing with other signs of anger calls for care: %s', (message) => {
    expect(inferSituation(message, BUILT_IN_SITUATIONS).sensitivity).toBe('high');
  });
});
