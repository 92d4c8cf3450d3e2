// Live events from GET /api/events. The stream is read with fetch rather than EventSource because EventSource cannot
// send headers: with fetch the key stays in X-Api-Key and never appears in a URL, a log line or the browser history.
import { authHeaders } from './api.js';

const MAX_BACKOFF_MS = 15000;

function parseBlock(block) {
  let event = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return { event, data: data.join('\n') };
}

/**
 * Listens until stop() is called, reconnecting with a growing delay. onReady runs on every (re)connection once the
 * server has registered the listener, so refetching there catches up on anything missed while disconnected.
 */
export function listen({ onReady, onMessage, onState, onUnauthorized }) {
  const controller = new AbortController();
  let backoff = 500;

  (async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch('/api/events', {
          headers: { ...authHeaders(), Accept: 'text/event-stream' },
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
            const { event, data } = parseBlock(buffer.slice(0, match.index));
            buffer = buffer.slice(match.index + match[0].length);
            if (event === 'ready') {
              backoff = 500;
              onState('live');
              onReady();
            } else if (event === 'message' && data) {
              onMessage(JSON.parse(data));
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
