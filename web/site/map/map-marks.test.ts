import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { casualtyDays, casualtyMarks, incidentMarks, radiusOf } from './map-marks.ts';

const incident = (admin1: string, at: [number, number] | null) => ({
  admin1,
  location: at === null ? null : `Place ${admin1}`,
  latitude: at?.[0] ?? null,
  longitude: at?.[1] ?? null,
});

const incidents = [
  incident('S01', [0.62, 0.84]),
  incident('S01', [0.62, 0.84]),
  incident('BR1', null),
  incident('S05', [0.83, 0.79]),
];

describe('the map marks of the public site', () => {
  it('counts released incidents per area at the released point; districts stay unplaced', () => {
    assert.deepEqual(incidentMarks(incidents), {
      placed: [
        { adminCode: 'S01', location: 'Place S01', lat: 0.62, lon: 0.84, value: { count: 2 } },
        { adminCode: 'S05', location: 'Place S05', lat: 0.83, lon: 0.79, value: { count: 1 } },
      ],
      unplaced: [{ adminCode: 'BR1', value: { count: 1 } }],
    });
  });

  it("draws a day's casualty cells as released: suppressed ones are markers with no number", () => {
    const casualties = [
      { date: '2023-09-26', admin1: 'S01', killed: 218 },
      { date: '2023-09-26', admin1: 'S05', killed: 'x' },
      { date: '2023-09-26', admin1: 'BR1', killed: '<5' },
      { date: '2023-09-25', admin1: 'S01', killed: 0 },
    ];
    const marks = casualtyMarks(casualties, incidents, { date: '2023-09-26', column: 'killed' });
    assert.deepEqual(
      marks.placed.map((mark) => [mark.adminCode, mark.value]),
      [
        ['S01', { count: 218 }],
        ['S05', { marker: 'x' }],
      ],
    );
    assert.deepEqual(marks.unplaced, [{ adminCode: 'BR1', value: { marker: '<5' } }]);
    assert.deepEqual(casualtyDays(casualties), ['2023-09-26', '2023-09-25']);
  });

  it('sizes marks by area, keeping small and zero counts visible', () => {
    assert.equal(radiusOf(100, 100), 22);
    assert.equal(radiusOf(25, 100), 11);
    assert.equal(radiusOf(0, 100), 3);
    assert.equal(radiusOf(1, 10_000), 3);
  });
});
