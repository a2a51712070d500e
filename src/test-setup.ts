import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { format } from 'node:util';
import { afterEach, beforeEach } from 'vitest';

// React reports what it finds wrong (an update during another component's render, a missing key, an
// update outside act) through console.error and carries on; a test that triggers one fails here.
const original = console.error;
let reported: string[] = [];

beforeEach(() => {
  reported = [];
  console.error = (...args: unknown[]) => {
    reported.push(format(...args));
    original(...args);
  };
});

afterEach(() => {
  cleanup();
  console.error = original;
  globalThis.localStorage?.clear();
  if (reported.length > 0) {
    const messages = reported;
    reported = [];
    throw new Error(`console.error was called ${messages.length} time(s) during the test:\n${messages.map((message) => message.split('\n')[0]).join('\n')}`);
  }
});
