/**
 * The one serialisation the audit chain hashes: JSON Canonicalization Scheme (RFC 8785),
 * from the `canonicalize` package. Keys are sorted, there is no whitespace and numbers have
 * one spelling, so anyone can recompute a hash in any language from the exported log,
 * whatever key order the database (jsonb) hands the payload back in.
 */
import canonicalize from 'canonicalize';

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('canonicalJson: value has no JSON form');
  return text;
}
