/**
 * Where an outbox entry stands in this engine. An entry read from the device, or made by another tab,
 * starts `stored`; one this engine makes starts `storing`.
 * - `storing`: in the store, on its way to the device. Never sent before it is there.
 * - `stored`: on the device (or kept in memory when the device is full); sent when due.
 * - `held`: kept here and not sent: it overtook an earlier write of the same target that is still out,
 *   or it is being withdrawn. Other tabs leave it alone until its `leaseUntil`.
 * - `leased`: released by the write it waited for; this engine sends it, though other tabs still leave it
 *   alone until its `leaseUntil`.
 * - `sending`: its adapter call is out, or answered and its batch not yet committed. Too late to withdraw
 *   or to hold longer.
 * - `settled`: confirmed by its adapter and gone from the store; the device may not have let go of it yet
 *   (storage full), and is asked again at the next round.
 */
export type EntryPhase = 'storing' | 'stored' | 'held' | 'leased' | 'sending' | 'settled';

/** Every move an entry can make. A move the table does not list is refused, and the entry stays where it is. */
const NEXT: { readonly [Phase in EntryPhase]: readonly EntryPhase[] } = {
  storing: ['stored', 'held'],
  stored: ['held', 'sending'],
  held: ['leased', 'stored'],
  leased: ['sending', 'held'],
  sending: ['stored', 'leased', 'settled'],
  settled: [],
};

/** The phase of every entry this engine has moved; the one table every transition goes through. */
export interface EntryPhases {
  of(key: string): EntryPhase;
  /**
   * Moves an entry, if the table allows it (and, with `from`, only from that phase); returns whether it
   * moved. A device write that finishes after its entry was held moves it `from: 'storing'`, so it stays held.
   */
  move(key: string, to: EntryPhase, from?: EntryPhase): boolean;
  /** Puts a new entry of this engine in its first phase. */
  begin(key: string, phase: 'storing' | 'held'): void;
  /** Forgets an entry that has left the outbox everywhere (confirmed and deleted, withdrawn, superseded). */
  forget(key: string): void;
  /** Keys in one phase. */
  keysIn(phase: EntryPhase): string[];
  /** Whether an entry may be sent now as far as this engine is concerned (its hold and lease aside). */
  sendable(key: string): boolean;
}

export function createEntryPhases(): EntryPhases {
  const phases = new Map<string, EntryPhase>();
  const of = (key: string): EntryPhase => phases.get(key) ?? 'stored';
  return {
    of,
    move(key, to, from) {
      const current = of(key);
      if ((from !== undefined && current !== from) || !NEXT[current].includes(to)) {
        return false;
      }
      phases.set(key, to);
      return true;
    },
    begin(key, phase) {
      phases.set(key, phase);
    },
    forget(key) {
      phases.delete(key);
    },
    keysIn(phase) {
      return [...phases].flatMap(([key, current]) => (current === phase ? [key] : []));
    },
    sendable(key) {
      const phase = of(key);
      return phase === 'stored' || phase === 'leased';
    },
  };
}
