// How numbers, names, times and days read on screen.

export const displayContact = (contact) => contact.replace(/^whatsapp:/, '');

export const conversationTitle = ({ contact, profileName }) =>
  profileName ? `${profileName} · ${displayContact(contact)}` : displayContact(contact);

const sameDay = (a, b) => a.toDateString() === b.toDateString();

// Built once: toLocale*String with options builds a new formatter on every call, and the conversation list formats
// the time of every row on every render, many times a second while customers write.
const timeFormat = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
const shortDateFormat = new Intl.DateTimeFormat([], { day: 'numeric', month: 'short' });
const longDateFormat = new Intl.DateTimeFormat([], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

export function formatTime(iso, now = new Date()) {
  const date = new Date(iso);
  const time = timeFormat.format(date);
  return sameDay(date, now) ? time : `${shortDateFormat.format(date)} ${time}`;
}

/** The local calendar day of a time, e.g. 2026-11-27: the key of a day separator. */
export function dayKey(iso) {
  const date = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function dayLabel(iso, now = new Date()) {
  const date = new Date(iso);
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(date, now)) return 'Today';
  if (sameDay(date, yesterday)) return 'Yesterday';
  return longDateFormat.format(date);
}
