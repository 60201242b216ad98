import { XMLBuilder } from 'fast-xml-parser';

/** Elements in fast-xml-parser's ordered form, so mixed content (text around an inline interaction) keeps its order. */
export type XmlNode = Record<string, unknown>;

export function el(name: string, attributes: Record<string, string | number> = {}, children: (XmlNode | string)[] = []): XmlNode {
  const node: XmlNode = { [name]: children.map((child) => (typeof child === 'string' ? { '#text': child } : child)) };
  const attrs = Object.fromEntries(Object.entries(attributes).map(([k, v]) => [`@_${k}`, String(v)]));
  if (Object.keys(attrs).length) node[':@'] = attrs;
  return node;
}

const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });

export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build([root]) as string}`;
}
