// Glyphs drawn in currentColor, hidden from assistive technology: the button around each carries the name.

/** ⓘ: opens an explanation. */
export function InfoIcon() {
  return (
    <svg data-slot="icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.75" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="8" cy="4.9" r="1" fill="currentColor" />
      <path d="M8 7.2v4.4" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

/** ✕: closes a popover, dialog or sheet. */
export function CloseIcon() {
  return (
    <svg data-slot="icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
