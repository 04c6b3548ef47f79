export * from './tables';
export * from './create-db';
export * from './migrate';
export * from './transaction';
export * from './audit';
export { migrations } from './migrations';
