/** `tcrm check`'s own command line; never throws, problems come back as texts. */
import type { InputMode } from './types.js';

export interface CheckArgs {
  files: string[];
  mode?: InputMode;
  nodes: string[];
  format: 'text' | 'json' | 'sarif';
  strict: boolean;
  live: boolean;
  expect?: string;
  ignoreIds: boolean;
  lang?: string;
  help: boolean;
  problems: string[];
}

const MODES = new Set(['script', 'configure', 'transcript']);
const FORMATS = new Set(['text', 'json', 'sarif']);

export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const args: CheckArgs = { files: [], nodes: [], format: 'text', strict: false, live: false, ignoreIds: false, help: false, problems: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.files.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '-') {
      if (a === '-h') args.help = true;
      else args.files.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => {
      if (eq > 0) return a.slice(eq + 1);
      if (i + 1 < argv.length) return argv[++i];
      args.problems.push(`option ${name} needs a value`);
      return undefined;
    };
    switch (name) {
      case '--mode': {
        const v = value();
        if (v && MODES.has(v)) args.mode = v as InputMode;
        else if (v) args.problems.push(`--mode ${v}: use script, configure or transcript`);
        break;
      }
      case '--format': {
        const v = value();
        if (v && FORMATS.has(v)) args.format = v as CheckArgs['format'];
        else if (v) args.problems.push(`--format ${v}: use text, json or sarif`);
        break;
      }
      case '--nodes': {
        const v = value();
        if (v) args.nodes.push(...v.split(',').map((n) => n.trim()).filter(Boolean));
        break;
      }
      case '--expect':
        args.expect = value();
        break;
      case '--lang':
        args.lang = value();
        break;
      case '--strict':
        args.strict = true;
        break;
      case '--live':
        args.live = true;
        break;
      case '--ignore-ids':
        args.ignoreIds = true;
        break;
      case '--help':
        args.help = true;
        break;
      default:
        args.problems.push(`unknown option ${a}`);
    }
  }
  if (!args.help && args.files.length === 0 && args.problems.length === 0) args.problems.push('no file to check');
  return args;
}
