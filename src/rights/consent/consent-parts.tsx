import { Dialog } from 'radix-ui';
import { useId, type ReactNode } from 'react';
import type { ConsentDocument } from './core/model.js';
import type { Translate } from '../../kernel/core/i18n/create-rights-i18n.js';
import { portalTarget, type OverlayContainer } from '../../kernel/ui/portal-scope.js';
import { RightsSheet } from '../../kernel/ui/rights-sheet.js';
import { usePresentation } from '../../kernel/ui/use-presentation.js';

/** Formats a calendar date (`YYYY-MM-DD`) in the user's language, as the date it names. */
export function formatConsentDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

/** Formats an instant with its time, in the user's language. */
export function formatConsentTime(instant: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

/** 《A》和《B》, 《A》、《B》和《C》: the documents' names, joined as the locale joins a list. */
export function documentNames(t: Translate, documents: readonly { title: string }[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(documents.map((document) => t('consent.agreement.documentName', { title: document.title })));
}

type Block = { kind: 'heading'; level: number; text: string } | { kind: 'list'; ordered: boolean; items: string[] } | { kind: 'paragraph'; text: string };

/**
 * A safe subset of Markdown: headings (#), bulleted (-, *) and numbered (1.) lists, paragraphs and
 * **bold**. It makes React elements from text, so nothing in a document can become HTML, a script or a
 * link; anything else shows as written.
 */
export function parseMarkdownBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) {
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0] ?? '');
    if (heading && lines.length === 1) {
      blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
    } else if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
      blocks.push({ kind: 'list', ordered: false, items: lines.map((line) => line.replace(/^\s*[-*]\s+/, '')) });
    } else if (lines.every((line) => /^\s*\d+[.)]\s+/.test(line))) {
      blocks.push({ kind: 'list', ordered: true, items: lines.map((line) => line.replace(/^\s*\d+[.)]\s+/, '')) });
    } else {
      blocks.push({ kind: 'paragraph', text: lines.join('\n') });
    }
  }
  return blocks;
}

function Inline(props: { text: string }) {
  const parts = props.text.split(/(\*\*[^*]+\*\*)/g);
  return <>{parts.map((part, index) => (/^\*\*[^*]+\*\*$/.test(part) ? <strong key={index}>{part.slice(2, -2)}</strong> : part))}</>;
}

/** A document's text: plain text exactly as given (so what is shown is what is hashed), or the safe Markdown subset. */
export function ConsentText(props: { text: string; format: 'plain' | 'markdown' | undefined; headingLevel: number }) {
  if (props.format !== 'markdown') {
    return <div data-slot="consent-document-plain">{props.text}</div>;
  }
  return (
    <div data-slot="consent-document-markdown">
      {parseMarkdownBlocks(props.text).map((block, index) => {
        if (block.kind === 'heading') {
          const Heading = `h${Math.min(6, props.headingLevel + block.level)}` as 'h4';
          return (
            <Heading key={index} data-slot="consent-document-heading">
              <Inline text={block.text} />
            </Heading>
          );
        }
        if (block.kind === 'list') {
          const List = block.ordered ? 'ol' : 'ul';
          return (
            <List key={index}>
              {block.items.map((item, itemIndex) => (
                <li key={itemIndex}>
                  <Inline text={item} />
                </li>
              ))}
            </List>
          );
        }
        return (
          <p key={index}>
            <Inline text={block.text} />
          </p>
        );
      })}
    </div>
  );
}

/** One document: its title, version and effective date, what changed, and its text at body size in a scrollable region. */
export function ConsentDocumentView(props: { document: ConsentDocument; t: Translate; locale: string; headingLevel: 3 | 4; changed: boolean }) {
  const { document, t, locale, headingLevel, changed } = props;
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h4';
  return (
    <section data-slot="consent-document" data-document-id={document.id} aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} data-slot="consent-document-title">
        {document.title}
      </Heading>
      <p data-slot="consent-document-meta" data-ar-part="muted" data-ar-variant="small">{t('consent.documentMeta', { version: document.version, date: formatConsentDate(document.effectiveDate, locale) })}</p>
      {changed && document.change ? (
        <div data-slot="consent-document-change" data-change={document.change.kind}>
          <Sub data-slot="consent-document-change-title">{t('consent.agreement.changeTitle')}</Sub>
          <p data-slot="consent-document-change-summary">{document.change.summary}</p>
          <p data-slot="consent-document-change-note">{t(document.change.kind === 'notice' ? 'consent.agreement.noticeNote' : 'consent.agreement.renewNote')}</p>
        </div>
      ) : null}
      {/* A keyboard user scrolls it too: the region takes focus, named by the document. */}
      <div data-slot="consent-document-body" role="region" tabIndex={0} aria-label={t('consent.documentText', { title: document.title })}>
        <ConsentText text={document.text} format={document.format} headingLevel={headingLevel} />
        {document.generative?.audience ? (
          <>
            <Sub data-slot="consent-document-heading">{t('consent.agreement.audience')}</Sub>
            <ConsentText text={document.generative.audience} format={document.format} headingLevel={headingLevel + 1} />
          </>
        ) : null}
        {document.generative?.labelling ? (
          <>
            <Sub data-slot="consent-document-heading">{t('consent.agreement.labelling')}</Sub>
            <ConsentText text={document.generative.labelling} format={document.format} headingLevel={headingLevel + 1} />
          </>
        ) : null}
      </div>
    </section>
  );
}

/** How a consent prompt shows: a bottom sheet on a phone, a dialog on a wider screen (`auto`), or in place. */
export type ConsentPresentation = 'auto' | 'sheet' | 'dialog' | 'inline';

/**
 * The frame of a consent prompt: modal, with no ✕ and no dismissal by Escape or a tap outside, since
 * 不同意 is the one way out and as prominent as 同意; or a region in place.
 */
export function ConsentOverlay(props: { slot: string; open: boolean; presentation: ConsentPresentation; container?: OverlayContainer; root: Element | null; title: ReactNode; children: ReactNode }) {
  const { slot, open, presentation, container, root, title, children } = props;
  const phone = usePresentation('auto') === 'sheet';
  const titleId = useId();
  if (presentation === 'inline') {
    return open ? (
      <section data-slot={`${slot}-panel`} data-presentation="inline" aria-labelledby={titleId}>
        <h2 id={titleId} data-slot={`${slot}-title`}>
          {title}
        </h2>
        {children}
      </section>
    ) : null;
  }
  const shown = presentation === 'auto' ? (phone ? 'sheet' : 'dialog') : presentation;
  const target = portalTarget(root, container);
  return (
    <Dialog.Root open={open} modal>
      <RightsSheet
        slots={{ overlay: `${slot}-overlay`, content: `${slot}-panel`, title: `${slot}-title` }}
        target={target}
        presentation={shown}
        title={title}
        aria-describedby={undefined}
        onEscapeKeyDown={(event) => event.preventDefault()}
        onPointerDownOutside={(event) => event.preventDefault()}
        onInteractOutside={(event) => event.preventDefault()}
      >
        {children}
      </RightsSheet>
    </Dialog.Root>
  );
}
