/**
 * From a provider's candidates to what the user sees: prefix matches (case-sensitive as readline,
 * else case-insensitive), sorted and de-duplicated; when none, fuzzy matches from fuzzysort,
 * marked `fuzzy` and ranked by score. The common prefix is what one Tab inserts.
 *
 * Split in two so the REPL's keystrokes stay cheap on big CIBs: `prepareOffers` (dedupe, sort)
 * runs once per set of words before the cursor; `matchPrepared` (a filter) runs per keystroke.
 */
import { go } from 'fuzzysort';
import { suggestNames } from '../agents/suggest.js';
import type { Offer } from './provider.js';
import type { Candidate } from './types.js';

export interface Matched {
  candidates: Candidate[];
  common: string;
}

/** Offers de-duplicated and sorted, the fallback-only ones (for fuzzy matching) kept apart. */
export interface PreparedOffers {
  listed: Candidate[];
  /** Offered only to fuzzy matching (`IPad` → `ocf:heartbeat:IPaddr`), never by prefix. */
  fallback: Candidate[];
  /** `listed` texts in lower case, made on the first case-insensitive match. */
  lower?: string[];
}

/** More would make the fuzzy list a wall; readline-style listing is for prefix matches. */
const FUZZY_LIMIT = 30;
/** fuzzysort 4's default threshold (0.5) drops sensible typos like `cidrmask`; 0 keeps noise. */
const FUZZY_THRESHOLD = 0.2;
/** Edit distances cost a table per pair: above this many candidates only fuzzysort runs. */
const TYPO_MAX = 2000;

function byText(a: Candidate, b: Candidate): number {
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

function strip(o: Offer): Candidate {
  if (!o.fallbackOnly) return o;
  const { fallbackOnly: _drop, ...c } = o;
  return c;
}

export function prepareOffers(all: Offer[]): PreparedOffers {
  const listed: Candidate[] = [];
  const fallback: Candidate[] = [];
  for (const o of all) (o.fallbackOnly ? fallback : listed).push(o.fallbackOnly ? strip(o) : o);
  // Big lists arrive as a few sorted runs (the CIB index sorts its ids), which TimSort merges
  // in near-linear time; equal words are then neighbours, so de-duplication needs no Map.
  let sorted = true;
  for (let i = 1; i < listed.length && sorted; i++) sorted = listed[i - 1].text <= listed[i].text;
  if (!sorted) listed.sort(byText);
  const unique: Candidate[] = [];
  for (const c of listed) {
    const prev = unique[unique.length - 1];
    if (prev && prev.text === c.text) {
      // Keep the richer entry (a description, a required mark) when two providers offer one word.
      if (!prev.description && c.description) unique[unique.length - 1] = c;
    } else unique.push(c);
  }
  return { listed: unique, fallback };
}

export function commonPrefix(texts: string[]): string {
  if (texts.length === 0) return '';
  let p = texts[0];
  for (const t of texts) {
    let i = 0;
    while (i < p.length && i < t.length && p[i] === t[i]) i++;
    p = p.slice(0, i);
    if (!p) break;
  }
  return p;
}

export function matchPrepared(prepared: PreparedOffers, partial: string): Matched {
  const { listed } = prepared;
  let hits = partial ? listed.filter((c) => c.text.startsWith(partial)) : listed;
  if (hits.length === 0 && partial) {
    const lower = partial.toLowerCase();
    const texts = (prepared.lower ??= listed.map((c) => c.text.toLowerCase()));
    hits = listed.filter((_, i) => texts[i].startsWith(lower));
  }
  if (hits.length > 0) return { candidates: hits, common: commonPrefix(hits.map((c) => c.text)) };
  if (!partial) return { candidates: [], common: '' };
  const pool = prepared.fallback.length > 0 ? [...listed, ...prepared.fallback] : listed;
  const found = fuzzyMatches(prepared, pool, partial);
  if (found.length > 0) return { candidates: found, common: '' };
  return { candidates: pool.length <= TYPO_MAX ? typoMatches(pool, partial) : [], common: '' };
}

/** `word` (lower case) appears in order in `text`, ignoring ASCII case; no allocation. */
function isSubsequence(word: string, text: string): boolean {
  let i = 0;
  for (let j = 0; j < text.length && i < word.length; j++) {
    let c = text.charCodeAt(j);
    if (c >= 65 && c <= 90) c += 32;
    if (c === word.charCodeAt(i)) i++;
  }
  return i === word.length;
}

/**
 * The last fuzzy search: every candidate whose letters hold the typed ones in order. A longer
 * word can only match a subset of those, so typing on searches the survivors, not the 5,000 ids.
 */
let lastFuzzy: { prepared: PreparedOffers; partial: string; matches: Candidate[] } | null = null;

function fuzzyMatches(prepared: PreparedOffers, pool: Candidate[], partial: string): Candidate[] {
  const narrow = lastFuzzy && lastFuzzy.prepared === prepared && partial.startsWith(lastFuzzy.partial);
  // fuzzysort prepares every target it is given (costly the first time over 5,000 ids): hand it
  // only those holding the typed letters in order, which is all it can match anyway.
  const word = partial.toLowerCase();
  const searched = (narrow ? lastFuzzy!.matches : pool).filter((c) => isSubsequence(word, c.text));
  // fuzzysort returns everything for an empty search (never asked here) and caps at 10 unless
  // told; `threshold: 0` keeps every subsequence match so the narrowing above stays exact.
  const all = go(partial, searched, { key: 'text', limit: 0, threshold: 0 });
  lastFuzzy = { prepared, partial, matches: all.map((r) => r.obj) };
  const shown: Candidate[] = [];
  for (const r of all) {
    if (r.score < FUZZY_THRESHOLD || shown.length >= FUZZY_LIMIT) break; // results come best first
    shown.push({ ...r.obj, fuzzy: true });
  }
  return shown;
}

/** One-shot form: prepare and match. */
export function matchCandidates(all: Offer[], partial: string): Matched {
  return matchPrepared(prepareOffers(all), partial);
}

/** fuzzysort wants the typed letters in order (`cidr_nemtask` misses `cidr_netmask=`): a small
 *  edit distance catches transpositions and slips, on the name without its `=`/`:` tail. */
function typoMatches(all: Candidate[], partial: string): Candidate[] {
  const byName = new Map<string, Candidate>();
  for (const c of all) byName.set(c.text.replace(/[=:]$/, ''), c);
  const word = partial.replace(/[=:]$/, '');
  return suggestNames(word, byName.keys(), 5).map((n) => ({ ...byName.get(n)!, fuzzy: true }));
}
