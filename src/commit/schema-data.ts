/**
 * Where tcrm's vendored Pacemaker data lives (data/ at the package root, beside src/ or dist/),
 * and the IDREF/ID attribute tables generated from the schemas.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type AttrTable = Record<string, string[]>;
export interface TypedAttributes {
  idrefs: AttrTable;
  ids: AttrTable;
}

let dataDir: string | undefined;

/** The package's data directory: `TCRM_DATA_DIR`, else the first `data/` with schemas found
 *  walking up from this module (src/commit/ in development, dist/ in the bundle). */
export function vendoredDataDir(): string {
  if (dataDir) return dataDir;
  if (process.env.TCRM_DATA_DIR) return (dataDir = process.env.TCRM_DATA_DIR);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'data');
    if (existsSync(join(candidate, 'schemas', 'idrefs.json'))) return (dataDir = candidate);
    dir = resolve(dir, '..');
  }
  throw new Error('tcrm data directory (data/schemas) not found');
}

export function vendoredSchemaDir(): string {
  return join(vendoredDataDir(), 'schemas');
}

let typedTables: Record<string, TypedAttributes> | undefined;

/** IDREF and ID attributes per element for a schema name such as `pacemaker-3.9`. */
export function typedAttributesFor(schema: string): TypedAttributes | undefined {
  typedTables ??= JSON.parse(readFileSync(join(vendoredSchemaDir(), 'idrefs.json'), 'utf8')) as Record<
    string,
    TypedAttributes
  >;
  return typedTables[schema] ?? typedTables['pacemaker-3.9'];
}
