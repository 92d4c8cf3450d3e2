// How numbers, names, times and days read on screen.

export const displayContact = (contact) => contact.replace(/^whatsapp:/, '');

export const conversationTitle = ({ contact, profileName }) =>
  profileName ? `${profileName} · ${displayContact(contact)}` : displayContact(contact);

const sameDay = (a, b) => a.toDateString() === b.toDateString();

export function formatTime(iso, now = new Date()) {
  const date = new Date(iso);
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return sameDay(date, now) ? time : `${date.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${time}`;
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
  return date.toLocaleDateString([], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}
