// The page's one polite live region. It announces new messages from customers and nothing else: status changes,
// pages loaded and the agent's own sends stay silent, so a screen reader is never made to read the thread again.
import { el } from './dom.js';

const KEEP = 3;

export function createAnnouncer(region) {
  return {
    announce(text) {
      // A new node each time: the same words twice in a row are still read twice.
      region.append(el('p', { textContent: text }));
      while (region.childElementCount > KEEP) region.firstElementChild.remove();
    },
    reset() {
      region.replaceChildren();
    },
  };
}
