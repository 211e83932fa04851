// What must hold when a daily or weekly report is published, so that the weekly report's audit
// against its days (bulletin-history.ts) stays true of everything public:
// - a weekly report publishes the figures a fresh draft would give now: a daily report published
//   since it was drafted (or data changed since) would not be in its history;
// - no daily report is published once a weekly report covering its day is public: it would be
//   a part the week was never audited against (the week counted the day as unknown);
// - weekly reports do not overlap: two weeks sharing days differ by days the audit of neither
//   saw together (docs/disclosure.md: overlapping periods are not covered).
import { DomainError } from '../../errors/domain-error.ts';
import type { BulletinFigures } from './bulletin-figures.ts';
import { shiftDate } from './bulletin-schedule.ts';
import type { BulletinPeriod } from './bulletin-schedule.ts';
import type { KyselyBulletinRepository } from './bulletin.kysely.ts';
import type { Bulletin } from './bulletin.repository.ts';

/** What the check reads: published bulletins, and the figures a fresh draft would give. */
export interface PublicationContext {
  repository: Pick<KyselyBulletinRepository, 'publishedByDraftKeys'>;
  draft: (period: BulletinPeriod, product: 'daily' | 'weekly') => Promise<BulletinFigures>;
}

/**
 * Throws 'invalid_transition' for a daily report whose day a published weekly report covers
 * or a weekly report sharing days with a published one; 'conflict' for a weekly report whose
 * figures are no longer those a draft gives now.
 */
export async function checkPublishable(
  bulletin: Bulletin,
  context: PublicationContext,
): Promise<void> {
  const [product, localDate] = bulletin.draftKey?.split(':') ?? [];
  if (localDate === undefined) return;
  if (product === 'daily') {
    // The weekly reports whose seven days include this one end on it or up to six days later.
    const weeks = Array.from({ length: 7 }, (_, k) => `weekly:${shiftDate(localDate, k)}`);
    if ((await context.repository.publishedByDraftKeys(weeks)).length > 0) {
      throw new DomainError('invalid_transition', 'a published weekly report covers this day', {
        details: { from: bulletin.state, action: 'publish', machine: 'bulletin' },
      });
    }
  }
  if (product === 'weekly') {
    const overlapping = Array.from({ length: 13 }, (_, k) => shiftDate(localDate, k - 6))
      .filter((date) => date !== localDate)
      .map((date) => `weekly:${date}`);
    if ((await context.repository.publishedByDraftKeys(overlapping)).length > 0) {
      throw new DomainError('invalid_transition', 'a published weekly report shares its days', {
        details: { from: bulletin.state, action: 'publish', machine: 'bulletin' },
      });
    }
    const period = { from: bulletin.periodFrom, to: bulletin.periodTo, localDate };
    const fresh = await context.draft(period, 'weekly');
    if (JSON.stringify(fresh) !== JSON.stringify(bulletin.figures)) {
      throw new DomainError('conflict', 'the figures changed since the draft: draft them again', {
        details: { id: bulletin.id },
      });
    }
  }
}
