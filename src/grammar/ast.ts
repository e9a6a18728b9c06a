/**
 * The AST of the crm configure language: plain typed data produced by `to-ast.ts` (the only
 * CST → AST converter) and consumed by `src/shadow-cib/lower.ts`. Values are kept as written
 * (scores, roles, intervals); the lowering step applies crmsh's conversions (inf → INFINITY,
 * role canonicalisation, simple vs set forms), so that the grammar stays free of CIB knowledge.
 *
 * Every statement carries `at` (its first word) and `text` (the whole logical line, for
 * crmsh's `parsing '…'` messages). Optional fields are absent, never `undefined`-valued.
 */
import type { Position } from '../diagnostic.js';

/** A word as written, with its position: used for ids and references so diagnostics can point. */
export interface Ref {
  name: string;
  at: Position;
}

/** One entry of an attribute list. */
export type NvItem =
  /** `name=value`, `name` (no value), `$name=value` (id = name), `$id:name=value` (id given). */
  | { kind: 'nv'; name: string; value?: string; id?: string; at: Position }
  /** `@id` or `@id:name`: a reference to another nvpair. */
  | { kind: 'nvref'; ref: string; name?: string; at: Position };

export type AttrSetKind =
  | 'params' // instance_attributes
  | 'meta' // meta_attributes
  | 'utilization' // utilization
  | 'attributes' // node/alert instance_attributes
  | 'op_params' // an op's instance_attributes
  | 'op_meta'; // an op's meta_attributes

export interface AttrSet {
  kind: AttrSetKind;
  /** `$id=X` */
  id?: string;
  /** `$id-ref=X` (then there are no items or rules). */
  idRef?: string;
  /** `<score>:` before the items, as written without the colon (`2`, `inf`). */
  score?: string;
  rules: Rule[];
  items: NvItem[];
  /** True when the set was not introduced by its keyword (the first `params` of a primitive may
   *  be omitted; node attributes may follow the uname directly; op extras go to op_params). */
  implicit: boolean;
  at: Position;
}

export type BinaryOp = 'lt' | 'gt' | 'lte' | 'gte' | 'eq' | 'ne';
/** An operator word as written: crmsh matches it in any case but stores it unchanged (`EQ`
 *  gives operation="EQ", which the schema then refuses at commit). */
export type WrittenOp<T extends string> = T | Uppercase<T> | (string & {});

export type Expr =
  | {
      kind: 'binary';
      attr: string;
      op: WrittenOp<BinaryOp>;
      /** `string | integer | number | version` when written as `type:op`. */
      type?: string;
      value: string;
      /** `param` or `meta` for `param{name}` / `meta{name}` values. */
      valueSource?: string;
      at: Position;
    }
  | { kind: 'unary'; op: WrittenOp<'defined' | 'not_defined'>; attr: string; at: Position }
  | {
      kind: 'date';
      /** As written: `lt`, `gt`, `in`, `in_range`, `spec`, `date_spec`. */
      op: string;
      start?: string;
      end?: string;
      /** `in_range start=… <field>=…` durations, in written order. */
      duration: Array<[string, string]>;
      /** `spec …` / `date_spec …` fields, in written order. */
      spec: Array<[string, string]>;
      at: Position;
    };

export interface Rule {
  id?: string;
  idRef?: string;
  /** `$role=X` as written. */
  role?: string;
  /** Score as written without the colon (`50`, `-inf`, `pingd`). Absent = INFINITY. */
  score?: string;
  /** Absent when there is at most one expression. */
  boolOp?: 'and' | 'or';
  exprs: Expr[];
  at: Position;
}

export interface Op {
  name: string;
  /** `name=value` pairs in written order, including the op's own attributes and any
   *  extra names (lowering moves the non-op attributes into the op's instance_attributes). */
  attrs: Array<{ name: string; value: string; at: Position }>;
  /** Explicit `op_params` / `op_meta` lists. */
  sets: AttrSet[];
  at: Position;
}

export type AgentSpec =
  /** `[class:[provider:]]type` split as written; class/provider absent when not written. */
  | { kind: 'agent'; text: string; cls?: string; provider?: string; type: string; at: Position }
  /** `@template-id` */
  | { kind: 'template'; template: string; at: Position };

export interface Base {
  at: Position;
  /** The whole logical line, as crmsh echoes it in `parsing '…'`. */
  text: string;
  /** `# …` comment lines directly above the statement (only in load/edit text). */
  comments?: string[];
}

export interface NodeStmt extends Base {
  kind: 'node';
  /** `id:` or `$id=id` before the uname. */
  nodeId?: string;
  uname: Ref;
  /** `:type` suffix as written. */
  type?: string;
  description?: string;
  /** `attributes` (possibly implicit) and `utilization` sets, in order. */
  sets: AttrSet[];
}

export interface PrimitiveStmt extends Base {
  kind: 'primitive' | 'rsc_template';
  id: Ref;
  /** The command word as typed after alias resolution (`resource` is an alias of primitive). */
  agent: AgentSpec;
  description?: string;
  /** params / meta / utilization sets in written order. */
  sets: AttrSet[];
  /** `operations $id=X` or `operations $id-ref=X`. */
  operations?: { id?: string; idRef?: string };
  ops: Op[];
}

export interface MonitorStmt extends Base {
  kind: 'monitor';
  rsc: Ref;
  role?: string;
  interval: string;
  timeout?: string;
}

export interface ContainerStmt extends Base {
  kind: 'group' | 'clone' | 'ms';
  id: Ref;
  children: Ref[];
  description?: string;
  /** params / meta sets in written order. */
  sets: AttrSet[];
}

