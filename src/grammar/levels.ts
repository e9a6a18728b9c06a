/**
 * The crm shell's level tree as data: which commands and sublevels each level has, their
 * aliases, the skill level they need, a one-line summary and a usage line.
 *
 * Facts pinned against crmsh 4.4.1 (`crm -f` scripts and its command registry):
 * - every alias prints crmsh's deprecation WARNING when typed exactly, except `-h`/`--help`
 *   (`?` does warn), so `deprecated` is true for all aliases but those two;
 * - the root level has no `up` (nor `end`/`back`);
 * - hidden commands (`_test`, …) take part in prefix matching although nobody lists them;
 * - `signature` is crmsh's own argument list as its arity errors print it
 *   (`Expected (old_id new_id), takes exactly 2 arguments (1 given)`).
 */

export type SkillLevel = 'operator' | 'administrator' | 'expert';

export const SKILL_RANK: Record<SkillLevel, number> = { operator: 0, administrator: 1, expert: 2 };

export interface CommandAlias {
  name: string;
  /** crmsh 4.4.1 prints `This command '<alias>' is deprecated, please use '<name>'`. */
  deprecated: boolean;
}

/** A command's positional arguments as crmsh declares them, e.g. `node cmd attr [value]`. */
export interface ArgSignature {
  text: string;
  min: number;
  /** -1: any number. */
  max: number;
}

export type ChildKind =
  /** A command whose arguments parseShellCommand understands. */
  | 'command'
  /** A configure object command (primitive, location, …): parse-configure.ts parses it. */
  | 'object'
  /** A sublevel; `level` names its LevelSpec. */
  | 'level';

export interface CommandSpec {
  name: string;
  kind: ChildKind;
  aliases: CommandAlias[];
  skill: SkillLevel;
  summary: string;
  usage: string;
  signature: ArgSignature;
  /** For kind 'level': the key of LEVELS describing it. */
  level?: string;
  /** False for what tcrm does not implement (DECISIONS.md "Not now"): say so, not "No such command". */
  supported: boolean;
  /** Not listed by `ls` or completion (crmsh's `_test`-style commands). */
  hidden?: boolean;
}

export interface LevelSpec {
  /** The name crmsh uses in prompts and qualified error names (`configure.show`). */
  name: string;
  summary: string;
  supported: boolean;
  commands: CommandSpec[];
}

/** Turn crmsh's argument list text into arity bounds. */
export function signatureOf(text: string): ArgSignature {
  const parts = text.match(/\[[^\]]*\]|\S+/g) ?? [];
  let min = 0;
  let max = 0;
  for (const p of parts) {
    if (p.endsWith('...]')) max = -1;
    else if (p.startsWith('[')) {
      if (max >= 0) max++;
    } else {
      min++;
      if (max >= 0) max++;
    }
  }
  return { text, min, max };
}

interface CommandOptions {
  aliases?: string[];
  skill?: SkillLevel;
  kind?: ChildKind;
  level?: string;
  supported?: boolean;
  hidden?: boolean;
}

const SKILL_BY_NUMBER: SkillLevel[] = ['operator', 'administrator', 'expert'];

function command(
  name: string,
  skill: 0 | 1 | 2,
  signature: string,
  summary: string,
  usage: string,
  opts: CommandOptions = {},
): CommandSpec {
  const spec: CommandSpec = {
    name,
    kind: opts.kind ?? 'command',
    aliases: (opts.aliases ?? []).map((a) => ({ name: a, deprecated: a !== '-h' && a !== '--help' })),
    skill: SKILL_BY_NUMBER[skill],
    summary,
    usage,
    signature: signatureOf(signature),
    supported: opts.supported ?? true,
  };
  if (opts.level) spec.level = opts.level;
  if (opts.hidden) spec.hidden = true;
  return spec;
}

function object(name: string, skill: 0 | 1 | 2, summary: string, usage: string, aliases: string[] = []): CommandSpec {
  return command(name, skill, '[args ...]', summary, usage, { kind: 'object', aliases });
}

function sublevel(name: string, summary: string, supported = true): CommandSpec {
  return command(name, 0, '', summary, name, { kind: 'level', level: name, supported });
}

