/**
 * Typed arguments of every non-object shell command (root, cib, configure, node, resource, ra,
 * options, and the commands every level has). Produced by parseShellCommand; the session engine
 * runs them. Values are kept as typed; only what crmsh decides from the words alone is decided
 * here (keyword flags, arity, name sanity, option values). Whatever needs the CIB or the
 * machine (does the node exist, is this a move target or a lifetime) is left to the engine.
 *
 * `kind` is `<level>.<command>` with the level's own name (`cib.new` also at configure/cib),
 * except for the commands every level has (`help`, `ls`, `cd`, `up`, `quit`).
 * Optional fields are absent, never undefined-valued.
 */
import type { Position } from '../diagnostic.js';

/** A word as typed, with where it is (for later diagnostics). */
export interface Arg {
  text: string;
  at: Position;
}

export type AttrAction = 'set' | 'delete' | 'show';

/** `show`/`edit`/`save`/`filter` object selection, crmsh's mkset_obj words in order. */
export type Selector =
  | { kind: 'id'; pattern: Arg }
  | { kind: 'changed'; at: Position }
  | { kind: 'type'; value: Arg }
  | { kind: 'tag'; value: Arg }
  | { kind: 'related'; value: Arg }
  | { kind: 'obscure'; value: Arg }
  | { kind: 'and' | 'or'; at: Position };

export interface ObjectSelection {
  xml: boolean;
  selectors: Selector[];
}

// ---- every level ----
export type CommonCommand =
  | { kind: 'help'; topic?: string; subtopic?: string }
  | { kind: 'ls' }
  | { kind: 'cd'; target: string }
  | { kind: 'up' }
  | { kind: 'quit' };

// ---- root ----
export type RootCommand =
  /** `options`: the words as typed; `crmMonArgs`: what crmsh passes to `crm_mon -1`. */
  | { kind: 'root.status'; options: string[]; crmMonArgs: string[] }
  | { kind: 'root.verify'; scores: boolean };

// ---- cib ----
export type CibCommand =
  /** No name: a temporary shadow (`crmsh_XXXXXXXX`, always forced). */
  | { kind: 'cib.new'; name?: Arg; withstatus: boolean; force: boolean; empty: boolean }
  /** No name or `live`: back to the live CIB. */
  | { kind: 'cib.use'; name?: Arg; live: boolean; withstatus: boolean }
  | { kind: 'cib.commit'; name?: Arg }
  | { kind: 'cib.diff' }
  | { kind: 'cib.list' }
  | { kind: 'cib.delete'; name: Arg }
  | { kind: 'cib.reset'; name: Arg }
  /** `file`: a path, or a PE input number/name looked up in pe_state_dir. */
  | { kind: 'cib.import'; file: Arg; name?: Arg };

// ---- configure ----
export interface SetPath {
  id: string;
  op?: string;
  interval?: string;
  name: string;
}

export type LoadMethod = 'replace' | 'update' | 'push';

export type ConfigureCommand =
  /** An object command (primitive, location, …): parse-configure.ts parses the whole line. */
  | { kind: 'configure.object'; command: string }
  | ({ kind: 'configure.show' } & ObjectSelection)
  | ({ kind: 'configure.edit' } & ObjectSelection)
  | ({ kind: 'configure.filter'; program: Arg } & ObjectSelection)
  | ({ kind: 'configure.save'; file: Arg } & ObjectSelection)
  | { kind: 'configure.load'; xml: boolean; method: LoadMethod; source: Arg }
  | { kind: 'configure.verify' }
  | { kind: 'configure.commit'; force: boolean; replace: boolean }
  | { kind: 'configure.delete'; force: boolean; ids: Arg[] }
  | { kind: 'configure.rename'; oldId: Arg; newId: Arg }
  | { kind: 'configure.erase'; nodes: boolean }
  | { kind: 'configure.refresh' }
  | { kind: 'configure.set'; path: SetPath; pathArg: Arg; value: Arg }
  | {
      kind: 'configure.modgroup';
      group: Arg;
      action: 'add' | 'remove';
      member: Arg;
      position?: { where: 'after' | 'before'; ref: Arg };
    }
  | { kind: 'configure.default-timeouts'; ids: Arg[] }
  /** No names: list every property name. `truth`: `-t`/`--true`. */
  | { kind: 'configure.get_property'; truth: boolean; names: Arg[] }
  | { kind: 'configure.schema'; schema?: Arg }
  | { kind: 'configure.upgrade'; force: boolean }
  /** `verbosity`: the last `v…` word, default `vv` (the count of `-V`). */
  | { kind: 'configure.ptest'; nograph: boolean; scores: boolean; utilization: boolean; actions: boolean; verbosity: string }
  | { kind: 'configure.graph'; exportSettings: true }
  | { kind: 'configure.graph'; exportSettings: false; type: string; file?: Arg; format: string }
  | { kind: 'configure.validate-all'; rsc: Arg }
  /** Resources first, then nodes: telling them apart needs the CIB. */
  | { kind: 'configure.rsctest'; words: Arg[] };

