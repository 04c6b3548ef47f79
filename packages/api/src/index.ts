export { appRouter, createCaller, type AppRouter } from './router';
export { createContext, type ApiDeps, type Context, type RequestMeta, type SessionCookie } from './context';
export { defaultApiConfig, type ApiConfig } from './config';
export { createMailer, type Mailer } from './mail/mailer';
export { hashPassword } from './auth/password';
export { isDatabaseUnavailable } from './errors';
export type { ErrorData, FieldError } from './trpc';
export { createDiskFileStore, createMemoryFileStore, type FileStore } from './files/file-store';
export { readAttachment, uploadAttachment } from './services/attachments';
