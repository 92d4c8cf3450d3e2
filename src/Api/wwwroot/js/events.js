// Live events from GET /api/events. The stream is read with fetch rather than EventSource because EventSource cannot
// send headers: with fetch the key stays in X-Api-Key and never appears in a URL, a log line or the browser history.
import { authHeaders } from './api.js';

const MAX_BACKOFF_MS = 15000;

function parseBlock(block) {
  let event = 'message';
  let id = null;
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  return { event, id, data: data.join('\n') };
}

/**
 * Listens until stop() is called, reconnecting with a growing delay. Every event's id is its position in the service's
 * event log; a reconnection sends the last one as Last-Event-ID and the service replays exactly what was missed, so
 * nothing needs refetching. onReady({ resumed }) runs once the server has registered the listener: resumed is false
 * on the first connection, whose start the caller must catch up to. onReset runs when the service can no longer
 * replay (the events were purged): the caller refetches.
 */
export function listen({ onReady, onEvent, onReset, onState, onUnauthorized }) {
  const controller = new AbortController();
  let backoff = 500;
  let lastEventId = null;

  (async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch('/api/events', {
          headers: {
            ...authHeaders(),
            Accept: 'text/event-stream',
            ...(lastEventId === null ? {} : { 'Last-Event-ID': lastEventId }),
          },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (response.status === 401) {
          onUnauthorized();
          return;
        }
        if (!response.ok || !response.body) {
          throw new Error(`The event stream answered ${response.status}.`);
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let match;
          while ((match = /\r?\n\r?\n/.exec(buffer))) {
            const { event, id, data } = parseBlock(buffer.slice(0, match.index));
            buffer = buffer.slice(match.index + match[0].length);
            const resumed = lastEventId !== null;
            if (id !== null) lastEventId = id;
            if (event === 'ready') {
              backoff = 500;
              onState('live');
              onReady({ resumed });
            } else if (event === 'reset') {
              onReset();
            } else if (data) {
              onEvent(event, JSON.parse(data));
            }
          }
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        console.warn('Event stream interrupted', error);
      }
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, backoff));
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  })();

  return { stop: () => controller.abort() };
}
