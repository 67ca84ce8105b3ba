// Building DOM nodes without HTML strings: every text goes through textContent, so nothing
// from a news report can inject markup. Styles go through the CSSOM (`style.cssText`), which
// the Content-Security-Policy allows, never through a `style` attribute, which it refuses.

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "style") node.style.cssText = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// A URL from a report as an href, only when it is http(s): `javascript:`, `data:` and the
// like would run or render on a click, and a relative one would point into this app.
export function webURL(text) {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null; // not an absolute URL
  }
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}
