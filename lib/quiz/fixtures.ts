import type {
  CardItem,
  MatchingItem,
  MultipleItem,
  NumericItem,
  OrderingItem,
  SingleItem,
  TrueFalseItem,
  TypedItem,
} from '@/lib/questions/schema';

// Items shaped like those in questions/kuril-talks, for the quiz and grading tests.

export const SINGLE: SingleItem = {
  id: 'kf-001',
  type: 'single',
  prompt: 'Which Russian body announced on 21 March that it would stop the peace treaty talks with Japan?',
  options: [
    { id: 'a', text: 'The Russian Security Council' },
    { id: 'b', text: 'The Russian Ministry of Foreign Affairs' },
    { id: 'c', text: 'The Russian Central Bank' },
    { id: 'd', text: 'The Russian embassy in Tokyo' },
  ],
  answer: 'b',
  explanation: "The article opens its account of events by saying that Russia's Ministry of Foreign Affairs made the announcement.",
  source:
    "On 21 March, Russia's Ministry of Foreign Affairs announced that it does not intend to continue talks with Japan about concluding a peace treaty.",
  tags: ['announcement'],
};

export const MULTIPLE: MultipleItem = {
  id: 'kf-007',
  type: 'multiple',
  prompt: 'Which measures does the article list among the sanctions Japan has already introduced against Russia? Select all that apply.',
  options: [
    { id: 'a', text: 'Restrictions on transactions with the Russian Central Bank' },
    { id: 'b', text: 'Limits on exports of dual-use goods such as semiconductors' },
    { id: 'c', text: 'Asset freezes on leading figures, including Putin' },
    { id: 'd', text: 'A ban on Russian planes in Japanese airspace' },
    { id: 'e', text: "Sanctions on Sberbank, Russia's largest lender" },
  ],
  answer: ['a', 'b', 'c'],
  explanation: 'The article lists Central Bank restrictions, dual-use export limits and asset freezes on leading figures including Putin.',
  source: "Japan's sanctions still include useful measures, including restrictions on transactions with the Russian Central Bank",
  tags: ['sanctions'],
};

export const TRUE_FALSE: TrueFalseItem = {
  id: 'kf-010',
  type: 'truefalse',
  prompt: "According to the article, Japan's sanctions on Russia are tougher than those of the other G7 members.",
  answer: false,
  explanation: "The article says Japan's sanctions are 'not as tough as those of other G7 members'.",
  source: "Although not as tough as those of other G7 members, Japan's sanctions still include useful measures",
  tags: ['sanctions', 'g7'],
};

export const TYPED_WAR: TypedItem = {
  id: 'kf-002',
  type: 'typed',
  prompt: 'A Japan–Russia peace treaty has remained unsigned since the end of the ____.',
  answer: 'Second World War',
  accept: ['the Second World War', 'World War II', 'World War Two', 'World War 2', 'WWII', 'WW2'],
  explanation: 'The article says the agreement has remained unsigned since the end of the Second World War.',
  source: 'Such an agreement has remained unsigned since the end of the Second World War',
  tags: ['treaty', 'islands'],
};

export const TYPED_HABOMAI: TypedItem = {
  id: 'kf-014',
  type: 'typed',
  prompt: 'Abe came to believe Japan might regain the two smaller islands of Shikotan and ____.',
  answer: 'Habomai',
  accept: ['the Habomai islets', 'Habomai islets'],
  explanation: 'The article names Shikotan and Habomai as the two smaller islands.',
  source: 'a deal that would see Japan regain the two smaller islands of Shikotan and Habomai',
  tags: ['islands'],
};

export const TYPED_PLAN: TypedItem = {
  id: 'fx-003',
  type: 'typed',
  prompt: 'Abe spent ¥20 billion on an ____ economic cooperation plan.',
  answer: '8-point',
  accept: ['eight-point'],
  explanation: 'It was an 8-point plan.',
  source: "spent '¥20 billion' on an 8-point plan",
};

export const TYPED_JUDO: TypedItem = {
  id: 'pp-009',
  type: 'typed',
  prompt: 'Putin knows a few words of Japanese from his practice of ____.',
  answer: 'judo',
  explanation: 'The article says Putin knows a few words of Japanese from his practice of judo.',
  source: 'Putin, who knows a few words of Japanese from his practice of judo',
};

export const TYPED_GALUZIN: TypedItem = {
  id: 'pp-002',
  type: 'typed',
  prompt: "Who was the Russian ambassador summoned to Japan's Ministry of Foreign Affairs?",
  answer: 'Galuzin',
  accept: ['Mikhail Galuzin'],
  explanation: 'The article names the Russian ambassador to Japan, Mikhail Galuzin.',
  source: 'The Russian ambassador to Japan, Mikhail Galuzin, was also peremptorily summoned',
};

