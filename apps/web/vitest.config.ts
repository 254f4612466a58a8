import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'web',
    environment: 'node',
    // The console formats dates in the reader's locale and time zone; fixed here so results match on every machine.
    env: { LC_ALL: 'en_US.UTF-8', TZ: 'Europe/Berlin' },
  },
});
