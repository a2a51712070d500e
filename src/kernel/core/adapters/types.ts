import type { Complaint, ComplaintAttachment, ComplaintDraft, ComplaintTicket } from '../../../rights/complaints/core/model.js';
import type { MinorAgeBand, MinorModeRecord, MinorModeUsage } from '../../../rights/minor-mode/core/model.js';
import type { ConsentReceipt, StoredConsentReceipt } from '../../../rights/consent/core/model.js';
import type { OutboxEntry } from '../outbox/outbox.js';
import type { InterestOption, NotInterestedFeedback, TagIntensity, UserTag, UserTagProfile } from '../../../rights/tags/core/model.js';
import type { Awaitable, PreferencesRecord } from '../types.js';

/** What every read gets: a signal the kit aborts when it stops waiting (a timeout, or the provider unmounting). */
export interface ReadOptions {
  signal: AbortSignal;
}

/**
 * What every write gets as its last argument.
 * - `idempotencyKey`: the same on every retry of one write, and new for every new write. A backend that
 *   has already carried out a write with this key answers as before and does not do it again.
 * - `signal`: aborted when the kit gives up on this attempt (a timeout, or the provider unmounting). Stop
 *   the request if you can; a write that resolves after its signal aborted counts as failed and is retried.
 */
export interface WriteOptions {
  idempotencyKey: string;
  signal: AbortSignal;
}

/**
 * Lets the kit hear of changes made elsewhere: another tab, another provider
 * on the page, or the server. Call `onChange` whenever the stored data may have
 * changed; the kit reads it again and merges. Returns the function that stops
 * listening.
 */
export type Subscribe = (onChange: () => void) => () => void;

/**
 * Reads and writes a user's personalization preferences (ALG 17, PIPL 24).
 * The platform's backend stays the source of truth; the kit validates what
 * `load` returns.
 */
export interface PreferencesAdapter {
  /**
   * Reads the stored preferences.
   * @returns the stored record, or `null` when none is stored. Throw (or reject) when the read itself
   * fails; the kit then falls back to non-personalized for every scope and reports the failure.
   */
  load(options: ReadOptions): Awaitable<PreferencesRecord | null>;
  /**
   * Stores `record`, keeping for each field whichever value has the higher revision, and on equal
   * revisions the privacy-protective one: store `mergePreferenceRecords(stored, record)`. Resolve once
   * it is durable, optionally with the record now stored. Reject on failure: the kit keeps
   * privacy-protective choices and retries them, and rolls other choices back.
   */
  save(record: PreferencesRecord, options: WriteOptions): Awaitable<PreferencesRecord | void>;
  /** Optional: tells the kit when the preferences changed elsewhere. */
  subscribe?: Subscribe;
}

/**
 * Reads the user's tags and carries out what the user does with them
 * (ALG 17 ¶2: 选择或者删除…用户标签; 清朗 2024: 负反馈). Only `load` and
 * `remove` are required; the manager offers undo, interests, intensity and
 * "not interested" only where the adapter has the method behind them.
 */
export interface TagsAdapter {
  /**
   * Reads the user's tags, their categories and intensities.
   * @returns the profile, or `null` when the user has none. Throw (or reject) when the read fails; the
   * manager shows a localized message and a retry. Entries that fail validation are set aside and
   * reported; the others are shown.
   */
  load(options: ReadOptions): Awaitable<UserTagProfile | null>;
  /**
   * Deletes tags, so that the recommender no longer uses them. Resolve once durable. On failure the tags
   * stay deleted on screen, the deletion is kept on this device, and the kit retries with the same key.
   * Deleting a tag that is already gone is not an error.
   */
  remove(ids: readonly string[], options: WriteOptions): Awaitable<void>;
  /** Puts back tags the user just deleted, for "undo". Without it the manager offers no undo. */
  restore?(tags: readonly UserTag[], options: WriteOptions): Awaitable<void>;
  /** Adds interests the user chose from the platform's catalogue. Without it the manager offers no catalogue. */
  select?(interests: readonly InterestOption[], options: WriteOptions): Awaitable<void>;
  /** Sets how much of a category the user wants (减少 / 默认 / 增加). Without it the manager shows no intensity. */
  setIntensity?(categoryId: string, intensity: TagIntensity, options: WriteOptions): Awaitable<void>;
  /** Records "not interested" feedback on one item, once per idempotency key. `NotInterestedButton` needs it. */
  notInterested?(feedback: NotInterestedFeedback, options: WriteOptions): Awaitable<void>;
  /** Optional: tells the kit when the tags changed elsewhere. */
  subscribe?: Subscribe;
}

