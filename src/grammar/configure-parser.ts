/**
 * The configure-object grammar as a Chevrotain CstParser over shell words (one rule per
 * command, run on one logical line with recovery off). crmsh's grammar is decided word by word
 * with regular expressions, so most decisions here are gates on the next word; checks crmsh
 * makes while parsing (roles, kinds, bracket balance, …) are actions that stop the parse with
 * crmsh's own message, so the first error is the one crmsh reports.
 *
 * `maxLookahead: 1`: every decision looks at one word, as crmsh does.
 */
import {
  CstParser,
  MismatchedTokenException,
  tokenMatcher,
  type IParserErrorMessageProvider,
  type IToken,
} from 'chevrotain';
import type { Position } from '../diagnostic.js';
import * as P from './configure-patterns.js';
import { scanResourceSets, type SuffixKind } from './configure-resource-sets.js';
import {
  ACL_SPEC_ATTR,
  ALERT_ARGS,
  BUNDLE_ARGS,
  CONTAINER_ARGS,
  DEFAULT_NV,
  NODE_ARGS,
  OP_LISTS,
  PRIMITIVE_ARGS,
  RECIPIENT_ARGS,
  RECIPIENT_BRACED_ARGS,
  XML_TOP_ELEMENTS,
  agentSpecProblem,
  isAclSpec,
  isEof,
  isKw,
  isNvItem,
  legacySpecKey,
  opItemName,
  quoted,
  startsList,
  type ArgsSpec,
  type NvSpec,
} from './configure-grammar-support.js';
import * as T from './tokens.js';
import type { WordToken } from './tokens.js';

/** What a failed parse knows beyond Chevrotain's exception. */
export interface CrmFailure {
  /** The word crmsh names in `near <…>`; null for none. */
  near: string | null;
  /** Where tcrm points; undefined = the end of the line. */
  at: WordToken | undefined;
  /** `role` / `action` for resource-set errors (crmsh names those contexts). */
  context?: string;
  /** A finer position than the word's start (a bracket glued to a word). */
  pos?: Position;
  /** crmsh's own explanation, printed by crmsh as a separate ERROR line before the syntax error. */
  detail?: string;
}

export type CrmRecognitionException = MismatchedTokenException & { crm?: CrmFailure };

/** Keeps Chevrotain's own texts out of the way: crmsh's messages are given as ERR_MSG. */
const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => `Expected ${expected.name}`,
  buildNotAllInputParsedMessage: () => 'Unknown arguments',
  buildNoViableAltMessage: ({ customUserDescription }) => customUserDescription ?? 'Expected identifier',
  buildEarlyExitMessage: ({ customUserDescription }) => customUserDescription ?? 'Unexpected end of line',
};

export class ConfigureParser extends CstParser {
  /** The words of the line as tokens (for counting what is left). */
  private toks: WordToken[] = [];
  /** 1 when crmsh took the last word off as a tail option (node-attribute=, symmetrical=, loss-policy=). */
  cut = 0;

  constructor(skipValidations: boolean) {
    super(T.allTokenTypes, {
      recoveryEnabled: false,
      maxLookahead: 1,
      nodeLocationTracking: 'onlyOffset',
      skipValidations,
      errorMessageProvider: messages,
    });
    this.performSelfAnalysis();
  }

  load(tokens: WordToken[]): void {
    this.toks = [...tokens];
    this.cut = 0;
    this.input = tokens;
  }

  // ---- helpers used only inside ACTION / GATE -------------------------------------------

  /** Index of the next word (the count of words when at the end). */
  private pos(): number {
    const t = this.LA(1) as WordToken;
    return isEof(t) ? this.toks.length : t.index;
  }

  private remaining(): number {
    return this.toks.length - this.cut - this.pos();
  }

  private atWord(re: RegExp): boolean {
    const t = this.LA(1);
    return !isEof(t) && re.test(t.image);
  }

  /** Stops the parse with crmsh's message. `near` defaults to the next word, as crmsh's err() does. */
  private fail(message: string, at?: IToken, near?: IToken | null, context?: string, detail?: string): never {
    let nearTok = near === undefined ? this.LA(1) : near;
    // A tail option crmsh took off the line is no longer there to be named.
    if (nearTok && !isEof(nearTok) && this.cut && (nearTok as WordToken).index >= this.toks.length - this.cut) nearTok = null;
    const err = new MismatchedTokenException(message, at ?? this.LA(1), this.LA(0)) as CrmRecognitionException;
    err.crm = {
      near: nearTok === null || isEof(nearTok) ? null : nearTok.image,
      at: at && !isEof(at) ? (at as WordToken) : isEof(this.LA(1)) ? undefined : (this.LA(1) as WordToken),
    };
    if (context) err.crm.context = context;
    if (detail) err.crm.detail = detail;
    throw (this as unknown as { SAVE_ERROR(e: Error): Error }).SAVE_ERROR(err);
  }

  /** crmsh's match(rx, errmsg): the word must match, else the error names the word itself. */
  private expect(tok: IToken, re: RegExp, message: string): void {
    if (!re.test(tok.image)) this.fail(message, tok, tok);
  }

  private failAtEnd(message: string): void {
    if (isEof(this.LA(1))) this.fail(message);
  }

  // ---- shared pieces --------------------------------------------------------------------

  private description = this.RULE('description', () => {
    this.OPTION({ GATE: () => this.atWord(P.DESCRIPTION), DEF: () => this.CONSUME(T.Word, { LABEL: 'text' }) });
  });

