import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import type { RightsFailure } from '../core/errors.js';
import type { SliceDescriptor, SliceName } from '../core/store/define-slice.js';
import type { RightsState } from '../core/store/registry.js';
import { selectSyncNotice, selectSyncPending } from '../core/store/selectors.js';
import type { LoadState } from '../core/types.js';
import { useRightsContext, useRightsStore } from './rights-context.js';

/** What every hook of a store-backed component says about its slice, with the same names everywhere. */
export interface UseSliceStatusResult<Action extends string = string> {
  /** Whether the slice's data is known. */
  load: LoadState;
  /** True once the data is known, or failed to load (the view then shows its privacy-protective fallback). */
  hydrated: boolean;
  /** A write waits in the outbox: it applies here and is not yet confirmed by the adapter. */
  syncPending: boolean;
  /** A choice of the user's is kept on this device and syncing: what the "saved on this device, syncing" message may say. */
  syncNotice: boolean;
  /** The last failure, or `null`. Show it with `<component>.failed.<action>`, else `errors.<code>`. */
  failure: RightsFailure<Action> | null;
  /** Sends what is pending now, and reads the data again if that failed. */
  retry(): void;
  /** Forgets the failure once the user has seen it. */
  dismissFailure(): void;
}

/** Which writes a hook's `syncPending` and `syncNotice` speak of. */
export interface UseSliceStatusOptions {
  /** Only writes through these adapter methods. Default: every write of the slice. */
  methods?: readonly string[];
}

/** {@link UseSliceStatusResult} for one slice, with its failure's own actions. */
export type SliceStatus<Name extends SliceName> = Omit<UseSliceStatusResult, 'failure'> & { failure: RightsState[Name]['failure'] };

/**
 * The shared members of every hook over a slice: its load, whether it is hydrated, whether writes wait,
 * its failure, and retry and dismiss.
 */
export function useSliceStatus<Name extends SliceName>(
  consumerName: string,
  descriptor: SliceDescriptor<Partial<RightsState>, Name>,
  options: UseSliceStatusOptions = {},
): SliceStatus<Name> {
  const { methods } = options;
  const { store } = useRightsContext(consumerName);
  // Registered (idempotent, and silent: safe while rendering) but not started: the hook's own
  // `useRightsSlice`, or the provider for a slice it always holds, starts it.
  store.register(descriptor);
  const name = descriptor.name;
  const { load, failure, syncPending, syncNotice } = useRightsStore(
    consumerName,
    useShallow((state) => {
      const data: RightsState[Name] = state[name];
      const failure: RightsState[Name]['failure'] = data.failure;
      return {
        load: data.load,
        failure,
        syncPending: selectSyncPending(state, name, methods),
        syncNotice: selectSyncNotice(state, name, methods),
      };
    }),
  );
  const retry = useCallback(() => void store.retrySlice(name), [store, name]);
  const dismissFailure = useCallback(() => store.dismissSliceFailure(name), [store, name]);
  return useMemo(
    () => ({ load, hydrated: load === 'ready' || load === 'error', syncPending, syncNotice, failure, retry, dismissFailure }),
    [load, syncPending, syncNotice, failure, retry, dismissFailure],
  );
}
