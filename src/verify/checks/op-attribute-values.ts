/** Op attribute values against the enumerations of the CIB's schema for `op`. */
import { warning } from '../findings.js';
import { opEnums } from '../op-enums.js';
import { perRun, rememberedDidYouMean } from '../per-run.js';
import { pairValue, type AttributeList } from '../resource-content.js';
import type { Check, CheckContext, Finding } from '../types.js';

const enumsOf = perRun((ctx: CheckContext) => opEnums(ctx.doc.documentElement?.getAttribute('validate-with') ?? null));

export const opAttributeValues: Check = {
  code: 'TCRM3105',
  appliesTo: ['primitive', 'rsc_template'],
  run(obj, ctx) {
    const enums = enumsOf(ctx);
    const findings: Finding[] = [];
    for (const op of ctx.content(obj.el).ops) if (op.direct) checkOp(obj.id, op.attrs, enums, findings);
    return { findings };
  },
};

function checkOp(id: string, attrs: AttributeList, enums: Record<string, string[]>, findings: Finding[]): void {
  for (let i = 0; i < attrs.length; i += 2) {
    const name = attrs[i]!;
    const value = attrs[i + 1]!;
    const values = enums[name];
    if (!values || values.includes(value)) continue;
    findings.push(
      warning(
        `${id}: op '${pairValue(attrs, 'name') ?? null}' attribute '${name}' value '${value}' not recognized`,
        rememberedDidYouMean(value, values),
      ),
    );
  }
}
