import { hash, verify } from "@node-rs/argon2";

// Argon2id (the library's default) with OWASP's minimum parameters: 19 MiB, 2 passes.
const PARAMS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, PARAMS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
