import { strToU8, zipSync } from 'fflate';
import { omissionLines, type ExportContext, type Omission, type PortableItem } from '../portable';
import { QTI_SCHEMA_LOCATION, qtiId, qtiItem } from './item';
import { el, xmlDocument } from './xml';

export const QTI_CANNOT = { card: 'QTI has no flashcard interaction' } as const;
export const QTI_NOTES = ['Ordering items are scored all or nothing in QTI; Passage gives the share of entries in their right place.'];

/**
 * An IMS Content Package (imsmanifest.xml plus one QTI 2.1 assessmentItem file per item) that
 * Canvas, Blackboard and other LMSs import. What QTI cannot hold is listed in a report file.
 */
export function qtiPackage(
  items: readonly PortableItem[],
  context: ExportContext,
): { zip: Uint8Array; files: Record<string, string>; omitted: Omission[] } {
  const omitted: Omission[] = [];
  const files: Record<string, string> = {};
  const resources = [];
  for (const item of items) {
    const node = qtiItem(item, context);
    if (!node) {
      omitted.push({ itemId: item.id, type: item.type, reason: QTI_CANNOT.card });
      continue;
    }
    const href = `items/${item.id}.xml`;
    files[href] = xmlDocument(node);
    resources.push(el('resource', { identifier: `RES-${qtiId(item.id)}`, type: 'imsqti_item_xmlv2p1', href }, [el('file', { href })]));
  }
  files['imsmanifest.xml'] = xmlDocument(
    el(
      'manifest',
      {
        xmlns: 'http://www.imsglobal.org/xsd/imscp_v1p1',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        identifier: `MANIFEST-${context.setId}`,
        'xsi:schemaLocation': `http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd ${QTI_SCHEMA_LOCATION}`,
      },
      [
        el('metadata', {}, [el('schema', {}, ['QTIv2.1 Package']), el('schemaversion', {}, ['1.0.0'])]),
        el('organizations'),
        el('resources', {}, resources),
      ],
    ),
  );
  const report = [...omissionLines('QTI 2.1', omitted), ...QTI_NOTES];
  files['passage-export-report.txt'] =
    `Passage question set "${context.setTitle}" (${context.setId}) as QTI 2.1.\n\n${report.join('\n')}\n`;
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
  return { zip, files, omitted };
}
