import "server-only";
import bcrypt from "bcryptjs";

const COST = 10;
// Compared against when the username does not exist, so that timing does not tell.
const DUMMY_HASH = bcrypt.hashSync("dummy-password-for-timing", COST);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && !!hash;
}
