import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LINK_BEARINGS } from '../../../../src/monitoring/model/commitment-vocabulary.ts';
import {
  SUB_EVENT_TYPE_CODES,
  SUB_EVENT_TYPES,
} from '../../../../src/monitoring/model/event-taxonomy.ts';
import {
  CHANNELS,
  CREDIBILITIES,
  INCIDENT_STATES,
  ITEM_STATUSES,
  PROXIMITIES,
  RELIABILITIES,
  SOURCE_KINDS,
} from '../../../../src/monitoring/model/vocabulary.ts';
import { TRACING_STATES } from '../../../../src/passage/model/states.ts';
import { en } from './en.ts';

const VOCABULARIES: Record<string, readonly (string | number)[]> = {
  channel: CHANNELS,
  itemStatus: ITEM_STATUSES,
  proximity: PROXIMITIES,
  credibility: CREDIBILITIES,
  reliability: RELIABILITIES,
  sourceKind: SOURCE_KINDS,
  state: INCIDENT_STATES,
  subType: SUB_EVENT_TYPE_CODES,
  eventType: [...new Set(SUB_EVENT_TYPE_CODES.map((code) => SUB_EVENT_TYPES[code].eventType))],
  bearing: LINK_BEARINGS,
  tracingState: TRACING_STATES,
};

describe('the desk’s words of the domain', () => {
  for (const [prefix, codes] of Object.entries(VOCABULARIES)) {
    it(`name every ${prefix} the API can send`, () => {
      const missing = codes.filter((code) => !Object.hasOwn(en, `${prefix}.${String(code)}`));
      assert.deepEqual(missing, []);
    });
  }
});
