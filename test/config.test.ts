import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('has working defaults for development', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_PATH).toBe('var/haritsetu.sqlite');
    expect(config.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', SESSION_IDLE_MINUTES: '-5', TRUST_PROXY: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('PORT');
      expect(message).toContain('SESSION_IDLE_MINUTES');
      expect(message).toContain('TRUST_PROXY');
    }
  });

  it('refuses to start in production without a real session secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrow(/at least 32/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }).NODE_ENV).toBe(
      'production',
    );
  });
});
