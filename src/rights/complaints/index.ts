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
