/**
 * The language model: its features, its training (deterministic, learns which words point
 * which way), the committed model being exactly what `npm run train` fits, and the rule's
 * bounded, explained contribution.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess } from '../../../shared/scoring/index.ts';
import { featureHash, featureHashesOf, featuresOf } from '../../../shared/scoring/language/features.ts';
import { trainLanguageModel } from '../../../shared/scoring/language/train.ts';
import {
  LANGUAGE_CAP,
  languageRules,
  lureLanguageRule,
} from '../../../shared/scoring/rules/lure-language.ts';
import { buildView } from '../../../shared/scoring/view.ts';
import { corpusAvailable } from '../../eval/corpus.ts';
import { MODEL_FILE, TRAINING_OPTIONS, trainingReports } from '../../eval/train-language-model.ts';
import { ctx } from './helpers.ts';

describe('featuresOf', () => {
  it('reads words and neighbouring pairs, without stop words or the campaign aliases', () => {
    const f = featuresOf("hi it's abi, we met at the reception x");
    expect([...f]).toEqual(expect.arrayContaining(['hi', 'met', 'we met', 'met at', 'reception']));
    expect(f.has('the')).toBe(false);
    // Function words count only in pairs ("we met"), never alone.
    expect(f.has('we')).toBe(false);
    expect(f.has('abi')).toBe(false);
    expect([...f].some((x) => x.includes('abi'))).toBe(false);
  });
});

describe('trainLanguageModel', () => {
  const examples = [
    ...[
      'we met at the bar, drink soon x',
      'you do not remember me, drink?',
      'lovely drink at the bar, just us x',
    ].map((folded) => ({ folded, lure: true })),
    ...[
      'agenda for the committee meeting',
      'minutes of the committee attached',
      'the agenda and the minutes',
    ].map((folded) => ({ folded, lure: false })),
  ];
  const options = { version: 't', epochs: 200, rate: 0.5, l2: 0.01 };

  it('is deterministic and learns which words point which way', () => {
    const a = trainLanguageModel(examples, options);
    expect(trainLanguageModel(examples, options)).toEqual(a);
    expect(a.weights.drink).toBeGreaterThan(0);
    expect(a.weights.committee).toBeLessThan(0);
    // A word seen in one message only is not learnt (that would be memorising it).
    expect(a.weights.soon).toBeUndefined();
  });

  it('gives the rule a bounded weight with the words that weighed most', () => {
    const rule = lureLanguageRule(trainLanguageModel(examples, options), 0.3);
    const hit = rule.evaluate(buildView({ channel: 'sms', text: 'drink at the bar x' }), ctx);
    expect(hit?.weight).toBeGreaterThan(0);
    expect(hit?.weight).toBeLessThanOrEqual(0.3);
    expect(hit?.evidence).toMatch(/lure-like: .*"drink"/);
    expect(
      rule.evaluate(buildView({ channel: 'email', text: 'committee agenda and minutes' }), ctx),
    ).toBeUndefined();
  });

  it('discounts wording signals, never technical ones, when the words read like ordinary mail', () => {
    const rules = languageRules(trainLanguageModel(examples, options), { cap: 0.3, damp: 0.6 });
    const ordinary = rules.find((r) => r.id === 'context.ordinary-language')!;
    expect(ordinary.kind).toBe('context');
    expect(ordinary.dampens).toEqual(['content']);
    const minutes = ordinary.evaluate(
      buildView({ channel: 'email', text: 'the agenda and minutes of the committee' }),
      ctx,
    );
    expect(minutes?.weight).toBeGreaterThan(0);
    expect(minutes?.weight).toBeLessThanOrEqual(0.6);
    expect(minutes?.evidence).toMatch(/lure-like: .*"(?:agenda|minutes|committee)"/);
    // Lure-like words: the lure reading speaks, the ordinary one stays silent.
    const drink = buildView({ channel: 'sms', text: 'drink at the bar x' });
    expect(ordinary.evaluate(drink, ctx)).toBeUndefined();
    expect(rules.find((r) => r.id === 'lure.language')!.evaluate(drink, ctx)).toBeDefined();
  });
});

describe('the committed model', () => {
  it.skipIf(!corpusAvailable())(
    'is exactly what npm run train fits from the tuning data',
    async () => {
      const trained = trainLanguageModel(await trainingReports(), TRAINING_OPTIONS);
      expect(JSON.parse(readFileSync(MODEL_FILE, 'utf8'))).toEqual(trained);
    },
    60_000,
  );

  it('alone never makes a report malicious, and suspicious only when at least 90% sure', () => {
    // A one-word model whose single weight sets how lure-like "drink" reads (p = σ(w)).
    const alone = (p: number) => {
      const rule = lureLanguageRule({ version: 't', bias: 0, weights: { drink: Math.log(p / (1 - p)) } });
      return assess({ channel: 'sms', text: 'drink' }, ctx, [rule]).verdict;
    };
    expect(alone(0.85)).toBe('benign');
    expect(alone(0.91)).toBe('suspicious');
    expect(alone(0.999999)).toBe('suspicious');
    expect(LANGUAGE_CAP).toBeLessThan(0.7);
  });
});

describe('feature hashing', () => {
  it('walks to the same features whether it makes strings or only hashes', () => {
    const text = "hi there, we met at the reception x it's me again!! you don't remember?? lol... send pics";
    const fromStrings = new Set([...featuresOf(text)].map(featureHash));
    const { hashes, count } = featureHashesOf(text);
    expect(new Set(hashes.subarray(0, count))).toEqual(fromStrings);
  });

  it('gives every feature of the committed model its own hash', () => {
    const features = Object.keys(
      JSON.parse(readFileSync(MODEL_FILE, 'utf8')).weights as Record<string, number>,
    );
    expect(new Set(features.map(featureHash)).size).toBe(features.length);
  });
});
