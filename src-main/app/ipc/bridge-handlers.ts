// The Bridge's handlers live in core (src-main/core/host/bridge), shared with the HTTP adapter of
// `tether serve --ui`; the IPC side re-exports them so the app's imports stay in ipc/.
export { createBridgeHandlers, type BridgeEngine, type BridgeHandlers, type BridgeHost } from '../../core/host/bridge/bridge-handlers.ts';