// ---- node ----
export type NodeCommand =
  | { kind: 'node.show'; node?: Arg }
  /** No nodes and not `all`: this host. */
  | { kind: 'node.standby'; nodes: Arg[]; all: boolean; lifetime: 'forever' | 'reboot' }
  | { kind: 'node.online'; nodes: Arg[]; all: boolean }
  | { kind: 'node.maintenance'; node?: Arg }
  | { kind: 'node.ready'; node?: Arg }
  | { kind: 'node.attribute' | 'node.utilization' | 'node.status-attr'; node: Arg; action: AttrAction; name: Arg; value?: Arg }
  | { kind: 'node.fence'; node: Arg }
  | { kind: 'node.clearstate'; node?: Arg }
  | { kind: 'node.delete'; node: Arg }
  | { kind: 'node.server'; nodes: Arg[] };

// ---- resource ----
export type SecretAction = 'set' | 'stash' | 'unstash' | 'delete' | 'show' | 'check';

export type ResourceCommand =
  | { kind: 'resource.status'; resources: Arg[] }
  | { kind: 'resource.locate' | 'resource.start' | 'resource.stop' | 'resource.restart'; resources: Arg[] }
  | { kind: 'resource.promote' | 'resource.demote' | 'resource.manage' | 'resource.unmanage'; rsc: Arg }
  | { kind: 'resource.maintenance'; rsc: Arg; on: boolean }
  /**
   * `rest`: up to two words after the resource, `force` removed. One word is a node when the
   * CIB knows it, else a lifetime; two words are node then lifetime (crmsh decides with the CIB).
   */
  | { kind: 'resource.move' | 'resource.ban'; rsc: Arg; rest: Arg[]; force: boolean }
  | { kind: 'resource.clear'; rsc: Arg }
  | { kind: 'resource.cleanup' | 'resource.refresh'; rsc?: Arg; node?: Arg; force: boolean }
  | { kind: 'resource.operations'; rsc?: Arg; node?: Arg }
  | { kind: 'resource.constraints'; rsc: Arg }
  | { kind: 'resource.failcount'; rsc: Arg; action: AttrAction; node: Arg; value?: Arg; operation?: Arg; interval?: Arg }
  | { kind: 'resource.param' | 'resource.meta' | 'resource.utilization'; rsc: Arg; action: AttrAction; name: Arg; value?: Arg }
  | { kind: 'resource.secret'; rsc: Arg; action: SecretAction; name: Arg; value?: Arg }
  /** `op`: `probe` is turned into monitor with interval 0 by crmsh. */
  | { kind: 'resource.trace'; rsc: Arg; op?: string; interval?: string; dir?: string; force: boolean }
  | { kind: 'resource.untrace'; rsc: Arg; op?: string; interval?: string }
  | { kind: 'resource.scores' };

// ---- ra ----
export type AgentSpec =
  /** `[class:[provider:]]type`; no class means ocf, the provider is then picked from the agents found. */
  | { kind: 'agent'; class?: string; provider?: string; type: string; text: string }
  /** A daemon whose option metadata `info` prints (pacemaker-schedulerd, …, or the old crmd/pengine/stonithd/cib). */
  | { kind: 'daemon'; name: string };

export type RaCommand =
  | { kind: 'ra.classes' }
  | { kind: 'ra.list'; class: Arg; provider?: Arg }
  | { kind: 'ra.providers'; type: Arg; class: string }
  | { kind: 'ra.info'; agent: AgentSpec }
  | { kind: 'ra.validate'; agent: Arg; params: Array<{ name: string; value: string }> };

// ---- options ----
export type OptionsCommand =
  /** Every setter (`editor nano`, `check-mode relaxed`, `set core.debug yes`), as section.name = value. */
  | { kind: 'options.set'; section: string; name: string; value: string }
  /** Accepted and ignored, as crmsh does. */
  | { kind: 'options.colorscheme'; value: string }
  | { kind: 'options.show'; option?: string }
  | { kind: 'options.save' }
  | { kind: 'options.reset' };

export type ShellCommand =
  | CommonCommand
  | RootCommand
  | CibCommand
  | ConfigureCommand
  | NodeCommand
  | ResourceCommand
  | RaCommand
  | OptionsCommand;

export type ShellCommandKind = ShellCommand['kind'];
