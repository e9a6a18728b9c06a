/** Small CIB documents for the commit tests, built like the oracle's base CIB. */
import { parseXml, type Document } from '../../src/shadow-cib/xml.js';

export interface CibParts {
  validateWith?: string;
  epoch?: number;
  props?: Record<string, string>;
  resources?: string;
  constraints?: string;
  extra?: string;
  rscDefaults?: Record<string, string>;
  nodes?: string[];
  /** More cluster_property_set elements, after cib-bootstrap-options. */
  propertySets?: string;
}

export function cibXml(p: CibParts = {}): string {
  const props = Object.entries(p.props ?? {})
    .map(([name, value]) => `        <nvpair id="cib-bootstrap-options-${name}" name="${name}" value="${value}"/>`)
    .join('\n');
  const bootstrap = props ? `      <cluster_property_set id="cib-bootstrap-options">\n${props}\n      </cluster_property_set>\n` : '';
  const crmConfig =
    bootstrap || p.propertySets ? `    <crm_config>\n${bootstrap}${p.propertySets ?? ''}    </crm_config>` : '    <crm_config/>';
  const nodes = (p.nodes ?? ['Lubuntu', 'Lubuntu1']).map((n, i) => `      <node id="${i + 1}" uname="${n}"/>`).join('\n');
  const defaults = p.rscDefaults
    ? `    <rsc_defaults>\n      <meta_attributes id="rsc-options">\n${Object.entries(p.rscDefaults)
        .map(([n, v]) => `        <nvpair id="rsc-options-${n}" name="${n}" value="${v}"/>`)
        .join('\n')}\n      </meta_attributes>\n    </rsc_defaults>\n`
    : '';
  return `<cib crm_feature_set="3.16.1" validate-with="${p.validateWith ?? 'pacemaker-3.9'}" epoch="${p.epoch ?? 3}" num_updates="0" admin_epoch="0">
  <configuration>
${crmConfig}
    <nodes>
${nodes}
    </nodes>
    <resources>${p.resources ?? ''}</resources>
    <constraints>${p.constraints ?? ''}</constraints>
${defaults}${p.extra ?? ''}  </configuration>
  <status/>
</cib>
`;
}

export function cib(p: CibParts = {}): Document {
  return parseXml(cibXml(p));
}

export const dummy = (id: string, inner = ''): string =>
  `<primitive id="${id}" class="ocf" provider="pacemaker" type="Dummy">${inner}</primitive>`;

export const fence = (id: string): string => `<primitive id="${id}" class="stonith" type="fence_dummy"/>`;

export const meta = (id: string, pairs: Record<string, string>): string =>
  `<meta_attributes id="${id}-meta_attributes">${Object.entries(pairs)
    .map(([n, v]) => `<nvpair id="${id}-meta_attributes-${n}" name="${n}" value="${v}"/>`)
    .join('')}</meta_attributes>`;

export const NO_STONITH = { 'stonith-enabled': 'false' };
