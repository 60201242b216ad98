import { feedbackParagraphs } from '../feedback';
import { sourceQuotes, type ExportContext, type PortableItem } from '../portable';
import { el, type XmlNode } from './xml';

export const QTI_NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const QTI_SCHEMA_LOCATION = `${QTI_NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd`;

/** QTI identifiers are NCNames: Passage's ids may start with a digit, so they get a prefix. */
export const qtiId = (itemId: string) => `ITEM-${itemId}`;
const letter = (i: number) => `C${i + 1}`;

const value = (text: string) => el('value', {}, [text]);
const score = (n: number) => el('setOutcomeValue', { identifier: 'SCORE' }, [el('baseValue', { baseType: 'float' }, [String(n)])]);
const paragraph = (text: string) => el('p', {}, [text]);

function respond(kind: 'match' | 'map' | { tolerance: number }): XmlNode[] {
  const scoring =
    kind === 'map'
      ? [el('setOutcomeValue', { identifier: 'SCORE' }, [el('mapResponse', { identifier: 'RESPONSE' })])]
      : [
          el('responseCondition', {}, [
            el('responseIf', {}, [
              kind === 'match'
                ? el('match', {}, [el('variable', { identifier: 'RESPONSE' }), el('correct', { identifier: 'RESPONSE' })])
                : el(
                    'equal',
                    kind.tolerance > 0
                      ? { toleranceMode: 'absolute', tolerance: `${kind.tolerance} ${kind.tolerance}` }
                      : { toleranceMode: 'exact' },
                    [el('variable', { identifier: 'RESPONSE' }), el('correct', { identifier: 'RESPONSE' })],
                  ),
              score(1),
            ]),
            el('responseElse', {}, [score(0)]),
          ]),
        ];
  return [
    el('responseProcessing', {}, [
      ...scoring,
      el('setOutcomeValue', { identifier: 'FEEDBACK' }, [el('baseValue', { baseType: 'identifier' }, ['GENERAL'])]),
    ]),
  ];
}

interface Parts {
  declaration: XmlNode;
  body: XmlNode[];
  processing: XmlNode[];
}

