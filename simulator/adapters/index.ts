/**
 * `provisim`: the simulator as a Hono app (`createApp`, over a `createMemoryStore()` store or your
 * own) and the public types. `provisim/msw`, `provisim/testing` and `provisim/node` are the ways in
 * for MSW, tests and a server started from code.
 */
export { createApp, type AppDeps, type RootEnv } from '../http/create-app.ts';
export { createMemoryStore, MemoryStore } from '../store/memory-store.ts';
export type { Store, StoreReader, Change, Entity } from '../core/kernel/store-port.ts';
export type { ClockInit, ClockMode } from '../core/kernel/clock.ts';
export type { MailView } from '../http/links.ts';
export type { JournalEntry, JournalFilter } from '../http/request-journal.ts';
export type {
  ClockView,
  Fault,
  FaultView,
  HttpMethod,
  RequestFault,
  RequestsFilter,
  SimWorld,
  SnapshotView,
  StepFault,
  StepFaultKind,
  WorldExport,
} from './sim-types.ts';
export type { HandlersOptions } from './msw-options.ts';
export type { TestAnswer, TestApp, TestCall, TestWorld, Tokens } from './testing.ts';
export type { Listening, RunningServer, ServerOptions } from './node.ts';
