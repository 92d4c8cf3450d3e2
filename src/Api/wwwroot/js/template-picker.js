// The template picker: what the composer becomes when only an approved template reaches the customer. The agent
// finds a template by name or language, fills in one field per variable, sees the text the customer will receive,
// and sends it. Sending itself is the composer's (the same Idempotency-Key and error handling as any send).
import { ApiError, listApprovedTemplates } from './api.js';
import { el, reconcile, setAttr, setText } from './dom.js';
import { contentKind, matchesSearch, renderPreview, valueProblem } from './templates.js';

async function loadAll(refresh) {
  const templates = [];
  let cursor = null;
  do {
    // Only the first page asks for a fresh read; the pages after it come from that read.
    const page = await listApprovedTemplates({ cursor, refresh: refresh && cursor === null });
    templates.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return templates;
}

function createChoice(template) {
  const radio = el('input', { type: 'radio', name: 'template', value: template.sid });
  const item = el('label', { className: 'template-choice' },
    radio,
    el('span', { className: 'choice-name', textContent: template.friendlyName, attrs: { dir: 'auto' } }),
    el('span', { className: 'choice-meta', textContent: `${template.language} · ${contentKind(template.contentType)}` }),
    template.text ? el('span', { className: 'choice-text', textContent: template.text, attrs: { dir: 'auto' } }) : null);
  return { item, radio };
}

function createField(variable) {
  const id = `template-var-${variable.name}`;
  const input = el('input', {
    id, type: 'text', autocomplete: 'off', attrs: { dir: 'auto', 'aria-describedby': `${id}-hint ${id}-error` },
  });
  input.dataset.name = variable.name;
  const problem = el('span', { id: `${id}-error`, className: 'field-error' });
  const item = el('div', { className: 'template-field' },
    el('label', { htmlFor: id, textContent: `{{${variable.name}}}` }),
    input,
    el('span', { id: `${id}-hint`, className: 'hint', textContent: variable.sample ? `For example: ${variable.sample}` : '' }),
    problem);
  return { item, input, problem, name: variable.name };
}

export function createTemplatePicker({
  form, search, refresh, count, choices, variables, fields, previewBox, preview, button, error, onSend, onUnauthorized,
}) {
  let templates = null; // the approved templates, once loaded in this sign-in
  let loading = null;
  let generation = 0;
  let selected = null;
  let inputs = [];
  const nodes = new Map(); // sid -> { item, radio }

  const valuesOf = () => Object.fromEntries(inputs.map((f) => [f.name, f.input.value]));

  function showChoices() {
    if (!templates) return;
    const query = search.value.trim();
    const shown = templates.filter((t) => t === selected || matchesSearch(t, query));
    reconcile(choices, [choices.firstElementChild, ...shown.map((t) => nodes.get(t.sid).item)]);
    const matching = templates.filter((t) => matchesSearch(t, query)).length;
    setText(count, templates.length === 0
      ? 'This account has no approved templates.'
      : !query
        ? `${templates.length} approved template${templates.length === 1 ? '' : 's'}.`
        : matching === 0
          ? `No approved template matches “${query}”.`
          : `${matching} of ${templates.length} approved templates match.`);
  }

  function showPreview() {
    previewBox.hidden = !selected;
    setText(preview, selected ? renderPreview(selected, valuesOf()) : '');
  }

  function select(template) {
    selected = template;
    for (const { radio } of nodes.values()) radio.checked = radio.value === template?.sid;
    inputs = (template?.variables ?? []).map(createField);
    fields.replaceChildren(...inputs.map((f) => f.item));
    variables.hidden = inputs.length === 0;
    setText(error, '');
    showPreview();
  }

  async function load(refreshing) {
    const mine = ++generation;
    setText(count, refreshing ? 'Reading the templates from Twilio…' : 'Loading the approved templates…');
    refresh.disabled = true;
    loading = loadAll(refreshing);
    try {
      const loaded = await loading;
      if (mine !== generation) return;
      templates = loaded;
      for (const template of templates) {
        if (!nodes.has(template.sid)) nodes.set(template.sid, createChoice(template));
      }
      // A template no longer approved cannot stay chosen.
      const still = selected && templates.find((t) => t.sid === selected.sid);
      if (!still) select(null);
      showChoices();
    } catch (failure) {
      if (mine !== generation) return;
      if (failure instanceof ApiError && failure.status === 401) {
        onUnauthorized();
        return;
      }
      setText(count, `Could not load the templates: ${failure.message} Press Refresh to try again.`);
    } finally {
      if (mine === generation) {
        loading = null;
        refresh.disabled = false;
      }
    }
  }

  /** The first problem in what was filled in, shown at its field; null when the template can be sent. */
  function check() {
    if (!selected) {
      setText(error, 'Choose a template first.');
      return search;
    }
    let first = null;
    for (const field of inputs) {
      const problem = valueProblem(field.input.value);
      setText(field.problem, problem ?? '');
      setAttr(field.input, 'aria-invalid', problem ? 'true' : null);
      if (problem && !first) first = field.input;
    }
    setText(error, first ? 'Fill in every variable.' : '');
    return first;
  }

  choices.addEventListener('change', (event) => {
    const template = templates?.find((t) => t.sid === event.target.value);
    if (template) select(template);
  });

  fields.addEventListener('input', (event) => {
    const field = inputs.find((f) => f.input === event.target);
    if (field) {
      setText(field.problem, '');
      setAttr(field.input, 'aria-invalid', null);
      if (!inputs.some((f) => f.input.getAttribute('aria-invalid') === 'true')) setText(error, '');
    }
    showPreview();
  });

  search.addEventListener('input', showChoices);

  // Enter in the search takes the first match and moves on to its first field, rather than sending.
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    const first = templates?.find((t) => matchesSearch(t, search.value.trim()));
    if (!first) return;
    if (first !== selected) select(first);
    (inputs[0]?.input ?? button).focus();
  });

  refresh.addEventListener('click', () => load(true));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (button.disabled) return;
    const problem = check();
    if (problem) {
      problem.focus();
      return;
    }
    onSend({ contentSid: selected.sid, contentVariables: inputs.length ? valuesOf() : null });
  });

  return {
    button,
    error,
    /** Shows the picker, loading the templates the first time. */
    activate() {
      form.hidden = false;
      if (!templates && !loading) load(false);
    },
    deactivate() {
      form.hidden = true;
    },
    focus() {
      search.focus();
    },
    /** The service refused the variables: marks the ones it named. */
    markVariables(names) {
      const named = new Set(names);
      const first = inputs.find((f) => named.has(f.name));
      for (const field of inputs) setAttr(field.input, 'aria-invalid', named.has(field.name) ? 'true' : null);
      first?.input.focus();
    },
    /** A clean picker: after a send, and for a conversation just opened. */
    clear() {
      search.value = '';
      select(null);
      showChoices();
      setText(error, '');
    },
    reset() {
      generation += 1;
      templates = null;
      loading = null;
      nodes.clear();
      search.value = '';
      select(null);
      reconcile(choices, [choices.firstElementChild]);
      setText(count, '');
      refresh.disabled = false;
      form.hidden = true;
    },
  };
}
