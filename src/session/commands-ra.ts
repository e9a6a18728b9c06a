/**
 * The ra level (commands.md §8): classes, list, providers, info/meta. The truth is the node's
 * (or this machine's) Pacemaker through the transport — `crm_resource --list-standards`,
 * `--list-agents`, `--list-ocf-alternatives`, `--show-metadata` — and the bundled facts when
 * no Pacemaker answers (DECISIONS.md "Resource-agent data").
 */
import { diag } from '../diagnostic.js';
import { message } from '../messages/catalog.js';
import { bundledCatalog, pickProvider } from '../agents/index.js';
import { renderRaInfoFacts, renderRaInfoXml } from '../ops/ra-info.js';
import { multicolumn } from '../ops/multicolumn.js';
import { runTool } from '../ops/session-ops.js';
import type { HandlerTable } from './commands.js';
import type { Session } from './session.js';

/** A tool's stdout lines, or null when Pacemaker's tools are not there (use bundled data). */
async function toolLines(session: Session, argv: string[]): Promise<string[] | null> {
  const r = await runTool(session, argv, { timeoutMs: 60_000 });
  if (!r || r.code === 127) return null;
  if (r.code !== 0) return [];
  return r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

async function classes(session: Session): Promise<string[]> {
  return ((await toolLines(session, ['crm_resource', '--list-standards'])) ?? bundledCatalog().classes()).sort();
}

async function ocfProviders(session: Session): Promise<string[]> {
  return ((await toolLines(session, ['crm_resource', '--list-ocf-providers'])) ?? bundledCatalog().ocfProviders()).sort();
}

async function providersOf(session: Session, type: string): Promise<string[]> {
  return ((await toolLines(session, ['crm_resource', '--list-ocf-alternatives', type])) ?? bundledCatalog().providers(type)).sort();
}

export const RA_HANDLERS: HandlerTable = {
  'ra.classes': async (session) => {
    const lines: string[] = [];
    for (const c of await classes(session)) {
      if (c === 'ocf') {
        const providers = await ocfProviders(session);
        if (providers.length) lines.push(`${c} / ${providers.join(' ')}`);
      } else {
        lines.push(c);
      }
    }
    session.out.print(lines.join('\n'));
    return true;
  },

  'ra.providers': async (session, cmd) => {
    if (cmd.class !== 'ocf') {
      session.report(diag('CRM', 'error', `no providers for class ${cmd.class}`));
      session.out.print('');
      return true;
    }
    session.out.print((await providersOf(session, cmd.type.text)).join(' '));
    return true;
  },

  'ra.list': async (session, cmd) => {
    const cls = cmd.class.text;
    if (!(await classes(session)).includes(cls)) {
      session.report(diag('CRM', 'error', `ra.list: class ${cls} does not exist`));
      return false;
    }
    const provider = cmd.provider?.text;
    if (provider && (cls !== 'ocf' || !(await ocfProviders(session)).includes(provider))) {
      session.report(diag('CRM', 'error', `ra.list: there is no provider ${provider} for class ${cls}`));
      return false;
    }
    let types = (await toolLines(session, ['crm_resource', '--list-agents', cls])) ?? bundledCatalog().list(cls);
    if (provider) {
      const kept: string[] = [];
      for (const t of types) if ((await providersOf(session, t)).includes(provider)) kept.push(t);
      types = kept;
    }
    types = [...new Set(types)].sort();
    if (types.length) session.out.print(multicolumn(types).join('\n'));
    return true;
  },

  'ra.info': async (session, cmd) => {
    const spec = cmd.agent;
    if (spec.kind === 'daemon') {
      const r = await runTool(session, [`/usr/lib/pacemaker/${daemonBinary(spec.name)}`, 'metadata']);
      // crmsh's RAInfo has no type for a daemon: Python prints `None` in the title.
      const text = r && r.code === 0 ? renderRaInfoXml(r.stdout, spec.name, '', 'None') : null;
      if (!text) {
        session.report(diag('CRM', 'error', `${spec.name}:None: got no meta-data, does this RA exist?`));
        return false;
      }
      session.page(text);
      return true;
    }
    const cls = spec.class || 'ocf';
    const provider = cls === 'ocf' ? spec.provider || pickProvider(await providersOf(session, spec.type)) : '';
    const label = cls === 'ocf' ? `${cls}:${provider}:${spec.type}` : `${cls}:${spec.type}`;
    const r = await runTool(session, ['crm_resource', '--show-metadata', label], { timeoutMs: 60_000 });
    if (r && r.code !== 127) {
      const fencer = cls === 'stonith' ? await runTool(session, ['/usr/lib/pacemaker/pacemaker-fenced', 'metadata']) : null;
      const text = r.code === 0 ? renderRaInfoXml(r.stdout, cls, provider, spec.type, fencer?.code === 0 ? fencer.stdout : undefined) : null;
      if (!text) {
        session.report(diag('CRM', 'error', `${label}: got no meta-data, does this RA exist?`));
        return false;
      }
      session.page(text);
      return true;
    }
    const facts = bundledCatalog().metadata(label);
    if (!facts) {
      session.report(diag('CRM', 'error', `${label}: got no meta-data, does this RA exist?`));
      session.report(diag('TCRM6007', 'info', message('TCRM6007', { agent: label })));
      return false;
    }
    const withFencer = cls === 'stonith' ? { ...facts, params: [...facts.params, ...bundledCatalog().fencerParams()] } : facts;
    session.page(renderRaInfoFacts(withFencer, cls, provider, spec.type));
    return true;
  },
};

/** crmsh accepts the pre-2.0 daemon names too. */
function daemonBinary(name: string): string {
  const old: Record<string, string> = { crmd: 'pacemaker-controld', pengine: 'pacemaker-schedulerd', stonithd: 'pacemaker-fenced', cib: 'pacemaker-based' };
  return old[name] ?? name;
}
