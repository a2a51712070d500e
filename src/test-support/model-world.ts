import { createMemoryOutboxAdapter } from '../kernel/core/outbox/outbox-adapters.js';
import type { MemoryCell } from '../kernel/core/adapters/storage.js';
import type { WriteOptions } from '../kernel/core/adapters/types.js';
import type { PreferencesAdapter } from '../rights/personalization/core/adapter.js';
import type { TagsAdapter } from '../rights/tags/core/adapter.js';
import type { MinorModeAdapter } from '../rights/minor-mode/core/adapter.js';
import type { ConsentAdapter } from '../rights/consent/core/adapter.js';
import type { ComplaintsAdapter } from '../rights/complaints/core/adapter.js';
import { createManualClock, type ManualClock } from '../kernel/core/clock.js';
import type { RightsEvent } from '../kernel/core/events.js';
import { mergePreferenceRecords } from '../rights/personalization/core/model.js';
import { createRightsStore, type RightsStore } from '../store.js';
import type { SliceDescriptor } from '../kernel/core/store/define-slice.js';
import { tagsSlice } from '../rights/tags/core/slice.js';
import type { InterestOption, NotInterestedFeedback, TagIntensity, UserTag } from '../rights/tags/core/model.js';
import type { PreferencesRecord } from '../kernel/core/types.js';
import type { MinorModeRecord, MinorModeUsage } from '../rights/minor-mode/core/model.js';
import type { StoredConsentReceipt } from '../rights/consent/core/model.js';
import { createMemoryComplaintDraftsAdapter } from '../rights/complaints/core/adapters.js';
import type { ComplaintTicket } from '../rights/complaints/core/model.js';

/** How one backend method misbehaves. */
export type Fault = 'ok' | 'reject' | 'hang' | 'slow' | 'commitThenReject' | 'commitThenHang' | 'throwSync';

export const WRITE_TIMEOUT_MS = 5000;
export const FAULTS: readonly Fault[] = ['ok', 'reject', 'hang', 'slow', 'commitThenReject', 'commitThenHang', 'throwSync'];
/**
 * A backend method faults can be set on: a preferences or tags method by its old name (`save`, `remove`,
 * `loadPreferences`, `loadTags`, …), every other right's as `<right>.<method>`. Each right's model
 * commands say which of them they use.
 */
export type BackendMethod = string;

export const TAG_IDS = ['t1', 't2', 't3'] as const;
export const INTEREST_IDS = ['i1', 'i2'] as const;

/** One call the backend received. */
export interface BackendCall {
  method: string;
  key: string;
  payload: string;
}

/**
 * A platform's backend, as the kit's contract asks it to behave: preferences
 * merged by revision, writes carried out once per idempotency key. Each method
 * can be made to fail in every way a network or a server fails, and its clock
 * can differ from the device's.
 */
export class FakeBackend {
  preferences: PreferencesRecord | null = null;
  tags = new Map<string, UserTag>(TAG_IDS.map((id) => [id, { id, label: `tag ${id}`, categoryId: 'c' }]));
  intensities = new Map<string, TagIntensity>();
  feedback: { key: string; itemId: string }[] = [];
  /** Minor mode as the backend keeps it, and the guardian's PIN (plain here: the fake is no vault). */
  minorMode: MinorModeRecord | null = null;
  pin: string | null = null;
  /** This device's minor-mode usage: the device's own count, shared by its tabs. */
  usage: MinorModeUsage | null = null;
  /** Consent receipts, append-only, with the key each was stored under. */
  receipts: { key: string; receipt: StoredConsentReceipt }[] = [];
  /** Complaint tickets, with the key each was made under. */
  tickets: { key: string; text: string; ticket: ComplaintTicket }[] = [];
  calls: BackendCall[] = [];
  faults = new Map<BackendMethod, Fault>();
  /** What each write answered the first time, by key: a repeated key is answered the same (the contract's replay). */
  private readonly answers = new Map<string, unknown>();
  /** How far the server's own clock is from the device's; it stamps what it returns with it. */
  skewMs = 0;
  /** Keys of the writes it has carried out. */
  readonly done = new Set<string>();
  /** Server push: every tab's adapters hear of a change, as with a platform that pushes updates. */
  private readonly listeners = new Set<() => void>();

  private changed() {
    for (const listener of this.listeners) {
      queueMicrotask(listener);
    }
  }

  private subscribe = (onChange: () => void) => {
    this.listeners.add(onChange);
    return () => void this.listeners.delete(onChange);
  };

  constructor(private readonly clock: ManualClock) {}