/**
 * The durable outbox on this device: every write the kit must not lose, from
 * before its adapter is called until the adapter confirms it. Entries are
 * JSON; the kit validates each one it reads, and sets aside what it cannot
 * trust, so one bad entry never blocks the others or new writes.
 */
export interface OutboxAdapter {
  /**
   * Reads every entry, oldest first, as stored.
   * @returns the entries, or `null` when there are none. Throw (or reject) when the outbox itself cannot
   * be read (corrupt, or written by a newer kit): the kit then treats a privacy-protective choice as
   * possibly lost, falls back to protective values and says so.
   */
  load(options: ReadOptions): Awaitable<readonly unknown[] | null>;
  /** Adds entries, replacing any with the same key. Resolve once durable; reject when it cannot be stored. */
  put(entries: readonly OutboxEntry[]): Awaitable<void>;
  /** Removes the entries with these keys; unknown keys are ignored. */
  delete(keys: readonly string[]): Awaitable<void>;
  /** Moves entries the kit could not validate out of the outbox, keeping them for inspection. `entries` are values `load` returned. */
  setAside(entries: readonly unknown[]): Awaitable<void>;
  /** Optional: tells the kit when another tab or provider changed the outbox. */
  subscribe?: Subscribe;
}

/**
 * Takes complaints, appeals and reports to the platform's ticket system and
 * lists the user's tickets (ALG 22, GENAI 15, DS 12). The kit keeps each
 * submission in the outbox on this device, with one idempotency key, until
 * `submit` returns its ticket: a backend that makes one ticket per key gives
 * the user exactly one ticket however often the kit retries.
 */
export interface ComplaintsAdapter {
  /**
   * Files one complaint and returns its ticket: id, time received, kind, and the due date if the
   * platform sets one (else the kit counts the form's deadline in working days). A repeated
   * `idempotencyKey` returns the ticket made the first time and makes no other. Reject on failure:
   * the kit keeps the complaint on this device and retries it with the same key.
   */
  submit(complaint: Complaint, options: WriteOptions): Awaitable<ComplaintTicket>;
  /** The user's tickets, newest first or in any order; the kit validates each and sorts them. */
  list(options: ReadOptions): Awaitable<readonly ComplaintTicket[]>;
  /** One ticket, or `null` when there is none with that id. */
  get?(id: string, options: ReadOptions): Awaitable<ComplaintTicket | null>;
  /**
   * Takes one attachment (a screenshot) before the complaint is submitted, and returns its id, which
   * the complaint then carries. Without it the form offers no attachments.
   */
  uploadAttachment?(file: Blob & { name?: string }, options: WriteOptions): Awaitable<ComplaintAttachment>;
  /** Optional: tells the kit when a ticket's status changed, so the list is read again. */
  subscribe?: Subscribe;
}

/** Keeps unsent complaint drafts on this device, so a reload or a closed dialog loses nothing. */
export interface ComplaintDraftsAdapter {
  /** Every draft, by form (an item's id, or `center`), or `null` when there are none. */
  load(options: ReadOptions): Awaitable<Record<string, ComplaintDraft> | null>;
  /** Stores every draft, replacing what was stored. */
  save(drafts: Record<string, ComplaintDraft>): Awaitable<void>;
}

/**
 * Keeps the user's consent receipts (PIPL 14–17; ISO/IEC TS 27560): the proof of each consent given,
 * renewed, declined or withdrawn, with the hash of the exact text shown. The platform keeps them for its
 * personal-information compliance audits (PIPL 54) and, for children, the minors' audit reports.
 */
export interface ConsentAdapter {
  /**
   * The user's receipts, in any order.
   * @returns the receipts, or `null` when there are none. Throw (or reject) when the read fails: the kit
   * then asks for nothing it does not have to, and retries.
   */
  load(options: ReadOptions): Awaitable<readonly StoredConsentReceipt[] | null>;
  /**
   * Stores one receipt, append-only, and returns it as stored, with the backend's `receiptId` and
   * `storedAt`. A repeated `idempotencyKey` returns the receipt stored the first time and stores no
   * other. Reject on failure: the kit keeps the receipt on this device and retries with the same key.
   */
  record(receipt: ConsentReceipt, options: WriteOptions): Awaitable<StoredConsentReceipt>;
  /** Optional: tells the kit when receipts changed elsewhere (another tab or device). */
  subscribe?: Subscribe;
}

/** Why the kit asks for the guardian: to leave minor mode, change its settings, grant time, or approve a payment. */
export type GuardianPurpose = 'exit' | 'settings' | 'grant-time' | 'spending';

