/** Agent knowledge behind one interface: bundled data, or Pacemaker's tools through an exec. */
export type { ActionFacts, AgentCatalog, AgentFacts, AgentSpec, ParamFacts } from './types.js';
export { createBundledCatalog } from './bundled-catalog.js';
export { loadCommandCatalog, type CommandCatalog, type CommandCatalogOptions, type Exec, type ExecResult } from './command-catalog.js';
export { AgentCache } from './agent-cache.js';
export { agentLabel, pickProvider, resolveAgentSpec, splitAgentSpec } from './spec.js';
export { didYouMean, editDistance, suggestNames } from './suggest.js';
export { readAgentMetadata, readParameters } from './parse-metadata.js';
export { suggestAgents } from './suggest-agent.js';
export { chooseCatalog, bundledCatalog, type ChooseCatalogOptions, type ChosenCatalog } from './choose-catalog.js';
export { createDirCatalog } from './dir-catalog.js';
export { layerCatalogs } from './layered-catalog.js';
