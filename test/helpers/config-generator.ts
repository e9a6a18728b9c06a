/**
 * A seeded generator of valid crm configurations, for the round-trip properties. Each seed gives
 * the same script on every machine; the mix covers every object kind the language has with its
 * common options, so that `show` → parse → `show` exercises the renderer and the grammar together.
 */

/** mulberry32: small, fast and good enough to pick from lists. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Picker {
  constructor(readonly random: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  one<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const pool = [...items];
    const n = Math.min(pool.length, this.int(min, max));
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(this.random() * pool.length), 1)[0]!);
    return out;
  }
}

interface AgentShape {
  agent: string;
  params: (p: Picker, n: number) => string[];
}

const AGENTS: AgentShape[] = [
  { agent: 'ocf:heartbeat:Dummy', params: (p, n) => (p.chance(0.5) ? [`state=/run/dummy-${n}.state`] : []) },
  { agent: 'ocf:pacemaker:Dummy', params: (p) => (p.chance(0.5) ? [`fake=${p.int(1, 9)}`] : []) },
  { agent: 'ocf:heartbeat:IPaddr2', params: (p, n) => [`ip=10.1.${n % 250}.${p.int(1, 254)}`, ...(p.chance(0.6) ? [`cidr_netmask=${p.int(8, 30)}`] : [])] },
  { agent: 'ocf:heartbeat:IPaddr', params: (p, n) => [`ip=172.31.${n % 250}.${p.int(1, 254)}`] },
  { agent: 'ocf:heartbeat:apache', params: (p) => (p.chance(0.7) ? ['configfile=/etc/apache2/apache2.conf'] : []) },
  { agent: 'systemd:nginx', params: () => [] },
  { agent: 'lsb:cron', params: () => [] },
];

const META = ['target-role=Stopped', 'target-role=Started', 'migration-threshold=3', 'resource-stickiness=100', 'is-managed=false', 'failure-timeout=60s'];
const SCORES = ['inf:', '-inf:', '100:', '-50:', '0:', 'INFINITY:'];
const ORDER_KINDS = ['Mandatory:', 'Optional:', 'Serialize:', '0:', 'inf:'];
const PROPERTIES = ['stonith-enabled=false', 'no-quorum-policy=ignore', 'cluster-recheck-interval=5min', 'symmetric-cluster=true', 'start-failure-is-fatal=false', 'maintenance-mode=false'];
const NODES = ['Lubuntu', 'Lubuntu1'];

export interface GeneratedConfig {
  seed: number;
  lines: string[];
  text: string;
}

/** A valid configuration script (configure-level statements, one per line). */
export function generateConfig(seed: number): GeneratedConfig {
  const p = new Picker(prng(seed));
  const lines: string[] = [];
  const free: string[] = []; // primitives not yet inside a group or clone
  const placed: string[] = []; // ids constraints may name (top-level resources)
  const count = p.int(1, 8);

  if (p.chance(0.3)) {
    lines.push(`rsc_template tpl-${seed} ocf:heartbeat:Dummy params state=/run/tpl.state op monitor interval=30s timeout=20s`);
  }
  for (let i = 0; i < count; i++) {
    const id = `r${i}`;
    const words = ['primitive', id];
    const fromTemplate = lines[0]?.startsWith('rsc_template') && p.chance(0.3);
    const shape = p.one(AGENTS);
    words.push(fromTemplate ? `@tpl-${seed}` : shape.agent);
    if (p.chance(0.2)) words.push(p.one([`description="resource number ${i}"`, `description="it's \\"quoted\\" & <tagged>"`, 'description=plain']));
    const params = fromTemplate ? [] : shape.params(p, seed * 10 + i);
    if (params.length > 0) words.push('params', ...params);
    if (p.chance(0.4)) words.push('meta', ...p.some(META, 1, 2).filter(uniqueName()));
    if (p.chance(0.6)) words.push('op', 'monitor', `interval=${p.one(['10s', '30s', '1m'])}`, `timeout=${p.one(['20s', '40s', '60s'])}`);
    if (p.chance(0.3)) words.push('op', 'start', 'timeout=60s', 'interval=0s');
    if (p.chance(0.2)) words.push('op', 'stop', 'timeout=100s', 'interval=0s', 'on-fail=block');
    lines.push(words.join(' '));
    free.push(id);
  }

  if (free.length >= 2 && p.chance(0.5)) {
    const members = free.splice(0, p.int(2, Math.min(3, free.length)));
    const meta = p.chance(0.4) ? ' meta target-role=Started' : '';
    lines.push(`group g-${seed} ${members.join(' ')}${meta}`);
    placed.push(`g-${seed}`);
    if (p.chance(0.3)) {
      lines.push(`clone cl-g-${seed} g-${seed} meta clone-max=2 interleave=true`);
      placed.splice(placed.indexOf(`g-${seed}`), 1, `cl-g-${seed}`);
    }
  }
  if (free.length >= 1 && p.chance(0.3)) {
    const member = free.shift()!;
    const promotable = p.chance(0.4) ? ' promotable=true' : '';
    lines.push(`clone cl-${member} ${member} meta clone-max=2${promotable}`);
    placed.push(`cl-${member}`);
  }
  placed.push(...free);

  for (let i = 0; i < p.int(0, 3) && placed.length > 0; i++) {
    const rsc = p.one(placed);
    if (p.chance(0.3)) {
      const rule = p.one([
        `rule 100: #uname eq ${p.one(NODES)}`,
        'rule -inf: not_defined pingd or pingd lte 0',
        `rule inf: #uname ne ${p.one(NODES)} and date gt 2024-01-01`,
      ]);
      lines.push(`location loc-${i} ${rsc} ${rule}`);
    } else {
      lines.push(`location loc-${i} ${rsc} ${p.one(SCORES)} ${p.one(NODES)}`);
    }
  }
  if (placed.length >= 2) {
    for (let i = 0; i < p.int(0, 2); i++) {
      const [a, b] = p.some(placed, 2, 2) as [string, string];
      lines.push(`colocation col-${i} ${p.one(SCORES)} ${a} ${b}`);
    }
    for (let i = 0; i < p.int(0, 2); i++) {
      const [a, b] = p.some(placed, 2, 2) as [string, string];
      const sym = p.chance(0.3) ? ' symmetrical=false' : '';
      lines.push(`order ord-${i} ${p.one(ORDER_KINDS)} ${a} ${b}${sym}`);
    }
  }
  if (placed.length >= 3 && p.chance(0.3)) {
    const [a, b, c] = p.some(placed, 3, 3) as [string, string, string];
    lines.push(`colocation col-set inf: ${a} ( ${b} ${c} )`);
  }
  if (placed.length >= 3 && p.chance(0.3)) {
    const [a, b, c] = p.some(placed, 3, 3) as [string, string, string];
    const opts = p.one(['', ' sequential=false', ' require-all=false']);
    lines.push(`order ord-set Mandatory: ${a} [ ${b} ${c}${opts} ]`);
  }
  if (placed.length >= 2 && p.chance(0.2)) {
    const [a, b] = p.some(placed, 2, 2) as [string, string];
    lines.push(`colocation col-role 100: ${a}:Started ${b}:Started`);
  }
  if (p.chance(0.2)) {
    lines.push(`location loc-date ${p.one(placed.length > 0 ? placed : ['r0'])} rule -inf: date in start=2025-01-01 end=2025-12-31`);
  }
  if (placed.length >= 1 && p.chance(0.3)) {
    lines.push(`tag tag-${seed} ${p.some(placed, 1, Math.min(3, placed.length)).join(' ')}`);
  }
  if (p.chance(0.7)) lines.push(`property ${p.some(PROPERTIES, 1, 3).filter(uniqueName()).join(' ')}`);
  if (p.chance(0.4)) lines.push(`rsc_defaults resource-stickiness=${p.int(0, 200)}`);
  if (p.chance(0.3)) lines.push(`op_defaults timeout=${p.one(['30s', '60s', '2min'])}`);
  if (p.chance(0.3)) lines.push(`node ${p.one(NODES)} attributes rack=r${p.int(1, 4)}`);
  return { seed, lines, text: lines.join('\n') + '\n' };
}

/** A filter keeping the first `name=…` of each name (crmsh keeps one value per name). */
function uniqueName(): (item: string) => boolean {
  const seen = new Set<string>();
  return (item) => {
    const name = item.split('=')[0]!;
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  };
}
