// Small, valid content used by unit and integration tests; each test edits its own copy.
export const FIXTURE_ARTICLE = `---
title: "A Test Article"
author: Ada Author
publisher: Test Press
pullQuotes: [4]
exempt:
  5: closing disclaimer
---
The islands were seized in August 1945, and the dispute has lasted ever since.

## A heading

Abe met Putin 27 times and spent ‘¥20 billion’ on an 8-point plan.

> Abe met Putin 27 times

The views expressed here are the author’s.
`;

export const FIXTURE_SET = `id: fixture-set
title: Fixture set
description: Items used by the tests.
items:
  - id: fx-001
    type: single
    prompt: When were the islands seized?
    options:
      - id: a
        text: August 1945
      - id: b
        text: May 1956
      - id: c
        text: March 2012
    answer: a
    explanation: The article dates the seizure to August 1945.
    source: The islands were seized in August 1945
  - id: fx-002
    type: numeric
    prompt: How many times did Abe meet Putin?
    answer: 27
    unit: meetings
    explanation: The article counts 27 meetings.
    source: Abe met Putin 27 times
  - id: fx-003
    type: typed
    prompt: Abe spent ¥20 billion on an ____ economic cooperation plan.
    answer: 8-point
    accept: [eight-point]
    explanation: It was an 8-point plan.
    source: spent '¥20 billion' on an 8-point plan
`;
