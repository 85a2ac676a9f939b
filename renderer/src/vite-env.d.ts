// Vite's `?url` imports give the URL of an asset served from our own origin (CSP `script-src 'self'`).
declare module '*?url' {
  const url: string;
  export default url;
}
