// The API client: every request carries the key in X-Api-Key; answers are JSON or RFC 9457 problem details.
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

export async function request(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const response = await fetch(path, {
    method,
    signal,
    headers: {
      'X-Api-Key': apiKey.get() ?? '',
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

export const listConversations = (cursor) =>
  request(`/api/conversations?limit=30${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);

export const listMessages = (contact, cursor) =>
  request(`/api/messages?limit=50&contact=${encodeURIComponent(contact)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);

export const getMessage = (id) => request(`/api/messages/${encodeURIComponent(id)}`);

export const sendMessage = (payload, idempotencyKey) =>
  request('/api/messages', { method: 'POST', body: payload, headers: { 'Idempotency-Key': idempotencyKey } });

// Media need the key, which an <img src> cannot send; the bytes come through fetch and are shown from a blob URL.
const mediaUrls = new Map();
export async function mediaObjectUrl(messageId, index) {
  const cacheKey = `${messageId}/${index}`;
  if (!mediaUrls.has(cacheKey)) {
    mediaUrls.set(cacheKey, (async () => {
      const response = await fetch(`/api/messages/${messageId}/media/${index}`, { headers: { 'X-Api-Key': apiKey.get() ?? '' } });
      if (!response.ok) {
        mediaUrls.delete(cacheKey);
        throw new ApiError(response.status, null);
      }
      return URL.createObjectURL(await response.blob());
    })());
  }
  return mediaUrls.get(cacheKey);
}

export function newIdempotencyKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