/** help, ls, cd and quit exist at every level; up only below the root. */
function common(withUp: boolean): CommandSpec[] {
  const list = [
    command('help', 0, '[subject] [subtopic]', 'show help for a topic, level or command', 'help [<topic>|<level>|<command> [<subtopic>]]', {
      aliases: ['?', '-h', '--help'],
    }),
    command('ls', 0, '', 'list the commands and sublevels of this level', 'ls'),
    command('cd', 0, '[optarg]', 'move around the level tree', 'cd [<level>[/<level>]|..]'),
    command('quit', 0, '', 'leave the shell', 'quit', { aliases: ['bye', 'exit'] }),
  ];
  if (withUp) list.push(command('up', 0, '', 'go back to the previous level', 'up', { aliases: ['end', 'back'] }));
  return list;
}

/** A level tcrm does not implement: present so its name matches, with no commands of its own. */
function unsupportedLevel(name: string, summary: string): LevelSpec {
  return { name, summary, supported: false, commands: common(true) };
}

const ROOT: LevelSpec = {
  name: 'root',
  summary: 'the top level',
  supported: true,
  commands: [
    ...common(false),
    command('status', 0, '[args ...]', 'show the cluster status (crm_mon)', 'status [<option> ...]'),
    command('verify', 0, '[args ...]', 'check the live cluster configuration and status', 'verify [scores]'),
    command('report', 0, '[args ...]', 'collect a cluster report', 'report [<option> ...]', { supported: false }),
    sublevel('cib', 'shadow CIB management'),
    sublevel('cibstatus', 'edit the status section of a shadow CIB', false),
    sublevel('cluster', 'cluster setup and management', false),
    sublevel('configure', 'edit the CIB configuration'),
    sublevel('corosync', 'corosync configuration', false),
    sublevel('history', 'cluster history and reports', false),
    sublevel('maintenance', 'maintenance mode commands', false),
    sublevel('node', 'node management'),
    sublevel('options', 'user preferences'),
    sublevel('ra', 'resource agent information'),
    sublevel('resource', 'resource management'),
    sublevel('script', 'cluster scripts', false),
    sublevel('site', 'geo-cluster site management', false),
  ],
};

