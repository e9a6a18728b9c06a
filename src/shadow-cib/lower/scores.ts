/** Score, boolean and role words of the configure language, converted the way crmsh stores them. */
import type { Diagnostic } from '../../diagnostic.js';
import { crmInfo, crmWarning } from './common.js';

/** `100` → score, `inf`/`-inf`/`+inf` → `INFINITY` forms, `mandatory`/`advisory`, else a
 *  score-attribute (`pingd`, and mixed-case `Inf`). */
export function scoreAttr(written: string): ['score' | 'score-attribute', string] {
  if (/^[+-]?\d+$/.test(written)) return ['score', written];
  const inf = /^([+-]?)(inf|infinity|INF|INFINITY)$/.exec(written);
  if (inf) return ['score', `${inf[1]}INFINITY`];
  if (/^mandatory$/i.test(written)) return ['score', 'INFINITY'];
  if (/^advisory$/i.test(written)) return ['score', '0'];
  return ['score-attribute', written];
}

const ORDER_KINDS = ['Mandatory', 'Optional', 'Serialize'];

/** The `kind` of an order from its leading `<kind>:` or `<score>:`, or undefined when unknown. */
export function orderKind(written: string): string | undefined {
  const kind = ORDER_KINDS.find((k) => k.toLowerCase() === written.toLowerCase());
  if (kind) return kind;
  if (/^[+-]?\d+$/.test(written)) return Number(written) === 0 ? 'Optional' : 'Mandatory';
  if (/^[+-]?(inf|infinity|INF|INFINITY)$/.test(written)) return 'Mandatory';
  return undefined;
}

export function parseBoolean(word: string): boolean | undefined {
  const w = word.toLowerCase();
  if (['yes', 'true', 'on', '1'].includes(w)) return true;
  if (['no', 'false', 'off', '0'].includes(w)) return false;
  return undefined;
}

const ROLES = ['Stopped', 'Started', 'Promoted', 'Unpromoted', 'Master', 'Slave'];
const ACTIONS = ['start', 'promote', 'demote', 'stop'];

export function canonicalRole(word: string): string | undefined {
  return ROLES.find((r) => r.toLowerCase() === word.toLowerCase());
}

export function canonicalAction(word: string): string | undefined {
  return ACTIONS.find((a) => a === word.toLowerCase());
}

/**
 * Applies crmsh's role translation: with a schema older than pacemaker-3.7, Promoted/Unpromoted
 * become Master/Slave (WARNING); with OCF 1.1 support on, Master/Slave become
 * Promoted/Unpromoted (INFO). Otherwise the canonical role is kept.
 */
export class RoleConverter {
  constructor(
    private readonly oldSchema: boolean,
    private readonly ocf11: boolean,
    private readonly diags: Diagnostic[],
  ) {}

  /** Canonical case, then the schema-dependent translation. */
  convert(role: string): string {
    return this.translate(canonicalRole(role) ?? role);
  }

  /** The schema-dependent translation alone (for values stored as typed, like target-role). */
  translate(canon: string): string {
    const toOld: Record<string, string> = { Promoted: 'Master', Unpromoted: 'Slave' };
    const toNew: Record<string, string> = { Master: 'Promoted', Slave: 'Unpromoted' };
    if (this.oldSchema && toOld[canon]) {
      this.diags.push(
        crmWarning(
          `Convert "${canon}" to "${toOld[canon]}" since the current schema version is old and not upgraded yet. Please consider "crm configure upgrade force"`,
        ),
      );
      return toOld[canon]!;
    }
    if (!this.oldSchema && this.ocf11 && toNew[canon]) {
      this.diags.push(crmInfo(`Convert deprecated "${canon}" to "${toNew[canon]}"`));
      return toNew[canon]!;
    }
    return canon;
  }

  /** True when Promoted/Unpromoted must be written as Master/Slave. */
  get usesOldRoleNames(): boolean {
    return this.oldSchema;
  }
}
