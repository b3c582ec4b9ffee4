// The browser bundle a frontend makes with provisim/msw (built by browser-bundle.test.ts).
import { setupWorker } from 'msw/browser';
import { createHandlers } from 'provisim/msw';

export const worker = setupWorker(...createHandlers());
