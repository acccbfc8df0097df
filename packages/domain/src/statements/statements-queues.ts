/** The statements module's job queue: the emailed notice of a statement. */
export const SEND_STATEMENT_NOTICE_QUEUE = 'statements.send-notice';
