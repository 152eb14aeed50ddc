// Screen-reader mode for the consoles: xterm then keeps the visible rows as an
// accessible document. It costs about half the throughput of a flood (measured
// in bench/flood.mjs: 7.4 MB/s without, 3.6 MB/s with), so it is a choice the
// person makes once, remembered on this machine.
const KEY = 'crosstalk.screenReader';

class Accessibility {
  screenReader = $state(localStorage.getItem(KEY) === 'on');

  toggle(): void {
    this.screenReader = !this.screenReader;
    localStorage.setItem(KEY, this.screenReader ? 'on' : 'off');
  }
}

export const accessibility = new Accessibility();
