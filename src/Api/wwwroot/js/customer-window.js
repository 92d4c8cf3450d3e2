// WhatsApp's customer-service window in words, as it stands at a given moment: open until when, a countdown once it
// ends within a few hours, closed. No DOM here; views call these with the time they show.
import { formatTime } from './format.js';

/** From this much time left, a window shows a countdown instead of the time it closes. */
export const COUNTDOWN_FROM_MS = 3 * 60 * 60 * 1000;

const MINUTE_MS = 60 * 1000;

/** "2 h 5 min" or "42 min": whole minutes, rounded up, so "1 min" is the last minute. */
export function formatRemaining(ms) {
  const minutes = Math.ceil(ms / MINUTE_MS);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * The window of a conversation ({ hasWritten, until } as windowOf gives it) at `now`: its state ('open', 'closing',
 * 'closed' or 'never'), the sentence the thread shows, and the few words a conversation row shows.
 */
export function describeWindow({ hasWritten, until }, now = Date.now()) {
  const end = until ? Date.parse(until) : null;
  if (end === null || !hasWritten) {
    return {
      state: 'never',
      note: 'This customer has never written: only an approved template reaches them until they do.',
      short: 'Template only',
    };
  }
  const left = end - now;
  if (left <= 0) {
    return {
      state: 'closed',
      note: `The customer last wrote more than 24 hours ago (the window closed ${formatTime(until)}): only an approved template reaches them until they write again.`,
      short: 'Window closed',
    };
  }
  if (left <= COUNTDOWN_FROM_MS) {
    const remaining = formatRemaining(left);
    return {
      state: 'closing',
      note: `The window for free-form replies closes in ${remaining}, at ${formatTime(until)}; after that only an approved template reaches the customer.`,
      short: `Closes in ${remaining}`,
    };
  }
  return {
    state: 'open',
    note: `Free-form replies reach the customer until ${formatTime(until)}.`,
    short: `Open until ${formatTime(until)}`,
  };
}

/**
 * Milliseconds until what describeWindow says of this window next changes: the countdown starting, its next
 * minute, or the window closing; Infinity for a window that is already closed.
 */
export function nextChangeIn({ until }, now = Date.now()) {
  const left = until ? Date.parse(until) - now : 0;
  if (left <= 0) return Infinity;
  if (left > COUNTDOWN_FROM_MS) return left - COUNTDOWN_FROM_MS;
  return ((left - 1) % MINUTE_MS) + 1;
}
