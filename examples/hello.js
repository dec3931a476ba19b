// oxnode's hello world: console, timers, the event loop's order, and process.
const order = [];
setTimeout(() => order.push('timeout'), 0);
setImmediate(() => {
  order.push('immediate');
  console.log('order:', order.join(' → '));
});
process.nextTick(() => order.push('nextTick'));
Promise.resolve().then(() => order.push('promise'));
console.log(`hello from ${process.release.name} ${process.version} on ${process.platform}/${process.arch}`);
console.log({ argv: process.argv.slice(2), pid: typeof process.pid });
process.on('exit', (code) => console.log(`exit ${code}`));
