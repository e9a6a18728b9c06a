/**
 * The shapes of configure-language words, as crmsh 4.4.1 recognises them. crmsh decides most
 * things by matching one shell word against a regular expression; the parser's gates and the
 * CST → AST converter both use these, so a word is always read the same way.
 */

/** Words that end an attribute list (compared case-insensitively). */
export const TERMINATORS = [
  'params',
  'meta',
  'utilization',
  'operations',
  'op',
  'op_params',
  'op_meta',
  'rule',
  'attributes',
] as const;

/** `name=value` (the name may not start with `=`, `@` or `$`). */
export const NVPAIR = /^([^=@$][^=]*)=(.*)$/s;
/** `$name=value` or `$id:name=value`. */
export const NVPAIR_ID = /^\$([^:=]+)(?::(.+))?=(.*)$/s;
/** `@id` or `@id:name`. */
export const NVPAIR_REF = /^@([^:]+)(?::(.+))?$/s;
/** A bare name (no value). */
export const NVPAIR_KEY = /^([^:=]+)$/s;
/** An identifier where crmsh calls match_identifier. */
export const IDENT = /^([a-z0-9_#$-][^=]*)$/is;
/** A resource where crmsh calls match_resource. */
export const RESOURCE = /^([a-z_#$][^=]*)$/is;
export const DESCRIPTION = /^description=(.+)$/is;
/** `$id=X` or `$id-ref=X` */
export const IDSPEC = /^(\$id-ref|\$id)=(.*)$/is;
export const ID_ASSIGN = /^\$id=(.*)$/is;
/** `name:` as a leading id (node, property sets, ACL permissions). */
export const ID_NEW = /^([\w-]+):$/is;
/** `<score>:` */
export const SCORE = /^([^:]+):$/s;
export const ROLE_ASSIGN = /^\$?role=(.+)$/is;
export const ROLE_PLAIN = /^role=(.+)$/is;
/** Any `name=value` attribute of a location (`$` allowed). */
export const LOCATION_ATTR = /^\$?([^=]+)=(.*)$/s;
export const BOOLOP = /^(or|and)$/i;
export const UNARYOP = /^(defined|not_defined)$/i;
export const BINOP = /^((string|integer|number|version):)?(lt|gt|lte|gte|eq|ne)$/i;
export const BINOP_TEXT = '((string|integer|number|version):)?(lt|gt|lte|gte|eq|ne)';
export const DATE_OPS_TEXT = '(in_range|gt|lt|date_spec|spec|in)$';
export const DATE_OP = /^(in_range|gt|lt|date_spec|spec|in)$/i;
export const DATE_SPEC_NAMES = [
  'hours',
  'monthdays',
  'weekdays',
  'yearsdays',
  'months',
  'weeks',
  'years',
  'weekyears',
  'moon',
] as const;
export const IN_RANGE_NAMES = ['start', 'end', ...DATE_SPEC_NAMES] as const;
/** `rsc-pattern` of a location: `/regex/`. */
export const RSC_PATTERN = /^\/(.+)\/$/s;
export const UNAME = /^([^:]+)(:(normal|member|ping|remote))?$/is;
export const TEMPLATE_REF = /^@(.+)$/s;
export const TAG_NAME = /^([a-zA-Z_][^\s:]*):?$/s;
export const ACL_RIGHT = /^(read|write|deny)$/i;
export const ROLE_REF = /^role:(.+)$/is;
export const TARGET_NODE = /^([^:]+):$/s;
export const TARGET_ATTR = /^attr:([\w-]+)=([\w-]+)$/i;
export const TARGET_PATTERN = /^pattern:(.+)$/is;
export const ORDER_KIND = /^(Mandatory|Optional|Serialize):$/i;
export const NUMERIC_SCORE = /^[+-]?(inf(inity)?|INF(INITY)?|[0-9]+)$/;
export const NODE_ATTRIBUTE_TAIL = /^node-attribute=(.+)$/is;
export const SYMMETRICAL_TAIL = /^symmetrical=(true|false|yes|no|on|off)$/i;
export const LOSS_POLICY_TAIL = /^loss-policy=(stop|demote|fence|freeze)$/i;

/** Roles of the pacemaker-3.x schemas (resource_set/@role), canonical case. */
export const ROLES = ['Stopped', 'Started', 'Promoted', 'Unpromoted', 'Master', 'Slave'] as const;
export const ACTIONS = ['start', 'promote', 'demote', 'stop'] as const;
export const ORDER_KINDS = ['Mandatory', 'Optional', 'Serialize'] as const;

export { OP_ATTRIBUTES } from '../cib-names.js';

/** ACL spec prefixes (schema 2.0 syntax) and the XPath shortcuts. */
export const ACL_SPEC_KEYS = ['xpath', 'ref', 'reference', 'tag', 'type', 'attr', 'attribute'] as const;
/** Shortcut → does it need an argument (its first expansion holds an id placeholder). */
export const ACL_SHORTCUTS: Record<string, { needsArg: boolean; parts: number }> = {
  meta: { needsArg: true, parts: 2 },
  params: { needsArg: true, parts: 2 },
  utilization: { needsArg: true, parts: 1 },
  location: { needsArg: true, parts: 1 },
  property: { needsArg: false, parts: 1 },
  nodeattr: { needsArg: false, parts: 1 },
  nodeutil: { needsArg: false, parts: 1 },
  node: { needsArg: false, parts: 1 },
  status: { needsArg: false, parts: 0 },
  cib: { needsArg: false, parts: 0 },
};
/** Legacy (acl_user) rule spec keys. */
export const LEGACY_ACL_SPEC_KEYS = ['xpath', 'ref', 'tag', 'attribute'] as const;

export const isTerminator = (word: string, terms: readonly string[] = TERMINATORS): boolean =>
  terms.includes(word.toLowerCase());

const BOOLEAN_WORDS = ['yes', 'true', 'on', '1', 'no', 'false', 'off', '0'];
export const isBooleanWord = (v: string): boolean => BOOLEAN_WORDS.includes(v.toLowerCase());

/** Case-insensitive lookup of `value` in `list`, returning the list's spelling. */
export function canonize(value: string, list: readonly string[]): string | undefined {
  const low = value.toLowerCase();
  return list.find((x) => x.toLowerCase() === low);
}

/** `a` or `a:b`, as crmsh's match_split: more than one colon is an error (undefined). */
export function splitValue(word: string): [string, string | undefined] | undefined {
  const parts = word.split(':');
  if (parts.length > 2) return undefined;
  return [parts[0], parts[1]];
}
