import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

// OWASP password storage cheat sheet: scrypt with N=2^17, r=8, p=1 (128 MiB). The parameters are stored
// with each hash, so they can be raised later without breaking existing passwords.
export const PRODUCTION_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** Tests trade strength for speed; verification still reads the parameters from the stored hash. */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };

const KEY_LENGTH = 64;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
  /** Spends the same time as a real check, so a missing account is not revealed by timing. */
  verifyNothing(password: string): Promise<false>;
}

export function createPasswordHasher(params: ScryptParams = PRODUCTION_SCRYPT): PasswordHasher {
  const hash = async (password: string): Promise<string> => {
    const salt = randomBytes(16);
    const key = await scryptAsync(password, salt, params);
    return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join(
      '$',
    );
  };
  const verify = async (password: string, stored: string): Promise<boolean> => {
    const [scheme, n, r, p, salt, key] = stored.split('$');
    if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64');
    const options = { N: Number(n), r: Number(r), p: Number(p) };
    const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), options);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };
  let dummy: Promise<string> | undefined;
  const verifyNothing = async (password: string): Promise<false> => {
    dummy ??= hash(randomBytes(16).toString('hex'));
    await verify(password, await dummy);
    return false;
  };
  return { hash, verify, verifyNothing };
}
