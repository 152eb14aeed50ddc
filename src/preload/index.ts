// The preload exposes the contract's transport and nothing more: one call
// function, one event subscription, and console MessagePorts handed to the page.
import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_CALL,
  IPC_CONSOLE_PORT,
  IPC_EVENT,
  type ConsolePortHandoff,
  type PreloadBridge,
} from '../shared/ipc';
import { handConsolePort } from './console-port-handoff';

const bridge: PreloadBridge = {
  call: (name, args) => ipcRenderer.invoke(IPC_CALL, name, args),
  onEvent: (listener) => {
    ipcRenderer.on(IPC_EVENT, (_event, name: string, payload: unknown, engine: string) =>
      listener(name, payload, engine),
    );
  },
};
contextBridge.exposeInMainWorld('crosstalk', bridge);

ipcRenderer.on(IPC_CONSOLE_PORT, (event, handoff: ConsolePortHandoff) =>
  handConsolePort(window, handoff, event.ports),
);
