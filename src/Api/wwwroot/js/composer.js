// The composer: writes and sends a message to the open conversation. Enter sends, Shift+Enter adds a line. Every
// send carries an Idempotency-Key, reused when the same message is retried after an answer that never came.
import { ApiError, getMessage, newIdempotencyKey, sendMessage } from './api.js';
import { setText } from './dom.js';
import { displayContact, formatTime } from './format.js';
import { keyForSend, settleSend } from './state.js';

export function createComposer({ form, text, media, button, error, note, getState, onMessage, onUnauthorized }) {
  async function send() {
    const state = getState();
    const contact = state.contact;
    const body = text.value;
    const mediaUrls = media.value.split(/\s+/).filter(Boolean);
    if (!contact || button.disabled || (!body.trim() && mediaUrls.length === 0)) return;
    const payload = { to: displayContact(contact), body: body.trim() ? body : null, mediaUrls: mediaUrls.length ? mediaUrls : null };
    const key = keyForSend(state, payload, newIdempotencyKey);

    button.disabled = true;
    setText(error, '');
    try {
      const message = await sendMessage(payload, key);
      if (getState() !== state) return;
      settleSend(state);
      text.value = '';
      media.value = '';
      onMessage(message);
    } catch (failure) {
      if (getState() !== state) return;
      if (failure instanceof ApiError && failure.status === 401) {
        onUnauthorized();
        return;
      }
      if (failure instanceof ApiError && failure.status < 500 && failure.status !== 409 && failure.status !== 429) {
        // The service decided; a new attempt is a new request.
        settleSend(state);
        const problem = failure.problem ?? {};
        setText(error, [problem.title, problem.detail].filter(Boolean).join(' ') || failure.message);
        if (problem.messageId) getMessage(problem.messageId).then(onMessage).catch(() => {});
      } else {
        setText(error, `Not sent yet: ${failure.message} Press Send to retry.`);
      }
    } finally {
      button.disabled = false;
    }
    text.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  });

  return {
    /** Shows the composer for a newly opened conversation. */
    open() {
      form.hidden = false;
      setText(error, '');
    },
    focus() {
      text.focus();
    },
    /** Says when only a template can reach the customer; the service refuses free-form text then. */
    showWindow({ hasWritten, until, open }) {
      note.hidden = open;
      setText(note, open ? '' : hasWritten
        ? `The customer last wrote more than 24 hours ago (the window closed ${formatTime(until)}): only an approved template reaches them until they write again.`
        : 'This customer has never written: only an approved template reaches them until they do.');
    },
    reset() {
      form.hidden = true;
      text.value = '';
      media.value = '';
      button.disabled = false;
      setText(error, '');
      note.hidden = true;
    },
  };
}
