// The conversation list. One row per conversation, kept for the whole sign-in and changed in place, and one
// listener for all rows, so a click lands whatever arrives while the button is held down.
//
// The list holds still under the agent: while the pointer or the keyboard focus is in it, no row moves. Rows that
// would move up, and new conversations, are counted in a notice ("3 updated ↑") instead; clicking it, or leaving the
// list with both pointer and focus, puts the list in order. Older conversations loaded by scrolling are added below
// the last row, which moves nothing.
import { el, reconcile, setAttr, setText, whenInView } from './dom.js';
import { describeFailure, isFailed } from './failures.js';
import { describeWindow } from './customer-window.js';
import { conversationTitle, formatTime } from './format.js';

function createRow(contact) {
  const row = {
    name: el('span', { className: 'conv-name', attrs: { dir: 'auto' } }),
    time: el('time', { className: 'conv-time' }),
    preview: el('span', { className: 'conv-preview', attrs: { dir: 'auto' } }),
    count: el('span', { className: 'conv-count' }),
    failure: el('span', { className: 'conv-failure', hidden: true }),
    window: el('span', { className: 'conv-window' }),
  };
  const countLabel = el('span', { className: 'visually-hidden', textContent: ' messages' });
  row.button = el('button', { type: 'button' }, row.name, row.time, row.preview, el('span', { className: 'conv-counter' }, row.count, countLabel), row.window, row.failure);
  row.item = el('li', {}, row.button);
  row.item.dataset.contact = contact;
  return row;
}

function previewOf(message) {
  const text = message.body
    ?? (message.media?.length || message.mediaUrls?.length ? '📎 Attachment' : message.contentSid ? 'Template message' : '');
  return (message.direction === 'outbound' ? 'You: ' : '') + text;
}

function updateRow(row, conversation, current, now) {
  const last = conversation.lastMessage;
  setText(row.name, conversationTitle(conversation));
  if (row.time.dateTime !== conversation.lastActivityAt) {
    row.time.dateTime = conversation.lastActivityAt;
    row.time.textContent = formatTime(conversation.lastActivityAt);
  }
  setText(row.preview, previewOf(last));
  setText(row.count, String(conversation.messageCount));
  const until = conversation.windowOpenUntil;
  const customerWindow = describeWindow({ hasWritten: Boolean(until), until }, now);
  row.window.dataset.window = customerWindow.state;
  setText(row.window, customerWindow.short);
  setAttr(row.button, 'aria-current', conversation.contact === current ? 'true' : null);

  const failed = last.direction === 'outbound' && isFailed(last);
  row.item.classList.toggle('failed', failed);
  row.failure.hidden = !failed;
  if (failed) {
    const { outcome, reason, code } = describeFailure(last);
    setText(row.failure, `⚠ ${outcome}: ${reason}${code ? ` (${code})` : ''}`);
  }
}

export function createConversationList({ root, list, notice, onOpen, onNeedMore }) {
  const rows = new Map();
  const sentinel = el('li', { className: 'sentinel', textContent: 'Loading more…' });
  let data = null;
  let pointerInside = false;
  let focusInside = false;
  const sentinelInView = whenInView(sentinel, onNeedMore);

  const held = () => pointerInside || focusInside;

  function rowOf(contact) {
    let row = rows.get(contact);
    if (!row) {
      row = createRow(contact);
      rows.set(contact, row);
    }
    return row;
  }

  function putInOrder({ conversations, hasMore }) {
    reconcile(list, [...conversations.map((c) => rows.get(c.contact).item), ...(hasMore ? [sentinel] : [])]);
    return 0;
  }

  /** Keeps every shown row where it is; returns how many conversations would move up (or appear above). */
  function holdStill({ conversations, hasMore }) {
    const shown = [...list.children].filter((child) => child !== sentinel);
    const shownAt = new Map(shown.map((item, index) => [item.dataset.contact, index]));
    let lastShown = -1;
    conversations.forEach((c, index) => { if (shownAt.has(c.contact)) lastShown = index; });

    let waiting = 0;
    let above = 0; // shown rows before this place in the sorted order
    const older = [];
    conversations.forEach((c, index) => {
      if (!shownAt.has(c.contact)) {
        if (index > lastShown) older.push(rows.get(c.contact));
        else waiting += 1;
      } else {
        if (shownAt.get(c.contact) > above) waiting += 1;
        above += 1;
      }
    });
    for (const row of older) list.insertBefore(row.item, sentinel.isConnected ? sentinel : null);
    if (hasMore && !sentinel.isConnected) list.append(sentinel);
    if (!hasMore) sentinel.remove();
    return waiting;
  }

  function render(next = data, { release = false } = {}) {
    if (!next) return;
    data = next;
    for (const c of data.conversations) updateRow(rowOf(c.contact), c, data.current, data.now);
    const waiting = held() && !release ? holdStill(data) : putInOrder(data);
    notice.hidden = waiting === 0;
    setText(notice, `${waiting} updated ↑`);
    if (data.hasMore && sentinelInView()) onNeedMore();
  }

  const releaseIfLeft = () => {
    if (!held()) render();
  };

  root.addEventListener('pointerenter', () => { pointerInside = true; });
  root.addEventListener('pointerleave', () => { pointerInside = false; releaseIfLeft(); });
  root.addEventListener('focusin', () => { focusInside = true; });
  root.addEventListener('focusout', (event) => {
    if (root.contains(event.relatedTarget)) return;
    focusInside = false;
    releaseIfLeft();
  });

  notice.addEventListener('click', () => {
    render(data, { release: true });
    list.querySelector('button')?.focus();
  });

  list.addEventListener('click', (event) => {
    const item = event.target.closest('li[data-contact]');
    if (item) onOpen(item.dataset.contact);
  });

  // Up and Down move between rows, Home and End to the first and last.
  list.addEventListener('keydown', (event) => {
    const buttons = [...list.querySelectorAll('li[data-contact] > button')];
    const index = buttons.indexOf(document.activeElement);
    const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (index < 0 || target === undefined || !buttons[target]) return;
    event.preventDefault();
    buttons[target].focus();
  });

  return {
    render,
    /** Focuses the first row, or the list itself when it is empty. */
    focusFirst() {
      (list.querySelector('li[data-contact] > button') ?? list).focus();
    },
    focusRow(contact) {
      rows.get(contact)?.button.focus();
    },
    reset() {
      rows.clear();
      data = null;
      // A hidden list gets no pointerleave; the next sign-in starts with the list free to sort.
      pointerInside = false;
      focusInside = false;
      list.replaceChildren();
      notice.hidden = true;
    },
  };
}