export const TYPED_HIKIWAKE: TypedItem = {
  id: 'pp-010',
  type: 'typed',
  prompt: "In March 2012 Putin suggested the territorial dispute might be resolved on the basis of a ____ (a 'draw').",
  answer: 'hikiwake',
  explanation: "Putin suggested the dispute might be resolved on the basis of a hikiwake (a 'draw').",
  source: "suggested that the territorial dispute with Japan might be resolved on the basis of a hikiwake (a 'draw')",
};

export const TYPED_YEAR: TypedItem = {
  id: 'tl-030',
  type: 'typed',
  prompt: 'In which year was the Soviet–Japanese Joint Declaration signed?',
  answer: '1956',
  explanation: 'The article refers to the 1956 Soviet–Japanese Joint Declaration.',
  source: 'the 1956 Soviet–Japanese Joint Declaration',
};

export const TYPED_MEETINGS: TypedItem = {
  id: 'fx-027',
  type: 'typed',
  prompt: 'Abe met Putin ____ times.',
  answer: '27',
  explanation: 'The article counts 27 meetings.',
  source: 'meeting the Russian autocrat 27 times',
};

export const NUMERIC: NumericItem = {
  id: 'kf-020',
  type: 'numeric',
  prompt: 'How many times did Shinzo Abe meet Vladimir Putin, according to the article?',
  answer: 27,
  unit: 'meetings',
  explanation: 'The article says Abe strived to build personal trust with Putin, meeting the Russian autocrat 27 times.',
  source: 'meeting the Russian autocrat 27 times',
  tags: ['abe', 'numbers'],
};

export const NUMERIC_TOLERANCE: NumericItem = {
  id: 'kf-018',
  type: 'numeric',
  prompt:
    "Roughly how much did the Japanese government spend, over six years, promoting the projects of Abe's economic cooperation plan with Russia?",
  answer: 20,
  tolerance: 2.5,
  unit: 'billion yen',
  explanation: 'The article says that over the next six years the Japanese government spent ¥20 billion promoting these projects.',
  source: 'the Japanese government spent ¥20 billion promoting these politically motivated projects',
  tags: ['economy', 'numbers'],
};

export const NUMERIC_YEAR: NumericItem = {
  id: 'tl-003',
  type: 'numeric',
  prompt: 'In which year was the Soviet–Japanese Joint Declaration signed?',
  answer: 1956,
  explanation: 'The article refers to the 1956 Soviet–Japanese Joint Declaration.',
  source: 'the 1956 Soviet–Japanese Joint Declaration',
};

export const ORDERING: OrderingItem = {
  id: 'pp-014',
  type: 'ordering',
  prompt: "Put these steps in Abe's dealings with Putin in chronological order, earliest first.",
  order: [
    { id: 'a', text: "Putin's hikiwake remark convinces Abe a deal is possible" },
    { id: 'b', text: 'Abe returns to office and sets about making a deal a reality' },
    { id: 'c', text: 'Abe offers Russia an 8-point economic cooperation plan' },
    { id: 'd', text: 'Abe reportedly promises Putin no US bases on transferred territory' },
  ],
  explanation: 'The hikiwake remark was in March 2012; Abe returned to office in December 2012; the plan was offered in May 2016.',
  source: 'This appears to have convinced Abe that there was a genuine possibility of a deal',
  tags: ['abe', 'putin'],
};

export const MATCHING: MatchingItem = {
  id: 'kf-029',
  type: 'matching',
  prompt: "Match each name from the article's list of gaps in Japan's response to what the article says about it.",
  pairs: [
    { id: 'a', left: 'Russian planes', right: "Yet to be banned from Japan's airspace" },
    { id: 'b', left: 'Sberbank', right: 'Not subject to Japanese sanctions' },
    { id: 'c', left: 'Japanese firms', right: 'Have resisted calls to divest from Sakhalin' },
    { id: 'd', left: 'Western oil majors', right: 'Divesting from Sakhalin energy projects' },
  ],
  explanation:
    'The final section says Japan is yet to ban Russian planes from its airspace and that Sberbank is not subject to Japanese sanctions.',
  source: 'For instance, Japan is yet to ban Russian planes from its airspace.',
  tags: ['sanctions', 'gaps'],
};

export const CARD: CardItem = {
  id: 'kf-011',
  type: 'card',
  prompt: 'What are the four Russian-held Southern Kuril Islands called in Japan?',
  back: 'The Northern Territories.',
  explanation: 'The article says the four Russian-held Southern Kuril Islands are known in Japan as the Northern Territories.',
  source: 'the four Russian-held Southern Kuril Islands, which are known in Japan as the Northern Territories',
  tags: ['islands', 'names'],
};

export const QUIZ_SAMPLES = [
  SINGLE,
  MULTIPLE,
  TRUE_FALSE,
  TYPED_WAR,
  TYPED_HABOMAI,
  TYPED_PLAN,
  NUMERIC,
  NUMERIC_TOLERANCE,
  ORDERING,
  MATCHING,
] as const;
