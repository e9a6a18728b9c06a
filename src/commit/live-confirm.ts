/**
 * Comparing a configuration with what the live CIB holds after a commit. Pacemaker 2.1.5 stores
 * three characters of attribute values its own way (measured with cibadmin on a CIB file and in
 * `cibadmin -Q` output alike): a newline becomes the two characters `\n`, a carriage return
 * `\r`, a tab four spaces. So "the CIB holds what we sent" is checked on that stored form.
 */
import { canonicalConfiguration, type Document } from '../shadow-cib/xml.js';

/** The canonical configuration as Pacemaker will store and return it. */
export function configurationAsStored(cib: Document | string): string {
  return asStored(canonicalConfiguration(cib));
}

/** canonicalConfiguration escapes these three only inside attribute values (xml.ts escapeAttr). */
function asStored(canonical: string): string {
  return canonical.replace(/&#10;/g, '\\n').replace(/&#13;/g, '\\r').replace(/&#9;/g, '    ');
}

/** The CIB holds the intended configuration (as Pacemaker stores it). */
export function holdsConfiguration(live: Document | string, intended: Document | string): boolean {
  return configurationAsStored(live) === configurationAsStored(intended);
}
