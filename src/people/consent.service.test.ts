import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors/domain-error.ts';
import { Sealer } from '../seal/sealer.ts';
import type { ConsentRepository } from './consent.repository.ts';
import { ConsentService } from './consent.service.ts';

const sealer = new Sealer({ append: () => Promise.resolve({ index: 0 }) });

function racingRepository(losses: number): ConsentRepository & { appends: number } {
  return {
    appends: 0,
    append(consent) {
      this.appends += 1;
      return Promise.resolve(this.appends > losses ? { ...consent, version: 7 } : undefined);
    },
    latest: () => Promise.resolve(undefined),
    history: () => Promise.resolve([]),
  };
}

describe('ConsentService', () => {
  it('retries an append that lost the race for a version', async () => {
    const repository = racingRepository(2);
    const consent = new ConsentService({ sealer, repository });
    const record = await consent.recordConsent(
      { subjectRef: 'household-1', purpose: 'tracing', decision: 'refused' },
      { id: 'staff:1' },
    );
    assert.equal(record.version, 7);
    assert.equal(record.decision, 'refused');
    assert.equal(repository.appends, 3);
  });

  it('gives up with a conflict when it keeps losing', async () => {
    const repository = racingRepository(Number.POSITIVE_INFINITY);
    const consent = new ConsentService({ sealer, repository });
    await assert.rejects(
      consent.recordConsent(
        { subjectRef: 'household-1', purpose: 'tracing', decision: 'granted' },
        { id: 'staff:1' },
      ),
      (error: unknown) => error instanceof DomainError && error.code === 'conflict',
    );
    assert.equal(repository.appends, 10);
  });
});
