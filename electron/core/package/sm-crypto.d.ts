// The part of sm-crypto 0.5 (which ships no types) that sm2.ts uses. Keys are hex strings: the private key
// 64 digits, the public key "04" + X + Y (130 digits). See node_modules/sm-crypto/src/sm2/index.js.
declare module 'sm-crypto' {
  /** A precomputed signing nonce: k and the x-coordinate of kG, as jsbn BigIntegers. */
  export interface SignPoint {
    k: unknown;
    x1: unknown;
  }
  interface Sm2 {
    generateKeyPairHex(a?: string, b?: number): { privateKey: string; publicKey: string };
    getPublicKeyFromPrivateKey(privateKey: string): string;
    getPoint(): SignPoint & { privateKey: string; publicKey: string };
    verifyPublicKey(publicKey: string): boolean;
    doSignature(
      msg: string | ArrayLike<number>,
      privateKey: string,
      options?: { der?: boolean; hash?: boolean; publicKey?: string; userId?: string; pointPool?: SignPoint[] },
    ): string;
    doVerifySignature(
      msg: string | ArrayLike<number>,
      signHex: string,
      publicKey: string,
      options?: { der?: boolean; hash?: boolean; userId?: string },
    ): boolean;
  }
  const smCrypto: { sm2: Sm2 };
  export default smCrypto;
}