const CONFIGURE: LevelSpec = {
  name: 'configure',
  summary: 'edit the CIB configuration',
  supported: true,
  commands: [
    ...common(true),
    command('_keywords', 1, '', 'list grammar keywords', '_keywords', { hidden: true, supported: false }),
    command('_objects', 1, '', 'list objects', '_objects', { hidden: true, supported: false }),
    command('_regtest', 1, 'param', 'regression testing', '_regtest <param>', { hidden: true, supported: false }),
    command('_test', 1, '', 'check structure', '_test', { hidden: true, supported: false }),
    object('node', 1, 'define a cluster node', 'node [$id=<id>] <uname>[:<type>] [description=<d>] [attributes ...] [utilization ...]'),
    object('primitive', 1, 'define a resource', 'primitive <rsc> {[<class>:[<provider>:]]<type>|@<template>} [params ...] [meta ...] [utilization ...] [op ...]', ['resource']),
    object('rsc_template', 1, 'define a resource template', 'rsc_template <name> [<class>:[<provider>:]]<type> [params ...] [meta ...] [op ...]'),
    object('monitor', 1, 'add a monitor operation to a primitive', 'monitor <rsc>[:<role>] <interval>[:<timeout>]'),
    object('group', 1, 'define a group', 'group <name> <rsc> [<rsc>...] [meta ...] [params ...]'),
    object('clone', 1, 'define a clone', 'clone <name> <rsc> [meta ...] [params ...]'),
    object('ms', 1, 'define a promotable clone (deprecated form)', 'ms <name> <rsc> [meta ...] [params ...]', ['master']),
    object('bundle', 0, 'define a container bundle', 'bundle <id> <container-type> [<option>...] [network ...] [storage ...] [primitive <id>] [meta ...]'),
    object('location', 1, 'a location preference', 'location <id> <rsc> {<score>: <node> | rule ...} [role=<role>] [resource-discovery=<mode>]'),
    object('colocation', 1, 'colocate resources', 'colocation <id> <score>: <rsc>[:<role>] <rsc>[:<role>] ...', ['collocation']),
    object('order', 1, 'order resources', 'order <id> [<kind>:] <rsc>[:<action>] <rsc>[:<action>] ... [symmetrical=<bool>]'),
    object('rsc_ticket', 1, 'make resources depend on a ticket', 'rsc_ticket <id> <ticket>: <rsc>[:<role>] [<rsc>[:<role>] ...] [loss-policy=<policy>]'),
    object('property', 1, 'set cluster properties', 'property [$id=<set_id>] <option>=<value> ...'),
    object('rsc_defaults', 1, 'set resource meta attribute defaults', 'rsc_defaults [$id=<set_id>] <option>=<value> ...'),
    object('op_defaults', 1, 'set operation defaults', 'op_defaults [$id=<set_id>] <option>=<value> ...'),
    object('fencing_topology', 1, 'define the fencing order', 'fencing_topology [<node>:] <stonith_resources> [<stonith_resources> ...]'),
    object('role', 2, 'define an ACL role', 'role <role-id> <rule> [<rule> ...]'),
    object('user', 2, 'define ACL rights of a user (old syntax)', 'user <uid> {roles|rules}'),
    object('acl_target', 2, 'define an ACL target', 'acl_target <tid> [<role> ...]'),
    object('tag', 1, 'define a tag', 'tag <tag-name>: <rsc> [<rsc> ...]'),
    object('alert', 1, 'define an alert', 'alert <id> <path> [attributes ...] [meta ...] [select ...] [to ...]'),
    object('xml', 1, 'add raw XML', 'xml <xml>'),
    command('show', 1, '[args ...]', 'display CIB objects', 'show [xml] [<id>|changed|type:<t>|tag:<t>|related:<id>|obscure:<glob> ...]'),
    command('edit', 1, '[args ...]', 'edit CIB objects in an editor', 'edit [xml] [<id>...]'),
    command('filter', 1, 'filterprog [args ...]', 'pipe CIB objects through a program', 'filter <prog> [xml] [<id>...]'),
    command('verify', 1, '', 'check the configuration', 'verify'),
    command('commit', 1, '[arg0] [arg1]', 'commit the changes to the CIB', 'commit [force] [replace]'),
    command('delete', 1, '[args ...]', 'delete CIB objects', 'delete [-f|--force] <id> [<id>...]', { aliases: ['rm'] }),
    command('rename', 1, 'old_id new_id', 'rename a CIB object', 'rename <old_id> <new_id>'),
    command('erase', 1, '[nodes]', 'erase the configuration', 'erase [nodes]'),
    command('refresh', 1, '', 'drop the changes and reload the CIB', 'refresh'),
    command('save', 1, '[args ...]', 'save the configuration to a file', 'save [xml] [<id>...] <filename>'),
    command('load', 1, '[args ...]', 'load the configuration from a file', 'load [xml] {replace|update|push} {<url>|<path>}'),
    command('set', 1, 'path value', 'set an attribute value', 'set <id>.[<op_type>.][<interval>.]<name> <value>'),
    command('modgroup', 1, 'group_id subcmd prim_id [args ...]', 'change the members of a group', 'modgroup <id> add <id> [after <id>|before <id>] | modgroup <id> remove <id>'),
    command('default-timeouts', 0, '[args ...]', 'set operation timeouts to the advised values', 'default-timeouts <id> [<id>...]', { aliases: ['default_timeouts'] }),
    command('get_property', 1, '[args ...]', 'print cluster property values', 'get_property [-t|--true] [<name>...]', { aliases: ['get-property'] }),
    command('schema', 1, '[schema_st]', 'show or set the CIB schema', 'schema [<schema>]'),
    command('upgrade', 1, '[force]', 'upgrade the CIB to the newest schema', 'upgrade [force]'),
    command('ptest', 0, '[args ...]', 'show what the cluster would do with these changes', 'ptest [nograph] [v...] [scores] [utilization] [actions]', { aliases: ['simulate'] }),
    command('graph', 1, '[args ...]', 'draw the transition graph', 'graph [<gtype> [<file> [<img_format>]]]'),
    command('validate-all', 1, 'rsc', "run the agent's validate-all for a primitive", 'validate-all <rsc>', { aliases: ['validate_all'] }),
    command('rsctest', 2, '[args ...]', 'test resources directly on nodes', 'rsctest <rsc_id> [<rsc_id> ...] [<node_id> ...]'),
    sublevel('assist', 'configuration assistant', false),
    sublevel('cib', 'shadow CIB management'),
    sublevel('cibstatus', 'edit the status section of a shadow CIB', false),
    sublevel('history', 'cluster history and reports', false),
    sublevel('ra', 'resource agent information'),
    sublevel('template', 'configuration templates', false),
  ],
};

