// The open thread. One node per message, kept while the thread is open and changed in place when its status moves,
// and a separator before each day's first message. A new message keeps the view at the bottom if it was there;
// scrolled up to read, the view stays put and a "New messages ↓" button appears instead.
import { isPicture, mediaObjectUrl } from './api.js';
import { el, isScrolledToEnd, reconcile, setText, whenInView } from './dom.js';
import { describeFailure, isFailed } from './failures.js';
import { dayKey, dayLabel, formatTime } from './format.js';

const STATUS_WORDS = {
  queued: 'Queued',
  accepted: 'Queued',
  scheduled: 'Scheduled',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Failed',
  undelivered: 'Not delivered',
  canceled: 'Canceled',
  // Twilio's answer to the send was lost; its callback or the reconciler settles it, usually within a minute.
  unknown: 'Not confirmed yet',
};

// The ticks repeat the status word for the eye; the word, not the colour, tells read from delivered.
function ticksOf(message) {
  if (isFailed(message)) return ['⚠', 'ticks failed'];
  switch (message.status) {
    case 'read': return ['✓✓', 'ticks read'];
    case 'delivered': return ['✓✓', 'ticks'];
    case 'sent': return ['✓', 'ticks'];
    default: return ['✓', 'ticks pending'];
  }
}

function mediaOf(message, author) {
  if (message.direction === 'outbound') {
    return (message.mediaUrls ?? []).map((url) => el('a', { href: url, textContent: url, target: '_blank', rel: 'noopener noreferrer' }));
  }
  const media = message.media?.length ? message.media : (message.mediaUrls ?? []).map(() => ({ contentType: null }));
  return media.map((medium, index) => {
    const link = el('a', { textContent: `Attachment ${index + 1}${medium.contentType ? ` (${medium.contentType})` : ''}` });
    const holder = el('div', {}, link);
    mediaObjectUrl(message.id, index).then((url) => {
      link.href = url;
      link.download = `attachment-${index + 1}`;
      if (isPicture(medium.contentType)) {
        holder.prepend(el('img', { src: url, alt: `Picture ${index + 1} from ${author}` }));
      }
    }).catch(() => { link.textContent += ' — unavailable'; });
    return holder;
  });
}

function createBubble(message, author) {
  const outbound = message.direction === 'outbound';
  const media = mediaOf(message, author);
  const bubble = {
    failure: el('div', { className: 'failure', hidden: true }),
    ticks: el('span', { attrs: { 'aria-hidden': 'true' } }),
    status: el('span', { className: 'status' }),
    shown: null,
  };
  bubble.item = el('li', { className: `bubble ${message.direction}` },
    el('span', { className: 'visually-hidden', textContent: `${outbound ? 'You' : author} wrote: ` }),
    message.body ? el('div', { className: 'body', textContent: message.body, attrs: { dir: 'auto' } }) : null,
    // Template messages sent before their text was kept have none to show.
    !message.body && message.contentSid ? el('div', { className: 'body unknown', textContent: 'Template message (its text was not kept)' }) : null,
    media.length ? el('div', { className: 'media' }, ...media) : null,
    bubble.failure,
    el('div', { className: 'meta' },
      message.contentSid ? el('span', { className: 'template-tag', textContent: 'Template · ' }) : null,
      el('time', { dateTime: message.createdAt, textContent: formatTime(message.createdAt) }),
      outbound ? bubble.ticks : null,
      outbound ? bubble.status : null));
  bubble.item.dataset.id = message.id;
  return bubble;
}

function updateBubble(bubble, message) {
  const shown = `${message.status}|${message.errorCode}`;
  if (bubble.shown === shown) return;
  bubble.shown = shown;
  bubble.item.dataset.status = message.status;
  const failed = isFailed(message);
  bubble.item.classList.toggle('failed', failed);
  if (message.direction !== 'outbound') return;

  const [glyph, className] = ticksOf(message);
  bubble.ticks.className = className;
  setText(bubble.ticks, glyph);
  setText(bubble.status, STATUS_WORDS[message.status] ?? message.status);
  bubble.failure.hidden = !failed;
  if (failed) {
    const { outcome, reason, meaning, code, twilioText } = describeFailure(message);
    bubble.failure.replaceChildren(
      el('strong', { textContent: `${outcome}: ${reason}.` }),
      ` ${meaning} `,
      el('span', { className: 'code', textContent: [code ? `Twilio error ${code}` : null, twilioText].filter(Boolean).join(': ') }));
  }
}

export function createThread({ list, title, newMessages, onNeedOlder, onJumpedToNewest }) {
  const bubbles = new Map();
  const days = new Map();
  const sentinel = el('li', { className: 'sentinel', textContent: 'Loading older messages…' });
  const empty = el('li', { className: 'empty', textContent: 'No messages yet.' });
  let newest = null;
  const sentinelInView = whenInView(sentinel, onNeedOlder);

  function separatorOf(key) {
    let separator = days.get(key);
    if (!separator) {
      separator = el('li', { className: 'day' }, el('h3'));
      separator.dataset.day = key;
      days.set(key, separator);
    }
    return separator;
  }

  function scrollToNewest() {
    list.scrollTop = list.scrollHeight;
    newMessages.hidden = true;
  }

  /**
   * reason: 'open' (the thread was opened or its first page arrived) and 'sent' (the agent's own message) go to the
   * newest message; 'older' keeps the messages in view where they were; 'live' follows only a view at the bottom.
   */
  function render(messages, { hasOlder, loaded, reason, heading, author }) {
    const wasAtEnd = isScrolledToEnd(list);
    const fromEnd = list.scrollHeight - list.scrollTop;
    setText(title, heading);

    const nodes = hasOlder && messages.length > 0 ? [sentinel] : [];
    const now = new Date();
    let day = null;
    for (const message of messages) {
      const key = dayKey(message.createdAt);
      if (key !== day) {
        day = key;
        const separator = separatorOf(key);
        setText(separator.firstChild, dayLabel(message.createdAt, now));
        nodes.push(separator);
      }
      let bubble = bubbles.get(message.id);
      if (!bubble) {
        bubble = createBubble(message, author);
        bubbles.set(message.id, bubble);
      }
      updateBubble(bubble, message);
      nodes.push(bubble.item);
    }
    if (loaded && messages.length === 0) nodes.push(empty);
    reconcile(list, nodes);

    const previousNewest = newest;
    newest = messages.at(-1)?.id ?? null;
    if (reason === 'open' || reason === 'sent') {
      scrollToNewest();
    } else if (reason === 'older') {
      list.scrollTop = list.scrollHeight - fromEnd;
    } else if (wasAtEnd) {
      scrollToNewest();
    } else if (newest !== previousNewest && newest !== null) {
      newMessages.hidden = false;
    }
    if (hasOlder && sentinelInView()) onNeedOlder();
  }

  list.addEventListener('scroll', () => {
    if (!newMessages.hidden && isScrolledToEnd(list)) newMessages.hidden = true;
  });

  newMessages.addEventListener('click', () => {
    scrollToNewest();
    onJumpedToNewest();
  });

  return {
    render,
    reset(heading = 'Select a conversation') {
      bubbles.clear();
      days.clear();
      newest = null;
      list.replaceChildren();
      newMessages.hidden = true;
      setText(title, heading);
    },
  };
}
