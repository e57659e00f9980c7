declare module '@cycjimmy/jsmpeg-player' {
  const JSMpeg: unknown;
  export default JSMpeg;
}