const CIB: LevelSpec = {
  name: 'cib',
  summary: 'shadow CIB management',
  supported: true,
  commands: [
    ...common(true),
    command('new', 1, '[args ...]', 'create a shadow CIB and use it', 'new [<shadow_cib>] [withstatus] [force] [empty]'),
    command('use', 1, '[name] [withstatus]', 'change the working CIB', 'use [<shadow_cib>|live] [withstatus]'),
    command('commit', 1, '[name]', 'copy a shadow CIB to the cluster', 'commit [<shadow_cib>]'),
    command('diff', 1, '', 'compare the shadow CIB with the live one', 'diff'),
    command('list', 1, '', 'list the shadow CIBs', 'list'),
    command('delete', 1, 'name', 'delete a shadow CIB', 'delete <shadow_cib>'),
    command('reset', 1, 'name', 'copy the live CIB into a shadow CIB', 'reset <shadow_cib>'),
    command('import', 1, 'infile [name]', 'import a CIB or PE input file into a shadow', 'import {<file>|<number>} [<shadow>]'),
    sublevel('cibstatus', 'edit the status section of a shadow CIB', false),
  ],
};

const NODE: LevelSpec = {
  name: 'node',
  summary: 'node management',
  supported: true,
  commands: [
    ...common(true),
    command('show', 0, '[node]', 'show nodes and their attributes', 'show [<node>]', { aliases: ['list'] }),
    command('standby', 0, '[args ...]', 'put nodes in standby', 'standby [<node>...|--all] [reboot|forever]'),
    command('online', 0, '[args ...]', 'bring nodes back online', 'online [<node>...|--all]'),
    command('maintenance', 0, '[node]', 'put a node in maintenance mode', 'maintenance [<node>]'),
    command('ready', 0, '[node]', 'take a node out of maintenance mode', 'ready [<node>]'),
    command('attribute', 0, 'node cmd attr [value]', 'manage a node attribute', 'attribute <node> {set <attr> <value>|delete <attr>|show <attr>}'),
    command('utilization', 0, 'node cmd attr [value]', 'manage a node utilization attribute', 'utilization <node> {set <attr> <value>|delete <attr>|show <attr>}'),
    command('status-attr', 0, 'node cmd attr [value]', 'manage a transient node attribute', 'status-attr <node> {set <attr> <value>|delete <attr>|show <attr>}'),
    command('fence', 0, 'node', 'fence a node', 'fence <node>'),
    command('clearstate', 0, '[node]', "drop a node's state", 'clearstate [<node>]'),
    command('delete', 0, 'node', 'remove a node from the cluster', 'delete <node>'),
    command('server', 0, '[nodes ...]', 'print node names or remote addresses', 'server [<node> ...]'),
  ],
};

