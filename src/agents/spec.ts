/**
 * Agent names as users write them: `ocf:heartbeat:IPaddr2`, `stonith:external/ssh`,
 * `lsb:apache2`, or a bare `Dummy` (class ocf, provider chosen as crmsh does).
 */
import type { AgentSpec } from './types.js';

/** Splits `[class:[provider:]]type`; the provider is '' when not written. Null for 4+ parts. */
export function splitAgentSpec(text: string): AgentSpec | null {
  const parts = text.split(':');
  if (parts.length === 3) return { cls: parts[0]!, provider: parts[1]!, type: parts[2]! };
  if (parts.length === 2) return { cls: parts[0]!, provider: '', type: parts[1]! };
  if (parts.length === 1) return { cls: 'ocf', provider: '', type: parts[0]! };
  return null;
}

/** crmsh's provider choice for an ocf agent written without one: heartbeat when it has the
 *  agent (or nobody has), else pacemaker, else the first provider that has it. */
export function pickProvider(providers: string[]): string {
  if (providers.length === 0 || providers.includes('heartbeat')) return 'heartbeat';
  if (providers.includes('pacemaker')) return 'pacemaker';
  return providers[0]!;
}

/** A spec with its provider filled in for ocf (from the providers that have the type). */
export function resolveAgentSpec(
  text: string | AgentSpec,
  providersOf: (type: string) => string[],
): AgentSpec | null {
  const spec = typeof text === 'string' ? splitAgentSpec(text) : text;
  if (!spec) return null;
  if (spec.cls !== 'ocf') return { ...spec, provider: '' };
  if (spec.provider) return spec;
  return { ...spec, provider: pickProvider(providersOf(spec.type)) };
}

/** The label crmsh prints for an agent: `class:provider:type` for ocf, `class:type` otherwise. */
export function agentLabel(spec: AgentSpec): string {
  return spec.cls === 'ocf' ? `${spec.cls}:${spec.provider}:${spec.type}` : `${spec.cls}:${spec.type}`;
}

/** The agent of a CIB `<primitive>`/`<template>` element's attributes. */
export function agentOfAttributes(cls: string | null, provider: string | null, type: string | null): AgentSpec {
  return { cls: cls ?? '', provider: provider ?? '', type: type ?? '' };
}
