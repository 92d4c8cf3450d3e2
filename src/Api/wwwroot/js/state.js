// The dashboard's state and the updates to it: no DOM and no network here. Views render from the state; a new
// sign-in starts from createState(), so nothing of the previous one survives.

// WhatsApp's customer-service window, as the service counts it: 24 hours from the customer's last message.
const WINDOW_MS = 24 * 60 * 60 * 1000;

export function createState() {
  return {
    conversations: new Map(), // contact -> conversation, as GET /api/conversations shows it
    conversationsCursor: null,
    conversationsLoaded: false,
    loadingMoreConversations: false,
    known: new Set(), // ids of messages already counted in their conversation
    contact: null, // the open conversation
    lookup: null, // what GET /api/contacts/lookup said of the open contact, if it was opened by number
    thread: new Map(), // id -> message of the open conversation
    threadCursor: null,
    threadOldest: null, // the oldest message of the pages loaded
    threadLoaded: false,
    loadingOlderMessages: false,
    pendingSend: null, // { payload, key } of a send whose outcome is unknown, retried with the same key
    drafts: new Map(), // contact -> { text, media, error, pendingSend } of a conversation left with something unsent
  };
}

export const contactOf = (message) => (message.direction === 'inbound' ? message.from : message.to);

const time = (iso) => Date.parse(iso);

/**
 * Whether `a` is a later message than `b` (creation time, then id, as the service orders them). The service keeps
 * times to the 100 ns and Date to the millisecond: within one millisecond the times are compared as written (the
 * service writes them all alike, so their text sorts as they do).
 */
function isAfter(a, b) {
  const apart = time(a.createdAt) - time(b.createdAt);
  if (apart !== 0) return apart > 0;
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt;
  return a.id > b.id;
}

/** Statuses only move forward, and events may overtake a send's answer: the later update of a message wins. */
const isSameOrLaterUpdate = (incoming, current) => time(incoming.updatedAt) >= time(current.updatedAt);

function putMessage(messages, message) {
  const current = messages.get(message.id);
  if (!current || isSameOrLaterUpdate(message, current)) {
    messages.set(message.id, message);
  }
}

const byActivity = (a, b) =>
  time(b.lastActivityAt) - time(a.lastActivityAt) || (a.contact < b.contact ? 1 : a.contact > b.contact ? -1 : 0);

export const sortedConversations = (state) => [...state.conversations.values()].sort(byActivity);

/**
 * Whether a message of the open thread is shown. One older than every page loaded (a status change of an old message,
 * or an event taken in before the first page) would stand alone above them with the messages between missing: it is
 * kept, so that a page read before the change does not undo it, and shown once the pages reach it.
 */
const isShown = (state, message) =>
  !state.threadLoaded || state.threadCursor === null || !state.threadOldest || !isAfter(state.threadOldest, message);

export const sortedThread = (state) => [...state.thread.values()]
  .filter((message) => isShown(state, message))
  .sort((a, b) => (isAfter(a, b) ? 1 : isAfter(b, a) ? -1 : 0));

/**
 * Takes in a page of conversations. A page is a snapshot taken when it was asked for: a conversation a live event
 * has moved on since keeps what the event brought.
 */
export function mergeConversationPage(state, page, { first }) {
  for (const conversation of page.items) {
    const current = state.conversations.get(conversation.contact);
    const stale = current
      && (time(current.lastActivityAt) > time(conversation.lastActivityAt)
        || (current.lastMessage.id === conversation.lastMessage.id && !isSameOrLaterUpdate(conversation.lastMessage, current.lastMessage)));
    if (!stale) {
      state.conversations.set(conversation.contact, { ...conversation });
    }
    state.known.add(conversation.lastMessage.id);
  }
  // A refetch of the first page (catching up after a reconnection) keeps the place reached by scrolling.
  if (!first || !state.conversationsLoaded) {
    state.conversationsCursor = page.nextCursor;
  }
  state.conversationsLoaded = true;
}

/**
 * Takes in a conversation's counters as the service stored them (a conversation.updated event, which follows the
 * event of the message that changed them): its count and window are the service's, so they replace what was derived
 * from messages, unless a later message has already moved it on. Returns whether anything changed.
 */
export function applyConversation(state, update) {
  const current = state.conversations.get(update.contact);
  if (!current || time(current.lastActivityAt) > time(update.lastActivityAt)) return false;
  current.messageCount = update.messageCount;
  current.windowOpenUntil = update.windowOpenUntil;
  if (update.profileName) current.profileName = update.profileName;
  return true;
}

/**
 * Takes in one message, from the event stream or a send's answer; the same message twice changes nothing.
 * Returns whether it is a message not seen before and whether it belongs to the open thread. An `update` (a status
 * change of a stored message) makes no conversation the list does not have: no counters come with it, so a row built
 * from it alone would count one message and show a window that never opened; that conversation shows, with the
 * service's counters, when its page is loaded.
 */
