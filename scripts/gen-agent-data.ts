/**
 * Bundles the facts of every resource agent that Debian's resource-agents,
 * pacemaker-resource-agents, fence-agents, drbd-utils and cluster-glue ship, so that tcrm can
 * check a configuration offline as if those packages were installed:
 *   data/agents/index.json        classes, OCF providers, agent names per class/provider, the
 *                                 fencer's own parameters, the synthesised lsb/service/systemd actions
 *   data/agents/<class>-<provider>.json, data/agents/stonith.json
 *                                 per agent: parameters and actions (facts only, no prose)
 *   data/agents/PROVENANCE.md     package versions, licence, how the files were made
 *
 * Run as root: node --import tsx scripts/gen-agent-data.ts
 * Missing packages are installed first (apt-get; /usr/sbin/policy-rc.d keeps daemons down).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAgentMetadata, readParameters } from '../src/agents/parse-metadata.js';
import type { AgentFacts, ParamFacts } from '../src/agents/types.js';

const PACKAGES = ['resource-agents', 'pacemaker-resource-agents', 'fence-agents', 'drbd-utils', 'cluster-glue'];
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const finalDir = join(repoRoot, 'data', 'agents');
// written aside and swapped in at the end, so readers never see a half-made directory
const outDir = join(repoRoot, 'data', 'agents.new');

function installed(pkg: string): string | null {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status} ${Version}', pkg], { encoding: 'utf8' });
  const m = /install ok installed (\S+)/.exec(r.stdout ?? '');
  return m ? m[1]! : null;
}

function ensurePackages(): void {
  const missing = PACKAGES.filter((p) => !installed(p));
  if (missing.length === 0) return;
  if (!existsSync('/usr/sbin/policy-rc.d')) {
    writeFileSync('/usr/sbin/policy-rc.d', '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  }
  execFileSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function lines(argv: string[]): string[] {
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8' });
  return (r.stdout ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

function metadataXml(spec: string): string | null {
  const r = spawnSync('crm_resource', ['--show-metadata', spec], { encoding: 'utf8', timeout: 60_000 });
  return r.status === 0 && r.stdout.includes('<resource-agent') ? r.stdout : null;
}

function parseAgent(xml: string): AgentFacts | null {
  return readAgentMetadata(xml);
}

function fencerParams(): ParamFacts[] {
  const r = spawnSync('/usr/lib/pacemaker/pacemaker-fenced', ['metadata'], { encoding: 'utf8' });
  return readParameters(r.stdout ?? '');
}

/** Init scripts and units the five packages ship: what lsb:/service:/systemd: would list. */
function packagedServices(): { lsb: string[]; systemd: string[] } {
  const files = lines(['dpkg', '-L', ...PACKAGES]);
  const lsb = files.filter((f) => /^\/etc\/init\.d\/[^/]+$/.test(f)).map((f) => f.slice('/etc/init.d/'.length));
  const systemd = files
    .filter((f) => /^\/(usr\/)?lib\/systemd\/system\/[^/@]+\.service$/.test(f))
    .map((f) => f.replace(/^.*\//, '').replace(/\.service$/, ''));
  return { lsb: [...new Set(lsb)].sort(), systemd: [...new Set(systemd)].sort() };
}

/** crm_resource's classes, in its order. A machine (or container) without systemd as init
 *  does not list `systemd`; a Debian system does, so the bundle always has it. */
function standards(): string[] {
  const measured = lines(['crm_resource', '--list-standards']);
  if (measured.includes('systemd')) return measured;
  const at = measured.indexOf('service');
  return at < 0 ? [...measured, 'systemd'] : [...measured.slice(0, at + 1), 'systemd', ...measured.slice(at + 1)];
}

function writeJson(file: string, value: unknown): number {
  const text = JSON.stringify(value) + '\n';
  writeFileSync(join(outDir, file), text);
  return text.length;
}

function main(): void {
  ensurePackages();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const providers = lines(['crm_resource', '--list-ocf-providers']).sort();
  const agents: Record<string, string[]> = {};
  const files: Record<string, string> = {};
  let total = 0;
  const failures: string[] = [];

  for (const provider of providers) {
    const names = lines(['crm_resource', '--list-agents', `ocf:${provider}`]).sort();
    const facts: Record<string, AgentFacts> = {};
    for (const name of names) {
      const parsed = parseAgent(metadataXml(`ocf:${provider}:${name}`) ?? '');
      if (parsed) facts[name] = parsed;
      else failures.push(`ocf:${provider}:${name}`);
    }
    agents[`ocf:${provider}`] = Object.keys(facts);
    files[`ocf:${provider}`] = `ocf-${provider}.json`;
    total += writeJson(`ocf-${provider}.json`, facts);
  }

  const stonithNames = lines(['crm_resource', '--list-agents', 'stonith']).sort();
  const stonith: Record<string, AgentFacts> = {};
  for (const name of stonithNames) {
    const parsed = parseAgent(metadataXml(`stonith:${name}`) ?? '');
    if (parsed) stonith[name] = parsed;
    else failures.push(`stonith:${name}`);
  }
  agents.stonith = Object.keys(stonith);
  files.stonith = 'stonith.json';
  total += writeJson('stonith.json', stonith);

  const services = packagedServices();
  agents.lsb = services.lsb;
  agents.service = [...new Set([...services.lsb, ...services.systemd])].sort();
  agents.systemd = services.systemd;

  const index = {
    classes: standards(),
    providers,
    agents,
    files,
    fencerParams: fencerParams(),
    // Pacemaker writes these itself for agents that have no metadata of their own
    // (lib/services: lsb measured with crm_resource; systemd from Pacemaker 2.1.5's source).
    synthesised: {
      lsb: [
        { name: 'meta-data', timeout: '5' },
        { name: 'start', timeout: '15' },
        { name: 'stop', timeout: '15' },
        { name: 'status', timeout: '15' },
        { name: 'restart', timeout: '15' },
        { name: 'force-reload', timeout: '15' },
        { name: 'monitor', timeout: '15', interval: '15' },
      ],
      systemd: [
        { name: 'start', timeout: '100' },
        { name: 'stop', timeout: '100' },
        { name: 'status', timeout: '100' },
        { name: 'monitor', timeout: '100', interval: '60' },
        { name: 'meta-data', timeout: '5' },
      ],
    },
  };
  total += writeJson('index.json', index);

  const versions = PACKAGES.map((p) => `- \`${p}\` ${installed(p) ?? '(not installed)'}`);
  versions.push(`- \`pacemaker\` ${installed('pacemaker') ?? installed('pacemaker-cli-utils') ?? '?'} (crm_resource, pacemaker-fenced)`);
  const counts = Object.entries(agents).map(([k, v]) => `${k} ${v.length}`).join(', ');
  writeFileSync(
    join(outDir, 'PROVENANCE.md'),
    `# Resource-agent facts (generated data)

Generated by \`scripts/gen-agent-data.ts\` (run as root: \`node --import tsx scripts/gen-agent-data.ts\`)
on Debian 12 from these packages:

${versions.join('\n')}

How: \`crm_resource --list-ocf-providers\` and \`--list-agents ocf:<provider>\` / \`stonith\` give the
names; \`crm_resource --show-metadata <class>:<provider>:<type>\` gives each agent's metadata, of
which only the facts are kept: parameter name, content type, default, enumerated values, required,
unique, deprecated/obsoletes; action name, timeout, interval, depth, role. The fencer's own
parameters (\`pcmk_host_list\` …) come from \`/usr/lib/pacemaker/pacemaker-fenced metadata\`. The
lsb/service/systemd names are the init scripts and units those packages ship; their actions are
the ones Pacemaker synthesises (lsb measured, systemd from Pacemaker 2.1.5's lib/services/systemd.c).

Licence: the agents are GPL-2.0-or-later / LGPL-2.1-or-later (resource-agents, fence-agents,
cluster-glue, drbd-utils, Pacemaker). These files hold facts extracted from their metadata
(names, types, defaults, advised timeouts), not their prose (no longdesc/shortdesc); tcrm is
GPL-2.0-or-later.

Agents: ${counts}. Metadata failures: ${failures.length === 0 ? 'none' : failures.join(', ')}.
Total size: ${total} bytes.
`,
  );
  rmSync(finalDir, { recursive: true, force: true });
  renameSync(outDir, finalDir);
  process.stdout.write(`wrote ${readdirSync(finalDir).length} files, ${total} bytes; failures: ${failures.join(' ') || 'none'}\n`);
}

main();
