// Small DOM helpers. Views keep their nodes and change only what changed, so a node under the pointer survives updates.

/** Creates an element: props are element properties, `attrs` attributes (aria-*, dir, ...), then the children. */
export function el(tag, { attrs = {}, ...props } = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/** Sets an attribute, or removes it when the value is null; touches the DOM only on a change. */
export function setAttr(node, name, value) {
  if (value === null || value === undefined) {
    if (node.hasAttribute(name)) node.removeAttribute(name);
  } else if (node.getAttribute(name) !== String(value)) {
    node.setAttribute(name, String(value));
  }
}

/**
 * Makes `nodes` the children of `parent`, in this order. Nodes already in place stay untouched; others are moved
 * (never re-created), and children not in `nodes` are removed.
 */
export function reconcile(parent, nodes) {
  let cursor = parent.firstChild;
  for (const node of nodes) {
    if (node === cursor) {
      cursor = cursor.nextSibling;
    } else {
      parent.insertBefore(node, cursor);
    }
  }
  while (cursor) {
    const next = cursor.nextSibling;
    cursor.remove();
    cursor = next;
  }
}

/** Whether a scrollable element is scrolled (nearly) to its end. */
export const isScrolledToEnd = (node, slack = 40) => node.scrollHeight - node.scrollTop - node.clientHeight < slack;

/** Calls onVisible each time `node` comes into view; returns a function that says whether it is in view now. */
export function whenInView(node, onVisible) {
  let visible = false;
  new IntersectionObserver((entries) => {
    visible = entries.at(-1).isIntersecting;
    if (visible) onVisible();
  }).observe(node);
  return () => visible;
}