  heal(): void {
    this.faults.clear();
  }

  private run<T>(method: BackendMethod, options: WriteOptions | undefined, payload: unknown, effect: () => T, replay = false): T | Promise<T> {
    if (options) {
      this.calls.push({ method, key: options.idempotencyKey, payload: JSON.stringify(payload) });
    }
    const fault = this.faults.get(method) ?? 'ok';
    // ALGORIGHTS_TRACE=1 prints every call, to follow a failing history the model-based test found.
    if (process.env.ALGORIGHTS_TRACE) {
      console.log(`[backend t=${this.clock.monotonic()}] ${method} ${fault} ${JSON.stringify(payload)} key=${options?.idempotencyKey.slice(0, 8) ?? ''} tags=${[...this.tags.keys()].join(',')}`);
    }
    const apply = () => {
      if (options && this.done.has(options.idempotencyKey)) {
        return (replay ? structuredClone(this.answers.get(options.idempotencyKey)) : undefined) as T;
      }
      if (options) {
        this.done.add(options.idempotencyKey);
      }
      const result = effect();
      if (options) {
        if (replay) {
          this.answers.set(options.idempotencyKey, structuredClone(result));
        }
        this.changed();
      }
      return result;
    };
    switch (fault) {
      case 'throwSync':
        throw new Error(`${method}: thrown`);
      case 'reject':
        return Promise.reject(new Error(`${method}: refused`));
      case 'hang':
        return new Promise<T>(() => {});
      case 'slow': {
        const result = apply();
        return new Promise<T>((resolve) => this.clock.setTimeout(() => resolve(result), WRITE_TIMEOUT_MS + 1000));
      }
      case 'commitThenReject':
        apply();
        return Promise.reject(new Error(`${method}: answer lost`));
      case 'commitThenHang':
        apply();
        return new Promise<T>(() => {});
      case 'ok':
        return apply();
      default:
        return fault satisfies never;
    }
  }

  preferencesAdapter(): PreferencesAdapter {
    return {
      load: () =>
        this.run('loadPreferences', undefined, null, () =>
          // The server stamps its own time on what it returns; the kit must never order by it.
          this.preferences ? ({ ...structuredClone(this.preferences), updatedAt: new Date(this.clock.now() + this.skewMs).toISOString() } as PreferencesRecord) : null,
        ),
      save: (record, options) =>
        this.run('save', options, record, () => {
          this.preferences = this.preferences ? mergePreferenceRecords(this.preferences, record) : structuredClone(record);
          return structuredClone(this.preferences);
        }),
      subscribe: this.subscribe,
    };
  }

  tagsAdapter(): TagsAdapter {
    return {
      load: () =>
        this.run('loadTags', undefined, null, () => ({
          tags: [...this.tags.values()].map((tag) => ({ ...tag })),
          categories: [{ id: 'c', label: 'Category' }],
          intensities: Object.fromEntries(this.intensities),
        })),
      remove: (ids, options) =>
        this.run('remove', options, ids, () => {
          ids.forEach((id) => this.tags.delete(id));
        }),
      restore: (tags: readonly UserTag[], options) =>
        this.run('restore', options, tags, () => {
          tags.forEach((tag) => this.tags.set(tag.id, { ...tag }));
        }),
      select: (interests: readonly InterestOption[], options) =>
        this.run('select', options, interests, () => {
          interests.forEach(({ id, label, categoryId }) => this.tags.set(id, { id, label, categoryId, source: 'selected' }));
        }),
      setIntensity: (categoryId, intensity, options) =>
        this.run('setIntensity', options, [categoryId, intensity], () => {
          this.intensities.set(categoryId, intensity);
        }),
      notInterested: (feedback: NotInterestedFeedback, options) =>
        this.run('notInterested', options, feedback, () => {
          this.feedback.push({ key: options.idempotencyKey, itemId: feedback.itemId });
        }),
      subscribe: this.subscribe,
    };
  }

  /** The backend's time, as it stamps what it stores. */
  private stamp(): string {
    return new Date(this.clock.now() + this.skewMs).toISOString();
  }

