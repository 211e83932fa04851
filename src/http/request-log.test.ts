import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loggedUrl, requestLogFields } from './request-log.ts';

describe('request log lines', () => {
  it('take the token out of confirmation and unsubscribe links', () => {
    assert.equal(loggedUrl('/subscriptions/confirm/AbC_123'), '/subscriptions/confirm/:token');
    assert.equal(loggedUrl('/unsubscribe/AbC_123'), '/unsubscribe/:token');
    assert.equal(loggedUrl('/feeds/unsubscribe/AbC_123/x'), '/feeds/unsubscribe/:token/x');
  });

  it('keep query parameter names and drop their values', () => {
    assert.equal(loggedUrl('/unsubscribe/tok?lang=hy'), '/unsubscribe/:token?lang');
    assert.equal(
      loggedUrl('/api/v1/bulletins?limit=5&offset=10'),
      '/api/v1/bulletins?limit&offset',
    );
    assert.equal(loggedUrl('/api/v1/bulletins?'), '/api/v1/bulletins');
    assert.equal(loggedUrl('/log/checkpoint'), '/log/checkpoint');
  });

  it('say only the method and that URL, never the client address', () => {
    const fields = requestLogFields({ method: 'GET', url: '/unsubscribe/secret' });
    assert.deepEqual(fields, { method: 'GET', url: '/unsubscribe/:token' });
  });
});