export type BundlePart =
  | { kind: 'container'; engine: string; attrs: Array<[string, string]>; at: Position }
  | {
      kind: 'network';
      attrs: Array<[string, string]>;
      portMappings: Array<Array<[string, string]>>;
      at: Position;
    }
  | { kind: 'storage'; mappings: Array<Array<[string, string]>>; at: Position }
  | { kind: 'primitive'; id: Ref; at: Position }
  | { kind: 'meta'; set: AttrSet; at: Position };

export interface BundleStmt extends Base {
  kind: 'bundle';
  id: Ref;
  description?: string;
  parts: BundlePart[];
}

/** A resource reference in a constraint: `rsc`, `rsc:Role`, `rsc:action`, `rsc:3`. */
export interface RscRef extends Ref {
  /** The text after the colon as written. */
  suffix?: string;
}

/** The reference list of colocation / order / rsc_ticket: plain refs and bracketed sets. */
export type RefItem =
  | ({ kind: 'ref' } & RscRef)
  | {
      kind: 'set';
      /** `(` → sequential=false; `[` → sequential=false require-all=false. */
      bracket: '(' | '[';
      refs: RscRef[];
      /** `sequential=` / `require-all=` inside the brackets, as written. */
      options: Array<[string, string]>;
      at: Position;
    }
  /**
   * `sequential=` / `require-all=` outside brackets: crmsh sets it for the set being built and
   * the following ones, until the next closing bracket (`a b require-all=false` is one set).
   * It also counts as a word, so the list is no longer the simple two-reference form.
   */
  | { kind: 'option'; name: 'sequential' | 'require-all'; value: string; at: Position };

export interface LocationStmt extends Base {
  kind: 'location';
  id: Ref;
  rsc:
    | ({ kind: 'id' } & Ref)
    | { kind: 'pattern'; pattern: string; at: Position }
    | {
        kind: 'set';
        /** Every reference, flattened. */
        refs: RscRef[];
        /** The list as written inside `{ }`: crmsh reads it as any constraint's set list
         *  (brackets, options, a role change starting a new set). */
        items?: RefItem[];
        at: Position;
      };
  /** `role=` / `$role=` / `resource-discovery=` in written order (also the old placement after
   *  the node). Names are normalised to `role` / `resource-discovery`. */
  options: Array<[string, string]>;
  /** `<score>: <node>` form. */
  score?: string;
  node?: Ref;
  rules: Rule[];
}

export interface ColocationStmt extends Base {
  kind: 'colocation';
  id: Ref;
  score: string;
  refs: RefItem[];
  nodeAttribute?: string;
}

export interface OrderStmt extends Base {
  kind: 'order';
  id: Ref;
  /** The leading `<kind>:` or `<score>:` without its colon, as written. */
  kindOrScore?: string;
  refs: RefItem[];
  symmetrical?: string;
}

export interface TicketStmt extends Base {
  kind: 'rsc_ticket';
  id: Ref;
  ticket: string;
  refs: RefItem[];
  lossPolicy?: string;
}

export interface PropertyStmt extends Base {
  kind: 'property' | 'rsc_defaults' | 'op_defaults';
  /** One set: `id` from `<set-id>:` or `$id=`, `idRef` from `$id-ref=`; rules and items. */
  set: AttrSet;
}

export interface FencingTopologyStmt extends Base {
  kind: 'fencing_topology';
  /** A target (`node:` → `{kind:'node'}`, `attr:n=v`, `pattern:re`) or none (every node), each
   *  with its levels; a level is a comma-separated list of devices as written. */
  targets: Array<{
    target?: { kind: 'node' | 'attr' | 'pattern'; value: string; at: Position };
    levels: Array<{ devices: string; at: Position }>;
  }>;
}

export interface TagStmt extends Base {
  kind: 'tag';
  id: Ref;
  refs: Ref[];
}

export interface AlertStmt extends Base {
  kind: 'alert';
  id: Ref;
  path: string;
  description?: string;
  /** `attributes` / `meta` sets of the alert, in order. */
  sets: AttrSet[];
  select?: { kinds: string[]; attributes?: string[]; at: Position };
  recipients: Array<{ path: string; description?: string; sets: AttrSet[]; at: Position }>;
}

export interface AclPermission {
  kind: 'read' | 'write' | 'deny';
  id?: string;
  description?: string;
  /** `xpath:…`, `ref:…`, `tag:…`, `attr:…`, or a shortcut (`meta:rsc:attr`, `cib`, …), split
   *  at the first colon: `{ key: 'meta', value: 'a:target-role' }`, `{ key: 'cib' }`. */
  specs: Array<{ key: string; value?: string; at: Position }>;
  at: Position;
}

export interface RoleStmt extends Base {
  kind: 'role';
  id: Ref;
  description?: string;
  permissions: AclPermission[];
}

export interface AclTargetStmt extends Base {
  kind: 'acl_target' | 'user';
  id: Ref;
  /** acl_target: role ids; user: `role:<id>` entries with the prefix removed. */
  roles: Ref[];
  /** user: legacy permission rules (`read xpath:…`). */
  permissions: AclPermission[];
}

export interface XmlStmt extends Base {
  kind: 'xml';
  /** The remaining words joined with single spaces. */
  xml: string;
}

export type ConfigStatement =
  | NodeStmt
  | PrimitiveStmt
  | MonitorStmt
  | ContainerStmt
  | BundleStmt
  | LocationStmt
  | ColocationStmt
  | OrderStmt
  | TicketStmt
  | PropertyStmt
  | FencingTopologyStmt
  | TagStmt
  | AlertStmt
  | RoleStmt
  | AclTargetStmt
  | XmlStmt;

export type ConfigStatementKind = ConfigStatement['kind'];
