import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, randomBytes, sign, verify } from 'node:crypto';
import { ResultError, ResultErrorCode } from './result.errors';

/** The one signature scheme of result documents (docs/adr/0009-result-signatures.md). */
export const SIGNATURE_ALGORITHM = 'Ed25519';

/** Hex SHA-256 of the document's bytes: what the result row and the event carry. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What a signature covers: the document's hash, bound to the tenant, the result and the key. */
export interface SignedFacts {
  readonly tenantId: string;
  readonly resultId: string;
  readonly keyId: string;
  readonly sha256: string;
}

/**
 * The exact bytes signed, ASCII lines so an offline verifier can rebuild them:
 * `motcua-result/v1`, `tenant:<id>`, `result:<uuid>`, `key:<uuid>`, `sha256:<hex>`, each
 * ended by `\n`. Binding tenant, result and key stops a signature being replayed for another.
 */
export function signedStatement(facts: SignedFacts): Buffer {
  return Buffer.from(`motcua-result/v1\ntenant:${facts.tenantId}\nresult:${facts.resultId}\nkey:${facts.keyId}\nsha256:${facts.sha256}\n`, 'ascii');
}

/** A fresh key pair, DER encoded (SPKI public, PKCS#8 private). */
export function generateSigningKeyPair(): { publicKey: Buffer; privateKey: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

/** base64url Ed25519 signature of the statement. */
export function signStatement(privateKey: KeyObject, facts: SignedFacts): string {
  return sign(null, signedStatement(facts), privateKey).toString('base64url');
}

/** True only when `signature` is the key's signature of exactly these facts. */
export function verifyStatement(publicKeyDer: Uint8Array, facts: SignedFacts, signature: string): boolean {
  const bytes = Buffer.from(signature, 'base64url');
  if (bytes.length !== 64) return false;
  const key = createPublicKey({ key: Buffer.from(publicKeyDer), format: 'der', type: 'spki' });
  return verify(null, signedStatement(facts), key, bytes);
}

/** The public key as an RFC 8037 JWK (`kty: OKP`, `crv: Ed25519`), with its id. */
export function publicJwk(publicKeyDer: Uint8Array, keyId: string): { kty: string; crv: string; x: string; kid: string; alg: string; use: string } {
  const jwk = createPublicKey({ key: Buffer.from(publicKeyDer), format: 'der', type: 'spki' }).export({ format: 'jwk' });
  return { kty: String(jwk.kty), crv: String(jwk.crv), x: String(jwk.x), kid: keyId, alg: 'EdDSA', use: 'sig' };
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The 32-byte key-encryption key from its base64 configuration value. */
export function keyEncryptionKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('The signing key-encryption key must be 32 bytes (base64)');
  return key;
}

/** Whose key this is: the AES-GCM associated data, so a sealed key opens only in its own row. */
const sealContext = (tenantId: string, keyId: string) => Buffer.from(`motcua-signing-key/v1\n${tenantId}\n${keyId}`, 'utf8');

/** Encrypts a PKCS#8 private key with AES-256-GCM: `iv (12) | tag (16) | ciphertext`. */
export function sealPrivateKey(kek: Buffer, privateKeyDer: Buffer, tenantId: string, keyId: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(sealContext(tenantId, keyId));
  const ciphertext = Buffer.concat([cipher.update(privateKeyDer), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

/** Opens a sealed private key; a wrong KEK, tenant, key id or a changed byte fails (SigningKeyUnreadable). */
export function openPrivateKey(kek: Buffer, sealed: Buffer, tenantId: string, keyId: string): KeyObject {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(sealContext(tenantId, keyId));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const der = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw new ResultError(ResultErrorCode.SigningKeyUnreadable, 'The signing key cannot be opened with the configured key-encryption key', { keyId }, { cause: error });
  }
}

export type VerificationFailure = 'unknown_document' | 'altered' | 'bad_signature';
export type Verification = { readonly valid: true } | { readonly valid: false; readonly reason: VerificationFailure };

/** A stored result as verification needs it. */
export interface StoredSignature extends SignedFacts {
  readonly signature: string;
  readonly publicKey: Uint8Array;
}

/**
 * Is `document` the stored result, signed by its key? Unknown when nothing is stored; altered
 * when its hash differs from the stored one; bad signature when the stored signature does not
 * verify under the tenant's public key for these facts (the row or the key was tampered with).
 */
export function verifyDocument(stored: StoredSignature | null, document: Uint8Array): Verification {
  if (!stored) return { valid: false, reason: 'unknown_document' };
  const sha256 = sha256Hex(document);
  if (sha256 !== stored.sha256) return { valid: false, reason: 'altered' };
  return verifyStatement(stored.publicKey, { ...stored, sha256 }, stored.signature) ? { valid: true } : { valid: false, reason: 'bad_signature' };
}