function parts(item: PortableItem): Parts | null {
  const prompt = el('prompt', {}, [item.prompt]);
  switch (item.type) {
    case 'single':
    case 'truefalse': {
      const choices = item.type === 'single' ? item.options.map((o) => o.text) : ['True', 'False'];
      const key = item.type === 'single' ? item.options.findIndex((o) => o.id === item.answer) : item.answer ? 0 : 1;
      return {
        declaration: el('responseDeclaration', { identifier: 'RESPONSE', cardinality: 'single', baseType: 'identifier' }, [
          el('correctResponse', {}, [value(letter(key))]),
        ]),
        body: [
          el('choiceInteraction', { responseIdentifier: 'RESPONSE', shuffle: item.type === 'single' ? 'true' : 'false', maxChoices: 1 }, [
            prompt,
            ...choices.map((text, i) => el('simpleChoice', { identifier: letter(i) }, [text])),
          ]),
        ],
        processing: respond('match'),
      };
    }
    case 'multiple': {
      const keys = new Set(item.answer);
      const worth = 1 / keys.size;
      return {
        declaration: el('responseDeclaration', { identifier: 'RESPONSE', cardinality: 'multiple', baseType: 'identifier' }, [
          el(
            'correctResponse',
            {},
            item.options.flatMap((o, i) => (keys.has(o.id) ? [value(letter(i))] : [])),
          ),
          // Passage's (right − wrong) / keys, floored at 0.
          el(
            'mapping',
            { lowerBound: 0, upperBound: 1, defaultValue: 0 },
            item.options.map((o, i) => el('mapEntry', { mapKey: letter(i), mappedValue: keys.has(o.id) ? worth : -worth })),
          ),
        ]),
        body: [
          el('choiceInteraction', { responseIdentifier: 'RESPONSE', shuffle: 'true', maxChoices: 0 }, [
            prompt,
            ...item.options.map((o, i) => el('simpleChoice', { identifier: letter(i) }, [o.text])),
          ]),
        ],
        processing: respond('map'),
      };
    }
    case 'typed': {
      const accepted = [item.answer, ...(item.accept ?? [])];
      const entry = el('textEntryInteraction', {
        responseIdentifier: 'RESPONSE',
        expectedLength: Math.max(...accepted.map((a) => a.length), 10),
      });
      const [before, after] = item.prompt.includes('____') ? item.prompt.split('____') : [`${item.prompt} `, ''];
      return {
        declaration: el('responseDeclaration', { identifier: 'RESPONSE', cardinality: 'single', baseType: 'string' }, [
          el('correctResponse', {}, [value(item.answer)]),
          el(
            'mapping',
            { defaultValue: 0 },
            [...new Set(accepted)].map((a) => el('mapEntry', { mapKey: a, mappedValue: 1, caseSensitive: 'false' })),
          ),
        ]),
        body: [
          el(
            'p',
            {},
            [before ?? '', entry, after ?? ''].filter((c) => c !== ''),
          ),
        ],
        processing: respond('map'),
      };
    }
    case 'numeric':
      return {
        declaration: el('responseDeclaration', { identifier: 'RESPONSE', cardinality: 'single', baseType: 'float' }, [
          el('correctResponse', {}, [value(String(item.answer))]),
        ]),
        body: [
          el('p', {}, [
            `${item.prompt} `,
            el('textEntryInteraction', { responseIdentifier: 'RESPONSE', expectedLength: 10 }),
            ...(item.unit ? [` ${item.unit}`] : []),
          ]),
        ],
        processing: respond({ tolerance: item.tolerance ?? 0 }),
      };
    case 'ordering':
      return {
        declaration: el('responseDeclaration', { identifier: 'RESPONSE', cardinality: 'ordered', baseType: 'identifier' }, [
          el(
            'correctResponse',
            {},
            item.order.map((_e, i) => value(letter(i))),
          ),
        ]),
        body: [
          el('orderInteraction', { responseIdentifier: 'RESPONSE', shuffle: 'true' }, [
            prompt,
            ...item.order.map((e, i) => el('simpleChoice', { identifier: letter(i) }, [e.text])),
          ]),
        ],
        processing: respond('match'),
      };
    case 'matching': {
      const worth = 1 / item.pairs.length;
      const pairValue = (i: number) => `L${i + 1} R${i + 1}`;
      return {
        declaration: el('responseDeclaration', { identifier: 'RESPONSE', cardinality: 'multiple', baseType: 'directedPair' }, [
          el(
            'correctResponse',
            {},
            item.pairs.map((_p, i) => value(pairValue(i))),
          ),
          el(
            'mapping',
            { lowerBound: 0, upperBound: 1, defaultValue: 0 },
            item.pairs.map((_p, i) => el('mapEntry', { mapKey: pairValue(i), mappedValue: worth })),
          ),
        ]),
        body: [
          el('matchInteraction', { responseIdentifier: 'RESPONSE', shuffle: 'true', maxAssociations: item.pairs.length }, [
            prompt,
            el(
              'simpleMatchSet',
              {},
              item.pairs.map((p, i) => el('simpleAssociableChoice', { identifier: `L${i + 1}`, matchMax: 1 }, [p.left])),
            ),
            el(
              'simpleMatchSet',
              {},
              item.pairs.map((p, i) => el('simpleAssociableChoice', { identifier: `R${i + 1}`, matchMax: 1 }, [p.right])),
            ),
          ]),
        ],
        processing: respond('map'),
      };
    }
    case 'card':
      return null;
  }
}

/** One QTI 2.1 assessmentItem, with the explanation, source and link as modal feedback; null for a card. */
export function qtiItem(item: PortableItem, context: ExportContext): XmlNode | null {
  const p = parts(item);
  if (!p) return null;
  const feedback = feedbackParagraphs({ explanation: item.explanation, quotes: sourceQuotes(item), link: context.link(item.id) });
  return el(
    'assessmentItem',
    {
      xmlns: QTI_NS,
      'xmlns:xsi': XSI_NS,
      'xsi:schemaLocation': QTI_SCHEMA_LOCATION,
      identifier: qtiId(item.id),
      title: item.id,
      adaptive: 'false',
      timeDependent: 'false',
    },
    [
      p.declaration,
      el('outcomeDeclaration', { identifier: 'SCORE', cardinality: 'single', baseType: 'float' }, [el('defaultValue', {}, [value('0')])]),
      el('outcomeDeclaration', { identifier: 'FEEDBACK', cardinality: 'single', baseType: 'identifier' }),
      el('itemBody', {}, p.body),
      ...p.processing,
      el('modalFeedback', { outcomeIdentifier: 'FEEDBACK', identifier: 'GENERAL', showHide: 'show' }, feedback.map(paragraph)),
    ],
  );
}
