// Vite's `?url` imports of WebAssembly: the hashed address of the file the build copies (the QR
// reader's zxing_reader.wasm, served from /console/assets/, never from a CDN).
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
