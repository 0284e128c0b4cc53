// Controlled inputs the way React does them: the value lives in page state; the DOM is rendered
// from state. React installs a value tracker on each input element: its own `value` property whose
// setter records the value. An `input`/`change`/`click` event counts as a change only when the
// element's real value differs from the tracked one. Consequences, as on the real back office:
//   - a script that sets `el.value = x` and dispatches `input` is NOT seen (the tracker saw x);
//   - a script that sets `el.value = x` without any event changes nothing in the state;
//   - a script that uses the prototype's native setter and dispatches `input` IS seen.

function installTracker(el, prop) {
  const proto = Object.getPrototypeOf(el);
  const native = Object.getOwnPropertyDescriptor(proto, prop);
  let tracked = String(native.get.call(el));
  Object.defineProperty(el, prop, {
    configurable: true,
    enumerable: native.enumerable,
    get() {
      return native.get.call(this);
    },
    set(v) {
      tracked = String(v);
      native.set.call(this, v);
    },
  });
  return {
    /** True (and re-synced) when the element's real value moved away from the tracked one. */
    changed() {
      const actual = String(native.get.call(el));
      if (actual === tracked) return false;
      tracked = actual;
      return true;
    },
  };
}

/**
 * Text input or textarea. `onChange(value)` updates state; `render()` is called after every
 * event so the DOM shows state again (e.g. when state refused the value).
 * Returns `set(value)` for the render pass.
 */
export function controlText(el, { onChange, render }) {
  const tracker = installTracker(el, 'value');
  const handle = () => {
    if (tracker.changed()) onChange(el.value);
    render();
  };
  el.addEventListener('input', handle);
  el.addEventListener('change', handle);
  return {
    set(value) {
      if (el.value !== value) el.value = value; // through the tracker, as React's commit does
    },
  };
}

/** Radio input: React listens to `click` (and `change`) and compares the tracked `checked`. */
export function controlRadio(el, { onChange, render }) {
  const tracker = installTracker(el, 'checked');
  const handle = () => {
    if (tracker.changed() && el.checked) onChange(el.value);
    render();
  };
  el.addEventListener('click', handle);
  el.addEventListener('change', handle);
  return {
    set(checked) {
      if (el.checked !== checked) el.checked = checked;
    },
  };
}