export function applyMessage(state, message, { update = false } = {}) {
  const contact = contactOf(message);
  const conversation = state.conversations.get(contact);
  if (!conversation && update) {
    if (contact === state.contact) putMessage(state.thread, message);
    return { contact, isNew: false, inThread: contact === state.contact && isShown(state, message) };
  }

  // An unknown id older than the conversation's last message is an update of a message from before the page.
  const isNew = !state.known.has(message.id) && !state.thread.has(message.id)
    && (!conversation || isAfter(message, conversation.lastMessage));
  state.known.add(message.id);

  if (!conversation) {
    state.conversations.set(contact, {
      contact,
      profileName: message.profileName,
      lastMessage: message,
      lastActivityAt: message.createdAt,
      messageCount: 1,
      windowOpenUntil: null,
    });
  } else {
    if (isNew) conversation.messageCount += 1;
    if (conversation.lastMessage.id === message.id
      ? isSameOrLaterUpdate(message, conversation.lastMessage)
      : isAfter(message, conversation.lastMessage)) {
      conversation.lastMessage = message;
    }
    if (time(message.createdAt) > time(conversation.lastActivityAt)) conversation.lastActivityAt = message.createdAt;
    if (message.profileName) conversation.profileName = message.profileName;
  }

  if (message.direction === 'inbound') {
    const updated = state.conversations.get(contact);
    const until = new Date(time(message.createdAt) + WINDOW_MS).toISOString();
    if (!updated.windowOpenUntil || time(until) > time(updated.windowOpenUntil)) updated.windowOpenUntil = until;
  }

  if (contact === state.contact) putMessage(state.thread, message);
  return { contact, isNew, inThread: contact === state.contact && isShown(state, message) };
}

/** Opens a conversation: the thread starts empty and a send not yet settled belongs to the one left. */
export function openThread(state, contact, lookup = null) {
  state.contact = contact;
  state.lookup = lookup;
  state.thread = new Map();
  state.threadCursor = null;
  state.threadOldest = null;
  state.threadLoaded = false;
  state.loadingOlderMessages = false;
  state.pendingSend = null;
}

/**
 * Takes in a page of the open thread. The newest page fetched again after events were lost (a reset) may share no
 * message with the thread shown, when more came meanwhile than a page holds: kept together, the two would hide the
 * messages between them, so the thread starts again from that page and older ones are fetched from there.
 */
export function mergeThreadPage(state, page, { newest }) {
  if (newest && state.threadLoaded && page.nextCursor !== null && !page.items.some((m) => state.thread.has(m.id))) {
    state.thread = new Map();
    state.threadOldest = null;
    state.threadLoaded = false;
    state.loadingOlderMessages = false;
  }
  for (const message of page.items) {
    putMessage(state.thread, message);
    if (!state.threadOldest || isAfter(state.threadOldest, message)) state.threadOldest = message;
  }
  if (!newest || !state.threadLoaded) {
    state.threadCursor = page.nextCursor;
  }
  state.threadLoaded = true;
}

/** What can be sent to the open contact: the window's end, and whether they ever wrote, as far as is known. */
export function windowOf(state, now = Date.now()) {
  const conversation = state.conversations.get(state.contact);
  const until = conversation?.windowOpenUntil ?? state.lookup?.windowOpenUntil ?? null;
  const hasWritten = until !== null || (state.lookup?.hasWritten ?? false)
    || [...state.thread.values()].some((m) => m.direction === 'inbound');
  return { hasWritten, until, open: until !== null && time(until) > now };
}

/**
 * The idempotency key of a send: a retry of the same message reuses the key of the attempt whose outcome is
 * unknown, so a send whose answer was lost is not sent twice; anything else gets a new key.
 */
export function keyForSend(state, payload, newKey) {
  const same = state.pendingSend && JSON.stringify(state.pendingSend.payload) === JSON.stringify(payload);
  const key = same ? state.pendingSend.key : newKey();
  state.pendingSend = { payload, key };
  return key;
}

/** The service decided about the pending send (sent or refused): a new attempt is a new request. */
export function settleSend(state) {
  state.pendingSend = null;
}

/**
 * Keeps what the agent left unsent in the open conversation (text, media URL, the error shown, a send whose answer is
 * still to come) for when it is opened again. Call before openThread, which forgets the pending send.
 */
export function keepDraft(state, { text, media, error }) {
  if (!state.contact) return;
  if (text || media || error || state.pendingSend) {
    state.drafts.set(state.contact, { text, media, error, pendingSend: state.pendingSend });
  } else {
    state.drafts.delete(state.contact);
  }
}

/** The draft of the conversation just opened, if it was left with one; its unsettled send is the pending one again. */
export function takeDraft(state) {
  const draft = state.drafts.get(state.contact) ?? null;
  state.drafts.delete(state.contact);
  state.pendingSend = draft?.pendingSend ?? null;
  return draft;
}

/**
 * The answer to a send from a conversation the agent has since left: sent, its draft is gone; refused, or without an
 * answer, the draft keeps the words to show when the conversation is opened again (and, without an answer, the key).
 */
export function settleLeftSend(state, contact, { sent = false, settled = false, error = '' }) {
  const draft = state.drafts.get(contact);
  if (!draft) return;
  if (sent) {
    state.drafts.delete(contact);
    return;
  }
  draft.error = error;
  if (settled) draft.pendingSend = null;
}
