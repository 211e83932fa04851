// The JSON Canonicalization Scheme (RFC 8785): the one byte string a JSON value has, so that a
// device, the server and an auditor who each hold the same record hash and sign the same bytes.
// Object keys sorted by UTF-16 code units, numbers as ECMAScript prints them, strings escaped as
// JSON.stringify escapes them; lone surrogates, NaN and infinities are refused. The package
// `canonicalize` does the same and is the oracle of the tests; this one is written out because
// it runs two to three times per capture on the sync path, where it measured twice as fast.

import { itemAt } from './checked.ts';

/** A value the scheme cannot encode (lone surrogate, NaN, infinity, bigint, function, cycle). */
export class CanonicalJsonError extends TypeError {}

/** Deeper than any record Vigil writes; a deeper value is taken for a cycle. */
const MAX_DEPTH = 256;

function encodeString(text: string): string {
  if (!text.isWellFormed()) throw new CanonicalJsonError('a string holds a lone surrogate');
  return JSON.stringify(text);
}

/** Up to this many keys are sorted in place by insertion; more go to Array.prototype.sort. */
const INSERTION_SORT_MAX = 16;

/**
 * Sorts `keys` in place by UTF-16 code units, as sort() without a comparator does. A record's
 * objects have a handful of keys each, and sort() allocated a work area for every one of them:
 * about a seventh of all the memory the sync path allocated, and so of its garbage collections.
 */
function sortKeys(keys: string[]): string[] {
  if (keys.length > INSERTION_SORT_MAX) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = itemAt(keys, i);
    let j = i - 1;
    for (; j >= 0 && itemAt(keys, j) > key; j--) keys[j + 1] = itemAt(keys, j);
    keys[j + 1] = key;
  }
  return keys;
}

function hasToJson(value: object): value is { toJSON: () => unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

function encode(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return encodeString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError('a number is NaN or infinite');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new CanonicalJsonError(`a ${typeof value} has no JSON form`);
  }
  if (value === null) return 'null';
  if (depth >= MAX_DEPTH) throw new CanonicalJsonError('the value nests too deep (a cycle?)');
  if (hasToJson(value)) return encode(value.toJSON(), depth + 1);
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) text += ',';
      // As JSON.stringify does: a hole or undefined in an array is null.
      const item: unknown = value[index];
      text += item === undefined ? 'null' : encode(item, depth + 1);
    }
    return text + ']';
  }
  const record = value as Record<string, unknown>;
  let text = '{';
  for (const key of sortKeys(Object.keys(record))) {
    const item = record[key];
    // As JSON.stringify does: an undefined property is absent.
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += encodeString(key) + ':' + encode(item, depth + 1);
  }
  return text + '}';
}

/** The canonical JSON text of `value`; throws CanonicalJsonError if it has none. */
export function canonicalJson(value: unknown): string {
  return encode(value, 0);
}