  minorModeAdapter(): MinorModeAdapter {
    return {
      load: () => this.run('minorMode.load', undefined, null, () => structuredClone(this.minorMode)),
      save: (record, options) =>
        this.run('minorMode.save', options, record, () => {
          // The contract: the higher revision wins.
          if (!this.minorMode || this.minorMode.revision <= record.revision) {
            this.minorMode = structuredClone(record);
          }
        }),
      loadUsage: () => this.run('minorMode.loadUsage', undefined, null, () => structuredClone(this.usage)),
      saveUsage: (usage) =>
        this.run('minorMode.saveUsage', undefined, null, () => {
          this.usage = structuredClone(usage);
        }),
      hasPin: () => this.run('minorMode.hasPin', undefined, null, () => this.pin !== null),
      setPin: (pin, options) =>
        this.run('minorMode.setPin', options, '****', () => {
          this.pin = pin;
        }),
      verifyPin: (pin) => this.run('minorMode.verifyPin', undefined, null, () => this.pin !== null && this.pin === pin),
      subscribe: this.subscribe,
    };
  }

  consentAdapter(): ConsentAdapter {
    return {
      load: () => this.run('consent.load', undefined, null, () => this.receipts.map(({ receipt }) => structuredClone(receipt))),
      record: (receipt, options) =>
        this.run(
          'consent.record',
          options,
          receipt,
          () => {
            const stored: StoredConsentReceipt = { ...structuredClone(receipt), receiptId: `R-${this.receipts.length + 1}`, storedAt: this.stamp() };
            this.receipts.push({ key: options.idempotencyKey, receipt: stored });
            return structuredClone(stored);
          },
          true,
        ),
      subscribe: this.subscribe,
    };
  }

  complaintsAdapter(): ComplaintsAdapter {
    return {
      list: () => this.run('complaints.list', undefined, null, () => this.tickets.map(({ ticket }) => structuredClone(ticket))),
      submit: (complaint, options) =>
        this.run(
          'complaints.submit',
          options,
          complaint,
          () => {
            const ticket: ComplaintTicket = { id: `T-${this.tickets.length + 1}`, kind: complaint.kind, receivedAt: this.stamp(), status: 'received' };
            this.tickets.push({ key: options.idempotencyKey, text: complaint.text, ticket });
            return structuredClone(ticket);
          },
          true,
        ),
      subscribe: this.subscribe,
    };
  }
}

/** One tab: a store on the shared device outbox and the shared backend. */
export interface Tab {
  store: RightsStore;
  stop(): void;
  /** How far the event log had got when this tab opened: it knows what the backend and the device held then. */
  openedAt: number;
  /** Set when the page closes: what it does after that is not the user's. */
  closed: boolean;
}

/** What the rights in play register in every tab, and what their views ask for on mount. */
export interface ModelWorldOptions {
  slices: readonly SliceDescriptor[];
  mounted?(store: RightsStore): void;
}

/** One user's browser and backend: up to two tabs over one device outbox. */
export function createModelWorld(options: ModelWorldOptions = { slices: [tagsSlice], mounted: (store) => store.getState().loadTags() }) {
  const clock = createManualClock();
  const backend = new FakeBackend(clock);
  const outboxCell: MemoryCell = { value: null };
  const asideCell: MemoryCell = { value: null };
  const events: RightsEvent[] = [];
  const draftsCell: MemoryCell = { value: null };
  /** When true, the device's storage is full: every write to the outbox fails. */
  const device = { full: false };
  const outboxOn = () => {
    const adapter = createMemoryOutboxAdapter({ cell: outboxCell, asideCell });
    const full = () => {
      if (device.full) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    };
    return {
      ...adapter,
      put: (entries: Parameters<typeof adapter.put>[0]) => (full(), adapter.put(entries)),
      delete: (keys: Parameters<typeof adapter.delete>[0]) => (full(), adapter.delete(keys)),
    };
  };
  const open = (): Tab => {
    const store = createRightsStore({
      clock,
      writeTimeoutMs: WRITE_TIMEOUT_MS,
      loadTimeoutMs: WRITE_TIMEOUT_MS,
      retryDelayMs: 1000,
      adapters: {
        preferences: backend.preferencesAdapter(),
        tags: backend.tagsAdapter(),
        minorMode: backend.minorModeAdapter(),
        consent: backend.consentAdapter(),
        complaints: backend.complaintsAdapter(),
        complaintDrafts: createMemoryComplaintDraftsAdapter({ cell: draftsCell }),
        outbox: outboxOn(),
      },
      onEvent: (event) => events.push(event),
      slices: options.slices,
    });
    const stop = store.connect();
    // What the rights' views ask for when they mount.
    options.mounted?.(store);
    return { store, stop, openedAt: events.length, closed: false };
  };
  return { clock, backend, device, outboxCell, asideCell, events, open, tabs: [open(), null] as [Tab | null, Tab | null] };
}

export type ModelWorld = ReturnType<typeof createModelWorld>;
