// The complaint entry's public names, which the package root (src/index.ts) re-exports: its core (model, adapters, conformance
// suite, slice, events), then its components and hooks. src/package-exports.test.ts holds the list. The register
// import brings the right's types into the kernel's RightsRegistry by declaration merging.
import './core/register.js';
export {
  COMPLAINT_DEADLINE_CEILING,
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  DEFAULT_ATTACHMENT_LIMITS,
  complaintDeadline,
  parseComplaintTicket,
  type AttachmentLimits,
  type AttachmentRejection,
  type Complainant,
  type Complaint,
  type ComplaintAttachment,
  type ComplaintDeadlines,
  type ComplaintDraft,
  type ComplaintKind,
  type ComplaintRefusal,
  type ComplaintStatus,
  type ComplaintSubject,
  type ComplaintTicket,
} from './core/model.js';
export type { ComplaintDraftsAdapter, ComplaintsAdapter } from './core/adapter.js';
export {
  STORED_COMPLAINTS_VERSION,
  createLocalStorageComplaintDraftsAdapter,
  createLocalStorageComplaintsAdapter,
  createMemoryComplaintDraftsAdapter,
  createMemoryComplaintsAdapter,
  type EmbeddedComplaintsAdapterOptions,
  type LocalStorageComplaintsAdapterOptions,
  type MemoryComplaintsAdapterOptions,
  type StoredComplaints,
} from './core/adapters.js';
export {
  runComplaintsAdapterConformance,
  type ComplaintsAdapterConformanceOptions,
  type ComplaintsInspector,
} from './core/conformance.js';
export {
  complaintsSlice,
  selectPendingComplaints,
  type ComplaintsAction,
  type ComplaintsCapabilities,
  type ComplaintsSlice,
  type ComplaintsState,
  type RightsStateWithComplaints,
} from './core/slice.js';
export { type ComplaintsEvent, type ComplaintsEventType } from './core/events.js';
export { ComplaintCenter, type ComplaintCenterProps } from './complaint-center.js';
export { ComplaintForm, type ComplaintFormProps } from './complaint-form.js';
export { ComplaintTickets, type ComplaintTicketsProps } from './complaint-tickets.js';
export { REPORT_KINDS, ReportButton, type ReportButtonProps } from './report-button.js';
export {
  ticketDue,
  useComplaintForm,
  useComplaintTickets,
  useComplaints,
  type AttachmentRejectionNotice,
  type ComplaintDeadlineOptions,
  type TicketDue,
  type UseComplaintFormOptions,
  type UseComplaintFormResult,
  type UseComplaintTicketsOptions,
  type UseComplaintTicketsResult,
  type UseComplaintsResult,
} from './use-complaints.js';
