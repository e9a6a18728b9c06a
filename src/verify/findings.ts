/** Finding constructors: crmsh prints warnings and errors; the weight is its return code. */
import type { Finding, Weight } from './types.js';

export const warning = (message: string, hint?: string): Finding =>
  hint ? { severity: 'warning', message, weight: 'warning', hint } : { severity: 'warning', message, weight: 'warning' };

export const error = (message: string, weight: Weight = 'error', hint?: string): Finding =>
  hint ? { severity: 'error', message, weight, hint } : { severity: 'error', message, weight };

export const none = { findings: [] as Finding[] };
