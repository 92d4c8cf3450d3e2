// Wires the dashboard together: sign-in and sign-out, the views, the API and the live events. Rules live in the
// modules; this file only says which event goes where.
import { createAnnouncer } from './announcer.js';
import { ApiError, apiKey, listConversations, listMessages, revokeMedia } from './api.js';
import { createComposer } from './composer.js';
import { createConversationList } from './conversation-list.js';
import { nextChangeIn } from './customer-window.js';
import { listen } from './events.js';
import { conversationTitle, displayContact } from './format.js';
import { createNewConversation } from './new-conversation.js';
import {
  applyConversation, applyMessage, createState, keepDraft, mergeConversationPage, mergeThreadPage, openThread, sortedConversations, sortedThread,
  takeDraft, windowOf,
} from './state.js';
import { createTemplatePicker } from './template-picker.js';
import { createThread } from './thread.js';

const $ = (id) => document.getElementById(id);

// Every view that calls the API signs out the same way when the key stops being accepted.
const keyRefused = () => signOut('Your API key is no longer accepted.');

let state = createState();
let events = null;

const announcer = createAnnouncer($('announcer'));

const conversationList = createConversationList({
  root: $('conversation-list'),
  list: $('conversations'),
  notice: $('list-notice'),
  onOpen: (contact) => openConversation(contact),
  onNeedMore: () => loadConversations(false).catch(showLoadError),
});

const thread = createThread({
  list: $('messages'),
  title: $('thread-title'),
  newMessages: $('new-messages'),
  onNeedOlder: () => loadThread(false).catch(showLoadError),
  onJumpedToNewest: () => composer.focus(),
});

const templatePicker = createTemplatePicker({
  form: $('template-composer'),
  search: $('template-search'),
  refresh: $('template-refresh'),
  count: $('template-count'),
  choices: $('template-choices'),
  variables: $('template-variables'),
  fields: $('template-fields'),
  previewBox: $('template-preview-box'),
  preview: $('template-preview'),
  button: $('template-send'),
  error: $('template-error'),
  onSend: (content) => composer.sendTemplate(content),
  onUnauthorized: keyRefused,
});

const composer = createComposer({
  reply: $('reply'),
  form: $('composer'),
  text: $('composer-text'),
  media: $('composer-media'),
  button: $('composer-send'),
  error: $('composer-error'),
  note: $('window-note'),
  picker: templatePicker,
  getState: () => state,
  onMessage: (message) => receive(message, { sent: true }),
  onUnauthorized: keyRefused,
});

const newConversation = createNewConversation({
  form: $('new-conversation'),
  input: $('new-contact'),
  find: $('new-contact-find'),
  error: $('new-contact-error'),
  result: $('new-contact-result'),
  summary: $('new-contact-summary'),
  open: $('new-contact-open'),
  onOpen: (contact, lookup) => openConversation(contact, lookup),
  onUnauthorized: keyRefused,
});

function showLoadError(error) {
  if (error instanceof ApiError && error.status === 401) {
    keyRefused();
  } else {
    $('live').textContent = `Could not load: ${error.message}`;
  }
}

// ---- rendering ----------------------------------------------------------------------------------------------------

function renderList(now = Date.now()) {
  conversationList.render({
    conversations: sortedConversations(state),
    current: state.contact,
    hasMore: state.conversationsCursor !== null,
    now,
  });
}

function renderThread(reason) {
  const conversation = state.conversations.get(state.contact);
  const heading = conversation
    ? conversationTitle(conversation)
    : state.lookup?.international ?? displayContact(state.contact);
  thread.render(sortedThread(state), {
    hasOlder: state.threadCursor !== null,
    loaded: state.threadLoaded,
    reason,
    heading,
    author: conversation?.profileName || displayContact(state.contact),
  });
  composer.showWindow(windowOf(state));
}

// Windows move with the clock: countdowns tick, and a window that closes turns the composer into the template
// picker. The views are brought up to date whenever what they say of some window next changes, at least each minute.
let clock = null;

function keepTime() {
  clearTimeout(clock);
  const now = Date.now();
  renderList(now);
  const watched = [...state.conversations.values()].map((c) => c.windowOpenUntil);
  // The open conversation's window, also when it was opened by number and is not among the conversations loaded.
  if (state.contact) {
    const open = windowOf(state, now);
    composer.showWindow(open, now);
    watched.push(open.until);
  }
  const next = Math.min(60_000, ...watched.map((until) => nextChangeIn({ until }, now)));
  clock = setTimeout(keepTime, Math.max(next, 250));
}

// ---- sign-in ------------------------------------------------------------------------------------------------------

let signingIn = false;

async function signIn(key) {
  // Enter and a click, or a stored key's sign-in and a typed one: one sign-in at a time, or a second stream would
  // outlive the sign-out.
  if (signingIn) return;
  signingIn = true;
  try {
    await startSession(key);
  } finally {
    signingIn = false;
  }
}

