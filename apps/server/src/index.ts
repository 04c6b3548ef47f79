export { buildServer, SESSION_COOKIE, LANGUAGE_COOKIE } from './server';
export { startServer, type RunningServer } from './start';
export { loadConfig, type ServerConfig } from './config';