  /** crmsh's match_nvpairs. */
  private nvpairs = this.RULE('nvpairs', (spec: NvSpec = DEFAULT_NV) => {
    this.MANY({
      GATE: () => isNvItem(this.LA(1), spec),
      DEF: () => {
        const t = this.CONSUME(T.Word, { LABEL: 'item' });
        this.ACTION(() => {
          if (!spec.noEmpty) return;
          const m = P.NVPAIR.exec(t.image);
          if (m && !P.NVPAIR_REF.test(t.image) && !P.NVPAIR_ID.test(t.image) && m[2] === '') {
            this.fail(`Empty value for ${m[1]} is not allowed`, t);
          }
        });
      },
    });
  });

  /** crmsh's match_nvpairs_bykey: `key=value` or `key` with keys from a fixed list. */
  private nvpairsByKey = this.RULE('nvpairsByKey', (keys: readonly string[] = [], min = 0, active = false) => {
    let count = 0;
    const isKey = (t: IToken) => {
      if (isEof(t)) return false;
      const eq = t.image.indexOf('=');
      if (eq < 0) return keys.includes(t.image);
      return keys.some((k) => t.image.startsWith(k + '=')) && t.image.length > eq + 1;
    };
    this.MANY({
      GATE: () => active && isKey(this.LA(1)),
      DEF: () => {
        this.CONSUME(T.Word, { LABEL: 'item' });
        this.ACTION(() => count++);
      },
    });
    this.ACTION(() => {
      if (!active || count >= min) return;
      this.fail(min === 1 ? 'Expected at least one name-value pair' : `Expected at least ${min} name-value pairs`);
    });
  });

  /** The body of an attribute list: $id-ref=X | [$id=X] [score:] {rule} {nvpair}. */
  private listBody = this.RULE('listBody', (spec: ArgsSpec = PRIMITIVE_ARGS) => {
    let idRef = false;
    this.OPTION({
      GATE: () => this.atWord(P.IDSPEC),
      DEF: () => {
        const t = this.CONSUME(T.Word, { LABEL: 'idspec' });
        this.ACTION(() => (idRef = P.IDSPEC.exec(t.image)![1] === '$id-ref'));
      },
    });
    this.OPTION2({ GATE: () => !idRef && this.atWord(P.SCORE), DEF: () => this.CONSUME2(T.Word, { LABEL: 'score' }) });
    this.MANY({ GATE: () => !idRef && tokenMatcher(this.LA(1), T.RuleKw), DEF: () => this.SUBRULE(this.rule, { LABEL: 'rules' }) });
    this.OPTION3({
      GATE: () => !idRef,
      DEF: () => this.SUBRULE(this.nvpairs, { ARGS: [spec.terms ? { terms: spec.terms, keyOnly: true } : DEFAULT_NV], LABEL: 'nvs' }),
    });
  });

  /** An attribute list led by its keyword (`params …`, `meta …`). */
  private namedList = this.RULE('namedList', (spec: ArgsSpec = PRIMITIVE_ARGS) => {
    this.CONSUME(T.Word, { LABEL: 'kw' });
    this.SUBRULE(this.listBody, { ARGS: [spec], LABEL: 'body' });
  });

  /** The first list when its keyword is left out (`primitive p Dummy ip=…`). */
  private implicitList = this.RULE('implicitList', (spec: ArgsSpec = PRIMITIVE_ARGS) => {
    this.SUBRULE(this.listBody, { ARGS: [spec], LABEL: 'body' });
  });

