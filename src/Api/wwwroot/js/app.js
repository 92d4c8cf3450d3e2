import { ApiError, apiKey, getMessage, listConversations, listMessages, mediaObjectUrl, newIdempotencyKey, sendMessage } from './api.js';
import { listen } from './events.js';

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};

const state = {
  conversations: new Map(), // contact -> conversation as GET /api/conversations shows it
  conversationsCursor: null,
  conversationsLoaded: false,
  known: new Set(), // ids of messages already counted in their conversation
  contact: null,
  thread: new Map(), // id -> message of the open conversation
  threadCursor: null,
  pendingSend: null, // { payload, key } of a send whose outcome is unknown, retried with the same key
  events: null,
  loadingConversations: false,
  loadingThread: false,
};

const contactOf = (m) => (m.direction === 'inbound' ? m.from : m.to);
const display = (contact) => contact.replace(/^whatsapp:/, '');
const byTime = (a, b) => new Date(a.createdAt) - new Date(b.createdAt);

function formatTime(iso) {
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  return today
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString([], { day: 'numeric', month: 'short' }) + ' ' + date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

// ---- sign-in ------------------------------------------------------------------------------------------------------

async function signIn(key) {
  apiKey.set(key);
  try {
    await loadConversations(true);
  } catch (error) {
    apiKey.clear();
    $('sign-in-error').textContent = error instanceof ApiError && error.status === 401
      ? 'That API key was refused. Check it and try again.'
      : error instanceof ApiError && error.status === 403
        ? 'That API key may not read messages.'
        : `Could not reach the service: ${error.message}`;
    return;
  }
  $('sign-in-error').textContent = '';
  $('sign-in').hidden = true;
  $('app').hidden = false;
  state.events = listen({
    onReady: catchUp,
    onMessage: receive,
    onState: (s) => {
      $('live').textContent = s === 'live' ? 'Live' : 'Reconnecting…';
      $('live').classList.toggle('on', s === 'live');
    },
    onUnauthorized: () => signOut('Your API key is no longer accepted.'),
  });
}

function signOut(message = '') {
  state.events?.stop();
  apiKey.clear();
  state.conversations.clear();
  state.known.clear();
  state.thread.clear();
  state.contact = null;
  $('app').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message;
  $('api-key').value = '';
  $('api-key').focus();
}

// ---- conversations ------------------------------------------------------------------------------------------------

function mergeConversation(conversation) {
  state.conversations.set(conversation.contact, conversation);
  state.known.add(conversation.lastMessage.id);
}

async function loadConversations(first) {
  if (state.loadingConversations || (!first && !state.conversationsCursor)) return;
  state.loadingConversations = true;
  try {
    const page = await listConversations(first ? null : state.conversationsCursor);
    page.items.forEach(mergeConversation);
    if (first && !state.conversationsLoaded) state.conversationsCursor = page.nextCursor;
    if (!first) state.conversationsCursor = page.nextCursor;
    state.conversationsLoaded = true;
    renderConversations();
  } finally {
    state.loadingConversations = false;
  }
}

function renderConversations() {
  const list = $('conversations');
  const sorted = [...state.conversations.values()].sort((a, b) => new Date(b.lastActivityAt) - new Date(a.lastActivityAt));
  list.replaceChildren(...sorted.map((c) => {
    const last = c.lastMessage;
    const preview = (last.direction === 'outbound' ? 'You: ' : '') + (last.body ?? (last.media?.length || last.mediaUrls?.length ? '📎 Attachment' : ''));
    const name = c.profileName ? `${c.profileName} · ${display(c.contact)}` : display(c.contact);
    const button = el('button', { type: 'button', title: name },
      el('span', { className: 'conv-name', textContent: name }),
      el('span', { className: 'conv-time', textContent: formatTime(c.lastActivityAt) }),
      el('span', { className: 'conv-preview', textContent: preview }),
      el('span', { className: 'conv-count', textContent: String(c.messageCount), title: `${c.messageCount} messages` }));
    button.addEventListener('click', () => openConversation(c.contact));
    const item = el('li', {}, button);
    item.dataset.contact = c.contact;
    if (c.contact === state.contact) item.setAttribute('aria-current', 'true');
    return item;
  }));
  if (state.conversationsCursor) {
    const sentinel = el('li', { className: 'sentinel', textContent: 'Loading more…' });
    list.append(sentinel);
    conversationsObserver.observe(sentinel);
  }
}

const conversationsObserver = new IntersectionObserver((entries) => {
  if (entries.some((e) => e.isIntersecting)) loadConversations(false).catch(showListError);
});

function showListError(error) {
  $('live').textContent = error.message;
}

// ---- thread -------------------------------------------------------------------------------------------------------

async function openConversation(contact) {
  state.contact = contact;
  state.thread.clear();
  state.threadCursor = null;
  state.pendingSend = null;
  $('composer-error').textContent = '';
  const conversation = state.conversations.get(contact);
  $('thread-title').textContent = conversation?.profileName ? `${conversation.profileName} · ${display(contact)}` : display(contact);
  $('composer').hidden = false;
  $('app').classList.add('showing-thread');
  renderConversations();
  renderThread(true);
  await loadThread(true);
  $('composer-text').focus();
}

async function loadThread(newest) {
  const contact = state.contact;
  if (!contact || state.loadingThread || (!newest && !state.threadCursor)) return;
  state.loadingThread = true;
  try {
    const page = await listMessages(contact, newest ? null : state.threadCursor);
    if (contact !== state.contact) return;
    page.items.forEach((m) => state.thread.set(m.id, m));
    if (!newest || state.threadCursor === null) state.threadCursor = page.nextCursor;
    const list = $('messages');
    const fromBottom = list.scrollHeight - list.scrollTop;
    renderThread(newest);
    if (!newest) list.scrollTop = list.scrollHeight - fromBottom;
  } finally {
    state.loadingThread = false;
  }
}

const threadObserver = new IntersectionObserver((entries) => {
  if (entries.some((e) => e.isIntersecting) && state.thread.size > 0) loadThread(false).catch(showListError);
});

function ticks(m) {
  switch (m.status) {
    case 'read': return el('span', { className: 'ticks read', textContent: '✓✓', title: 'Read' });
    case 'delivered': return el('span', { className: 'ticks', textContent: '✓✓', title: 'Delivered' });
    case 'sent': return el('span', { className: 'ticks', textContent: '✓', title: 'Sent' });
    case 'failed':
    case 'undelivered':
    case 'canceled': return el('span', { className: 'ticks failed', textContent: '⚠', title: failureText(m) });
    default: return el('span', { className: 'ticks pending', textContent: '✓', title: 'Queued' });
  }
}

function failureText(m) {
  const what = m.status === 'undelivered' ? 'Not delivered' : m.status === 'canceled' ? 'Canceled' : 'Failed';
  return [what, m.errorCode, m.errorMessage].filter((x) => x !== null && x !== undefined).join(': ');
}

function mediaOf(m) {
  if (m.direction === 'inbound') {
    return (m.media?.length ? m.media : m.mediaUrls.map(() => ({ contentType: null }))).map((medium, index) => {
      const link = el('a', { href: '#', textContent: `Attachment ${index + 1}${medium.contentType ? ` (${medium.contentType})` : ''}` });
      const holder = el('div', {}, link);
      mediaObjectUrl(m.id, index).then((url) => {
        link.href = url;
        link.download = `attachment-${index + 1}`;
        if (medium.contentType?.startsWith('image/')) {
          holder.prepend(el('img', { src: url, alt: `Image ${index + 1} from the customer` }));
        }
      }).catch(() => { link.textContent += ' — unavailable'; });
      return holder;
    });
  }
  return m.mediaUrls.map((url) => el('a', { href: url, textContent: url, target: '_blank', rel: 'noopener noreferrer' }));
}

function bubble(m) {
  const failed = ['failed', 'undelivered', 'canceled'].includes(m.status);
  const item = el('li', { className: `bubble ${m.direction}` },
    m.body ? el('div', { className: 'body', textContent: m.body }) : null,
    el('div', { className: 'media' }, ...mediaOf(m)),
    m.direction === 'outbound' && failed ? el('div', { className: 'failure', textContent: failureText(m) }) : null,
    el('div', { className: 'meta' },
      el('time', { dateTime: m.createdAt, textContent: formatTime(m.createdAt) }),
      m.direction === 'outbound' ? ticks(m) : null));
  item.dataset.id = m.id;
  item.dataset.status = m.status;
  return item;
}

function renderThread(stickToBottom) {
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  const items = [...state.thread.values()].sort(byTime).map(bubble);
  if (state.threadCursor) {
    const sentinel = el('li', { className: 'sentinel', textContent: 'Loading older messages…' });
    items.unshift(sentinel);
    threadObserver.observe(sentinel);
  }
  list.replaceChildren(...items);
  if (stickToBottom || atBottom) list.scrollTop = list.scrollHeight;
}

// ---- live updates -------------------------------------------------------------------------------------------------

/** Takes in one message, from the event stream or a send's answer; the same message twice changes nothing. */
function receive(m) {
  const contact = contactOf(m);
  const existing = state.conversations.get(contact);
  const isNew = !state.known.has(m.id) && !state.thread.has(m.id);
  state.known.add(m.id);
  if (!existing) {
    state.conversations.set(contact, {
      contact,
      profileName: m.profileName,
      lastMessage: m,
      lastActivityAt: m.createdAt,
      messageCount: 1,
      windowOpenUntil: null,
    });
  } else {
    if (isNew) existing.messageCount += 1;
    if (existing.lastMessage.id === m.id || new Date(m.createdAt) >= new Date(existing.lastMessage.createdAt)) {
      existing.lastMessage = m;
    }
    if (new Date(m.createdAt) > new Date(existing.lastActivityAt)) existing.lastActivityAt = m.createdAt;
    if (m.profileName) existing.profileName = m.profileName;
  }
  renderConversations();
  if (contact === state.contact) {
    state.thread.set(m.id, m);
    renderThread(false);
  }
}

async function catchUp() {
  try {
    await loadConversations(true);
    if (state.contact) await loadThread(true);
  } catch (error) {
    showListError(error);
  }
}

// ---- sending ------------------------------------------------------------------------------------------------------

async function send() {
  const text = $('composer-text').value;
  const mediaUrls = $('composer-media').value.split(/\s+/).filter(Boolean);
  if (!state.contact || (!text.trim() && mediaUrls.length === 0)) return;
  const payload = { to: display(state.contact), body: text.trim() ? text : null, mediaUrls: mediaUrls.length ? mediaUrls : null };

  // A retry of the same message reuses its key, so a send whose answer was lost is not sent twice.
  const same = state.pendingSend && JSON.stringify(state.pendingSend.payload) === JSON.stringify(payload);
  const key = same ? state.pendingSend.key : newIdempotencyKey();
  state.pendingSend = { payload, key };

  $('composer-send').disabled = true;
  $('composer-error').textContent = '';
  try {
    const message = await sendMessage(payload, key);
    state.pendingSend = null;
    $('composer-text').value = '';
    $('composer-media').value = '';
    receive(message);
    renderThread(true);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut('Your API key is no longer accepted.');
    } else if (error instanceof ApiError && error.status < 500 && error.status !== 409 && error.status !== 429) {
      // The service decided; a new attempt is a new request.
      state.pendingSend = null;
      const problem = error.problem ?? {};
      $('composer-error').textContent = [problem.title, problem.detail].filter(Boolean).join(' ') || error.message;
      if (problem.messageId) getMessage(problem.messageId).then(receive).catch(() => {});
    } else {
      $('composer-error').textContent = `Not sent yet: ${error.message} Press Send to retry.`;
    }
  } finally {
    $('composer-send').disabled = false;
  }
}

// ---- wiring -------------------------------------------------------------------------------------------------------

$('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const key = $('api-key').value.trim();
  if (key) signIn(key);
});
$('sign-out').addEventListener('click', () => signOut());
$('back').addEventListener('click', () => $('app').classList.remove('showing-thread'));
$('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  send();
});
$('composer-text').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    send();
  }
});
$('new-conversation').addEventListener('submit', (event) => {
  event.preventDefault();
  const number = $('new-contact').value.replace(/[\s()-]/g, '');
  if (!/^\+?\d{6,15}$/.test(number)) {
    $('new-contact').setCustomValidity('Enter a phone number in international form, e.g. +14155550123.');
    $('new-contact').reportValidity();
    return;
  }
  const contact = `whatsapp:${number.startsWith('+') ? number : `+${number}`}`;
  $('new-contact').value = '';
  openConversation(contact);
});
$('new-contact').addEventListener('input', () => $('new-contact').setCustomValidity(''));

if (apiKey.get()) {
  signIn(apiKey.get());
}
