import { createTestApp, type TestApp } from '../../simulator/adapters/testing.ts';
import type { AppDeps } from '../../simulator/http/create-app.ts';
import { expectValidV1Response } from './validate-response.ts';

// Operations the simulator adds for clients that look around; they are not in Cisco's two files.
const UNPUBLISHED = /^\/v1\/(people\/me|locations)\b/;

/** A test app whose every successful `/v1` answer must match Cisco's OpenAPI file, or the call throws. */
export const createValidatingApp = (deps: Partial<AppDeps> = {}): TestApp => {
  const t = createTestApp(deps);
  return {
    ...t,
    call: async (method, path, init) => {
      const answer = await t.call(method, path, init);
      const inWorld = path.replace(/^\/w\/[^/]+/, '');
      if (inWorld.startsWith('/v1/') && !UNPUBLISHED.test(inWorld) && answer.status < 300) expectValidV1Response(answer, method, inWorld);
      return answer;
    },
  };
};
