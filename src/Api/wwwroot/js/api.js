// The API client: the one place that knows the key and builds its header. Answers are JSON, or RFC 9457 problem
// details thrown as ApiError.
const KEY_STORAGE = 'messaging.apiKey';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The service answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

export const apiKey = {
  get: () => sessionStorage.getItem(KEY_STORAGE),
  set: (key) => sessionStorage.setItem(KEY_STORAGE, key),
  clear: () => sessionStorage.removeItem(KEY_STORAGE),
};

/** The header that proves who is asking; every request to the service carries it. */
export const authHeaders = () => ({ 'X-Api-Key': apiKey.get() ?? '' });

async function request(path, { method = 'GET', body, headers = {} } = {}) {
  const response = await fetch(path, {
    method,
    headers: {
      ...authHeaders(),
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page is not the service's answer; the status says enough.
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

const query = (params) =>
  new URLSearchParams(Object.entries(params).filter(([, value]) => value !== null && value !== undefined)).toString();

export const listConversations = (cursor) => request(`/api/conversations?${query({ limit: 30, cursor })}`);

export const listMessages = (contact, cursor) => request(`/api/messages?${query({ limit: 50, contact, cursor })}`);

export const getMessage = (id) => request(`/api/messages/${encodeURIComponent(id)}`);

export const lookupContact = (number) => request(`/api/contacts/lookup?${query({ number })}`);

/** One page of the templates WhatsApp approved; `refresh` has the service read them from Twilio again first. */
export const listApprovedTemplates = ({ cursor = null, refresh = false } = {}) =>
  request(`/api/templates?${query({ status: 'approved', limit: 200, cursor, refresh: refresh ? 'true' : null })}`);

export const sendMessage = (payload, idempotencyKey) =>
  request('/api/messages', { method: 'POST', body: payload, headers: { 'Idempotency-Key': idempotencyKey } });

export function newIdempotencyKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// Media need the key, which an <img src> cannot send: the bytes come through fetch and are shown from a blob URL.
// Each URL holds its bytes in memory until revoked, so the thread that shows them revokes them when it closes.
const media = new Map();

// A blob URL has the dashboard's origin. Opened in a tab of its own, a customer's file of any other type (HTML, SVG,
// XML) would be shown as a page of the dashboard, without the media endpoint's sandbox: only pictures browsers show as
// pictures keep their type, and everything else is handed out as bytes to save.
const PICTURE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

const essence = (contentType) => (contentType ?? '').split(';')[0].trim().toLowerCase();

/** Whether a medium of this content type is shown as a picture (its blob URL keeps its type). */
export const isPicture = (contentType) => PICTURE_TYPES.has(essence(contentType));

export function mediaObjectUrl(messageId, index) {
  const cacheKey = `${messageId}/${index}`;
  if (!media.has(cacheKey)) {
    media.set(cacheKey, (async () => {
      const response = await fetch(`/api/messages/${encodeURIComponent(messageId)}/media/${index}`, { headers: authHeaders() });
      if (!response.ok) {
        throw new ApiError(response.status, null);
      }
      const bytes = await response.blob();
      return URL.createObjectURL(isPicture(bytes.type) ? bytes : new Blob([bytes], { type: 'application/octet-stream' }));
    })());
  }
  return media.get(cacheKey);
}

/** Revokes every blob URL handed out, including those of fetches still under way. */
export function revokeMedia() {
  for (const url of media.values()) {
    url.then(URL.revokeObjectURL, () => {});
  }
  media.clear();
}
