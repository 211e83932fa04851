// Incidents as analysts and coordinators open, read and revise them (DOMAIN.md §3, §5). Content
// changes only as a new version with a reason, at the version the writer read: the previous
// content stays in incident_version, so a toll revised 20 → 68 → 170 → 218 keeps all four. The
// narrative may name people: it is sealed under the secret box, and every read of it is an
// audit event sealed in the log before the text is handed out.
import { DomainError } from '../../errors/domain-error.ts';
import type { AccessPurpose } from '../../people/access.ts';
import type { SecretBox } from '../../people/keyring.ts';
import { newRecordId } from '../../random/record-id.ts';
import { insertSeals } from '../../seal/seal.kysely.ts';
import { incidentMachine, stateAfterRevision } from '../model/incident.machine.ts';
import type { IncidentState } from '../model/vocabulary.ts';
import { prepareContent } from './incident-content.prepare.ts';
import type { ContentInput } from './incident-content.prepare.ts';
import { found, requireVersion } from './incident-context.ts';
import type { IncidentContext } from './incident-context.ts';
import { requireItems } from './incident-links.ts';
import { KyselyIncidentRepository } from './incident.kysely.ts';
import type { Incident, IncidentFilter, IncidentTransition } from './incident.repository.ts';
import { contentView, summaryOf } from './incident-view.ts';
import type { IncidentSummary, IncidentView } from './incident-view.ts';

/** A new incident from information items. */
export interface OpenIncident {
  itemIds: readonly string[];
  state: IncidentState;
  content: ContentInput;
  reason: string;
}

/** A revision of the content, at the version read. */
export interface ReviseIncident {
  version: number;
  reason: string;
  content: ContentInput;
}

/** Which narrative to read, and why. */
export interface NarrativeRead {
  version?: number | undefined;
  purpose: AccessPurpose;
}

/** One version's narrative in clear. */
export interface NarrativeView {
  incidentId: string;
  version: number;
  narrative: string;
}

/** Opens, lists, reads and revises incidents. */
export class IncidentService {
  readonly #context: IncidentContext;
  readonly #box: SecretBox;

  constructor(context: IncidentContext) {
    this.#context = context;
    this.#box = context.keyring.createSecretBox();
  }

  /** Opens an incident from items as `actor`: 'invalid_request' or 'invalid_transition'. */
  async open(input: OpenIncident, actor: string): Promise<IncidentView> {
    const { db, sealer } = this.#context;
    incidentMachine.assertStartAt(input.state);
    const itemIds = [...new Set(input.itemIds)];
    await requireItems(db, itemIds);
    const content = await prepareContent({ db, box: this.#box }, input.content);
    const at = this.#context.now().toISOString();
    const incident: Incident = {
      id: newRecordId(),
      state: input.state,
      ...content,
      mergedInto: null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    const seal = await sealer.seal({
      kind: 'incident.opened',
      id: incident.id,
      version: 1,
      record: { incident, itemIds, reason: input.reason, actor },
    });
    await db.transaction().execute(async (trx) => {
      await new KyselyIncidentRepository(trx).insert({
        incident,
        reason: input.reason,
        actor,
        items: itemIds.map((itemId) => ({ itemId, linkedAt: at, actor })),
      });
      await insertSeals(trx, [seal]);
    });
    return this.get(incident.id);
  }

  /** Incidents matching `filter`, newest occurrence first. */
  async list(filter: IncidentFilter): Promise<IncidentSummary[]> {
    const incidents = await new KyselyIncidentRepository(this.#context.db).list(filter);
    return incidents.map(summaryOf);
  }

  /** The incident with its history; 'not_found' when there is none. */
  async get(id: string): Promise<IncidentView> {
    const store = new KyselyIncidentRepository(this.#context.db);
    const incident = found(await store.get(id));
    const [versions, transitions, approvals, items, cases] = await Promise.all([
      store.versions(id),
      store.transitions(id),
      store.approvals(id),
      store.items(id),
      store.cases(id),
    ]);
    return {
      incident: summaryOf(incident),
      versions: versions.map((entry) => ({ ...entry, content: contentView(entry.content) })),
      transitions,
      approvals: approvals.map((approval) => ({
        ...approval,
        live: approval.version === incident.version,
      })),
      items,
      cases,
    };
  }

  /**
   * Revises the content as the next version: 'not_found', 'conflict', 'invalid_transition'
   * (frozen) or 'invalid_request'. A published incident becomes corrected; a cleared one goes
   * back to verified (the transition is recorded with the same reason).
   */
  async revise(id: string, input: ReviseIncident, actor: string): Promise<IncidentView> {
    const { db, sealer } = this.#context;
    const current = found(await new KyselyIncidentRepository(db).get(id));
    requireVersion(current, input.version);
    const state = stateAfterRevision(current.state);
    const content = await prepareContent({ db, box: this.#box }, input.content);
    const at = this.#context.now().toISOString();
    const version = current.version + 1;
    const transition: IncidentTransition | undefined =
      state === current.state
        ? undefined
        : {
            version,
            from: current.state,
            to: state,
            reason: input.reason,
            at,
            actor,
            proposedBy: null,
          };
    const seal = await sealer.seal({
      kind: 'incident.revised',
      id,
      version,
      record: { incidentId: id, version, state, content, reason: input.reason, at, actor },
    });
    await db.transaction().execute(async (trx) => {
      await new KyselyIncidentRepository(trx).revise({
        id,
        expectedVersion: current.version,
        version: { version, content, reason: input.reason, at, actor },
        state,
        transition,
      });
      await insertSeals(trx, [seal]);
    });
    return this.get(id);
  }

  /**
   * The narrative of the current (or a given) version, after sealing and storing the read as an
   * audit event; 'not_found' for an unknown incident or version (nothing is audited then).
   */
  async readNarrative(id: string, read: NarrativeRead, actor: string): Promise<NarrativeView> {
    const { db, sealer } = this.#context;
    const versions = await new KyselyIncidentRepository(db).versions(id);
    const wanted = read.version ?? versions.at(-1)?.version;
    const entry = versions.find((candidate) => candidate.version === wanted);
    if (entry === undefined) throw new DomainError('not_found', 'no such incident version');
    const narrative = this.#box.open(entry.content.narrativeSealed);
    const audit = { id: newRecordId(), actor, action: 'incident.narrative_read', subjectRef: id };
    const seal = await sealer.seal({
      kind: 'audit.incident_narrative_read',
      id: audit.id,
      version: 1,
      record: { ...audit, version: entry.version, purpose: read.purpose },
    });
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('audit_event')
        .values({
          id: audit.id,
          at: seal.at,
          actor,
          action: audit.action,
          subject_ref: id,
          purpose: read.purpose,
        })
        .execute();
      await insertSeals(trx, [seal]);
    });
    return { incidentId: id, version: entry.version, narrative };
  }
}
