// What a failed send means, in plain words. The raw code and Twilio's own text stay next to it, for whoever has to
// look the case up with Twilio. Meanings follow Twilio's error dictionary (twilio.com/docs/api/errors/<code>).

const MEANINGS = new Map([
  [21211, ['not a valid number', 'The number is not a valid phone number. Check it for a typo or a missing country code.']],
  [21408, ['country not enabled', "This Twilio account may not send to the number's country (Messaging Geo Permissions), or Twilio does not deliver there."]],
  [21610, ['customer unsubscribed', 'The customer opted out of messages from this sender (for example by replying STOP). Nothing reaches them until they opt in again.']],
  [21612, ['cannot be routed', 'Twilio cannot connect this sender with this number at the moment.']],
  [21614, ['not a mobile number', 'The number is not a mobile number that can receive messages; it may be a landline.']],
  [30003, ['phone unreachable', "The customer's phone could not be reached: it may be switched off, out of coverage or unable to receive messages. Trying later may work."]],
  [30004, ['message blocked', 'The message was blocked from reaching this number, for example because the customer blocked the sender or opted out.']],
  [30005, ['unknown number', 'The number is unknown to the mobile network, inactive or no longer in service.']],
  [30006, ['landline or unreachable carrier', 'The number cannot receive this message: it may be a landline, or its carrier cannot be reached.']],
  [30007, ['message filtered', 'Twilio or the carrier filtered the message as spam or as breaking messaging rules.']],
  [30008, ['unknown error', 'Delivery failed and the network gave no reason. Trying again may work.']],
  [63003, ['address not found', 'WhatsApp could not find this number: it may be inactive or mistyped.']],
  [63016, ['outside the 24-hour window', 'The customer last wrote more than 24 hours ago (or never did). Only an approved template can be sent until they write again.']],
  [63018, ['sending limit reached', 'Messages went out faster than this sender may send, or the WhatsApp business account reached its limit of conversations it may start. Try again later.']],
  [63024, ['not reachable on WhatsApp', 'WhatsApp will not deliver to this number: it may not use WhatsApp, or the customer has not accepted its latest terms or uses an old version of the app.']],
]);

const OUTCOMES = new Map([
  ['failed', 'Failed'],
  ['undelivered', 'Not delivered'],
  ['canceled', 'Canceled'],
]);

export const isFailed = (message) => OUTCOMES.has(message.status);

/**
 * For a failed, undelivered or canceled message: what happened (outcome), a few words on why (reason), the
 * sentence behind it (meaning), and Twilio's code and text as sent.
 */
export function describeFailure(message) {
  const [reason, meaning] = MEANINGS.get(message.errorCode) ?? [
    message.errorCode ? `Twilio error ${message.errorCode}` : 'no reason given',
    message.errorMessage ?? 'Twilio gave no reason.',
  ];
  return {
    outcome: OUTCOMES.get(message.status) ?? 'Failed',
    reason,
    meaning,
    code: message.errorCode ?? null,
    twilioText: message.errorMessage ?? null,
  };
}
