// Starting a conversation from a phone number. The service reads the number as typed (the local format of its
// configured region, or international) and answers it normalised; the dashboard shows that number, and whether the
// customer ever wrote, before anything is opened. The dashboard does not judge the number itself.
import { ApiError, lookupContact } from './api.js';
import { setAttr, setText } from './dom.js';
import { formatTime } from './format.js';

function summaryOf(contact) {
  if (!contact.hasWritten) {
    return `${contact.international} has never written: only an approved template reaches them until they do.`;
  }
  return contact.windowOpen
    ? `${contact.international} has written: messages can be sent until ${formatTime(contact.windowOpenUntil)}.`
    : `${contact.international} last wrote more than 24 hours ago: only an approved template reaches them until they write again.`;
}

export function createNewConversation({ form, input, find, error, result, summary, open, onOpen, onUnauthorized }) {
  let found = null;

  function showProblem(text) {
    setText(error, text);
    setAttr(input, 'aria-invalid', text ? 'true' : null);
  }

  function clear() {
    found = null;
    result.hidden = true;
    showProblem('');
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear();
    const typed = input.value;
    find.disabled = true;
    try {
      const contact = await lookupContact(typed);
      if (input.value !== typed) return;
      found = contact;
      setText(summary, summaryOf(contact));
      result.hidden = false;
      open.focus();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) {
        onUnauthorized();
      } else if (failure instanceof ApiError && failure.status === 400) {
        showProblem(Object.values(failure.problem?.errors ?? {}).flat()[0] ?? failure.message);
        input.focus();
      } else {
        showProblem(`Could not look the number up: ${failure.message}`);
      }
    } finally {
      find.disabled = false;
    }
  });

  input.addEventListener('input', clear);

  open.addEventListener('click', () => {
    if (!found) return;
    const contact = found;
    input.value = '';
    clear();
    onOpen(contact.address, contact);
  });

  return {
    reset() {
      input.value = '';
      clear();
    },
  };
}
