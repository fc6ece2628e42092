export { html, SafeHtml } from './html';
export { noticeMessageId } from './message-id';
export { KIND_INFO, LEVEL_INFO, type KindInfo, type NoticeLevel } from './notice-kinds';
export {
  renderNoticeMail,
  taskLink,
  timeLeftPhrase,
  type NoticeItem,
  type NoticeMailInput,
  type NoticeRole,
  type RenderedMail,
} from './notice-mail';
export {
  MAIL_TRANSPORT,
  SmtpMailTransport,
  smtpPoolOptions,
  type MailReceipt,
  type MailTransport,
  type OutgoingMail,
} from './mail-transport';
export { classifySmtpError, type SmtpFailure } from './smtp-failure';
export * from './mail-deliveries.service';
export { SendSlots } from './send-slots';
export {
  DEFAULT_DELIVER_RETRY,
  deliverMailJob,
  deliverMailJobAfterFirstAttempt,
  firstAttemptIsLast,
  type DeliverRetry,
} from './mail-jobs';