  /** crmsh's match_attr_lists: a first list (maybe implicit), then more keyword-led lists. */
  private attrLists = this.RULE('attrLists', (spec: ArgsSpec = PRIMITIVE_ARGS, implicitAllowed = false) => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => startsList(this.LA(1), spec.sets), ALT: () => this.SUBRULE(this.namedList, { ARGS: [spec], LABEL: 'lists' }) },
        {
          GATE: () => implicitAllowed && spec.implicit !== undefined && !isEof(this.LA(1)),
          ALT: () => this.SUBRULE(this.implicitList, { ARGS: [spec], LABEL: 'lists' }),
        },
        { ALT: () => this.ACTION(() => undefined) },
      ],
    });
    this.MANY({
      GATE: () => startsList(this.LA(1), spec.sets),
      DEF: () => this.SUBRULE2(this.namedList, { ARGS: [spec], LABEL: 'lists' }),
    });
  });

  /** crmsh's match_arguments: attribute lists, operations, bundle parts, in any order. */
  private args = this.RULE('args', (spec: ArgsSpec = PRIMITIVE_ARGS) => {
    // crmsh's first round: a word that is not a keyword starts the implicit first list.
    this.OPTION({
      GATE: () => !isEof(this.LA(1)) && !isKw(this.LA(1), spec.names),
      DEF: () => this.SUBRULE(this.attrLists, { ARGS: [spec, true], LABEL: 'attrLists' }),
    });
    this.MANY({
      GATE: () => isKw(this.LA(1), spec.names) || startsList(this.LA(1), spec.sets),
      DEF: () => {
        this.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            {
              GATE: () => spec.ops === true && isKw(this.LA(1), ['operations', 'op']),
              ALT: () => this.SUBRULE(this.operations, { LABEL: 'operations' }),
            },
            {
              GATE: () => spec.containers !== undefined && isKw(this.LA(1), spec.containers),
              ALT: () => this.SUBRULE(this.container, { LABEL: 'containers' }),
            },
            { ALT: () => this.SUBRULE(this.namedList, { ARGS: [spec], LABEL: 'lists' }) },
          ],
        });
      },
    });
  });

  /** Only keyword-led lists (alert: `attributes …` / `meta …`). */
  private namedLists = this.RULE('namedLists', (spec: ArgsSpec = ALERT_ARGS) => {
    this.AT_LEAST_ONE({
      GATE: () => isKw(this.LA(1), spec.names),
      DEF: () => this.SUBRULE(this.namedList, { ARGS: [spec], LABEL: 'lists' }),
    });
  });

  private operations = this.RULE('operations', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => isKw(this.LA(1), ['operations']),
          ALT: () => {
            this.CONSUME(T.Word, { LABEL: 'kw' });
            const t = this.CONSUME2(T.Word, { LABEL: 'idspec', ERR_MSG: 'Expected $id-ref=<id> or $id=<id>' });
            this.ACTION(() => this.expect(t, P.IDSPEC, 'Expected $id-ref=<id> or $id=<id>'));
            this.MANY({ GATE: () => isKw(this.LA(1), ['op']), DEF: () => this.SUBRULE(this.op, { LABEL: 'ops' }) });
          },
        },
        {
          ALT: () =>
            this.AT_LEAST_ONE({ GATE: () => isKw(this.LA(1), ['op']), DEF: () => this.SUBRULE2(this.op, { LABEL: 'ops' }) }),
        },
      ],
    });
  });

  private op = this.RULE('op', () => {
    this.CONSUME(T.Word, { LABEL: 'kw' });
    const name = this.CONSUME2(T.Word, { LABEL: 'name', ERR_MSG: 'Expected identifier' });
    this.ACTION(() => this.expect(name, P.IDENT, 'Expected identifier'));
    const attrs = this.SUBRULE(this.nvpairs, { ARGS: [DEFAULT_NV], LABEL: 'attrs' });
    this.ACTION(() => this.checkOpAttributeOrder(attrs.children.item as IToken[] | undefined));
    this.SUBRULE(this.attrLists, { ARGS: [OP_LISTS, true], LABEL: 'attrLists' });
  });

  private checkOpAttributeOrder(items: IToken[] | undefined): void {
    const names = (items ?? []).map((t) => opItemName(t.image));
    if (!names.includes('interval')) names.push('interval');
    let instance = false;
    for (const n of names) {
      if ((P.OP_ATTRIBUTES as readonly string[]).includes(n)) {
        if (instance) this.fail(`Attribute order error: ${n} must appear before any instance attribute`);
      } else {
        instance = true;
      }
    }
  }

  /** Bundle parts: docker/rkt/network/port-mapping/storage with their pairs, or `primitive <id>`. */
  private container = this.RULE('container', () => {
    const kw = this.CONSUME(T.Word, { LABEL: 'kw' });
    const attrs = this.SUBRULE(this.nvpairs, {
      ARGS: [{ terms: ['network', 'storage', 'meta', 'primitive'], keyOnly: true }],
      LABEL: 'attrs',
    });
    this.ACTION(() => {
      if (kw.image.toLowerCase() !== 'primitive') return;
      const items = (attrs.children.item as IToken[] | undefined) ?? [];
      if (items.length === 1 && !items[0].image.includes('=')) return;
      const got = items.map((t) => {
        const eq = t.image.indexOf('=');
        return eq < 0 ? `${t.image}=` : t.image;
      });
      this.fail(`Expected primitive reference, got ${got.join(', ')}`);
    });
  });

  /** A rule: `rule [$id=X | $id-ref=X] [$role=R] [score:] expression`. */
  private rule = this.RULE('rule', () => {
    let idRef = false;
    this.CONSUME(T.RuleKw, { LABEL: 'kw' });
    this.OPTION({
      GATE: () => this.atWord(P.IDSPEC),
      DEF: () => {
        const t = this.CONSUME(T.Word, { LABEL: 'idspec' });
        this.ACTION(() => (idRef = P.IDSPEC.exec(t.image)![1].slice(1) === 'id-ref'));
      },
    });
    this.OPTION2({ GATE: () => this.atWord(P.ROLE_ASSIGN), DEF: () => this.CONSUME2(T.Word, { LABEL: 'role' }) });
    this.OPTION3({ GATE: () => !idRef && this.atWord(P.SCORE), DEF: () => this.CONSUME3(T.Word, { LABEL: 'score' }) });
    this.ACTION(() => {
      if (!idRef) this.failAtEnd('Expected identifier');
    });
    this.OPTION4({
      GATE: () => !idRef,
      DEF: () => {
        let boolOp: string | undefined;
        this.SUBRULE(this.simpleExpr, { LABEL: 'exprs' });
        this.MANY({
          GATE: () => this.atWord(P.BOOLOP) && !quoted(this.LA(1)),
          DEF: () => {
            const op = this.CONSUME4(T.Word, { LABEL: 'boolOp' });
            this.ACTION(() => {
              if (boolOp !== undefined && boolOp !== op.image) {
                this.fail(`Mixing bool ops not allowed: ${boolOp} != ${op.image}`, op);
              }
              boolOp = op.image;
            });
            this.SUBRULE2(this.simpleExpr, { LABEL: 'exprs' });
          },
        });
      },
    });
  });

  private simpleExpr = this.RULE('simpleExpr', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      ERR_MSG: 'Expected identifier',
      DEF: [
        { GATE: () => tokenMatcher(this.LA(1), T.DateKw), ALT: () => this.SUBRULE(this.dateExpr, { LABEL: 'date' }) },
        {
          GATE: () => tokenMatcher(this.LA(1), T.UnaryOp),
          ALT: () => {
            this.CONSUME(T.Word, { LABEL: 'unary' });
            const a = this.CONSUME2(T.Word, { LABEL: 'attr', ERR_MSG: 'Expected identifier' });
            this.ACTION(() => this.expect(a, P.IDENT, 'Expected identifier'));
          },
        },
        {
          ALT: () => {
            const a = this.CONSUME3(T.Word, { LABEL: 'attr' });
            this.ACTION(() => this.expect(a, P.IDENT, 'Expected identifier'));
            const op = this.CONSUME4(T.Word, { LABEL: 'op', ERR_MSG: `Expected ${P.BINOP_TEXT}` });
            this.ACTION(() => this.expect(op, P.BINOP, `Expected ${P.BINOP_TEXT}`));
            this.CONSUME5(T.Word, { LABEL: 'value', ERR_MSG: 'Unexpected end of line' });
          },
        },
      ],
    });
  });

  private dateExpr = this.RULE('dateExpr', () => {
    this.CONSUME(T.DateKw, { LABEL: 'kw' });
    const opMsg = `Expected ${P.DATE_OPS_TEXT}`;
    const op = this.CONSUME2(T.Word, { LABEL: 'op', ERR_MSG: opMsg });
    let kind = 'none' as 'simple' | 'range' | 'spec' | 'none';
    this.ACTION(() => {
      this.expect(op, P.DATE_OP, opMsg);
      const o = op.image;
      if (['lt', 'gt'].includes(o.toLowerCase())) kind = 'simple';
      else if (o === 'in_range' || o === 'in') kind = 'range';
      else if (o === 'date_spec' || o === 'spec') kind = 'spec';
      else this.fail(`Unknown date operation '${o}', please upgrade crmsh`);
      if (kind === 'simple') this.failAtEnd('Unexpected end of line');
    });
    this.OPTION({ GATE: () => kind === 'simple', DEF: () => this.CONSUME3(T.Word, { LABEL: 'value' }) });
    this.SUBRULE(this.nvpairsByKey, { ARGS: [P.IN_RANGE_NAMES, 2, kind === 'range'], LABEL: 'range' });
    this.SUBRULE2(this.nvpairsByKey, { ARGS: [P.DATE_SPEC_NAMES, 1, kind === 'spec'], LABEL: 'spec' });
  });

  // ---- commands -------------------------------------------------------------------------

  node = this.RULE('node', () => {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    this.OPTION({
      GATE: () => this.atWord(P.ID_ASSIGN) || this.atWord(P.ID_NEW),
      DEF: () => this.CONSUME2(T.Word, { LABEL: 'nodeId' }),
    });
    const u = this.CONSUME3(T.Word, { LABEL: 'uname', ERR_MSG: 'Expected uname[:type]' });
    this.ACTION(() => {
      // crmsh 4.4.1 takes `$id-ref=1` for the node's name and builds an invalid id from it;
      // a node cannot refer to another, so say so here.
      if (u.image.startsWith('$id-ref=')) this.fail('a node has no $id-ref (use $id=ID or ID: before the name)', u, u);
      else this.expect(u, P.UNAME, 'Expected uname[:type]');
    });
    this.SUBRULE(this.description, { LABEL: 'description' });
    this.SUBRULE(this.args, { ARGS: [NODE_ARGS], LABEL: 'args' });
  });

  private primitiveLike(template: boolean): void {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    const id = this.CONSUME2(T.Word, { LABEL: 'id', ERR_MSG: 'Expected identifier' });
    this.ACTION(() => this.expect(id, P.IDENT, 'Expected identifier'));
    this.OR({
      IGNORE_AMBIGUITIES: true,
      ERR_MSG: 'Expected resource type',
      DEF: [
        { GATE: () => !template && this.atWord(P.TEMPLATE_REF), ALT: () => this.CONSUME3(T.Word, { LABEL: 'template' }) },
        {
          ALT: () => {
            const a = this.CONSUME4(T.Word, { LABEL: 'agent' });
            this.ACTION(() => {
              const problem = agentSpecProblem(a.image);
              if (problem) this.fail('Unknown resource type', a, a, undefined, problem);
            });
          },
        },
      ],
    });
    this.SUBRULE(this.description, { LABEL: 'description' });
    this.SUBRULE(this.args, { ARGS: [PRIMITIVE_ARGS], LABEL: 'args' });
  }

  primitive = this.RULE('primitive', () => this.primitiveLike(false));
  rsc_template = this.RULE('rsc_template', () => this.primitiveLike(true));

  monitor = this.RULE('monitor', () => {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    const r = this.CONSUME2(T.Word, { LABEL: 'rsc', ERR_MSG: 'Expected value[:value]' });
    this.ACTION(() => {
      const sp = P.splitValue(r.image);
      if (!sp) return this.fail('Expected value[:value]', r, r);
      const [rsc, role] = sp;
      if (role && !P.canonize(role, P.ROLES) && !/^\d+$/.test(role)) {
        this.fail(`Invalid role '${role}' for resource '${rsc}'`, r);
      }
    });
    const i = this.CONSUME3(T.Word, { LABEL: 'interval', ERR_MSG: 'Expected value[:value]' });
    this.ACTION(() => {
      if (!P.splitValue(i.image)) this.fail('Expected value[:value]', i, i);
    });
  });

  group = this.RULE('group', () => {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    const id = this.CONSUME2(T.Word, { LABEL: 'id', ERR_MSG: 'Expected identifier' });
    this.ACTION(() => this.expect(id, P.IDENT, 'Expected identifier'));
    const seen: string[] = [];
    this.MANY({
      GATE: () => !isEof(this.LA(1)) && !this.LA(1).image.includes('=') && !isKw(this.LA(1), ['params', 'meta']),
      DEF: () => {
        const c = this.CONSUME3(T.Word, { LABEL: 'children' });
        this.ACTION(() => {
          if (seen.includes(c.image)) this.fail(`child ${c.image} listed more than once in group ${id.image}`, c);
          seen.push(c.image);
        });
      },
    });
    this.SUBRULE(this.description, { LABEL: 'description' });
    this.SUBRULE(this.args, { ARGS: [CONTAINER_ARGS], LABEL: 'args' });
  });

  private cloneLike(): void {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    const id = this.CONSUME2(T.Word, { LABEL: 'id', ERR_MSG: 'Expected identifier' });
    this.ACTION(() => this.expect(id, P.IDENT, 'Expected identifier'));
    const c = this.CONSUME3(T.Word, { LABEL: 'children', ERR_MSG: 'Expected resource' });
    this.ACTION(() => this.expect(c, P.RESOURCE, 'Expected resource'));
    this.SUBRULE(this.description, { LABEL: 'description' });
    this.SUBRULE(this.args, { ARGS: [CONTAINER_ARGS], LABEL: 'args' });
  }

  clone = this.RULE('clone', () => this.cloneLike());
  ms = this.RULE('ms', () => this.cloneLike());

  bundle = this.RULE('bundle', () => {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    const id = this.CONSUME2(T.Word, { LABEL: 'id', ERR_MSG: 'Expected identifier' });
    this.ACTION(() => this.expect(id, P.IDENT, 'Expected identifier'));
    this.SUBRULE(this.description, { LABEL: 'description' });
    this.SUBRULE(this.args, { ARGS: [BUNDLE_ARGS], LABEL: 'args' });
  });

  location = this.RULE('location', () => {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    const id = this.CONSUME2(T.Word, { LABEL: 'id', ERR_MSG: 'Expected identifier' });
    this.ACTION(() => this.expect(id, P.IDENT, 'Expected identifier'));
    this.OR({
      IGNORE_AMBIGUITIES: true,
      ERR_MSG: 'Expected resource',
      DEF: [
        { GATE: () => this.atWord(P.RSC_PATTERN), ALT: () => this.CONSUME3(T.Word, { LABEL: 'pattern' }) },
        {
          GATE: () => tokenMatcher(this.LA(1), T.LBrace),
          ALT: () => {
            this.CONSUME(T.LBrace, { LABEL: 'lbrace' });
            const set: WordToken[] = [];
            this.MANY({
              GATE: () => !isEof(this.LA(1)) && !tokenMatcher(this.LA(1), T.RBrace),
              DEF: () => {
                const w = this.CONSUME4(T.Word, { LABEL: 'setWords' });
                this.ACTION(() => set.push(w as WordToken));
              },
            });
            this.CONSUME(T.RBrace, { LABEL: 'rbrace', ERR_MSG: 'Expected }' });
            this.ACTION(() => {
              if (set.length === 0) this.fail('Empty resource set');
              this.checkSets(set, 'role');
            });
          },
        },
        {
          ALT: () => {
            const r = this.CONSUME5(T.Word, { LABEL: 'rsc' });
            this.ACTION(() => this.expect(r, P.RESOURCE, 'Expected resource'));
          },
        },
      ],
    });
    let role = false;
    this.MANY2({
      GATE: () => this.atWord(P.LOCATION_ATTR),
      DEF: () => {
        const a = this.CONSUME6(T.Word, { LABEL: 'attrs' });
        this.ACTION(() => {
          if (P.LOCATION_ATTR.exec(a.image)![1] === 'role') role = true;
        });
      },
    });
    let scored = false;
    this.OPTION({
      GATE: () => this.atWord(P.SCORE),
      DEF: () => {
        this.CONSUME7(T.Word, { LABEL: 'score' });
        this.ACTION(() => (scored = true));
        const n = this.CONSUME8(T.Word, { LABEL: 'node', ERR_MSG: 'Expected identifier' });
        this.ACTION(() => this.expect(n, P.IDENT, 'Expected identifier'));
        this.OPTION2({
          GATE: () => !role && (this.atWord(P.ROLE_ASSIGN) || this.atWord(P.ROLE_PLAIN)),
          DEF: () => this.CONSUME9(T.Word, { LABEL: 'attrs' }),
        });
      },
    });
    let rules = 0;
    this.MANY3({
      GATE: () => !scored && tokenMatcher(this.LA(1), T.RuleKw),
      DEF: () => {
        this.SUBRULE(this.rule, { LABEL: 'rules' });
        this.ACTION(() => rules++);
      },
    });
    this.ACTION(() => {
      if (!scored && rules === 0) this.fail('expected <score>: <node> or <rule> [<rule> ...]');
    });
  });

  private checkSets(words: WordToken[], kind: SuffixKind): void {
    const { error } = scanResourceSets(words, kind);
    if (!error) return;
    const err = new MismatchedTokenException(error.message, error.at.token, this.LA(0)) as CrmRecognitionException;
    err.crm = { near: error.near ? error.near.text : null, at: error.at.token, context: kind, pos: error.at.at };
    throw (this as unknown as { SAVE_ERROR(e: Error): Error }).SAVE_ERROR(err);
  }

  /** crmsh's try_match_tail: the last word may be a trailing option, taken off before the refs. */
  private takeTail(re: RegExp): void {
    const last = this.toks[this.toks.length - 1];
    if (last && last.index >= this.pos() && re.test(last.image)) this.cut = 1;
  }

  /** The reference list of colocation / order / rsc_ticket (simple form or resource sets). */
  private rscRefs = this.RULE('rscRefs', (kind: SuffixKind = 'role', simpleCount = 2) => {
    let simple = false;
    this.ACTION(() => (simple = this.remaining() === simpleCount));
    this.OPTION({
      GATE: () => simple,
      DEF: () => {
        this.SUBRULE(this.simpleRef, { ARGS: [kind], LABEL: 'refs' });
        this.OPTION2({ GATE: () => simpleCount === 2, DEF: () => this.SUBRULE2(this.simpleRef, { ARGS: [kind], LABEL: 'refs' }) });
      },
    });
    const set: WordToken[] = [];
    this.MANY({
      GATE: () => !simple && this.remaining() > 0,
      DEF: () => {
        const w = this.CONSUME(T.Word, { LABEL: 'setWords' });
        this.ACTION(() => set.push(w as WordToken));
      },
    });
    this.ACTION(() => {
      if (simple) return;
      if (set.length === 0) {
        const one = `<rsc>[:<${kind}>]`;
        this.fail(`Expected ${Array(simpleCount).fill(one).join(' ')} | resource_sets`);
      }
      this.checkSets(set, kind);
    });
  });

  private simpleRef = this.RULE('simpleRef', (kind: SuffixKind = 'role') => {
    const r = this.CONSUME(T.Word, { LABEL: 'ref', ERR_MSG: 'Expected value[:value]' });
    this.ACTION(() => {
      const sp = P.splitValue(r.image);
      if (!sp) return this.fail('Expected value[:value]', r, r);
      const [rsc, suffix] = sp;
      if (!suffix || /^\d+$/.test(suffix)) return;
      const list = kind === 'role' ? P.ROLES : P.ACTIONS;
      if (!P.canonize(suffix, list)) this.fail(`Invalid ${kind} '${suffix}' for '${rsc}'`, r);
    });
  });

  private tail = this.RULE('tail', () => {
    this.OPTION({ GATE: () => this.cut === 1 && !isEof(this.LA(1)), DEF: () => this.CONSUME(T.Word, { LABEL: 'word' }) });
  });

  colocation = this.RULE('colocation', () => {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    const id = this.CONSUME2(T.Word, { LABEL: 'id', ERR_MSG: 'Expected identifier' });
    this.ACTION(() => this.expect(id, P.IDENT, 'Expected identifier'));
    const s = this.CONSUME3(T.Word, { LABEL: 'score', ERR_MSG: 'Expected <score>:' });
    this.ACTION(() => {
      this.expect(s, P.SCORE, 'Expected <score>:');
      this.takeTail(P.NODE_ATTRIBUTE_TAIL);
    });
    this.SUBRULE(this.rscRefs, { ARGS: ['role', 2], LABEL: 'refs' });
    this.SUBRULE(this.tail, { LABEL: 'tail' });
  });

  order = this.RULE('order', () => {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    const id = this.CONSUME2(T.Word, { LABEL: 'id', ERR_MSG: 'Expected identifier' });
    this.ACTION(() => this.expect(id, P.IDENT, 'Expected identifier'));
    this.OPTION({
      GATE: () => this.atWord(P.SCORE),
      DEF: () => {
        const k = this.CONSUME3(T.Word, { LABEL: 'kind' });
        this.ACTION(() => {
          if (P.ORDER_KIND.test(k.image)) return;
          const score = P.SCORE.exec(k.image)![1];
          if (!P.NUMERIC_SCORE.test(score)) this.fail(`Invalid kind: ${score}`, k);
        });
      },
    });
    this.ACTION(() => this.takeTail(P.SYMMETRICAL_TAIL));
    this.SUBRULE(this.rscRefs, { ARGS: ['action', 2], LABEL: 'refs' });
    this.SUBRULE(this.tail, { LABEL: 'tail' });
  });

  rsc_ticket = this.RULE('rsc_ticket', () => {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    const id = this.CONSUME2(T.Word, { LABEL: 'id', ERR_MSG: 'Expected identifier' });
    this.ACTION(() => this.expect(id, P.IDENT, 'Expected identifier'));
    const t = this.CONSUME3(T.Word, { LABEL: 'ticket', ERR_MSG: 'Expected <ticket-id>:' });
    this.ACTION(() => {
      this.expect(t, P.SCORE, 'Expected <ticket-id>:');
      this.takeTail(P.LOSS_POLICY_TAIL);
    });
    this.SUBRULE(this.rscRefs, { ARGS: ['role', 1], LABEL: 'refs' });
    this.SUBRULE(this.tail, { LABEL: 'tail' });
  });

  private propertyLike(): void {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    this.OPTION({
      GATE: () => this.atWord(P.ID_ASSIGN) || this.atWord(P.ID_NEW) || this.atWord(P.IDSPEC),
      DEF: () => this.CONSUME2(T.Word, { LABEL: 'setId' }),
    });
    this.MANY({ GATE: () => tokenMatcher(this.LA(1), T.RuleKw), DEF: () => this.SUBRULE(this.rule, { LABEL: 'rules' }) });
  }

  /**
   * `fromShell`: a command typed at the shell (crmsh's ignore_empty=False) takes only
   * `name=value` pairs, rejects an empty value and stops at nothing; text fed to load/edit takes
   * nvpairs as attribute lists do (bare names allowed, keywords end the list).
   */
  private propertyPairs(fromShell: boolean): void {
    this.OPTION9({
      GATE: () => fromShell,
      DEF: () => this.SUBRULE8(this.nvpairs, { ARGS: [{ terms: [], keyOnly: false, noEmpty: true }], LABEL: 'nvs' }),
    });
    this.OPTION8({ GATE: () => !fromShell, DEF: () => this.SUBRULE9(this.nvpairs, { ARGS: [DEFAULT_NV], LABEL: 'nvs' }) });
  }

  property = this.RULE('property', (fromShell = true) => {
    this.propertyLike();
    this.propertyPairs(fromShell);
  });
  rsc_defaults = this.RULE('rsc_defaults', (fromShell = true) => {
    this.propertyLike();
    this.propertyPairs(fromShell);
  });
  op_defaults = this.RULE('op_defaults', (fromShell = true) => {
    this.propertyLike();
    this.propertyPairs(fromShell);
  });

  fencing_topology = this.RULE('fencing_topology', () => {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    this.MANY(() => this.CONSUME2(T.Word, { LABEL: 'items' }));
  });

  tag = this.RULE('tag', () => {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    const t = this.CONSUME2(T.Word, { LABEL: 'id', ERR_MSG: 'Expected tag name' });
    this.ACTION(() => this.expect(t, P.TAG_NAME, 'Expected tag name'));
    this.MANY(() => {
      const r = this.CONSUME3(T.Word, { LABEL: 'refs' });
      this.ACTION(() => this.expect(r, P.RESOURCE, 'Expected resource'));
    });
  });

  private permission = this.RULE('permission', () => {
    const right = this.CONSUME(T.Word, { LABEL: 'right', ERR_MSG: 'Expected (read|write|deny)' });
    this.ACTION(() => this.expect(right, P.ACL_RIGHT, 'Expected (read|write|deny)'));
    this.OPTION({
      GATE: () => this.atWord(P.ID_ASSIGN) || this.atWord(P.ID_NEW),
      DEF: () => this.CONSUME2(T.Word, { LABEL: 'permId' }),
    });
    this.SUBRULE(this.description, { LABEL: 'description' });
    const seen = new Set<string>();
    this.MANY({
      GATE: () => !isEof(this.LA(1)) && isAclSpec(this.LA(1).image),
      DEF: () => {
        const s = this.CONSUME3(T.Word, { LABEL: 'specs' });
        this.ACTION(() => {
          const m = /^([^:]+)(?::(.+))?$/s.exec(s.image);
          if (!m) return this.fail('Expected <type>:<spec>', s, s);
          const [, key, value] = m;
          const shortcut = P.ACL_SHORTCUTS[key];
          if (shortcut) {
            if (value === undefined && shortcut.needsArg) this.fail(`Missing argument to ACL shortcut ${key}`, s);
            seen.add('xpath');
          } else if (value === undefined) {
            this.fail('Expected <type>:<spec>', s);
          } else {
            seen.add(ACL_SPEC_ATTR[key]);
          }
        });
      },
    });
    this.ACTION(() => {
      if (seen.has('attribute') && !seen.has('object-type')) {
        this.fail('attribute is only valid in combination with tag/object-type');
      }
    });
  });

  role = this.RULE('role', () => {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    const id = this.CONSUME2(T.Word, { LABEL: 'id', ERR_MSG: 'Expected identifier' });
    this.ACTION(() => this.expect(id, P.IDENT, 'Expected identifier'));
    this.SUBRULE(this.description, { LABEL: 'description' });
    this.MANY(() => this.SUBRULE(this.permission, { LABEL: 'permissions' }));
  });

  acl_target = this.RULE('acl_target', () => {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    const id = this.CONSUME2(T.Word, { LABEL: 'id', ERR_MSG: 'Expected identifier' });
    this.ACTION(() => this.expect(id, P.IDENT, 'Expected identifier'));
    this.MANY(() => {
      const r = this.CONSUME3(T.Word, { LABEL: 'roles' });
      this.ACTION(() => this.expect(r, P.IDENT, 'Expected identifier'));
    });
  });

  private legacyRule = this.RULE('legacyRule', () => {
    const right = this.CONSUME(T.Word, { LABEL: 'right', ERR_MSG: 'Expected (read|write|deny)' });
    this.ACTION(() => this.expect(right, P.ACL_RIGHT, 'Expected (read|write|deny)'));
    const eligible: string[] = [...P.LEGACY_ACL_SPEC_KEYS];
    let done = false;
    this.MANY({
      GATE: () => !done && !isEof(this.LA(1)) && legacySpecKey(this.LA(1).image, eligible) !== undefined,
      DEF: () => {
        const s = this.CONSUME2(T.Word, { LABEL: 'specs' });
        this.ACTION(() => {
          const key = legacySpecKey(s.image, eligible)!;
          eligible.splice(eligible.indexOf(key), 1);
          if (key === 'xpath') {
            for (const k of ['ref', 'tag']) if (eligible.includes(k)) eligible.splice(eligible.indexOf(k), 1);
          } else if (key === 'ref' || key === 'tag') {
            if (eligible.includes('xpath')) eligible.splice(eligible.indexOf('xpath'), 1);
          } else {
            done = true;
          }
        });
      },
    });
  });

  user = this.RULE('user', () => {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    const id = this.CONSUME2(T.Word, { LABEL: 'id', ERR_MSG: 'Expected identifier' });
    this.ACTION(() => this.expect(id, P.IDENT, 'Expected identifier'));
    this.MANY(() => {
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { GATE: () => this.atWord(P.ROLE_REF), ALT: () => this.CONSUME3(T.Word, { LABEL: 'roles' }) },
          { ALT: () => this.SUBRULE(this.legacyRule, { LABEL: 'permissions' }) },
        ],
      });
    });
  });

  xml = this.RULE('xml', () => {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    const parts: IToken[] = [];
    this.MANY(() => {
      const t = this.CONSUME2(T.Word, { LABEL: 'parts' });
      this.ACTION(() => parts.push(t));
    });
    this.ACTION(() => {
      // Well-formedness is the lowering step's (it parses the XML); crmsh's check of the
      // element name is syntactic and belongs here.
      const m = /^\s*<([^\s/>!?]+)/.exec(parts.map((t) => t.image).join(' '));
      if (m && !XML_TOP_ELEMENTS.includes(m[1])) this.fail(`Element ${m[1]} not recognized`, parts[0], null);
    });
  });

  private select = this.RULE('select', () => {
    this.CONSUME(T.Word, { LABEL: 'kw' });
    this.MANY({
      GATE: () => {
        const t = this.LA(1);
        if (isEof(t) || !['nodes', 'fencing', 'resources', 'attributes'].includes(t.image)) return false;
        return t.image !== 'attributes' || this.LA(2).image === '{';
      },
      DEF: () => {
        const s = this.CONSUME2(T.Word, { LABEL: 'kinds' });
        this.OPTION({
          GATE: () => s.image === 'attributes',
          DEF: () => {
            this.CONSUME3(T.Word, { LABEL: 'lbrace' });
            this.MANY2({
              GATE: () => !isEof(this.LA(1)) && this.LA(1).image !== '}',
              DEF: () => {
                const a = this.CONSUME4(T.Word, { LABEL: 'attrs' });
                this.ACTION(() => this.expect(a, P.IDENT, 'Expected identifier'));
              },
            });
            this.ACTION(() => this.failAtEnd('Expected identifier'));
            this.CONSUME5(T.Word, { LABEL: 'rbrace' });
          },
        });
      },
    });
  });

  private recipient = this.RULE('recipient', () => {
    const to = this.CONSUME(T.Word, { LABEL: 'kw', ERR_MSG: 'Expected to' });
    this.ACTION(() => this.expect(to, /^to$/i, 'Expected to'));
    let braced = false;
    this.OPTION({
      GATE: () => this.LA(1).image === '{',
      DEF: () => {
        this.CONSUME2(T.Word, { LABEL: 'lbrace' });
        this.ACTION(() => (braced = true));
      },
    });
    this.CONSUME3(T.Word, { LABEL: 'path', ERR_MSG: 'Unexpected end of line' });
    this.SUBRULE(this.description, { LABEL: 'description' });
    this.OPTION2({ GATE: () => !braced, DEF: () => this.SUBRULE(this.args, { ARGS: [RECIPIENT_ARGS], LABEL: 'args' }) });
    this.OPTION3({ GATE: () => braced, DEF: () => this.SUBRULE2(this.args, { ARGS: [RECIPIENT_BRACED_ARGS], LABEL: 'args' }) });
    this.ACTION(() => {
      if (braced && this.LA(1).image !== '}') this.fail('Expected }');
    });
    this.OPTION4({ GATE: () => braced, DEF: () => this.CONSUME4(T.Word, { LABEL: 'rbrace' }) });
  });

  alert = this.RULE('alert', () => {
    this.CONSUME(T.Word, { LABEL: 'cmd' });
    const id = this.CONSUME2(T.Word, { LABEL: 'id', ERR_MSG: 'Expected identifier' });
    this.ACTION(() => this.expect(id, P.IDENT, 'Expected identifier'));
    this.CONSUME3(T.Word, { LABEL: 'path', ERR_MSG: 'Expected path' });
    this.SUBRULE(this.description, { LABEL: 'description' });
    this.MANY(() => {
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          {
            GATE: () => ['attributes', 'meta'].includes(this.LA(1).image) && !quoted(this.LA(1)),
            ALT: () => this.SUBRULE(this.namedLists, { ARGS: [ALERT_ARGS], LABEL: 'args' }),
          },
          { GATE: () => this.LA(1).image === 'select' && !quoted(this.LA(1)), ALT: () => this.SUBRULE(this.select, { LABEL: 'select' }) },
          { ALT: () => this.SUBRULE(this.recipient, { LABEL: 'recipients' }) },
        ],
      });
    });
  });
}

let shared: ConfigureParser | undefined;

/** The parser, built once on first use (building takes tens of milliseconds). */
export function configureParser(): ConfigureParser {
  shared ??= new ConfigureParser(true);
  return shared;
}

