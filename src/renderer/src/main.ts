import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { loadConsole } from './lib/lazy-views';

// The consoles' code loads while the page waits for its first snapshot (lazy-views.ts).
void loadConsole();

mount(App, { target: document.getElementById('app')! });