const RESOURCE: LevelSpec = {
  name: 'resource',
  summary: 'resource management',
  supported: true,
  commands: [
    ...common(true),
    command('status', 0, '[resources ...]', 'show resource status', 'status [<rsc> ...]', { aliases: ['show', 'list'] }),
    command('locate', 0, '[resources ...]', 'show where resources run', 'locate [<rsc> ...]'),
    command('start', 0, '[resources ...]', 'start resources', 'start <rsc> [<rsc> ...]'),
    command('stop', 0, '[resources ...]', 'stop resources', 'stop <rsc> [<rsc> ...]'),
    command('restart', 0, '[resources ...]', 'restart resources', 'restart <rsc> [<rsc> ...]'),
    command('promote', 0, 'rsc', 'promote a promotable resource', 'promote <rsc>'),
    command('demote', 0, 'rsc', 'demote a promotable resource', 'demote <rsc>'),
    command('manage', 0, 'rsc', 'put a resource in managed mode', 'manage <rsc>'),
    command('unmanage', 0, 'rsc', 'put a resource in unmanaged mode', 'unmanage <rsc>'),
    command('maintenance', 0, 'resource [on_off]', 'set maintenance mode of a resource', 'maintenance <resource> [on|off|true|false]'),
    command('move', 1, 'rsc [args ...]', 'move a resource to another node', 'move <rsc> [<node>] [<lifetime>] [force]', { aliases: ['migrate'] }),
    command('ban', 1, 'rsc [args ...]', 'keep a resource off a node', 'ban <rsc> [<node>] [<lifetime>] [force]'),
    command('clear', 1, 'rsc', 'remove move/ban constraints', 'clear <rsc>', { aliases: ['unmove', 'unban', 'unmigrate'] }),
    command('cleanup', 1, '[rsc] [node] [force]', 'clean up resource failures', 'cleanup [<rsc>] [<node>] [force]'),
    command('refresh', 0, '[rsc] [node] [force]', 'recheck resource state', 'refresh [<rsc>] [<node>] [force]', { aliases: ['reprobe'] }),
    command('operations', 0, '[resource] [node]', 'show the operation history', 'operations [<rsc>] [<node>]'),
    command('constraints', 0, 'resource', 'show the constraints of a resource', 'constraints <rsc>'),
    command('failcount', 0, 'rsc cmd node [value] [operation] [interval]', 'manage fail counts', 'failcount <rsc> {set <node> <value> [<operation>] [<interval>]|delete <node>|show <node>}'),
    command('param', 1, 'rsc cmd param [value]', 'manage a resource parameter', 'param <rsc> {set <param> <value>|delete <param>|show <param>}'),
    command('meta', 1, 'rsc cmd attr [value]', 'manage a resource meta attribute', 'meta <rsc> {set <attr> <value>|delete <attr>|show <attr>}'),
    command('utilization', 1, 'rsc cmd attr [value]', 'manage a resource utilization attribute', 'utilization <rsc> {set <attr> <value>|delete <attr>|show <attr>}'),
    command('secret', 1, 'rsc cmd param [value]', 'manage a secret resource parameter', 'secret <rsc> {set <param> <value>|stash|unstash|delete|show|check <param>}'),
    command('trace', 0, 'rsc_id [args ...]', 'trace resource agent calls', 'trace <rsc> [<op>] [<interval>] [<log-dir>]'),
    command('untrace', 0, 'rsc_id [op] [interval]', 'stop tracing resource agent calls', 'untrace <rsc> [<op>] [<interval>]'),
    command('scores', 0, '', 'show allocation scores', 'scores'),
  ],
};

const RA: LevelSpec = {
  name: 'ra',
  summary: 'resource agent information',
  supported: true,
  commands: [
    ...common(true),
    command('classes', 0, '', 'list resource agent classes', 'classes'),
    command('list', 1, 'class_ [provider_]', 'list the agents of a class', 'list <class> [<provider>]'),
    command('providers', 1, 'ra_type [ra_class]', 'list the providers of an agent', 'providers <type> [<class>]'),
    command('info', 1, '[args ...]', "show an agent's metadata", 'info [<class>:[<provider>:]]<type>', { aliases: ['meta'] }),
    command('validate', 1, 'agentname [params ...]', "run an agent's validate-all", 'validate [<class>:[<provider>:]]<type> [<key>=<value> ...]'),
  ],
};

