import { describe, expect, it } from 'vitest';
import { count, nounFor, pluralOf } from './plural.ts';

describe('English counts', () => {
  it('use the singular for exactly one', () => {
    expect([count(1, 'person'), count(1, 'year'), count(1, 'track'), count(1, 'advisor')]).toEqual(['1 person', '1 year', '1 track', '1 advisor']);
  });

  it('use the plural for zero, several and fractions', () => {
    expect([count(0, 'person'), count(11, 'person'), count(2, 'year'), count(1.5, 'year'), count(3, 'category'), count(2, 'box'), count(2, 'day')]).toEqual([
      '0 people',
      '11 people',
      '2 years',
      '1.5 years',
      '3 categories',
      '2 boxes',
      '2 days',
    ]);
  });

  it('take an irregular plural when given one, and give the noun alone', () => {
    expect([count(2, 'entry', 'entries'), pluralOf('child'), nounFor(1, 'field'), nounFor(2, 'field')]).toEqual(['2 entries', 'children', 'field', 'fields']);
  });
});
