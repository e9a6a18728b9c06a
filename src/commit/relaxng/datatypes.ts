/**
 * The XML Schema datatypes Pacemaker's schemas use, checked conservatively: a value is accepted
 * only when libxml2 certainly accepts it too (ASCII names, no surrounding whitespace, integers
 * that fit libxml2's limits). Anything else counts as a mismatch, which sends the document to
 * libxml2 for the verdict and its message.
 */
export interface Datatype {
  /** Distinguishes datatypes (with their pattern facet) when patterns are shared. */
  key: string;
  /** ID values must be unique in a document, and IDREF values must name one. */
  idType?: 'ID' | 'IDREF';
  allows(value: string): boolean;
}

const ASCII_NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
const INTEGER = /^[+-]?[0-9]{1,18}$/;
const NON_NEGATIVE = /^\+?[0-9]{1,18}$/;

const builtins: Record<string, (v: string) => boolean> = {
  string: () => true,
  ID: (v) => ASCII_NCNAME.test(v),
  IDREF: (v) => ASCII_NCNAME.test(v),
  boolean: (v) => v === 'true' || v === 'false' || v === '1' || v === '0',
  integer: (v) => INTEGER.test(v),
  nonNegativeInteger: (v) => NON_NEGATIVE.test(v),
  positiveInteger: (v) => NON_NEGATIVE.test(v) && /[1-9]/.test(v),
};

/** The datatype named `type`, with an XSD `pattern` facet when given; undefined if unsupported. */
export function datatype(type: string, pattern?: string): Datatype | undefined {
  const base = builtins[type];
  if (!base) return undefined;
  const idType = type === 'ID' || type === 'IDREF' ? type : undefined;
  if (pattern === undefined) return { key: type, idType, allows: base };
  const facet = xsdPattern(pattern);
  if (!facet) return undefined;
  return { key: `${type}/${pattern}`, idType, allows: (v) => base(v) && facet.test(v) };
}

/**
 * XSD regular expressions are implicitly anchored; the patterns in Pacemaker's schemas use only
 * the syntax JavaScript shares (classes, groups, quantifiers). Anything else is refused here.
 */
function xsdPattern(source: string): RegExp | undefined {
  if (/\\[pPiIcCdDsSwW]|\[[^\]]*-\[/.test(source)) return undefined;
  try {
    return new RegExp(`^(?:${source})$`);
  } catch {
    return undefined;
  }
}

/** Whitespace as XML defines it, collapsed as the `token` type compares values. */
export function collapseWhitespace(v: string): string {
  return v.replace(/[ \t\n\r]+/g, ' ').trim();
}
