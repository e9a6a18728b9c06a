/** Merging name/value pairs into an existing set: same name → value replaced in place, else appended. */
import { childElements, type Element } from '../xml.js';

/** Merges the nvpairs of `incoming` into `target`; incoming nvpairs keep the ids they already have. */
export function mergeNvpairs(target: Element, incoming: Element): void {
  for (const nv of childElements(incoming)) {
    if (nv.tagName !== 'nvpair') continue;
    const name = nv.getAttribute('name');
    const existing = name === null ? undefined : childElements(target).find((c) => c.tagName === 'nvpair' && c.getAttribute('name') === name);
    if (existing) {
      if (nv.hasAttribute('value')) existing.setAttribute('value', nv.getAttribute('value')!);
      else existing.removeAttribute('value');
    } else {
      incoming.removeChild(nv);
      target.appendChild(nv);
    }
  }
}