const OPTIONS: LevelSpec = {
  name: 'options',
  summary: 'user preferences',
  supported: true,
  commands: [
    ...common(true),
    command('editor', 0, 'program', 'set the editor', 'editor <program>'),
    command('pager', 0, 'program', 'set the pager', 'pager <program>'),
    command('user', 0, '[crm_user]', 'run cluster commands as this user', 'user [<crm_user>]'),
    command('skill-level', 0, 'level', 'set the skill level', 'skill-level {operator|administrator|expert}', { aliases: ['skill_level'] }),
    command('output', 0, 'output_type', 'set the output style', 'output {plain|color|color-always|uppercase}'),
    command('colorscheme', 0, 'colors', 'set the colour scheme', 'colorscheme <colors>'),
    command('sort-elements', 0, 'opt', 'sort elements in show output', 'sort-elements {yes|no}', { aliases: ['sort_elements'] }),
    command('check-frequency', 0, 'freq', 'when to run semantic checks', 'check-frequency {always|on-verify|never}', { aliases: ['check_frequency'] }),
    command('check-mode', 0, 'mode', 'how strict semantic checks are', 'check-mode {strict|relaxed}', { aliases: ['check_mode'] }),
    command('wait', 0, 'opt', 'wait for the cluster after changes', 'wait {yes|no}'),
    command('add-quotes', 0, 'opt', 're-quote command-line arguments', 'add-quotes {yes|no}', { aliases: ['add_quotes'] }),
    command('manage-children', 0, 'opt', 'how to treat children of groups', 'manage-children {ask|never|always}', { aliases: ['manage_children'] }),
    command('set', 0, 'option value', 'set any option', 'set <section>.<name> <value>'),
    command('show', 0, '[option]', 'show options', 'show [all|<option>]', { aliases: ['list'] }),
    command('save', 0, '', 'save the options', 'save'),
    command('reset', 0, '', 'reload the options from disk', 'reset'),
  ],
};

/** Every level by its key; a sublevel command's `level` field points here. */
export const LEVELS: Record<string, LevelSpec> = {
  root: ROOT,
  configure: CONFIGURE,
  cib: CIB,
  node: NODE,
  resource: RESOURCE,
  ra: RA,
  options: OPTIONS,
  cibstatus: unsupportedLevel('cibstatus', 'edit the status section of a shadow CIB'),
  cluster: unsupportedLevel('cluster', 'cluster setup and management'),
  corosync: unsupportedLevel('corosync', 'corosync configuration'),
  history: unsupportedLevel('history', 'cluster history and reports'),
  maintenance: unsupportedLevel('maintenance', 'maintenance mode commands'),
  script: unsupportedLevel('script', 'cluster scripts'),
  site: unsupportedLevel('site', 'geo-cluster site management'),
  assist: unsupportedLevel('assist', 'configuration assistant'),
  template: unsupportedLevel('template', 'configuration templates'),
};

/**
 * A level path names where the user is: '' (or 'root') for the root, else level names joined by
 * '/', e.g. 'configure', 'configure/ra'. The last segment decides the commands.
 */
export function pathSegments(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s !== '' && s !== 'root');
}

export function joinPath(segments: string[]): string {
  return segments.join('/');
}

export function levelSpecOf(path: string): LevelSpec | undefined {
  const segs = pathSegments(path);
  return LEVELS[segs.length === 0 ? 'root' : segs[segs.length - 1]];
}

/** crmsh's qualified name for errors: `configure.ra.list`, or just the word at the root. */
export function qualifiedName(path: string, word: string): string {
  const segs = pathSegments(path);
  return segs.length === 0 ? word : `${segs.join('.')}.${word}`;
}

/** The commands `ls` and TAB list: canonical names, hidden ones left out. */
export function listedCommands(path: string): string[] {
  const spec = levelSpecOf(path);
  if (!spec) return [];
  return spec.commands.filter((c) => !c.hidden).map((c) => c.name).sort();
}

/** The command with this canonical name at a level, or else the one with this exact alias. */
export function findCommand(path: string, name: string): CommandSpec | undefined {
  const commands = levelSpecOf(path)?.commands ?? [];
  return commands.find((c) => c.name === name) ?? commands.find((c) => c.aliases.some((a) => a.name === name));
}

/** `ACL administrator skill level required` when the user's level is below the command's. */
export function skillAllows(user: SkillLevel, needed: SkillLevel): boolean {
  return SKILL_RANK[user] >= SKILL_RANK[needed];
}
