import fc from 'fast-check';
import { consentSlice, selectEffectiveReceipts, type RightsStateWithConsent } from './slice.js';
import { createConsentReceipt, isConsentReceipt, type ConsentDocument, type ConsentEventKind, type SeparateConsentRequest } from './model.js';
import type { ModelWorld, Tab } from '../../../test-support/model-world.js';
import { checkAlways, fail, pendingEntries, tabIndex, tabOf, userAction, type Command, type Model, type ModelRight } from '../../../test-support/model.js';

/** Every consent event the user made, by the receipt's record id, that the kit must not lose. */
export interface ConsentModel {
  made: Map<string, { event: ConsentEventKind; documentId: string; tab: Tab }>;
}

declare module '../../../test-support/model.js' {
  interface ModelRights {
    consent: ConsentModel;
  }
}

const mine = (model: Model) => model.rights.consent;
const stateOf = (tab: Tab) => tab.store.getState() as RightsStateWithConsent;

/** What `AgreementConsent` shows: the service agreement. */
const AGREEMENT: ConsentDocument = {
  id: 'service-agreement',
  version: '2026-11',
  kind: 'service-agreement',
  title: '用户服务协议',
  effectiveDate: '2026-11-01',
  text: '本协议是您与平台之间关于使用服务的约定。',
};

/** What `SeparateConsent` asks: sharing with a third party (PIPL 23). */
const SHARING: SeparateConsentRequest = {
  id: 'share-with-payments',
  version: '1',
  purpose: 'third-party',
  title: '向支付服务提供者提供信息',
  purposeText: '完成支付',
  data: '手机号码、订单信息',
  necessity: '不提供将无法完成支付',
  recipient: { name: '某支付公司', contact: 'privacy@example.com' },
};

const SOURCES = { agreement: AGREEMENT, sharing: SHARING } as const;

/** The user gives, declines or withdraws one consent, as the consent views record it: a receipt of what was shown, through the slice. */
class RecordConsent implements Command {
  constructor(
    readonly tab: number,
    readonly source: keyof typeof SOURCES,
    readonly event: 'given' | 'declined' | 'withdrawn',
  ) {}
  check = () => true;
  async run(model: Model, world: ModelWorld) {
    const tab = tabOf(world, this.tab);
    const receipt = await createConsentReceipt(SOURCES[this.source], { event: this.event, locale: 'zh-CN', subjectId: 'user-1', now: stateOf(tab).consentNow() });
    const { changed } = await userAction(model, world, tab, () => stateOf(tab).recordConsent(receipt));
    if (changed?.type === `consent.${this.event}`) {
      mine(model).made.set(receipt.recordId, { event: this.event, documentId: receipt.documentId, tab });
    }
    await world.clock.settle();
    checkAlways(model, world);
  }
  toString = () => `tab${this.tab}.consent(${this.source}, ${this.event})`;
}

/** Consent's part of the proof: giving (submit-once), declining and withdrawing (protective), for an agreement and a separate consent. */
export const consentModel: ModelRight<'consent'> = {
  name: 'consent',
  initial: () => ({ made: new Map() }),
  slices: [consentSlice],
  mounted: (store) => (store.getState() as RightsStateWithConsent).loadConsent(),
  methods: ['consent.load', 'consent.record'],

  commands: () => [
    fc
      .tuple(tabIndex, fc.constantFrom<keyof typeof SOURCES>('agreement', 'sharing'), fc.constantFrom('given' as const, 'declined' as const, 'withdrawn' as const))
      .map(([index, source, event]) => new RecordConsent(index, source, event)),
    fc.tuple(tabIndex, fc.constantFrom<keyof typeof SOURCES>('agreement', 'sharing')).map(([index, source]) => new RecordConsent(index, source, 'withdrawn')),
  ],

  always(model, world) {
    const pending = new Set(
      pendingEntries(world).flatMap((entry) => (entry.slice === 'consent' && isConsentReceipt(entry.args[0]) ? [entry.args[0].recordId] : [])),
    );
    const stored = new Set(world.backend.receipts.map(({ receipt }) => receipt.recordId));
    for (const [recordId, { event, documentId, tab }] of mine(model).made) {
      // A withdrawal (and every receipt) is on the backend or in the outbox.
      if (!stored.has(recordId) && !pending.has(recordId)) {
        fail(`the ${event} receipt of ${documentId} is neither on the backend nor in the outbox`);
      }
      // A decline or withdrawal stays in effect in the tab that made it, as long as that tab is open: also
      // once another tab's retry stored it while this tab could not read its receipts.
      if ((event === 'declined' || event === 'withdrawn') && world.tabs.includes(tab) && !selectEffectiveReceipts(stateOf(tab)).some((receipt) => receipt.recordId === recordId)) {
        fail(`the ${event} receipt of ${documentId} is no longer in effect in the tab that made it`);
      }
    }
  },

  settled(model, world) {
    const byRecord = new Map<string, number>();
    const byKey = new Map<string, number>();
    for (const { key, receipt } of world.backend.receipts) {
      byRecord.set(receipt.recordId, (byRecord.get(receipt.recordId) ?? 0) + 1);
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    for (const [key, count] of byKey) {
      if (count !== 1) {
        fail(`the backend stored ${count} receipts under the key ${key}`);
      }
    }
    for (const [recordId, count] of byRecord) {
      if (count !== 1) {
        fail(`one consent event (${recordId}) was stored as ${count} receipts`);
      }
    }
    for (const [recordId, { event, documentId }] of mine(model).made) {
      if (!byRecord.has(recordId)) {
        fail(`after recovery the backend has no receipt of the ${event} of ${documentId}`);
      }
    }
  },

  closed(model, _world, { lost }) {
    for (const entry of lost) {
      if (entry.slice === 'consent' && isConsentReceipt(entry.args[0])) {
        mine(model).made.delete(entry.args[0].recordId);
      }
    }
  },
};
