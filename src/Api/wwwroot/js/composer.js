// The composer: what the agent sends to the open conversation. While the customer-service window is open it takes
// free-form text (Enter sends, Shift+Enter adds a line); once it has closed, or for a customer who never wrote, it
// becomes the template picker. Every send carries an Idempotency-Key, reused when the same message is retried after
// an answer that never came.
import { ApiError, getMessage, newIdempotencyKey, sendMessage } from './api.js';
import { describeWindow } from './customer-window.js';
import { setText } from './dom.js';
import { displayContact } from './format.js';
import { keyForSend, settleLeftSend, settleSend } from './state.js';

export function createComposer({ reply, note, form, text, media, button, error, picker, getState, onMessage, onUnauthorized }) {
  let mode = null; // 'free-form' or 'template'
  // Contacts with a send waiting for its answer: one at a time per customer, while another customer's composer stays free.
  const sending = new Set();

  function showSending() {
    const busy = sending.has(getState().contact);
    button.disabled = busy;
    picker.button.disabled = busy;
  }

  /**
   * Sends `content` to the open conversation: `sent()` runs once the service has the message; a refusal is shown in
   * `shown.error` with the service's words; an answer that never came keeps the key for the retry. An answer that comes
   * after the agent has opened another conversation belongs to the draft of the one it was sent from, never to the
   * composer now showing another customer.
   */
  async function deliver(content, shown, sent) {
    const state = getState();
    const contact = state.contact;
    if (!contact || sending.has(contact)) return;
    const payload = { to: displayContact(contact), ...content };
    const key = keyForSend(state, payload, newIdempotencyKey);

    sending.add(contact);
    showSending();
    setText(shown.error, '');
    try {
      const message = await sendMessage(payload, key);
      if (getState() !== state) return;
      if (state.contact === contact) {
        settleSend(state);
        sent();
      } else {
        settleLeftSend(state, contact, { sent: true });
      }
      onMessage(message);
    } catch (failure) {
      if (getState() !== state) return;
      if (failure instanceof ApiError && failure.status === 401) {
        onUnauthorized();
        return;
      }
      const here = state.contact === contact;
      if (failure instanceof ApiError && failure.status < 500 && failure.status !== 409 && failure.status !== 429) {
        // The service decided; a new attempt is a new request.
        const problem = failure.problem ?? {};
        const words = [problem.title, problem.detail].filter(Boolean).join(' ') || failure.message;
        if (problem.messageId) getMessage(problem.messageId).then(onMessage).catch(() => {});
        if (!here) {
          settleLeftSend(state, contact, { settled: true, error: words });
          return;
        }
        settleSend(state);
        setText(shown.error, words);
        if (problem.missingVariables || problem.extraVariables) picker.markVariables(problem.missingVariables ?? []);
      } else {
        const words = `Not sent yet: ${failure.message} Press Send to retry.`;
        if (!here) {
          settleLeftSend(state, contact, { error: words });
          return;
        }
        setText(shown.error, words);
      }
    } finally {
      if (getState() === state) {
        sending.delete(contact);
        showSending();
      }
    }
  }

  async function sendText() {
    const body = text.value;
    const mediaUrls = media.value.split(/\s+/).filter(Boolean);
    if (!body.trim() && mediaUrls.length === 0) return;
    await deliver({ body: body.trim() ? body : null, mediaUrls: mediaUrls.length ? mediaUrls : null }, { error }, () => {
      text.value = '';
      media.value = '';
    });
    if (mode === 'free-form') text.focus();
  }

  async function sendTemplate(content) {
    await deliver(content, picker, () => {
      picker.clear();
      picker.focus();
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sendText();
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      sendText();
    }
  });

  function setMode(next) {
    if (next === mode) return;
    const focused = document.activeElement;
    mode = next;
    form.hidden = mode !== 'free-form';
    if (mode === 'template') picker.activate();
    else picker.deactivate();
    // The field the agent was in may just have been hidden (the browser moves focus away from it only later): their
    // place is in the composer that took over.
    if (reply.contains(focused) && focused.closest('[hidden]')) focusComposer();
  }

  function focusComposer() {
    if (mode === 'template') picker.focus();
    else text.focus();
  }

  return {
    sendTemplate,
    /** What the agent leaves unsent in the conversation being closed (see keepDraft). */
    leave() {
      return { text: text.value, media: media.value, error: error.textContent || picker.error.textContent };
    },
    /**
     * Shows the composer for a newly opened conversation, with what was left unsent in it, if anything: nothing written
     * for one customer stays in the composer for another.
     */
    open(draft = null) {
      reply.hidden = false;
      text.value = draft?.text ?? '';
      media.value = draft?.media ?? '';
      picker.clear();
      setText(error, draft?.error ?? '');
      setText(picker.error, draft?.error ?? '');
      showSending();
    },
    focus: focusComposer,
    /**
     * Shows the open conversation's window as it stands at `now`, and the composer that can reach the customer: free
     * text while the window is open, the template picker once it has closed or for a customer who never wrote.
     */
    showWindow(customerWindow, now = Date.now()) {
      const described = describeWindow(customerWindow, now);
      note.dataset.window = described.state;
      setText(note, described.note);
      setMode(described.state === 'open' || described.state === 'closing' ? 'free-form' : 'template');
    },
    reset() {
      reply.hidden = true;
      mode = null;
      form.hidden = false;
      text.value = '';
      media.value = '';
      sending.clear();
      button.disabled = false;
      picker.button.disabled = false;
      setText(error, '');
      setText(note, '');
      note.dataset.window = 'none';
      picker.reset();
    },
  };
}
