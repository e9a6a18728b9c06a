/**
 * Reading a CIB file (`CIB_file`, a shadow) with the messages crm prints when it cannot use one.
 */
import { promises as fs } from 'node:fs';
import { diag, type Diagnostic } from '../diagnostic.js';
import { firstChild, parseXml, XmlParseError, type Document } from '../shadow-cib/xml.js';

// crm relays cibadmin's stderr inside its own ERROR line, trailing newline included.
const NO_FILE =
  'running cibadmin -Ql: Could not connect to the CIB: No such device or address\nInit failed, could not perform requested operations\n';
const NOT_A_CIB =
  'running cibadmin -Ql: Could not connect to the CIB: Update does not conform to the configured schema\nInit failed, could not perform requested operations\n';

export type CibFileRead =
  | { doc: Document; text: string; diagnostics?: undefined }
  | { doc?: undefined; text?: undefined; diagnostics: Diagnostic[] };

export async function readCibFile(path: string): Promise<CibFileRead> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return failed(NO_FILE, `${path}: no such file`);
    const reason = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    return failed(NOT_A_CIB, `${path}: ${reason}`);
  }
  return parseCibText(text, path);
}

export function parseCibText(text: string, path: string): CibFileRead {
  let doc: Document;
  try {
    doc = parseXml(text);
  } catch (e) {
    const reason = e instanceof XmlParseError ? e.message : String(e);
    return failed(NOT_A_CIB, `${path}: not well-formed XML (${reason.trim()})`);
  }
  const root = doc.documentElement!;
  if (root.tagName !== 'cib') return failed(NOT_A_CIB, `${path}: the root element is <${root.tagName}>, not <cib>`);
  if (!firstChild(root, 'configuration')) return failed(NOT_A_CIB, `${path}: the CIB has no <configuration> element`);
  return { doc, text };
}

function failed(message: string, hint: string): CibFileRead {
  return { diagnostics: [diag('CRM', 'error', message, undefined, hint)] };
}
