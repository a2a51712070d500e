/**
 * What each right adds to the store, by declaration merging: a right extends this interface from its
 * own `core/register.ts`, and the kernel's combined types ({@link RightsState}, {@link RightsAdapters},
 * {@link RightsEvent}, {@link RegisteredErrorCode}) follow, so adding a right edits no kernel file.
 *
 * ```ts
 * declare module '../../../kernel/core/store/registry.js' {
 *   interface RightsRegistry {
 *     tags: { state: TagsSlice; adapters: { tags?: TagsAdapter }; events: TagsEvent; errors: 'tags-invalid' };
 *   }
 * }
 * ```
 *
 * This file imports nothing, so every kernel file may read the registry without an import cycle.
 */
export interface RightsRegistry {}

/** The shape of one entry of {@link RightsRegistry}. */
export interface RightsRegistration {
  /** The slice's data and actions, as they sit in the store's state. */
  state: object;
  /** The adapters the right works through, each optional (a default is used when the provider passes none). */
  adapters: object;
  /** The audit events the right emits. */
  events: { type: string };
  /** The right's own error codes, each with its message under `errors.<code>`. */
  errors: string;
}

type Registered = {
  [Name in keyof RightsRegistry]: RightsRegistry[Name] extends RightsRegistration ? RightsRegistry[Name] : never;
}[keyof RightsRegistry];

type Intersection<Union> = (Union extends unknown ? (value: Union) => void : never) extends (value: infer Both) => void ? Both : never;

/** Every right's slice, merged: the whole store's state (the kernel registers the outbox like a right). */
export type RightsState = Intersection<Registered['state']>;

/** The adapters a `RightsProvider` or `createRightsStore` works through. Each defaults to the browser's localStorage. */
export type RightsAdapters = Intersection<Registered['adapters']>;

/** The name of one adapter in {@link RightsAdapters}. */
export type AdapterName = keyof RightsAdapters & string;

/**
 * One rights action, for the platform's audit log (网络数据安全管理条例 44;
 * PIPL 54–56). It holds no personal data beyond ids. Narrow on `type`.
 */
export type RightsEvent = Registered['events'];

/** The error codes the rights registered, beside the kernel's own. */
export type RegisteredErrorCode = Registered['errors'];
