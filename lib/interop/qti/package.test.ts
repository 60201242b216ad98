import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { CONTEXT, shippedBank } from '../test-bank';
import { qtiPackage } from './package';

const { items } = shippedBank();
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['resource', 'value', 'simpleChoice', 'mapEntry', 'simpleMatchSet', 'simpleAssociableChoice'].includes(name),
});

describe('QTI 2.1 content package', () => {
  const { zip, omitted } = qtiPackage(items, CONTEXT);
  const files = Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, strFromU8(bytes)]));
  const kept = items.filter((i) => i.type !== 'card');

  it('is a zip with imsmanifest.xml listing one well-formed assessmentItem file per item', () => {
    for (const [name, text] of Object.entries(files)) if (name.endsWith('.xml')) expect(XMLValidator.validate(text), name).toBe(true);
    const manifest = parser.parse(files['imsmanifest.xml']!).manifest;
    expect(manifest.xmlns).toBe('http://www.imsglobal.org/xsd/imscp_v1p1');
    const resources = manifest.resources.resource as { type: string; href: string }[];
    expect(resources.map((r) => r.href)).toEqual(kept.map((i) => `items/${i.id}.xml`));
    for (const r of resources) {
      expect(r.type).toBe('imsqti_item_xmlv2p1');
      const item = parser.parse(files[r.href]!).assessmentItem;
      expect(item.xmlns).toBe('http://www.imsglobal.org/xsd/imsqti_v2p1');
      expect(item.identifier).toMatch(/^[A-Za-z_][\w.-]*$/);
      expect(item.modalFeedback.p.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("puts each item's parts in the order QTI 2.1 prescribes", () => {
    const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: true });
    const order = ['responseDeclaration', 'outcomeDeclaration', 'itemBody', 'responseProcessing', 'modalFeedback'];
    for (const item of kept) {
      const [root] = (ordered.parse(files[`items/${item.id}.xml`]!) as Record<string, unknown[]>[]).filter((n) => 'assessmentItem' in n);
      const names = (root!.assessmentItem as Record<string, unknown>[]).map((child) => Object.keys(child)[0]!);
      expect(
        names.map((n) => order.indexOf(n)),
        item.id,
      ).toEqual([...names.map((n) => order.indexOf(n))].sort((a, b) => a - b));
      expect(names).toContain('itemBody');
    }
  });

  it('lists the cards it left out in a report file', () => {
    expect(omitted.map((o) => o.itemId)).toEqual(items.filter((i) => i.type === 'card').map((i) => i.id));
    for (const o of omitted) expect(files['passage-export-report.txt']).toContain(`${o.itemId} (card)`);
  });

  it('declares each type with its interaction and key', () => {
    const itemOf = (id: string) => parser.parse(files[`items/${id}.xml`]!).assessmentItem;
    const single = kept.find((i) => i.type === 'single')!;
    const s = itemOf(single.id);
    expect(s.itemBody.choiceInteraction.maxChoices).toBe('1');
    const keyIndex = single.type === 'single' ? single.options.findIndex((o) => o.id === single.answer) : -1;
    expect(s.responseDeclaration.correctResponse.value).toEqual([`C${keyIndex + 1}`]);

    const multiple = kept.find((i) => i.type === 'multiple')!;
    const m = itemOf(multiple.id);
    expect(m.responseDeclaration.cardinality).toBe('multiple');
    expect(m.responseDeclaration.mapping.lowerBound).toBe('0');

    const typed = kept.find((i) => i.type === 'typed' && (i.accept?.length ?? 0) > 0)!;
    const t = itemOf(typed.id);
    expect(t.responseDeclaration.mapping.mapEntry.map((e: { mapKey: string }) => e.mapKey)).toEqual(
      typed.type === 'typed' ? [typed.answer, ...typed.accept!] : [],
    );

    const numeric = kept.find((i) => i.type === 'numeric')!;
    expect(files[`items/${numeric.id}.xml`]).toContain('toleranceMode="exact"');
    const withTolerance = qtiPackage([{ ...numeric, tolerance: 2 } as typeof numeric], CONTEXT).files[`items/${numeric.id}.xml`];
    expect(withTolerance).toContain('toleranceMode="absolute" tolerance="2 2"');

    expect(itemOf(kept.find((i) => i.type === 'ordering')!.id).responseDeclaration.cardinality).toBe('ordered');
    expect(itemOf(kept.find((i) => i.type === 'matching')!.id).responseDeclaration.baseType).toBe('directedPair');
  });
});
