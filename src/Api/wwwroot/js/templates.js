// Content templates as the picker uses them: search, the values a send needs, and the text the customer will
// receive. No DOM here. The service checks every send again; this only helps the agent get it right first.

const PLACEHOLDER = /\{\{([A-Za-z0-9_]{1,16})\}\}/g;

/** "twilio/quick-reply" → "quick reply". */
export const contentKind = (contentType) => contentType.replace(/^twilio\//, '').replaceAll('-', ' ');

/**
 * Whether a template matches what was typed in the search: every word must be part of its name or the start of its
 * language, ignoring case ("order es" finds order_shipped in es).
 */
export function matchesSearch(template, query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const name = template.friendlyName.toLowerCase();
  const language = template.language.toLowerCase();
  return words.every((word) => name.includes(word) || language.startsWith(word));
}

/** The template's text with the values given so far; a variable without a value stays as {{1}}. */
export function renderPreview(template, values) {
  return (template.text ?? '').replace(PLACEHOLDER, (placeholder, name) => (values[name]?.trim() ? values[name] : placeholder));
}

/** Why WhatsApp would refuse a value (Twilio error 21656), or null when it is fine. */
export function valueProblem(value) {
  if (!value || !value.trim()) return 'Fill this in.';
  if (/[\n\r\t]/.test(value)) return 'Line breaks and tabs are not allowed.';
  if (value.includes('     ')) return 'At most four spaces in a row.';
  return null;
}
