// Vite's `?url` imports: the hashed address of a file the build copies (the map's outlines).
declare module '*.json?url' {
  const url: string;
  export default url;
}
