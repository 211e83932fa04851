// The transparency domain (issue 6; DOMAIN.md §6, DESIGN.md §3): everything the mission
// publishes, in slices wired by the composition root like the passage and monitoring domains:
// - disclosure: the pure disclosure-control rules every public output applies;
// - bulletins: daily, spot and weekly reports — drafted, edited, approved by two, published;
// - open data: versioned dataset releases (CSV with HXL, JSON, GeoJSON), streamed;
// - feeds: Atom feeds and e-mail subscriptions;
// - commitment evidence: the released incidents linked to each public commitment.
import type { PassageModule } from '../passage/passage-context.ts';
import { bulletinsModule } from './bulletins/bulletins.module.ts';
import { commitmentEvidenceModule } from './commitment-evidence/commitment-evidence.module.ts';
import { feedsModule } from './feeds/feeds.module.ts';
import { openDataModule } from './open-data/open-data.module.ts';

/** Every slice of the transparency domain that has routes or background work. */
export const TRANSPARENCY_MODULES: readonly PassageModule[] = [
  bulletinsModule,
  openDataModule,
  feedsModule,
  commitmentEvidenceModule,
];