async function startSession(key) {
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
    $('api-key').focus();
    return;
  }
  $('sign-in-error').textContent = '';
  $('sign-in').hidden = true;
  $('app').hidden = false;
  conversationList.focusFirst();
  keepTime();
  events?.stop();
  events = listen({
    // The first connection starts after the sign-in's load: what happened in between is fetched. A reconnection is
    // replayed by the service, and a reset (events no longer kept) is fetched again.
    onReady: ({ resumed }) => { if (!resumed) catchUp(); },
    onReset: catchUp,
    onEvent: (type, event) => {
      if (type.startsWith('message.')) receive(event.data, { live: true, update: type === 'message.status_changed' });
      else if (type === 'conversation.updated') receiveConversation(event.data);
    },
    onState: (s) => {
      $('live').textContent = s === 'live' ? 'Live' : 'Reconnecting…';
      $('live').classList.toggle('on', s === 'live');
    },
    onUnauthorized: keyRefused,
  });
}

/** Ends the sign-in: nothing of it survives, neither state nor views nor the pictures fetched with the key. */
function signOut(message = '') {
  clearTimeout(clock);
  events?.stop();
  events = null;
  apiKey.clear();
  revokeMedia();
  state = createState();
  conversationList.reset();
  thread.reset();
  composer.reset();
  newConversation.reset();
  announcer.reset();
  $('live').textContent = 'Connecting…';
  $('live').classList.remove('on');
  $('app').hidden = true;
  $('app').classList.remove('showing-thread');
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message;
  $('api-key').value = '';
  $('api-key').focus();
}

// ---- loading ------------------------------------------------------------------------------------------------------

// Every load belongs to the sign-in that started it (`s`); an answer arriving after a sign-out changes nothing.
async function loadConversations(first) {
  const s = state;
  if (!first && (s.loadingMoreConversations || !s.conversationsCursor)) return;
  if (!first) s.loadingMoreConversations = true;
  try {
    const page = await listConversations(first ? null : s.conversationsCursor);
    if (s !== state) return;
    mergeConversationPage(s, page, { first });
    renderList();
  } finally {
    if (!first) s.loadingMoreConversations = false;
  }
}

// A page belongs to the thread it was asked for: one asked for before the conversation was left and opened again, or
// before the thread started again from a newer page, would be merged where it no longer follows on.
async function loadThread(newest) {
  const s = state;
  const contact = s.contact;
  const shown = s.thread;
  if (!contact || (!newest && (s.loadingOlderMessages || !s.threadCursor))) return;
  if (!newest) s.loadingOlderMessages = true;
  try {
    const firstPage = !s.threadLoaded;
    const page = await listMessages(contact, newest ? null : s.threadCursor);
    if (s !== state || shown !== s.thread) return;
    mergeThreadPage(s, page, { newest });
    renderThread(newest ? (firstPage ? 'open' : 'live') : 'older');
  } finally {
    if (!newest && shown === s.thread) s.loadingOlderMessages = false;
  }
}

async function catchUp() {
  try {
    await loadConversations(true);
    if (state.contact) await loadThread(true);
  } catch (error) {
    showLoadError(error);
  }
}

// ---- conversations and messages -----------------------------------------------------------------------------------

function openConversation(contact, lookup = null) {
  $('app').classList.add('showing-thread');
  if (contact !== state.contact) {
    revokeMedia();
    keepDraft(state, composer.leave());
    openThread(state, contact, lookup);
    thread.reset();
    composer.open(takeDraft(state));
    renderThread('open');
    keepTime();
    loadThread(true).catch(showLoadError);
  }
  composer.focus();
}

/** Takes in a conversation's counters and window as the service stored them. */
function receiveConversation(conversation) {
  if (applyConversation(state, conversation)) renderList();
}

/** Takes in a message from the event stream (live, an update when its status changed) or a send's answer (sent). */
function receive(message, { live = false, sent = false, update = false } = {}) {
  const { isNew, inThread } = applyMessage(state, message, { update });
  renderList();
  if (inThread) renderThread(sent ? 'sent' : 'live');
  if (live && isNew && message.direction === 'inbound') {
    const name = message.profileName || displayContact(message.from);
    announcer.announce(`New message from ${name}: ${message.body ?? 'an attachment'}`);
  }
}

// ---- wiring -------------------------------------------------------------------------------------------------------

$('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const key = $('api-key').value.trim();
  if (key) signIn(key);
});
$('sign-out').addEventListener('click', () => signOut());
$('back').addEventListener('click', () => {
  $('app').classList.remove('showing-thread');
  conversationList.focusRow(state.contact);
});

if (apiKey.get()) {
  signIn(apiKey.get());
} else {
  $('api-key').focus();
}
