/**
 * Bearer tokens for the local runtime, shaped like Cognito access tokens (scope, client_id,
 * cognito:groups, token_use) and signed with a key kept in the data dir. The gateway verifies
 * them the way API Gateway's Cognito authorizer would; `lurewatch token` mints them.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import { ROLE_GRANTS, type Role } from '../../shared/auth/principal.ts';

export const LOCAL_ISSUER = 'https://lurewatch.local/issuer';
const ALG = 'ES256';

interface KeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

async function importPair(jwk: JWK): Promise<KeyPair> {
  const { d: _d, ...publicJwk } = jwk;
  return {
    privateKey: (await importJWK(jwk, ALG)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, ALG)) as CryptoKey,
  };
}

/** Loads the signing key, creating it on first use; 'wx' makes two first users agree on one key. */
export async function loadSigningKey(file: string): Promise<KeyPair> {
  try {
    return await importPair(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(file, JSON.stringify(jwk), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return importPair(JSON.parse(await readFile(file, 'utf8')));
}

export async function mintToken(
  key: KeyPair,
  role: Role,
  options: { sub?: string; expiresIn?: string } = {},
): Promise<string> {
  const grants = ROLE_GRANTS[role];
  const sub = options.sub ?? `local-${role}`;
  const claims: Record<string, unknown> = { token_use: 'access', scope: grants.scopes.join(' ') };
  if (role === 'partner') claims.client_id = sub;
  else {
    claims.username = sub;
    claims['cognito:groups'] = grants.groups;
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setIssuer(LOCAL_ISSUER)
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(key.privateKey);
}

/** Returns the claims of a valid access token, or undefined (bad signature, expired, wrong issuer). */
export async function verifyToken(key: KeyPair, token: string): Promise<Record<string, unknown> | undefined> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, { issuer: LOCAL_ISSUER, algorithms: [ALG] });
    return payload.token_use === 'access' ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
