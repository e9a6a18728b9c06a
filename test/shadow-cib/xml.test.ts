import { describe, expect, it } from 'vitest';
import { canonicalConfiguration, parseXml, serializeDocument, XmlParseError } from '../../src/shadow-cib/xml.js';

const CIB = `<cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="3" num_updates="0" admin_epoch="0">
  <configuration>
    <crm_config/>
    <nodes>
      <node id="1" uname="Lubuntu"/>
      <!--a comment-->
      <foreign xmlns:x="urn:x" weird="a &amp; b &quot;c&quot;">text &lt; here</foreign>
    </nodes>
    <resources/>
    <constraints/>
  </configuration>
  <status/>
</cib>
`;

describe('xml', () => {
  it('round-trips a CIB byte for byte, comments and unknown elements included', () => {
    expect(serializeDocument(parseXml(CIB))).toBe(CIB);
  });
  it('extracts the canonical configuration', () => {
    expect(canonicalConfiguration(CIB).split('\n')[0]).toBe('<configuration>');
  });
  it('reports malformed XML as XmlParseError', () => {
    expect(() => parseXml('<cib><configuration></cib>')).toThrow(XmlParseError);
  });
});
