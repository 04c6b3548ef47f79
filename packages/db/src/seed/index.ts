export * from './reference';
export * from './demo';
