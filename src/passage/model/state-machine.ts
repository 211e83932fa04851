// A finite state machine built from a transition table. Each machine of DOMAIN.md §5 (operation,
// journey, held case, tracing) is one table handed to `defineMachine`; the table is typed as a
// record over every state, so adding a state to states.ts without deciding its transitions is a
// type error. Pure: no I/O, runs in the browser too.
import { DomainError } from '../../errors/domain-error.ts';

/** What a caller may attach to a refused transition so the error names the record. */
export interface TransitionContext {
  /** The id of the record being moved, copied into the error details. */
  readonly subjectId?: string | undefined;
}

/** The table a machine is defined from. */
export interface MachineDefinition<S extends string> {
  /** Short name used in error details (`operation`, `journey`, …). */
  readonly name: string;
  /** Every state, in display order (the list from states.ts). */
  readonly states: readonly S[];
  /** States a new record may be created in. */
  readonly initial: readonly S[];
  /** For every state, the states it may move to. A state with none is terminal. */
  readonly transitions: Readonly<Record<S, readonly S[]>>;
}

/** The rules of one machine, as plain functions (safe to destructure). */
export interface StateMachine<S extends string> {
  readonly name: string;
  /** States a new record may be created in. */
  readonly initialStates: readonly S[];
  /** States with no way out, in the order of the definition. */
  readonly terminalStates: readonly S[];
  /** True when `from → to` is allowed. Unknown strings (an old row) are never allowed. */
  readonly canTransition: (from: S, to: S) => boolean;
  /** Throws `invalid_transition` unless `from → to` is allowed. */
  readonly assertTransition: (from: S, to: S, context?: TransitionContext) => void;
  /** The states `from` may move to (empty for a terminal or unknown state). */
  readonly nextStates: (from: S) => readonly S[];
  /** True when `state` has no way out. */
  readonly isTerminal: (state: S) => boolean;
  /** True when a new record may be created in `state`. */
  readonly canStartAt: (state: S) => boolean;
  /** Throws `invalid_transition` (with `from: null`) unless a record may start in `state`. */
  readonly assertStartAt: (state: S, context?: TransitionContext) => void;
}

/**
 * Builds a machine from its transition table.
 *
 * @example
 * const door = defineMachine({ name: 'door', states: ['shut', 'open', 'gone'], initial: ['shut'],
 *   transitions: { shut: ['open'], open: ['shut', 'gone'], gone: [] } });
 * door.canTransition('shut', 'gone'); // false
 */
export function defineMachine<S extends string>(definition: MachineDefinition<S>): StateMachine<S> {
  // Maps, not object lookups: a state read from an old or hostile row (`__proto__`, `toString`)
  // must not find an inherited property.
  const edges = new Map<string, readonly S[]>();
  const allowed = new Map<string, ReadonlySet<string>>();
  const terminal: S[] = [];
  for (const from of definition.states) {
    const targets = definition.transitions[from];
    edges.set(from, Object.freeze([...targets]));
    allowed.set(from, new Set(targets));
    if (targets.length === 0) terminal.push(from);
  }
  const initial = new Set<string>(definition.initial);
  const refuse = (from: S | null, to: S, context?: TransitionContext): DomainError => {
    const details = { from, to, machine: definition.name, subjectId: context?.subjectId };
    const what = from === null ? `start in ${to}` : `go from ${from} to ${to}`;
    return new DomainError('invalid_transition', `${definition.name}: cannot ${what}`, { details });
  };
  const canTransition = (from: S, to: S): boolean => allowed.get(from)?.has(to) ?? false;
  const canStartAt = (state: S): boolean => initial.has(state);
  return {
    name: definition.name,
    initialStates: Object.freeze([...definition.initial]),
    terminalStates: Object.freeze(terminal),
    canTransition,
    assertTransition: (from, to, context) => {
      if (!canTransition(from, to)) throw refuse(from, to, context);
    },
    nextStates: (from) => edges.get(from) ?? [],
    isTerminal: (state) => edges.get(state)?.length === 0,
    canStartAt,
    assertStartAt: (state, context) => {
      if (!canStartAt(state)) throw refuse(null, state, context);
    },
  };
}
