export * from './money';
export * from './fiscal-year';
export * from './state-machine';
export * from './reference';
export * from './errors';
export * from './schemas';
export * from './performance';
export * from './calls';
