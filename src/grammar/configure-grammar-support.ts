/**
 * Word tests and command shapes used by the configure grammar's gates and checks: what crmsh
 * asks of one word at a time (is it a keyword here, does it start a list, is it an nvpair).
 */
import { EOF, tokenMatcher, type IToken } from 'chevrotain';
import * as P from './configure-patterns.js';
import { ACL_SPEC_ATTR } from '../cib-names.js';
import * as T from './tokens.js';
import type { WordToken } from './tokens.js';

/** The argument-list shape of one command (crmsh's match_arguments name map). */
export interface ArgsSpec {
  /** Keywords that start something (compared lowercased). */
  names: readonly string[];
  /** Keywords that start an attribute list, in crmsh's order. */
  sets: readonly string[];
  /** The first list may omit its keyword. */
  implicit?: string;
  /** The command takes `operations` / `op`. */
  ops?: boolean;
  /** Bundle container / network / storage / primitive keywords. */
  containers?: readonly string[];
  /** Words ending an attribute list; undefined = crmsh's TERMINATORS (keywords). */
  terms?: readonly string[];
}

export const NODE_ARGS: ArgsSpec = { names: ['attributes', 'utilization'], sets: ['attributes', 'utilization'], implicit: 'attributes' };
export const PRIMITIVE_ARGS: ArgsSpec = {
  names: ['params', 'meta', 'utilization', 'operations', 'op'],
  sets: ['params', 'meta', 'utilization'],
  implicit: 'params',
  ops: true,
};
export const CONTAINER_ARGS: ArgsSpec = { names: ['params', 'meta'], sets: ['params', 'meta'], implicit: 'params' };
const BUNDLE_CONTAINERS = ['docker', 'rkt', 'network', 'port-mapping', 'storage', 'primitive'];
export const BUNDLE_ARGS: ArgsSpec = {
  names: [...BUNDLE_CONTAINERS.slice(0, 5), 'meta', 'primitive'],
  sets: ['meta'],
  containers: BUNDLE_CONTAINERS,
  terms: ['network', 'storage', 'primitive'],
};
export const ALERT_ARGS: ArgsSpec = { names: ['attributes', 'meta'], sets: ['attributes', 'meta'], terms: ['attributes', 'meta', 'to', 'select'] };
export const RECIPIENT_ARGS: ArgsSpec = { names: ['attributes', 'meta'], sets: ['attributes', 'meta'], terms: ['attributes', 'meta', 'to'] };
export const RECIPIENT_BRACED_ARGS: ArgsSpec = { ...RECIPIENT_ARGS, terms: ['attributes', 'meta', 'to', '}'] };
export const OP_LISTS: ArgsSpec = { names: ['op_params', 'op_meta'], sets: ['op_params', 'op_meta'], implicit: 'op_params' };

/** Where an nvpair list stops and which item shapes it takes. */
export interface NvSpec {
  terms?: readonly string[];
  /** Reject `name=` with an empty value (property / defaults from the shell). */
  noEmpty?: boolean;
  /** Accept a bare `name` (crmsh does unless the terminator list is empty). */
  keyOnly: boolean;
}

export const DEFAULT_NV: NvSpec = { keyOnly: true };

export const isEof = (t: IToken): boolean => t.tokenType === EOF;
export const quoted = (t: IToken): boolean => (t as WordToken).word?.quoted === true;
/** An unquoted keyword among `names` (crmsh lowercases before comparing). */
export const isKw = (t: IToken, names: readonly string[]): boolean =>
  !isEof(t) && !quoted(t) && names.includes(t.image.toLowerCase());

/**
 * crmsh tries `re.match('a|b|c$', word, re.I)` to start a list: the `$` binds only to the last
 * name, so a word that merely begins with an earlier name (`metadata=1`) is taken as that keyword.
 */
export function startsList(t: IToken, names: readonly string[]): boolean {
  if (isEof(t) || quoted(t) || names.length === 0) return false;
  const low = t.image.toLowerCase();
  const last = names[names.length - 1];
  return names.slice(0, -1).some((n) => low.startsWith(n)) || low === last;
}

export function isNvItem(t: IToken, spec: NvSpec): boolean {
  if (isEof(t)) return false;
  const text = t.image;
  if (spec.terms === undefined) {
    if (tokenMatcher(t, T.Terminator)) return false;
  } else if (!quoted(t) && spec.terms.includes(text.toLowerCase())) {
    return false;
  }
  if (P.NVPAIR_REF.test(text) || P.NVPAIR_ID.test(text) || P.NVPAIR.test(text)) return true;
  return spec.keyOnly && P.NVPAIR_KEY.test(text);
}

/** Elements `xml` may create (crmsh's cib_cli_map). */
export const XML_TOP_ELEMENTS = [
  'node',
  'primitive',
  'group',
  'clone',
  'master',
  'bundle',
  'rsc_location',
  'rsc_colocation',
  'rsc_order',
  'rsc_ticket',
  'template',
  'cluster_property_set',
  'rsc_defaults',
  'op_defaults',
  'acl_target',
  'acl_group',
  'acl_user',
  'acl_role',
  'fencing-topology',
  'tag',
  'alert',
];

/** The op attribute name of an nvpair word of `op …` (for the order check). */
export function opItemName(text: string): string {
  const ref = P.NVPAIR_REF.exec(text);
  if (ref) return ref[2] ?? '';
  const withId = P.NVPAIR_ID.exec(text);
  if (withId) return withId[2] ?? withId[1];
  const nv = P.NVPAIR.exec(text);
  if (nv) return nv[1];
  return text;
}

export { ACL_SPEC_ATTR };

export function isAclSpec(text: string): boolean {
  const key = text.split(':', 1)[0];
  return key in ACL_SPEC_ATTR || key in P.ACL_SHORTCUTS;
}

/** Legacy ACL rule spec: `key:value` with key eligible (shortcuts count as xpath). */
export function legacySpecKey(text: string, eligible: string[]): string | undefined {
  const colon = text.indexOf(':');
  const key = colon < 0 ? text : text.slice(0, colon);
  const shortcut = P.ACL_SHORTCUTS[key];
  if (shortcut) {
    if (colon < 0 && shortcut.needsArg) return undefined;
    return eligible.includes('xpath') ? 'xpath' : undefined;
  }
  if (colon < 0) return undefined;
  return eligible.includes(key) ? key : undefined;
}

/** The syntactic part of crmsh's agent check: too many colons, no type, `ocf::type`. */
export function agentSpecProblem(text: string): string | undefined {
  const parts = text.split(':');
  if (parts.length > 3 || parts[parts.length - 1] === '') return `bad resource type specification ${text}`;
  if (parts.length === 3 && parts[0] === 'ocf' && parts[1] === '') return `provider could not be determined for ${text}`;
  return undefined;
}
