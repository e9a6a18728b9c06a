/**
 * The facts tcrm keeps about a resource agent: what crmsh's checks read from the agent's
 * metadata. Prose (longdesc/shortdesc) is not part of the facts; a live source may add it.
 */
export interface ParamFacts {
  name: string;
  /** The `<content type>`: string, integer, boolean, select, … */
  type?: string;
  default?: string;
  /** `<option value>`s of a `select` content. */
  values?: string[];
  required?: boolean;
  unique?: boolean;
  deprecated?: boolean;
  /** The name of the parameter this one replaces (`obsoletes="…"`). */
  obsoletes?: string;
  shortdesc?: string;
  longdesc?: string;
}

export interface ActionFacts {
  name: string;
  timeout?: string;
  interval?: string;
  depth?: string;
  role?: string;
}

export interface AgentFacts {
  params: ParamFacts[];
  actions: ActionFacts[];
  shortdesc?: string;
  longdesc?: string;
}

/** A resolved agent: class, provider (ocf only, else ''), type. */
export interface AgentSpec {
  cls: string;
  provider: string;
  type: string;
}

/** What every source of agent knowledge answers (bundled data, the local machine, a node). */
export interface AgentCatalog {
  has(spec: AgentSpec | string): boolean;
  metadata(spec: AgentSpec | string): AgentFacts | null;
  list(cls: string, provider?: string): string[];
  /** The OCF providers that have an agent of this type. */
  providers(type: string): string[];
  classes(): string[];
  /** All OCF providers. */
  ocfProviders(): string[];
  /** The fencer's own parameters, known to every stonith agent. */
  fencerParams(): ParamFacts[];
}
