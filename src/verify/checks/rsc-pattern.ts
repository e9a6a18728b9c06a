/** A location's `rsc-pattern` must compile as a (Python) regular expression. */
import { warning } from '../findings.js';
import { pythonRegexError } from '../python-regex.js';
import type { Check } from '../types.js';

export const rscPattern: Check = {
  code: 'TCRM3111',
  appliesTo: ['location'],
  run(obj) {
    const pattern = obj.el.getAttribute('rsc-pattern');
    const reason = pattern ? pythonRegexError(pattern) : null;
    if (!pattern || !reason) return { findings: [] };
    return { findings: [warning(`${obj.id}: '${pattern}' may not be a valid regular expression (${reason})`)] };
  },
};