/** What the device's own minor mode says, when the platform can read it. */
export interface DeviceMinorModeSignal {
  /** Whether the device's minor mode is on. */
  on: boolean;
  /** The device's age band, if it has one; else the kit uses the strictest band until the guardian sets one. */
  ageBand?: MinorAgeBand;
}

/**
 * Keeps minor mode (未成年人模式, MIN 43) and the guardian's PIN. The record (on or off, the band, the
 * limits) is domain data the platform may keep on its backend; the usage (today's time, the lockout) is
 * this device's own count. The PIN never leaves the adapter: the kit hands it over to set or check it,
 * and the embedded adapters keep only a salted PBKDF2-SHA-256 hash.
 */
export interface MinorModeAdapter {
  /**
   * Reads minor mode. @returns the record, or `null` when it was never set up. Throw when the read
   * fails: if minor mode was on, the kit keeps it on with the strictest band's defaults and says so.
   */
  load(options: ReadOptions): Awaitable<MinorModeRecord | null>;
  /** Stores the record, replacing what is stored unless the stored one has a higher `revision`. Resolve once durable. */
  save(record: MinorModeRecord, options: WriteOptions): Awaitable<void>;
  /** Reads this device's usage, or `null` when there is none. Throw when it cannot be read: the kit then counts today's time as used. */
  loadUsage(options: ReadOptions): Awaitable<MinorModeUsage | null>;
  /** Stores this device's usage; the kit calls it about once a minute while the app is used. */
  saveUsage(usage: MinorModeUsage): Awaitable<void>;
  /** Whether a guardian PIN is set. */
  hasPin(options: ReadOptions): Awaitable<boolean>;
  /** Sets the guardian PIN. Store a salted, slow hash, never the PIN itself, and never log it. */
  setPin(pin: string, options: WriteOptions): Awaitable<void>;
  /** Whether `pin` is the guardian's. The kit counts wrong tries and locks the PIN after five. */
  verifyPin(pin: string, options: ReadOptions): Awaitable<boolean>;
  /**
   * Optional: the platform's own guardian check (a server-side password, a fingerprint or face check,
   * MMG 2024). Resolve `true` once the guardian passed it. With it, the kit asks no PIN.
   */
  verifyGuardian?(request: { purpose: GuardianPurpose }, options: ReadOptions): Awaitable<boolean>;
  /** Optional: the server's time, in milliseconds since 1970. With it, the device clock cannot move the curfew or the day. */
  serverTime?(options: ReadOptions): Awaitable<number>;
  /** Optional: the device's own minor mode (its one-key switch, MMG 2024). The kit follows it: when it turns on, so does the app. */
  deviceMinorMode?(): Awaitable<DeviceMinorModeSignal | null>;
  /** Optional: tells the kit when the record or the device's minor mode changed elsewhere. */
  subscribe?: Subscribe;
}

/** The adapters a `RightsProvider` or `createRightsStore` works through. Each defaults to the browser's localStorage. */
export interface RightsAdapters {
  /** Where preferences live. Default: {@link createLocalStoragePreferencesAdapter}. */
  preferences?: PreferencesAdapter;
  /** Where the user's tags live. Default: {@link createLocalStorageTagsAdapter}. */
  tags?: TagsAdapter;
  /**
   * Where writes wait until their adapter confirms them, on this device: opt-outs, tag deletions and
   * feedback survive a failing backend, a reload and a closed tab. Default:
   * {@link createLocalStorageOutboxAdapter}, shared by every tab and provider of the page's origin.
   */
  outbox?: OutboxAdapter;
  /**
   * Where complaints go (ALG 22). Default: {@link createLocalStorageComplaintsAdapter}, for demos only:
   * a complaint kept on the device reaches nobody. Pass one that reaches your ticket system.
   */
  complaints?: ComplaintsAdapter;
  /** Where unsent complaint drafts wait on this device. Default: {@link createLocalStorageComplaintDraftsAdapter}. */
  complaintDrafts?: ComplaintDraftsAdapter;
  /**
   * Where consent receipts go. Default: {@link createLocalStorageConsentAdapter}, for demos only: a
   * receipt kept on the device is no proof for an audit. Pass one that reaches your backend.
   */
  consent?: ConsentAdapter;
  /** Where minor mode and the guardian PIN are kept. Default: {@link createLocalStorageMinorModeAdapter}, on this device. */
  minorMode?: MinorModeAdapter;
}

/** The name of one adapter in {@link RightsAdapters}. */
export type AdapterName = keyof RightsAdapters;
