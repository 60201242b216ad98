import { describe, expect, it } from 'vitest';
import { ImportFormatError } from '../import/draft';
import { readMoodleXml } from './read';

// Questions in the shape Moodle's own "Export questions › Moodle XML" writes them.
const MOODLE_EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category>
      <text>$course$/top/Default for History/Treaties</text>
    </category>
    <info format="moodle_auto_format">
      <text></text>
    </info>
  </question>
<!-- question: 101  -->
  <question type="multichoice">
    <name>
      <text>Announcement</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p dir="ltr">Which ministry made the announcement?</p>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<p>It was the foreign ministry&nbsp;&amp; nobody else.</p>]]></text>
    </generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <single>true</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <answer fraction="0" format="html">
      <text><![CDATA[<p>Defence</p>]]></text>
      <feedback format="html"><text></text></feedback>
    </answer>
    <answer fraction="100" format="html">
      <text><![CDATA[<p>Foreign Affairs</p>]]></text>
      <feedback format="html"><text></text></feedback>
    </answer>
  </question>
  <question type="numerical">
    <name><text>Islands</text></name>
    <questiontext format="html"><text>How many islands?</text></questiontext>
    <generalfeedback format="html"><text></text></generalfeedback>
    <answer fraction="100" format="moodle_auto_format">
      <text>4</text>
      <feedback format="html"><text></text></feedback>
      <tolerance>0</tolerance>
    </answer>
    <units>
      <unit>
        <multiplier>1</multiplier>
        <unit_name>islands</unit_name>
      </unit>
    </units>
  </question>
  <question type="shortanswer">
    <name><text>War</text></name>
    <questiontext format="html"><text><![CDATA[Unsigned since the end of the ______.]]></text></questiontext>
    <usecase>0</usecase>
    <answer fraction="100" format="moodle_auto_format"><text>Second World War</text></answer>
    <answer fraction="100" format="moodle_auto_format"><text>WWII</text></answer>
    <answer fraction="50" format="moodle_auto_format"><text>the war</text></answer>
  </question>
  <question type="essay">
    <name><text>Essay</text></name>
    <questiontext format="html"><text>Discuss.</text></questiontext>
  </question>
</quiz>`;

describe('readMoodleXml', () => {
  it("reads Moodle's own export: category, HTML text and entities, units, accepted answers", () => {
    const read = readMoodleXml(MOODLE_EXPORT);
    expect(read.title).toBe('Treaties');
    expect(read.items).toEqual([
      expect.objectContaining({
        type: 'single',
        name: 'Announcement',
        prompt: 'Which ministry made the announcement?',
        options: [
          { id: 'a', text: 'Defence' },
          { id: 'b', text: 'Foreign Affairs' },
        ],
        answer: 'b',
        explanation: 'It was the foreign ministry & nobody else.',
      }),
      expect.objectContaining({ type: 'numeric', answer: 4, unit: 'islands' }),
      expect.objectContaining({
        type: 'typed',
        prompt: 'Unsigned since the end of the ____.',
        answer: 'Second World War',
        accept: ['WWII'],
      }),
    ]);
    expect(read.skipped).toEqual(['question 5 ("Essay"): Moodle\'s "essay" questions have no Passage type']);
  });

  it('stops malformed XML with its line and column', () => {
    expect(() => readMoodleXml('<quiz>\n  <question type="truefalse">\n</quiz>')).toThrow(/^line 3, column \d+: not well-formed XML/);
    expect(() => readMoodleXml('<questions/>')).toThrow(ImportFormatError);
  });
});
